/**
 * The ASL interpreter: every state type, JSONPath and JSONata data flow, variables, Retry and Catch,
 * timeouts, Parallel and Map on virtual time, and a GetExecutionHistory-shaped history. Tasks are
 * run by a TaskHandler (the SageMaker integration); the interpreter knows no service.
 */
import type { ExecutionStatus } from '../../catalog/api.js';
import { TASK_TOKEN_RESOURCES } from '../../catalog/stepFunctionsLimits.js';
import { MAX_EXECUTION_SECONDS } from '../../catalog/stepFunctionsLimits.js';
import {
  applyJsonataTemplate,
  applyTemplate,
  checkPayload,
  payloadJson,
  evaluateJsonata,
  isJsonataExpression,
  readValue,
  type JsonataScope,
  type PathScope,
} from './dataFlow.js';
import { ruleMatches } from './choice.js';
import { History, HISTORY_LIMIT_CAUSE, type HistoryEvent } from './history.js';
import { readPath, writePath } from './jsonPath.js';
import { AbortScope, VirtualScheduler } from './scheduler.js';
import { ASL_BEHAVIOUR, type AslBehaviour } from './behaviour.js';
import type { Catcher, Retrier, StateType } from './states/definitions.js';
import { EVALUATION_ERRORS, locatedCause, StatesError } from './statesError.js';
import { MAX_WAIT_SECONDS, parseOffsetDateTime } from './isoTimestamp.js';
import { isObject } from '../../syntax/json.js';
import type { TaskHandler, TaskInvocation } from './taskHandler.js';

type Obj = Record<string, unknown>;
type Language = 'JSONPath' | 'JSONata';

export type { ExecutionStatus };

/** How an execution ended: status, output or error, history and times. */
export interface ExecutionOutcome {
  readonly status: ExecutionStatus;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly history: readonly HistoryEvent[];
  readonly startEpochMs: number;
  readonly stopEpochMs: number;
}

/** What an execution runs: the definition, input, identities, seed and the Task handler. */
export interface ExecutionSpec {
  readonly definition: Obj;
  readonly input: unknown;
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  readonly region: string;
  readonly startEpochMs: number;
  /** Seeds JitterStrategy FULL, States.UUID and States.MathRandom. */
  readonly seed: number;
  readonly tasks: TaskHandler;
  /** Aborting it stops the execution (StopExecution). */
  readonly stop?: AbortScope;
  /** The ASL rules asked by name (a deliberate deviation may change them); ASL's own by default. */
  readonly behaviour?: AslBehaviour;
}

/** Thrown inside a thread whose scope was aborted; never surfaces as a state error. */
export class TaskAborted extends Error {
  constructor(readonly reason: string) {
    super(`aborted: ${reason}`);
  }
}

/** A small seeded generator (mulberry32): deterministic jitter, UUIDs and random numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Thread {
  readonly scope: AbortScope;
  variables: Obj;
  /** Id of this thread's last event (the next event's previousEventId). */
  last: number;
  readonly mapItem?: { readonly Index: number; readonly Value: unknown };
}

interface Step {
  readonly output: unknown;
  readonly next?: string;
}

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

class Run {
  readonly scheduler = new VirtualScheduler();
  readonly history: History;
  readonly random: () => number;
  /** Task tokens given so far. */
  private tokens = 0;
  private readonly root: AbortScope;
  private readonly behaviour: AslBehaviour;

  constructor(private readonly spec: ExecutionSpec) {
    this.behaviour = spec.behaviour ?? ASL_BEHAVIOUR;
    this.history = new History(spec.startEpochMs, () => this.scheduler.now);
    this.random = seededRandom(spec.seed);
    this.root = new AbortScope(spec.stop);
  }

  private event(thread: Thread, type: string, details?: Obj): number {
    thread.last = this.history.add(type, thread.last, details);
    return thread.last;
  }

  private now(): string {
    return new Date(this.spec.startEpochMs + this.scheduler.now).toISOString();
  }

  private context(
    stateName: string,
    enteredTime: string,
    retryCount: number | undefined,
    thread: Thread,
    state?: Obj,
  ): Obj {
    const ctx: Obj = {
      Execution: {
        Id: this.spec.executionArn,
        Input: this.spec.input,
        Name: this.spec.executionName,
        RoleArn: this.spec.roleArn,
        StartTime: new Date(this.spec.startEpochMs).toISOString(),
        RedriveCount: 0,
      },
      // RetryCount only where a state can retry (recorded on AWS: a Pass state's has none).
      State: {
        EnteredTime: enteredTime,
        Name: stateName,
        ...(retryCount === undefined ? {} : { RetryCount: retryCount }),
      },
      StateMachine: { Id: this.spec.stateMachineArn, Name: this.spec.stateMachineName },
    };
    if (thread.mapItem) ctx.Map = { Item: thread.mapItem };
    // A task of the callback pattern, or of the job-run pattern, has a token (sfn.sync.task-token):
    // a new one for each attempt.
    if (
      state &&
      state.Type === 'Task' &&
      typeof state.Resource === 'string' &&
      TASK_TOKEN_RESOURCES.value.test(state.Resource)
    )
      ctx.Task = { Token: taskToken(this.spec.executionArn, stateName, this.tokens++) };
    return ctx;
  }

  private async sleep(seconds: number, thread: Thread): Promise<void> {
    const woke = await this.scheduler.sleep(seconds * 1000, thread.scope);
    if (woke === 'aborted') throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
  }

  async execute(): Promise<ExecutionOutcome> {
    const thread: Thread = { scope: this.root, variables: {}, last: 0 };
    const { definition, input } = this.spec;
    let stalled: (() => void) | undefined;
    const stall = new Promise<never>((_, reject) => {
      stalled = () =>
        reject(
          new StatesError('States.Runtime', 'the emulator stalled: no thread can run and no timer is left'),
        );
    });
    this.scheduler.onStall(() => stalled?.());
    this.event(thread, 'ExecutionStarted', {
      input: json(input),
      inputDetails: { truncated: false },
      roleArn: this.spec.roleArn,
      stateMachineArn: this.spec.stateMachineArn,
    });
    // The state machine's TimeoutSeconds, and in any case the longest an execution may run.
    const written = this.behaviour.machineTimeoutSeconds(
      typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined,
    );
    const timeout = Math.min(written ?? Infinity, MAX_EXECUTION_SECONDS.value);
    {
      this.scheduler.spawn(async () => {
        const woke = await this.scheduler.sleep(timeout * 1000, this.root);
        if (woke === 'elapsed') this.root.abort('timeout');
      });
    }
    const language: Language = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
    const finish = (
      o: Omit<ExecutionOutcome, 'history' | 'startEpochMs' | 'stopEpochMs'>,
    ): ExecutionOutcome => ({
      ...o,
      history: this.history.events,
      startEpochMs: this.spec.startEpochMs,
      stopEpochMs: this.spec.startEpochMs + this.scheduler.now,
    });
    try {
      checkPayload(input, 'execution input');
      const output = await Promise.race([this.runMachine(definition, input, thread, language), stall]);
      this.event(thread, 'ExecutionSucceeded', { output: json(output), outputDetails: { truncated: false } });
      return finish({ status: 'SUCCEEDED', output });
    } catch (e) {
      const force = (type: string, details: Obj) => {
        thread.last = this.history.add(type, thread.last, details, true);
      };
      if (e instanceof TaskAborted || this.root.aborted) {
        if (this.root.abortReason === 'timeout') {
          const cause = `The execution timed out after ${String(timeout)} seconds`;
          force('ExecutionTimedOut', { error: 'States.Timeout', cause });
          return finish({ status: 'TIMED_OUT', error: 'States.Timeout', cause });
        }
        const reason = this.root.abortReason ?? 'aborted';
        force('ExecutionAborted', {});
        return finish({ status: 'ABORTED', ...(reason !== 'aborted' ? { cause: reason } : {}) });
      }
      const se = e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);
      // A Fail state that names no error fails the execution with a cause alone.
      const error = se.error === '' ? {} : { error: se.error };
      force('ExecutionFailed', { ...error, cause: se.causeText });
      return finish({ status: 'FAILED', ...error, cause: se.causeText });
    }
  }

  async runMachine(machine: Obj, input: unknown, thread: Thread, inherited: Language): Promise<unknown> {
    const states = machine.States as Obj;
    const language: Language =
      machine.QueryLanguage === 'JSONata'
        ? 'JSONata'
        : machine.QueryLanguage === 'JSONPath'
          ? 'JSONPath'
          : inherited;
    let name = machine.StartAt as string;
    let current = input;
    for (;;) {
      const state = states[name];
      if (!isObject(state)) throw new StatesError('States.Runtime', `The state '${name}' does not exist`);
      const step = await this.runState(name, state, current, thread, language);
      current = step.output;
      if (step.next === undefined) return current;
      name = step.next;
    }
  }

  private pathScope(input: unknown, context: Obj, thread: Thread): PathScope {
    return { input, context, variables: thread.variables, random: this.random };
  }

  private jsonataScope(states: Obj, thread: Thread): JsonataScope {
    return { states, variables: thread.variables };
  }

  /** Evaluates a number field of a state: literal, `...Path` (JSONPath) or `{% %}` (JSONata). */
  private async numberField(
    state: Obj,
    field: string,
    input: unknown,
    context: Obj,
    thread: Thread,
  ): Promise<number | undefined> {
    const v = state[field];
    if (typeof v === 'number') return v;
    if (isJsonataExpression(v)) {
      const n = await evaluateJsonata(v, this.jsonataScope({ input, context }, thread), field);
      if (typeof n !== 'number')
        throw new StatesError(
          'States.QueryEvaluationError',
          `The field '${field}' must evaluate to a number`,
        );
      return n;
    }
    const path = state[`${field}Path`];
    if (typeof path === 'string') {
      const n = readValue(path, this.pathScope(input, context, thread), `${field}Path`);
      // A whole number of seconds, zero included (a "long").
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new StatesError(
          'States.Runtime',
          `The ${field}Path parameter cannot be parsed as a long value: ${path} == ${JSON.stringify(n)}`,
        );
      return n;
    }
    return undefined;
  }

  private async runState(
    name: string,
    state: Obj,
    raw: unknown,
    thread: Thread,
    inherited: Language,
  ): Promise<Step> {
    const language: Language =
      state.QueryLanguage === 'JSONata'
        ? 'JSONata'
        : state.QueryLanguage === 'JSONPath'
          ? 'JSONPath'
          : inherited;
    const type = String(state.Type);
    const inputJson = payloadJson(raw, `input of the state '${name}'`);
    const entered = this.now();
    const enteredId = this.event(thread, `${type}StateEntered`, {
      name,
      input: inputJson,
      inputDetails: { truncated: false },
    });
    try {
      const step = await this.stateBody(name, type, state, raw, thread, language, entered);
      const outputJson = payloadJson(step.output, `output of the state '${name}'`, name);
      if (type !== 'Fail')
        this.event(thread, `${type}StateExited`, {
          name,
          output: outputJson,
          outputDetails: { truncated: false },
        });
      return step;
    } catch (e) {
      if (e instanceof StatesError && !e.located && EVALUATION_ERRORS.has(e.error)) {
        const located = new StatesError(e.error, locatedCause(name, enteredId, e.causeText), true);
        // A JSONata evaluation that failed is an event of its own; a Map or Parallel then fails.
        if (e.error === 'States.QueryEvaluationError') {
          this.event(thread, 'EvaluationFailed', {
            error: located.error,
            cause: located.causeText,
            state: name,
          });
          if (type === 'Map' || type === 'Parallel') this.event(thread, `${type}StateFailed`);
        }
        throw located;
      }
      if (
        e instanceof TaskAborted &&
        ['Task', 'Wait', 'Map', 'Parallel'].includes(type) &&
        this.behaviour.recordsEvent(`${type}StateAborted`)
      ) {
        try {
          this.event(thread, `${type}StateAborted`, { name });
        } catch {
          // the history limit: the execution fails anyway
        }
      }
      throw e;
    }
  }

  /** InputPath → Parameters (JSONPath); the state input (JSONata). */
  private effectiveInput(
    state: Obj,
    raw: unknown,
    language: Language,
    context: Obj,
    thread: Thread,
  ): unknown {
    if (language === 'JSONata') return raw;
    if (!this.behaviour.appliesInputPath(state.Type as StateType)) return raw;
    if (state.InputPath === null) return {};
    return this.readStatePath(
      (state.InputPath as string | undefined) ?? '$',
      raw,
      context,
      thread,
      'InputPath',
    );
  }

  /** A JSONPath state's OutputPath applied: null is `{}`, absent is the whole value. */
  private outputPath(state: Obj, value: unknown, context: Obj, thread: Thread): unknown {
    if (state.OutputPath === null) return {};
    return this.readStatePath(
      (state.OutputPath as string | undefined) ?? '$',
      value,
      context,
      thread,
      'OutputPath',
    );
  }

  /** InputPath, OutputPath: a path into the data, or the Context object (`$$`), or a variable (`$name`). */
  private readStatePath(path: string, data: unknown, context: Obj, thread: Thread, field: string): unknown {
    return readValue(path, this.pathScope(data, context, thread), field);
  }

  /** ResultSelector → ResultPath → OutputPath (JSONPath) or Output (JSONata), then Assign. */
  private async finishOutput(
    state: Obj,
    raw: unknown,
    result: unknown,
    context: Obj,
    thread: Thread,
    language: Language,
    defaultOutput: 'result' | 'input',
  ): Promise<unknown> {
    if (language === 'JSONata') {
      const scope = this.jsonataScope({ input: raw, result, context }, thread);
      const output =
        'Output' in state && this.behaviour.appliesJsonataOutput(state.Type as StateType)
          ? await applyJsonataTemplate(state.Output, scope, 'Output')
          : defaultOutput === 'result'
            ? result
            : raw;
      if ('Assign' in state && this.behaviour.appliesJsonataAssign(state.Type as StateType))
        Object.assign(thread.variables, await applyJsonataTemplate(state.Assign, scope, 'Assign'));
      return output;
    }
    const selected =
      isObject(state.ResultSelector) && this.behaviour.appliesResultSelector(state.Type as StateType)
        ? applyTemplate(state.ResultSelector, this.pathScope(result, context, thread), 'ResultSelector')
        : result;
    // Assign is evaluated here, and the variables change once the state's output is made:
    // OutputPath reads them as they were (recorded on AWS).
    const assigned =
      'Assign' in state
        ? (applyTemplate(state.Assign, this.pathScope(selected, context, thread), 'Assign') as Obj)
        : undefined;
    const output = this.pathOutput(state, raw, selected, context, thread);
    if (assigned) Object.assign(thread.variables, assigned);
    return output;
  }

  /** ResultPath, then OutputPath (JSONPath). */
  private pathOutput(state: Obj, raw: unknown, selected: unknown, context: Obj, thread: Thread): unknown {
    const resultPath = 'ResultPath' in state ? (state.ResultPath as string | null) : '$';
    const withResult = this.behaviour.placeResult(raw, resultPath, selected);
    if (state.OutputPath === null) return {};
    const outputPath = this.behaviour.appliesOutputPath(state.Type as StateType) ? state.OutputPath : '$';
    return this.readStatePath(
      (outputPath as string | undefined) ?? '$',
      withResult,
      context,
      thread,
      'OutputPath',
    );
  }

  private async stateBody(
    name: string,
    type: string,
    state: Obj,
    raw: unknown,
    thread: Thread,
    language: Language,
    entered: string,
  ): Promise<Step> {
    const context = this.context(name, entered, RETRYING_TYPES.has(type) ? 0 : undefined, thread, state);
    const next = state.End === true ? undefined : (state.Next as string | undefined);
    switch (type) {
      case 'Pass': {
        const input = this.effectiveInput(state, raw, language, context, thread);
        let result: unknown = input;
        if ('Result' in state) result = state.Result;
        else if (language === 'JSONPath' && 'Parameters' in state)
          result = applyTemplate(state.Parameters, this.pathScope(input, context, thread), 'Parameters');
        const output = await this.finishOutput(state, raw, result, context, thread, language, 'input');
        return {
          output: language === 'JSONata' && !('Output' in state) && 'Result' in state ? result : output,
          ...(next ? { next } : {}),
        };
      }
      case 'Succeed': {
        const input = this.effectiveInput(state, raw, language, context, thread);
        if (language === 'JSONata') {
          const output =
            'Output' in state
              ? await applyJsonataTemplate(
                  state.Output,
                  this.jsonataScope({ input: raw, context }, thread),
                  'Output',
                )
              : raw;
          return { output };
        }
        return {
          output: this.outputPath(state, input, context, thread),
        };
      }
      case 'Fail': {
        let error = state.Error as string | undefined;
        let cause = state.Cause as string | undefined;
        if (language === 'JSONata') {
          const scope = this.jsonataScope({ input: raw, context }, thread);
          if (isJsonataExpression(error)) error = String(await evaluateJsonata(error, scope, 'Error'));
          if (isJsonataExpression(cause)) cause = String(await evaluateJsonata(cause, scope, 'Cause'));
        } else {
          const scope = this.pathScope(raw, context, thread);
          if (typeof state.ErrorPath === 'string')
            error = String(readValue(state.ErrorPath, scope, 'ErrorPath'));
          if (typeof state.CausePath === 'string')
            cause = String(readValue(state.CausePath, scope, 'CausePath'));
        }
        throw new StatesError(error ?? '', cause ?? '');
      }
      case 'Wait': {
        const input = this.effectiveInput(state, raw, language, context, thread);
        let seconds = await this.numberField(state, 'Seconds', raw, context, thread);
        if (seconds === undefined) {
          let at: number | undefined;
          if (typeof state.TimestampPath === 'string') {
            const ts = readValue(state.TimestampPath, this.pathScope(raw, context, thread), 'TimestampPath');
            at = typeof ts === 'string' ? parseOffsetDateTime(ts) : undefined;
            if (at === undefined)
              throw new StatesError(
                'States.Runtime',
                `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.TimestampPath} == ${typeof ts === 'string' ? ts : JSON.stringify(ts)}`,
              );
          } else if (typeof state.Timestamp === 'string') {
            const ts = isJsonataExpression(state.Timestamp)
              ? await evaluateJsonata(
                  state.Timestamp,
                  this.jsonataScope({ input: raw, context }, thread),
                  'Timestamp',
                )
              : state.Timestamp;
            at = typeof ts === 'string' ? parseOffsetDateTime(ts) : undefined;
            if (at === undefined)
              throw new StatesError(
                language === 'JSONata' ? 'States.QueryEvaluationError' : 'States.Runtime',
                `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof ts === 'string' ? ts : JSON.stringify(ts)}`,
              );
          }
          if (at === undefined)
            throw new StatesError(
              'States.Runtime',
              `The Wait state '${name}' has no valid Seconds or Timestamp`,
            );
          seconds = Math.max(0, (at - (this.spec.startEpochMs + this.scheduler.now)) / 1000);
        }
        if (seconds > MAX_WAIT_SECONDS)
          throw new StatesError('States.Runtime', 'Wait state delay is too long.');
        await this.sleep(seconds, thread);
        if (language === 'JSONata')
          return {
            output: await this.finishOutput(state, raw, raw, context, thread, language, 'input'),
            ...(next ? { next } : {}),
          };
        return {
          output: this.outputPath(state, input, context, thread),
          ...(next ? { next } : {}),
        };
      }
      case 'Choice':
        return this.choice(name, state, raw, context, thread, language);
      case 'Task':
      case 'Parallel':
      case 'Map':
        return this.withErrorHandling(name, type, state, raw, context, thread, language, next);
      default:
        throw new StatesError('States.Runtime', `Unsupported state type '${type}'`);
    }
  }

  private async choice(
    name: string,
    state: Obj,
    raw: unknown,
    context: Obj,
    thread: Thread,
    language: Language,
  ): Promise<Step> {
    const choices = (state.Choices as Obj[] | undefined) ?? [];
    let target: Obj | undefined;
    if (language === 'JSONata') {
      const scope = this.jsonataScope({ input: raw, context }, thread);
      for (const rule of choices) {
        // A constant condition (`true`) is taken as it is.
        const v =
          typeof rule.Condition === 'boolean'
            ? rule.Condition
            : await evaluateJsonata(String(rule.Condition), scope, 'Condition');
        if (typeof v !== 'boolean')
          throw new StatesError(
            'States.QueryEvaluationError',
            `The Condition of a Choice rule of '${name}' did not return a boolean`,
          );
        if (v) {
          target = rule;
          break;
        }
      }
      const chosen = target ?? (state.Default !== undefined ? { Next: state.Default } : undefined);
      if (!chosen)
        throw new StatesError(
          'States.NoChoiceMatched',
          `No Choice Rules matched and no Default was specified in the state '${name}'`,
        );
      const output =
        'Output' in (target ?? {})
          ? await applyJsonataTemplate(target!.Output, scope, 'Output')
          : 'Output' in state
            ? await applyJsonataTemplate(state.Output, scope, 'Output')
            : raw;
      for (const assign of [state.Assign, target?.Assign])
        if (assign !== undefined)
          Object.assign(thread.variables, await applyJsonataTemplate(assign, scope, 'Assign'));
      return { output, next: chosen.Next as string };
    }
    const input = this.effectiveInput(state, raw, language, context, thread);
    const scope = this.pathScope(input, context, thread);
    target = choices.find((rule) => ruleMatches(rule, scope));
    const nextName = (target?.Next ?? state.Default) as string | undefined;
    if (nextName === undefined)
      throw new StatesError(
        'States.NoChoiceMatched',
        `No Choice Rules matched and no Default was specified in the state '${name}'`,
      );
    for (const assign of [state.Assign, target?.Assign])
      if (assign !== undefined) Object.assign(thread.variables, applyTemplate(assign, scope, 'Assign'));
    const output = this.outputPath(state, input, context, thread);
    return { output, next: nextName };
  }

  /** Retry and Catch around a Task, Parallel or Map (asl.retry). */
  private async withErrorHandling(
    name: string,
    type: string,
    state: Obj,
    raw: unknown,
    context: Obj,
    thread: Thread,
    language: Language,
    next: string | undefined,
  ): Promise<Step> {
    const retriers = (state.Retry as Retrier[] | undefined) ?? [];
    const catchers = (state.Catch as Catcher[] | undefined) ?? [];
    const attempts = retriers.map(() => 0);
    let retryCount = 0;
    for (;;) {
      try {
        const ctx =
          retryCount === 0
            ? context
            : this.context(name, String((context.State as Obj).EnteredTime), retryCount, thread, state);
        const result = await this.attempt(name, type, state, raw, ctx, thread, language, retryCount);
        const output = await this.finishOutput(state, raw, result, ctx, thread, language, 'result');
        return { output, ...(next ? { next } : {}) };
      } catch (e) {
        if (e instanceof TaskAborted) throw e;
        const se = e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);
        const rules = this.behaviour;
        const handles = (handler: { readonly ErrorEquals: readonly string[] }) =>
          rules.errorMatches(handler.ErrorEquals, se.error);
        const r = rules.matchingRetrier(retriers, handles);
        if (r >= 0 && attempts[r]! < rules.maxAttempts(retriers[r])) {
          const retrier = retriers[r]!;
          const wait = rules.jitter(retrier, rules.retryDelay(retrier, attempts[r]!), this.random);
          attempts[r]!++;
          retryCount++;
          await this.sleep(wait, thread);
          continue;
        }
        const catcher = rules.matchingCatcher(catchers, handles);
        if (!catcher) throw se;
        const errorOutput = { Error: se.error, Cause: se.causeText };
        let output: unknown;
        if (language === 'JSONata') {
          const scope = this.jsonataScope({ input: raw, errorOutput, context }, thread);
          output =
            'Output' in catcher ? await applyJsonataTemplate(catcher.Output, scope, 'Output') : errorOutput;
          if ('Assign' in catcher)
            Object.assign(thread.variables, await applyJsonataTemplate(catcher.Assign, scope, 'Assign'));
        } else {
          if ('Assign' in catcher)
            Object.assign(
              thread.variables,
              applyTemplate(catcher.Assign, this.pathScope(errorOutput, context, thread), 'Assign'),
            );
          const resultPath = rules.catcherResultPath(catcher);
          output = resultPath === null ? raw : writePath(raw, resultPath as string, errorOutput);
        }
        return { output, next: catcher.Next as string };
      }
    }
  }

  private async attempt(
    name: string,
    type: string,
    state: Obj,
    raw: unknown,
    context: Obj,
    thread: Thread,
    language: Language,
    retryCount: number,
  ): Promise<unknown> {
    const input = this.effectiveInput(state, raw, language, context, thread);
    const payloadField = language === 'JSONata' ? 'Arguments' : 'Parameters';
    let payload: unknown = input;
    // A Map's Parameters is its items' selector (ItemSelector's old name), not the state's own.
    if (payloadField in state && type !== 'Map') {
      payload =
        language === 'JSONata'
          ? await applyJsonataTemplate(
              state.Arguments,
              this.jsonataScope({ input: raw, context }, thread),
              'Arguments',
            )
          : applyTemplate(state.Parameters, this.pathScope(input, context, thread), 'Parameters');
    }
    if (type === 'Task') return this.task(name, state, payload, context, thread, retryCount, raw);
    if (type === 'Parallel') return this.parallel(name, state, payload, thread, language);
    return this.map(name, state, input, raw, context, thread, language);
  }

  private async task(
    name: string,
    state: Obj,
    parameters: unknown,
    context: Obj,
    thread: Thread,
    retryCount: number,
    raw: unknown,
  ): Promise<unknown> {
    const resource = String(state.Resource);
    const described = this.spec.tasks.describe(resource, name);
    if (!described)
      throw new StatesError(
        'States.Runtime',
        `The emulator does not run the resource '${resource}' of the state '${name}'; mock the state with a Step Functions Local mock configuration (exec --mock)`,
      );
    const timeout = await this.numberField(state, 'TimeoutSeconds', raw, context, thread);
    const heartbeat = await this.numberField(state, 'HeartbeatSeconds', raw, context, thread);
    const parametersJson = payloadJson(parameters, `parameters of the state '${name}'`);
    this.event(thread, 'TaskScheduled', {
      ...described,
      region: this.spec.region,
      parameters: parametersJson,
      ...(timeout !== undefined ? { timeoutInSeconds: timeout } : {}),
      ...(heartbeat !== undefined ? { heartbeatInSeconds: heartbeat } : {}),
    });
    this.event(thread, 'TaskStarted', described);
    const started = this.scheduler.now;
    const deadline = this.behaviour.taskDeadline(started, timeout);
    let beat = started;
    const cleanups: ((reason: string) => Promise<void> | void)[] = [];
    const timedOut = (what: 'timeout' | 'heartbeat') =>
      new StatesError(
        this.behaviour.timeoutError(what),
        what === 'timeout'
          ? `The task ran past its TimeoutSeconds (${String(timeout)} s)`
          : `The task sent no heartbeat within HeartbeatSeconds (${String(heartbeat)} s)`,
      );
    const invocation: TaskInvocation = {
      stateName: name,
      resource,
      parameters,
      template: state.Arguments ?? state.Parameters,
      templateLanguage: 'Arguments' in state ? 'JSONata' : 'JSONPath',
      parametersJson,
      retryCount,
      executionArn: this.spec.executionArn,
      now: () => this.spec.startEpochMs + this.scheduler.now,
      random: this.random,
      sleep: async (seconds) => {
        const wake = this.scheduler.now + seconds * 1000;
        const heartbeatDeadline = heartbeat === undefined ? Infinity : beat + heartbeat * 1000;
        const limit = Math.min(deadline, heartbeatDeadline);
        await this.sleep((Math.min(wake, limit) - this.scheduler.now) / 1000, thread);
        if (wake > limit) throw timedOut(limit === deadline ? 'timeout' : 'heartbeat');
      },
      heartbeat: () => {
        beat = this.scheduler.now;
      },
      submitted: (output) => {
        if (!this.behaviour.recordsEvent('TaskSubmitted')) return;
        this.event(thread, 'TaskSubmitted', {
          ...described,
          output: json(output),
          outputDetails: { truncated: false },
        });
      },
      onAbort: (cleanup) => {
        cleanups.push(cleanup);
      },
    };
    try {
      const result = await this.spec.tasks.invoke(invocation);
      this.event(thread, 'TaskSucceeded', {
        ...described,
        output: json(result),
        outputDetails: { truncated: false },
      });
      return result;
    } catch (e) {
      if (e instanceof TaskAborted) {
        for (const cleanup of cleanups) await cleanup(e.reason);
        throw e;
      }
      const thrown =
        e instanceof StatesError ? e : new StatesError('States.TaskFailed', (e as Error).message);
      // A task's failure is the task's: its cause is not an evaluation's.
      const se = thrown.located ? thrown : new StatesError(thrown.error, thrown.causeText, true);
      this.event(thread, se.error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed', {
        ...described,
        error: se.error,
        ...this.failureCause(se.causeText),
      });
      throw se;
    }
  }

  /** The cause a TaskFailed or TaskTimedOut event records, if any. */
  private failureCause(cause: string): { cause?: string } {
    const recorded = this.behaviour.taskFailureCause(cause);
    return recorded === undefined ? {} : { cause: recorded };
  }

  private child(thread: Thread, scope: AbortScope, mapItem?: Thread['mapItem']): Thread {
    return { scope, variables: { ...thread.variables }, last: thread.last, ...(mapItem ? { mapItem } : {}) };
  }

  private async parallel(
    name: string,
    state: Obj,
    input: unknown,
    thread: Thread,
    language: Language,
  ): Promise<unknown> {
    const branches = (state.Branches as Obj[]) ?? [];
    if (this.behaviour.recordsEvent('ParallelStateStarted')) this.event(thread, 'ParallelStateStarted');
    const scope = new AbortScope(thread.scope);
    let first: unknown;
    const results = await this.scheduler.all(
      branches.map((branch) => async () => {
        try {
          return await this.runMachine(branch, input, this.child(thread, scope), language);
        } catch (e) {
          if (first === undefined && !(e instanceof TaskAborted)) {
            first = e;
            scope.abort('a branch failed');
          }
          throw e;
        }
      }),
    );
    thread.last = this.history.lastId;
    if (thread.scope.aborted) throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
    if (first !== undefined) {
      this.event(thread, 'ParallelStateFailed');
      throw first;
    }
    this.event(thread, 'ParallelStateSucceeded');
    return results.map((r) => (r as PromiseFulfilledResult<unknown>).value);
  }

  private async map(
    name: string,
    state: Obj,
    input: unknown,
    raw: unknown,
    context: Obj,
    thread: Thread,
    language: Language,
  ): Promise<unknown> {
    let items: unknown;
    if (language === 'JSONata') {
      items =
        'Items' in state
          ? await applyJsonataTemplate(
              state.Items,
              this.jsonataScope({ input: raw, context }, thread),
              'Items',
            )
          : raw;
    } else {
      items = readPath((state.ItemsPath as string | undefined) ?? '$', input, 'ItemsPath');
    }
    if (!Array.isArray(items)) throw mapItemsError(items, language, state.Items);
    const processor = ((state.ItemProcessor ?? state.Iterator) as Obj) ?? {};
    let maxConcurrency = state.MaxConcurrency;
    if (typeof state.MaxConcurrencyPath === 'string') {
      maxConcurrency = readValue(
        state.MaxConcurrencyPath,
        this.pathScope(input, context, thread),
        'MaxConcurrencyPath',
      );
      // A whole number written as text is taken (recorded on AWS: "1").
      if (typeof maxConcurrency === 'string' && /^\d+$/.test(maxConcurrency))
        maxConcurrency = Number(maxConcurrency);
      if (typeof maxConcurrency !== 'number' || !Number.isInteger(maxConcurrency) || maxConcurrency < 0)
        throw new StatesError(
          'States.Runtime',
          `The MaxConcurrencyPath field refers to value "${JSON.stringify(maxConcurrency)}" which is not a valid integer: ${state.MaxConcurrencyPath}`,
        );
    }
    const concurrency =
      typeof maxConcurrency === 'number' && maxConcurrency > 0 ? maxConcurrency : items.length;
    const toleratedCount =
      typeof state.ToleratedFailureCount === 'number' ? state.ToleratedFailureCount : undefined;
    const toleratedPercent =
      typeof state.ToleratedFailurePercentage === 'number' ? state.ToleratedFailurePercentage : undefined;
    const tolerant = toleratedCount !== undefined || toleratedPercent !== undefined;
    const allowed = Math.min(
      toleratedCount ?? Infinity,
      toleratedPercent === undefined ? Infinity : Math.floor((toleratedPercent / 100) * items.length),
    );
    this.event(thread, 'MapStateStarted', { length: items.length });
    const scope = new AbortScope(thread.scope);
    const results: unknown[] = new Array(items.length);
    let failures = 0;
    let failure: unknown;
    let nextIndex = 0;
    const selector = state.ItemSelector ?? state.Parameters;
    const lane = async () => {
      while (nextIndex < items.length && !scope.aborted) {
        const index = nextIndex++;
        const mapItem = { Index: index, Value: (items as unknown[])[index] };
        const itemThread = this.child(thread, scope, mapItem);
        const itemContext = { ...context, Map: { Item: mapItem } };
        itemThread.last = this.history.add('MapIterationStarted', this.history.lastId, { name, index });
        try {
          let itemInput: unknown = mapItem.Value;
          if (selector !== undefined) {
            itemInput =
              language === 'JSONata'
                ? await applyJsonataTemplate(
                    selector,
                    this.jsonataScope({ input: raw, context: itemContext }, itemThread),
                    'ItemSelector',
                  )
                : applyTemplate(selector, this.pathScope(input, itemContext, itemThread), 'ItemSelector');
          }
          results[index] = await this.runMachine(processor, itemInput, itemThread, language);
          if (this.behaviour.recordsEvent('MapIterationSucceeded'))
            itemThread.last = this.history.add('MapIterationSucceeded', itemThread.last, { name, index });
        } catch (e) {
          if (e instanceof TaskAborted) {
            this.history.add('MapIterationAborted', itemThread.last, { name, index }, true);
            throw e;
          }
          this.history.add('MapIterationFailed', itemThread.last, { name, index });
          failures++;
          const se = e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);
          results[index] = { Error: se.error, Cause: se.causeText };
          if (!tolerant || failures > allowed) {
            failure ??= tolerant
              ? new StatesError(
                  'States.ExceedToleratedFailureThreshold',
                  `The Map state '${name}' failed more iterations than tolerated`,
                )
              : se;
            scope.abort('an iteration failed');
          }
        }
      }
    };
    await this.scheduler.all(Array.from({ length: Math.min(concurrency, items.length) }, () => lane));
    thread.last = this.history.lastId;
    if (thread.scope.aborted) throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
    if (failure !== undefined) {
      this.event(thread, 'MapStateFailed');
      throw failure;
    }
    this.event(thread, 'MapStateSucceeded');
    return results;
  }
}

/** Runs one execution to its end on virtual time. */
export function runExecution(spec: ExecutionSpec): Promise<ExecutionOutcome> {
  return new Run(spec).execute();
}

export { HISTORY_LIMIT_CAUSE };

/** A task token: opaque, one per task attempt of the execution (Map iterations too), no random draw. */
function taskToken(executionArn: string, state: string, serial: number): string {
  return Buffer.from(`${executionArn}#${state}#${serial}`).toString('base64');
}

/** The states that can retry, whose Context object has a `State.RetryCount`. */
const RETRYING_TYPES: ReadonlySet<string> = new Set(['Task', 'Map', 'Parallel']);

/** A Map state's items that are not an array, as AWS says so. */
function mapItemsError(items: unknown, language: Language, itemsField: unknown): StatesError {
  if (language !== 'JSONata')
    return new StatesError(
      'States.Runtime',
      `Map state input must be an array but was: ${JSON.stringify(items)}`,
    );
  if (typeof itemsField !== 'string')
    return new StatesError(
      'States.QueryEvaluationError',
      `Map state input must be an array but was: ${JSON.stringify(items) ?? 'null'}`,
    );
  const expression = itemsField.replace(/^\s*\{%\s*/, '').replace(/\s*%\}\s*$/, '');
  if (typeof items === 'function')
    return new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${expression}' specified for the field 'Items' returned an unsupported result type.`,
    );
  const type = items === null ? 'null' : typeof items;
  return new StatesError(
    'States.QueryEvaluationError',
    `The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${JSON.stringify(items)}`,
  );
}
