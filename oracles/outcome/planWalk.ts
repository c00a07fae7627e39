/**
 * Running a case's flow plan, step by step: tasks with their data flow, Retry (waits, backoff,
 * jitter), Catch and timeouts; output checks, Pass, Choice, Succeed; Map iterations and Parallel
 * branches, each with its own scope of variables. Each step records its history events; each
 * SageMaker attempt is the world's to answer.
 */
import { RETRY_DEFAULTS } from '../../catalog/stepFunctionsLimits.js';
import type {
  CatcherPlan,
  ChoosePlan,
  FlowPlan,
  JsonPath,
  NumericComparison,
  PlanValue,
  RetrierPlan,
  StepPlan,
  TaskPlan,
  ValueSource,
} from '../../contracts/casePlan.js';
import { CauseMatch, type CaseForPrediction, type Place } from '../../contracts/prediction.js';
import { causeOf, type Attempt, type Outcome } from './outcomes.js';
import { evaluateTemplate, getPath, resolveRequest, resolveSource, setPath } from './resolveValue.js';
import { rule, type Provenance } from '../../catalog/provenance.js';
import { flowRule, matches, RULES } from './rules.js';
import type { World } from './world.js';

/** An attempt that ended in an error. */
type Failure = Extract<Attempt, { readonly error: string }>;

/** The wait before retry `retry` (0-based) of a retrier, in ms (asl.retry). */
export function retryWait(retrier: RetrierPlan, retry: number): number {
  const defaults = RETRY_DEFAULTS.value;
  let wait =
    (retrier.intervalSeconds ?? defaults.intervalSeconds) *
    (retrier.backoffRate ?? defaults.backoffRate) ** retry;
  if (retrier.maxDelaySeconds !== undefined) wait = Math.min(wait, retrier.maxDelaySeconds);
  return wait * 1000;
}

/** The steps of a task's output processing: after ResultSelector and ResultPath (JSONPath), and the output. */
export interface OutputSteps {
  readonly afterResultSelector?: unknown;
  readonly afterResultPath?: unknown;
  readonly output: unknown;
}

/** The state's output from its result, step by step: ResultSelector, ResultPath, OutputPath (JSONPath) or Output (JSONata). */
export function taskOutputSteps(task: TaskPlan, raw: unknown, result: unknown): OutputSteps {
  if (task.queryLanguage === 'JSONata')
    return { output: task.output ? evaluateTemplate(task.output, { result, input: raw }) : result };
  const selected = task.resultSelector
    ? evaluateTemplate(task.resultSelector, { result, input: raw })
    : result;
  const withResult = placed(raw, task.resultPath, selected);
  return {
    afterResultSelector: selected,
    afterResultPath: withResult,
    output: task.outputPath ? getPath(withResult, task.outputPath) : withResult,
  };
}

/** The state's output from its result (taskOutputSteps' last step). */
const taskOutput = (task: TaskPlan, raw: unknown, result: unknown): unknown =>
  taskOutputSteps(task, raw, result).output;

/** The output a catcher makes of the state's input and the error output: placed by its ResultPath (JSONPath); a JSONata catcher has none, the error output is the output. */
export function caughtOutput(
  task: TaskPlan,
  raw: unknown,
  catcher: CatcherPlan,
  errorOutput: unknown,
): unknown {
  return placed(raw, task.queryLanguage === 'JSONPath' ? catcher.resultPath : undefined, errorOutput);
}

/** ResultPath (of a task or a catcher): absent (`$`) the value replaces the input, null drops it, a path puts it there. */
function placed(raw: unknown, resultPath: JsonPath | null | undefined, value: unknown): unknown {
  return resultPath === undefined ? value : resultPath === null ? raw : setPath(raw, resultPath, value);
}

/** The sources a request value reads. */
function sourcesOf(value: PlanValue): ValueSource[] {
  return value.given === 'path' || value.given === 'parse'
    ? [value.source]
    : value.given === 'format'
      ? [...value.args]
      : value.given === 'jsonata'
        ? value.parts.filter((part): part is ValueSource => 'from' in part)
        : [];
}

/** Whether a request value reads what earlier states produced: the state's input, or a variable. */
function readsState(value: PlanValue): boolean {
  return sourcesOf(value).some((source) => source.from === 'input' || source.from === 'variable');
}

/** The values a resolved request wrote from the attempt's State.RetryCount (the names it numbers). */
function countedNames(task: TaskPlan, request: unknown): string[] {
  return task.request.dynamic
    .filter((member) => sourcesOf(member.value).some((source) => source.from === 'context'))
    .map((member) => getPath(request, member.at))
    .filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The numeric comparisons of a Choice rule (asl.choice-numeric): equality holds for the Equals forms alone. */
const COMPARISONS: Record<NumericComparison, (value: number, threshold: number) => boolean> = {
  NumericEquals: (value, threshold) => value === threshold,
  NumericGreaterThan: (value, threshold) => value > threshold,
  NumericGreaterThanEquals: (value, threshold) => value >= threshold,
  NumericLessThan: (value, threshold) => value < threshold,
  NumericLessThanEquals: (value, threshold) => value <= threshold,
};

/**
 * A task the walk reached, at its first attempt: the input that reached it, its resolved request,
 * the variables in scope, and whether the prediction was already undecided then.
 */
export interface TaskVisit {
  readonly task: TaskPlan;
  readonly raw: unknown;
  readonly request: Record<string, unknown>;
  /** The ARN of the resource the task's create call makes (what its result names). */
  readonly arn: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly undecided: boolean;
}

/** One execution's run of its plan, in the world that answers its SageMaker calls. */
export class PlanWalk {
  /** The first task entered, while no other has been (its attempts, over a Map's iterations too, are the case's). */
  private primaryTask?: string | null;
  /** What decides the next state's entry, where a Choice decided it. */
  private entry?: Provenance;
  /** The workflow variables in scope; a Map iteration or Parallel branch writes its own copy. */
  private variables: Record<string, unknown> = {};

  constructor(
    private readonly world: World,
    private readonly theCase: CaseForPrediction,
    /** Told of each task the walk reaches whose request resolves, at its first attempt. */
    private readonly onTask?: (visit: TaskVisit) => void,
  ) {}

  /** Runs the steps of a flow in order, until one fails, stops or ends the flow. */
  flow(flow: FlowPlan, input: unknown): Outcome {
    let current = input;
    for (const step of flow.steps) {
      const outcome = this.step(step, current);
      if (outcome.kind !== 'ok') return outcome;
      current = outcome.output;
      if (outcome.ended) return { kind: 'ok', output: current };
    }
    return { kind: 'ok', output: current };
  }

  private step(step: StepPlan, input: unknown): Outcome {
    const timeline = this.world.timeline;
    const place: Place = { state: step.name };
    timeline.at = place;
    switch (step.kind) {
      case 'task':
        return this.task(step, input);
      case 'succeed':
        timeline.event(this.enteredBy(), 'SucceedStateEntered');
        timeline.event(RULES.history, 'SucceedStateExited');
        return { kind: 'ok', output: input, ended: true };
      case 'pass':
        timeline.event(this.enteredBy(), 'PassStateEntered');
        timeline.event(RULES.history, 'PassStateExited');
        timeline.produced(flowRule(step.queryLanguage));
        this.world.used.push(RULES.dataFlow);
        if (step.variable !== undefined) {
          this.variables = { ...this.variables, [step.variable]: step.result };
          return { kind: 'ok', output: input };
        }
        return { kind: 'ok', output: placed(input, step.resultPath, step.result) };
      case 'check': {
        // As the rendered rule reads: the field is present and is not the empty string. The field
        // is the task's output: what decides the output decides the branch.
        const decides = timeline.output?.rule ? rule(timeline.output.rule) : flowRule(step.queryLanguage);
        this.entry = undefined;
        timeline.event(decides, 'ChoiceStateEntered', 'ChoiceStateExited');
        const value = getPath(input, step.field);
        if (value !== undefined && value !== '') {
          // The state the Choice goes on to is entered as the Choice decided.
          this.entry = decides;
          return { kind: 'ok', output: input };
        }
        timeline.event(decides, 'FailStateEntered');
        return {
          kind: 'failed',
          error: step.invalid.error,
          cause: causeOf(step.invalid.cause),
          rule: decides,
          at: place,
        };
      }
      case 'choose': {
        timeline.event(this.enteredBy(flowRule(step.queryLanguage)), 'ChoiceStateEntered');
        timeline.event(flowRule(step.queryLanguage), 'ChoiceStateExited');
        this.world.used.push(RULES.dataFlow);
        const outcome = this.flow(this.chosen(step, input) ? step.whenTrue : step.otherwise, input);
        return outcome.kind === 'ok' ? { ...outcome, ended: true } : outcome;
      }
      case 'map': {
        timeline.event(this.enteredBy(), 'MapStateEntered');
        // Started once its items are read (ItemsPath, or JSONata's Items).
        timeline.event(flowRule(step.queryLanguage), 'MapStateStarted');
        // JSONata: `Items` is `[$states.input]`; JSONPath: ItemsPath (default `$`).
        const items = step.queryLanguage === 'JSONata' ? [input] : getPath(input, step.itemsPath ?? []);
        const count = Array.isArray(items) ? items.length : 0;
        // MaxConcurrency absent is 1 here (the plan's); 0 runs every item at once.
        const atOnce = Math.min(step.maxConcurrency === undefined ? 1 : step.maxConcurrency || count, count);
        if (atOnce > 1)
          this.world.leaveUndecided(
            `state "${step.name}": ${atOnce} iterations run at once; the order of their calls and events, and which Create a job quota refuses, are not known (sfn.map.concurrent-iterations)`,
            RULES.concurrentIterations,
          );
        const outputs: unknown[] = [];
        for (const item of (items as unknown[] | undefined) ?? []) {
          timeline.event(RULES.history, 'MapIterationStarted');
          const outcome = this.scoped(() =>
            this.flow(step.iteration, step.itemAs ? { [step.itemAs]: item } : item),
          );
          timeline.at = place;
          // A failure inside ends the Map: what decides the failure decides these events.
          if (outcome.kind === 'failed') {
            timeline.event(outcome.rule, 'MapIterationFailed', 'MapStateFailed');
            return outcome;
          }
          if (outcome.kind !== 'ok') {
            timeline.event(RULES.abortHistory, 'MapIterationAborted', 'MapStateAborted');
            return outcome;
          }
          timeline.event(RULES.history, 'MapIterationSucceeded');
          outputs.push(outcome.output);
        }
        timeline.event(RULES.history, 'MapStateSucceeded', 'MapStateExited');
        timeline.produced(flowRule(step.queryLanguage));
        return { kind: 'ok', output: outputs };
      }
      case 'parallel': {
        timeline.event(this.enteredBy(), 'ParallelStateEntered');
        timeline.event(RULES.history, 'ParallelStateStarted');
        const outputs: unknown[] = [];
        for (const branch of step.branches) {
          const outcome = this.scoped(() => this.flow(branch, input));
          timeline.at = place;
          if (outcome.kind === 'failed') {
            timeline.event(outcome.rule, 'ParallelStateFailed');
            return outcome;
          }
          if (outcome.kind !== 'ok') {
            timeline.event(RULES.abortHistory, 'ParallelStateAborted');
            return outcome;
          }
          outputs.push(outcome.output);
        }
        timeline.event(RULES.history, 'ParallelStateSucceeded', 'ParallelStateExited');
        timeline.produced(flowRule(step.queryLanguage));
        return { kind: 'ok', output: outputs };
      }
    }
  }

  /**
   * Whether a Choice's rule holds: the flag is true, or the metric compares with the threshold as
   * the rule's operator says (asl.choice-numeric), which then decides the state entered next.
   */
  private chosen(step: ChoosePlan, input: unknown): boolean {
    const value = getPath(input, step.flag);
    if (!step.comparison) return value === true;
    this.world.used.push(RULES.choiceNumeric);
    this.entry = RULES.choiceNumeric;
    if (typeof value !== 'number') {
      this.world.leaveUndecided(
        `state "${step.name}": a numeric comparison of a value that is not a number is not predicted`,
        RULES.choiceNumeric,
      );
      return false;
    }
    return COMPARISONS[step.comparison.operator](value, step.comparison.threshold);
  }

  /** What decides that the next state is entered: the Choice before it, if one decided it; else the history's rule. */
  private enteredBy(otherwise: Provenance = RULES.history): Provenance {
    const entry = this.entry ?? otherwise;
    this.entry = undefined;
    return entry;
  }

  /** Runs an iteration or a branch: it reads the variables in scope, and what it assigns stays inside. */
  private scoped(run: () => Outcome): Outcome {
    const outer = this.variables;
    try {
      return run();
    } finally {
      this.variables = outer;
    }
  }

  /** A SageMaker task: its request resolved, then attempts until one succeeds, or no retrier takes the error. */
  private task(task: TaskPlan, raw: unknown): Outcome {
    const world = this.world;
    const timeline = world.timeline;
    const place: Place = { state: task.name, api: task.api, pattern: task.pattern };
    timeline.at = place;
    if (this.primaryTask === undefined) this.primaryTask = task.name;
    else if (this.primaryTask !== task.name) this.primaryTask = null;
    const primary = this.primaryTask === task.name;
    const before = world.firstAttempts ?? 0;
    // Entered: the integration runs the task's resource (and the Choice before it, if any, chose it).
    timeline.event(this.enteredBy(RULES.patterns), 'TaskStateEntered');
    const effective =
      task.queryLanguage === 'JSONPath' && task.inputPath ? getPath(raw, task.inputPath) : raw;
    if (task.inputPath) world.used.push(RULES.dataFlow);
    const scope = {
      input: effective,
      executionInput: this.theCase.input,
      executionName: this.theCase.executionName,
      variables: this.variables,
      retryCount: 0,
    };
    let request = resolveRequest(task.request, scope);
    // A request value States.Format builds: its template, and how it writes a number argument.
    for (const { value } of task.request.dynamic)
      if (value.given === 'format') {
        world.used.push(RULES.format);
        if (value.args.some((a) => typeof resolveSource(a, scope) === 'number'))
          world.used.push(RULES.formatNumber);
      }
    // A request that reads the attempt's State.RetryCount is resolved again on each retry.
    const perAttempt = task.request.dynamic.some((member) =>
      sourcesOf(member.value).some((source) => source.from === 'context'),
    );
    if (perAttempt) world.used.push(RULES.retryCount);
    if (!request && task.queryLanguage === 'JSONPath') {
      // A path Parameters cannot resolve: States.Runtime, never retried or caught.
      world.used.push(RULES.pathUnresolved, RULES.uncatchable);
      return { kind: 'failed', error: 'States.Runtime', rule: RULES.pathUnresolved, at: place };
    }
    /** The retries each retrier has made so far. */
    const retriesMade = task.retry.map(() => 0);
    let attempts = 0;
    if (primary) world.firstAttempts = before;
    for (;;) {
      let attempt: Attempt;
      if (request) {
        // The attempts are the TaskScheduled events of the first task.
        attempts++;
        if (primary) world.firstAttempts = before + attempts;
        // The request resolved (a first attempt), or a retrier took the error (the next ones).
        if (attempts === 1) {
          this.onTask?.({
            task,
            raw,
            request,
            arn: world.callsOf(task, request).find((call) => call.phase === 'create')!.resource,
            variables: this.variables,
            undecided: world.undecided !== undefined,
          });
          const resolved = this.resolvedBy(task);
          timeline.eventAt(resolved.rule, resolved.at, 'TaskScheduled');
        } else timeline.event(RULES.retry, 'TaskScheduled');
        if (attempts > 1 && perAttempt) {
          // State.RetryCount: the retries made so far (recorded on AWS with one retrier).
          if (retriesMade.filter((made) => made > 0).length > 1)
            world.leaveUndecided(
              `state "${task.name}": what State.RetryCount counts after retries by two retriers is not known`,
              RULES.retryCountRetriers,
            );
          const retryCount = retriesMade.reduce((sum, made) => sum + made, 0);
          request = resolveRequest(task.request, { ...scope, retryCount }) ?? request;
        }
        timeline.event(RULES.history, 'TaskStarted');
        // Every attempt's names read the count, the first's too (0).
        if (perAttempt) world.attemptNaming = { rule: RULES.retryCount, names: countedNames(task, request) };
        try {
          attempt = world.attempt(task, request);
        } finally {
          world.attemptNaming = undefined;
        }
      } else {
        // Arguments that return nothing: the task is not scheduled; the error can be retried and caught.
        world.used.push(RULES.queryEvaluation);
        attempt = {
          rule: RULES.queryEvaluation,
          error: 'States.QueryEvaluationError',
          submitted: false,
          unscheduled: true,
        };
      }
      timeline.at = place;
      if (attempt.submitted) timeline.event(RULES.patterns, 'TaskSubmitted');
      if ('stopped' in attempt) {
        timeline.event(RULES.abortHistory, 'TaskStateAborted');
        return { kind: attempt.stopped };
      }
      if ('result' in attempt) {
        timeline.event(attempt.rule, 'TaskSucceeded');
        const flows = task.resultSelector || task.resultPath !== undefined || task.outputPath || task.output;
        // The state's output is built from the result by its data flow.
        timeline.event(flows ? flowRule(task.queryLanguage) : RULES.history, 'TaskStateExited');
        timeline.produced(flows ? flowRule(task.queryLanguage) : attempt.rule);
        if (flows) world.used.push(RULES.dataFlow);
        if (task.assign) {
          const assigned = Object.entries(task.assign).map(
            ([variable, template]) =>
              [variable, evaluateTemplate(template, { result: attempt.result, input: raw })] as const,
          );
          this.variables = { ...this.variables, ...Object.fromEntries(assigned) };
        }
        return { kind: 'ok', output: taskOutput(task, raw, attempt.result) };
      }
      if (!attempt.unscheduled)
        timeline.event(attempt.rule, attempt.timedOut ? 'TaskTimedOut' : 'TaskFailed');
      if (!attempt.unscheduled && !attempt.timedOut) {
        world.taskFailures.push({ error: attempt.error, ...(attempt.cause ? { cause: attempt.cause } : {}) });
        timeline.failure(attempt.rule);
      }
      // Which retrier or catcher matches the error (States.TaskFailed and States.ALL as wildcards).
      if (task.retry.length + task.catch.length > 0) world.used.push(RULES.retry, RULES.taskFailed);
      const retrierIndex = task.retry.findIndex((retrier) => matches(retrier.errorEquals, attempt.error));
      const retrier = task.retry[retrierIndex];
      if (
        retrier !== undefined &&
        retriesMade[retrierIndex]! < (retrier.maxAttempts ?? RETRY_DEFAULTS.value.maxAttempts)
      ) {
        const wait = retryWait(retrier, retriesMade[retrierIndex]!);
        retriesMade[retrierIndex]!++;
        world.used.push(RULES.retry);
        if (world.pastDeadline(world.nowMs + wait)) {
          world.used.push(RULES.abortHistory);
          timeline.event(RULES.machineTimeout, 'TaskStateAborted');
          return { kind: 'timedOut' };
        }
        if (wait > 0) timeline.waited(RULES.retry);
        world.nowMs += wait;
        if (retrier.jitterStrategy === 'FULL') world.jitterMs += wait;
        continue;
      }
      const catcher = task.catch.find((candidate) => matches(candidate.errorEquals, attempt.error));
      if (!catcher) {
        // Arguments that failed to evaluate, left uncaught: the evaluation's failure is an event (recorded on AWS).
        if (attempt.unscheduled) timeline.event(attempt.rule, 'EvaluationFailed');
        // Retries spent, or none: what fails the execution is the retriers' end where there are any.
        const decides = retrier !== undefined ? RULES.retry : attempt.rule;
        return {
          kind: 'failed',
          error: attempt.error,
          ...(attempt.cause ? { cause: attempt.cause } : {}),
          rule: decides,
          at: place,
        };
      }
      return this.caught(task, raw, attempt, catcher);
    }
  }

  /**
   * What decides that a task's request resolves: where it reads values the earlier states produced
   * (the input, a variable), the rule of the state that produced them, there; else data flow.
   */
  private resolvedBy(task: TaskPlan): { rule: Provenance; at?: Place } {
    const timeline = this.world.timeline;
    const producer = timeline.output;
    const reads = task.request.dynamic.some((member) => readsState(member.value));
    if (!reads || !producer)
      return { rule: flowRule(task.queryLanguage), ...(timeline.at ? { at: timeline.at } : {}) };
    return { rule: rule(producer.rule), ...(producer.at ? { at: producer.at } : {}) };
  }

  /** A task's error taken by a catcher: on to a Fail state, another task, or a recovering Pass. */
  private caught(task: TaskPlan, raw: unknown, failure: Failure, catcher: CatcherPlan): Outcome {
    const timeline = this.world.timeline;
    this.world.used.push(RULES.retry);
    timeline.event(RULES.retry, 'TaskStateExited');
    const target = catcher.target;
    if (target.kind === 'fail') {
      timeline.at = { state: target.state };
      timeline.event(RULES.retry, 'FailStateEntered');
      return {
        kind: 'failed',
        error: target.error,
        cause: causeOf(target.cause),
        rule: RULES.retry,
        at: { state: task.name, api: task.api, pattern: task.pattern },
      };
    }
    if (target.kind === 'state') throw new Error(`catch target "${target.state}" is not modelled`);
    const caughtError = {
      Error: failure.error,
      ...(failure.cause ? { Cause: new CauseMatch(failure.cause.includes) } : {}),
    };
    const next = caughtOutput(task, raw, catcher, caughtError);
    if (target.kind === 'task') {
      // Another SageMaker task, with the error output as its input; it ends the flow.
      const outcome = this.task(target.task, next);
      return outcome.kind === 'ok' ? { ...outcome, ended: true } : outcome;
    }
    // A recovering Pass: the output shows the caught error where the catcher puts it.
    timeline.at = { state: target.state };
    timeline.event(RULES.retry, 'PassStateEntered', 'PassStateExited');
    timeline.produced(RULES.retry);
    return { kind: 'ok', output: next, ended: true };
  }
}
