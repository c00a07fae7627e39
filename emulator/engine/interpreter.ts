/**
 * The ASL interpreter's driver: an execution's start and end (timeouts, abort, the history's
 * Execution* events), the state loop of a machine, and each state's entered and exited events,
 * with the state itself run by its module in engine/states/ (Retry and Catch: errorHandling.ts;
 * input and output processing: inputOutput.ts). Parallel and Map run on virtual time; Tasks are run
 * by a TaskHandler (taskHandler.ts): the interpreter knows no service. The rules a deliberate
 * deviation may change are asked of the execution's behaviour (behaviour.ts).
 */
import type { QueryLanguage } from '../../catalog/api.js';
import { MAX_EXECUTION_SECONDS } from '../../catalog/stepFunctionsLimits.js';
import { ASL_BEHAVIOUR, type AslBehaviour } from './behaviour.js';
import { contextObject, hasTaskToken, taskToken, type ContextObject } from './contextObject.js';
import { checkPayload, payloadJson } from './dataFlow.js';
import {
  TaskAborted,
  type ExecutionOutcome,
  type ExecutionSpec,
  type Run,
  type StateExecution,
  type Step,
  type Thread,
} from './execution.js';
import { eventJson, History } from './history.js';
import type { HistoryEvent } from './history.js';
import { AbortScope, VirtualScheduler } from './scheduler.js';
import { seededRandom } from './seededRandom.js';
import { runChoice } from './states/choice.js';
import {
  isKnownState,
  languageOf,
  stateOf,
  type MachineDefinition,
  type StateDefinition,
  type UnknownState,
} from './states/definitions.js';
import { withErrorHandling, type AttemptFailure, type RetryingState } from './states/errorHandling.js';
import { runFail } from './states/fail.js';
import { effectiveInput, statePayload } from './states/inputOutput.js';
import { runMap } from './states/map.js';
import { runParallel } from './states/parallel.js';
import { runPass } from './states/pass.js';
import { runSucceed } from './states/succeed.js';
import { runTask } from './states/task.js';
import { runWait } from './states/wait.js';
import { EVALUATION_ERRORS, locatedCause, StatesError } from './statesError.js';

/** The states that can retry, whose Context object has a `State.RetryCount`. */
const RETRYING_TYPES: ReadonlySet<unknown> = new Set(['Task', 'Map', 'Parallel']);

/** The states whose abort is recorded (`<Type>StateAborted`). */
const ABORTABLE_TYPES: ReadonlySet<string> = new Set(['Task', 'Wait', 'Map', 'Parallel']);

/** One execution on its own clock (virtual unless the spec says otherwise). */
class Interpreter implements Run {
  readonly scheduler: VirtualScheduler;
  readonly history: History;
  readonly random: () => number;
  readonly behaviour: AslBehaviour;
  /** Task tokens given so far. */
  private tokens = 0;
  private readonly root: AbortScope;

  constructor(readonly spec: ExecutionSpec) {
    this.behaviour = spec.behaviour ?? ASL_BEHAVIOUR;
    this.scheduler = new VirtualScheduler(spec.clock);
    this.history = new History(spec.startEpochMs, () => this.scheduler.now);
    this.random = seededRandom(spec.seed);
    this.root = new AbortScope(spec.stop);
  }

  event(thread: Thread, type: string, details?: Record<string, unknown>): number {
    thread.last = this.history.add(type, thread.last, details);
    return thread.last;
  }

  /** The virtual time now, as ISO 8601. */
  private now(): string {
    return new Date(this.spec.startEpochMs + this.scheduler.now).toISOString();
  }

  contextObject(
    stateName: string,
    enteredTime: string,
    retryCount: number | undefined,
    thread: Thread,
    state?: StateDefinition,
  ): ContextObject {
    const { spec } = this;
    return contextObject({
      executionArn: spec.executionArn,
      executionName: spec.executionName,
      input: spec.input,
      roleArn: spec.roleArn,
      startEpochMs: spec.startEpochMs,
      stateMachineArn: spec.stateMachineArn,
      stateMachineName: spec.stateMachineName,
      stateName,
      enteredTime,
      retryCount,
      taskToken:
        state?.Type === 'Task' && hasTaskToken(state.Resource)
          ? taskToken(spec.executionArn, stateName, this.tokens++)
          : undefined,
    });
  }

  async sleep(seconds: number, thread: Thread): Promise<void> {
    const woke = await this.scheduler.sleep(seconds * 1000, thread.scope);
    if (woke === 'aborted') throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
  }

  child(thread: Thread, scope: AbortScope): Thread {
    return { scope, variables: { ...thread.variables }, last: thread.last };
  }

  async execute(): Promise<ExecutionOutcome> {
    const thread: Thread = { scope: this.root, variables: {}, last: 0 };
    const { input } = this.spec;
    // The one place the definition's JSON is taken as a machine: creation checked its shape.
    const definition = this.spec.definition as unknown as MachineDefinition;
    const stall = this.scheduler.stalls();
    this.event(thread, 'ExecutionStarted', {
      input: eventJson(input),
      inputDetails: { truncated: false },
      roleArn: this.spec.roleArn,
      stateMachineArn: this.spec.stateMachineArn,
    });
    // The state machine's TimeoutSeconds, and in any case the longest an execution may run.
    const written = this.behaviour.machineTimeoutSeconds(
      typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined,
    );
    const timeout = Math.min(written ?? Infinity, MAX_EXECUTION_SECONDS.value);
    this.scheduler.spawn(async () => {
      const woke = await this.scheduler.sleep(timeout * 1000, this.root);
      if (woke === 'elapsed') this.root.abort('timeout');
    });
    const finish = (
      o: Omit<ExecutionOutcome, 'history' | 'startEpochMs' | 'stopEpochMs'>,
    ): ExecutionOutcome => {
      this.scheduler.close();
      return {
        ...o,
        history: this.history.events,
        startEpochMs: this.spec.startEpochMs,
        stopEpochMs: this.spec.startEpochMs + this.scheduler.now,
      };
    };
    try {
      checkPayload(input, 'execution input');
      const language = languageOf(definition, 'JSONPath');
      const output = await Promise.race([this.runMachine(definition, input, thread, language), stall]);
      this.event(thread, 'ExecutionSucceeded', {
        output: eventJson(output),
        outputDetails: { truncated: false },
      });
      return finish({ status: 'SUCCEEDED', output });
    } catch (e) {
      const force = (type: string, details: Record<string, unknown>) => {
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

  /** The state loop: from StartAt, each state's Next, until a state ends the machine. */
  async runMachine(
    machine: MachineDefinition,
    input: unknown,
    thread: Thread,
    inherited: QueryLanguage,
  ): Promise<unknown> {
    const language = languageOf(machine, inherited);
    let name = machine.StartAt;
    let current = input;
    for (;;) {
      const state = stateOf(machine, name);
      if (!state) throw new StatesError('States.Runtime', `The state '${name}' does not exist`);
      const step = await this.runState(name, state, current, thread, language);
      current = step.output;
      if (step.next === undefined) return current;
      name = step.next;
    }
  }

  /** One state: its entered event, its run, its exited event; errors located in it, its abort recorded. */
  private async runState(
    name: string,
    state: StateDefinition | UnknownState,
    input: unknown,
    thread: Thread,
    inherited: QueryLanguage,
  ): Promise<Step> {
    const language = languageOf(state, inherited);
    const type = String(state.Type);
    const inputJson = payloadJson(input, `input of the state '${name}'`);
    const enteredTime = this.now();
    const enteredId = this.event(thread, `${type}StateEntered`, {
      name,
      input: inputJson,
      inputDetails: { truncated: false },
    });
    try {
      if (!isKnownState(state)) throw new StatesError('States.Runtime', `Unsupported state type '${type}'`);
      const step = await this.stateBody({
        run: this,
        name,
        state,
        input,
        context: this.contextObject(
          name,
          enteredTime,
          RETRYING_TYPES.has(type) ? 0 : undefined,
          thread,
          state,
        ),
        enteredTime,
        thread,
        language,
        next: state.End === true ? undefined : state.Next,
      });
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
        ABORTABLE_TYPES.has(type) &&
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

  /** Runs a state by its type. */
  private stateBody(execution: StateExecution): Promise<Step> {
    const { state } = execution;
    switch (state.Type) {
      case 'Pass':
        return runPass({ ...execution, state });
      case 'Succeed':
        return runSucceed({ ...execution, state });
      case 'Fail':
        return runFail({ ...execution, state });
      case 'Wait':
        return runWait({ ...execution, state });
      case 'Choice':
        return runChoice({ ...execution, state });
      case 'Task':
      case 'Parallel':
      case 'Map':
        return withErrorHandling({ ...execution, state }, (attempt, retryCount, failure) =>
          this.attempt(attempt, retryCount, failure),
        );
    }
  }

  /** One attempt of a Task, Parallel or Map: its input and Parameters or Arguments, then the state's run. */
  private async attempt(
    execution: StateExecution<RetryingState>,
    retryCount: number,
    failure: AttemptFailure,
  ): Promise<unknown> {
    const { state } = execution;
    const input = effectiveInput(execution);
    // A Map's Parameters is its items' selector (ItemSelector's old name), not the state's own.
    if (state.Type === 'Map') return runMap({ ...execution, state }, input, failure);
    const payload = await statePayload({ ...execution, state }, input);
    if (state.Type === 'Task') return runTask({ ...execution, state }, payload, retryCount);
    return runParallel({ ...execution, state }, payload, failure);
  }
}

/** Runs one execution to its end on its clock (virtual time unless the spec says otherwise). */
export function runExecution(spec: ExecutionSpec): Promise<ExecutionOutcome> {
  return startExecution(spec).done;
}

/** Starts one execution: its end, and its history as it grows (GetExecutionHistory of a running execution). */
export function startExecution(spec: ExecutionSpec): {
  readonly done: Promise<ExecutionOutcome>;
  readonly history: readonly HistoryEvent[];
} {
  const interpreter = new Interpreter(spec);
  return { done: interpreter.execute(), history: interpreter.history.events };
}

export type { ExecutionOutcome, ExecutionSpec, ExecutionStatus } from './execution.js';
