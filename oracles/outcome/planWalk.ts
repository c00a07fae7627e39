/**
 * Running a case's flow plan, step by step: tasks with their data flow, Retry (waits, backoff,
 * jitter), Catch and timeouts; output checks, Pass, Choice, Succeed; Map iterations and Parallel
 * branches, each with its own scope of variables. Each step records its history events; each
 * SageMaker attempt is the world's to answer.
 */
import { RETRY_DEFAULTS } from '../../catalog/stepFunctionsLimits.js';
import type {
  CatcherPlan,
  FlowPlan,
  JsonPath,
  RetrierPlan,
  StepPlan,
  TaskPlan,
} from '../../contracts/casePlan.js';
import { CauseMatch, type CaseForPrediction } from '../../contracts/prediction.js';
import { causeOf, type Attempt, type Outcome } from './outcomes.js';
import { evaluateTemplate, getPath, resolveRequest, setPath } from './resolveValue.js';
import { matches, RULES } from './rules.js';
import type { World } from './world.js';

/** An attempt that ended in an error. */
type Failure = Extract<Attempt, { readonly error: string }>;

/** The wait before retry `retry` (0-based) of a retrier, in ms (asl.retry). */
function retryWait(retrier: RetrierPlan, retry: number): number {
  const defaults = RETRY_DEFAULTS.value;
  let wait =
    (retrier.intervalSeconds ?? defaults.intervalSeconds) *
    (retrier.backoffRate ?? defaults.backoffRate) ** retry;
  if (retrier.maxDelaySeconds !== undefined) wait = Math.min(wait, retrier.maxDelaySeconds);
  return wait * 1000;
}

/** The state's output from its result: ResultSelector, ResultPath, OutputPath (JSONPath) or Output (JSONata). */
function taskOutput(task: TaskPlan, raw: unknown, result: unknown): unknown {
  if (task.queryLanguage === 'JSONata')
    return task.output ? evaluateTemplate(task.output, { result, input: raw }) : result;
  const selected = task.resultSelector
    ? evaluateTemplate(task.resultSelector, { result, input: raw })
    : result;
  const withResult = placed(raw, task.resultPath, selected);
  return task.outputPath ? getPath(withResult, task.outputPath) : withResult;
}

/** ResultPath (of a task or a catcher): absent (`$`) the value replaces the input, null drops it, a path puts it there. */
function placed(raw: unknown, resultPath: JsonPath | null | undefined, value: unknown): unknown {
  return resultPath === undefined ? value : resultPath === null ? raw : setPath(raw, resultPath, value);
}

/** One execution's run of its plan, in the world that answers its SageMaker calls. */
export class PlanWalk {
  private tasksSeen = 0;
  /** The workflow variables in scope; a Map iteration or Parallel branch writes its own copy. */
  private variables: Record<string, unknown> = {};

  constructor(
    private readonly world: World,
    private readonly theCase: CaseForPrediction,
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
    const history = this.world.history;
    switch (step.kind) {
      case 'task':
        return this.task(step, input);
      case 'succeed':
        history.push('SucceedStateEntered', 'SucceedStateExited');
        return { kind: 'ok', output: input, ended: true };
      case 'pass':
        history.push('PassStateEntered', 'PassStateExited');
        this.world.used.push(RULES.dataFlow);
        if (step.variable !== undefined) {
          this.variables = { ...this.variables, [step.variable]: step.result };
          return { kind: 'ok', output: input };
        }
        return { kind: 'ok', output: placed(input, step.resultPath, step.result) };
      case 'check': {
        history.push('ChoiceStateEntered', 'ChoiceStateExited');
        // As the rendered rule reads: the field is present and is not the empty string.
        const value = getPath(input, step.field);
        if (value !== undefined && value !== '') return { kind: 'ok', output: input };
        history.push('FailStateEntered');
        return { kind: 'failed', error: step.invalid.error, cause: causeOf(step.invalid.cause) };
      }
      case 'choose': {
        history.push('ChoiceStateEntered', 'ChoiceStateExited');
        this.world.used.push(RULES.dataFlow);
        const outcome = this.flow(getPath(input, step.flag) === true ? step.whenTrue : step.otherwise, input);
        return outcome.kind === 'ok' ? { ...outcome, ended: true } : outcome;
      }
      case 'map': {
        history.push('MapStateEntered', 'MapStateStarted');
        // JSONata: `Items` is `[$states.input]`; JSONPath: ItemsPath (default `$`).
        const items = step.queryLanguage === 'JSONata' ? [input] : getPath(input, step.itemsPath ?? []);
        const outputs: unknown[] = [];
        for (const item of (items as unknown[] | undefined) ?? []) {
          history.push('MapIterationStarted');
          const outcome = this.scoped(() =>
            this.flow(step.iteration, step.itemAs ? { [step.itemAs]: item } : item),
          );
          if (outcome.kind === 'failed') {
            history.push('MapIterationFailed', 'MapStateFailed');
            return outcome;
          }
          if (outcome.kind !== 'ok') {
            history.push('MapIterationAborted', 'MapStateAborted');
            return outcome;
          }
          history.push('MapIterationSucceeded');
          outputs.push(outcome.output);
        }
        history.push('MapStateSucceeded', 'MapStateExited');
        return { kind: 'ok', output: outputs };
      }
      case 'parallel': {
        history.push('ParallelStateEntered', 'ParallelStateStarted');
        const outputs: unknown[] = [];
        for (const branch of step.branches) {
          const outcome = this.scoped(() => this.flow(branch, input));
          if (outcome.kind === 'failed') {
            history.push('ParallelStateFailed');
            return outcome;
          }
          if (outcome.kind !== 'ok') {
            history.push('ParallelStateAborted');
            return outcome;
          }
          outputs.push(outcome.output);
        }
        history.push('ParallelStateSucceeded', 'ParallelStateExited');
        return { kind: 'ok', output: outputs };
      }
    }
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
    const history = world.history;
    const primary = this.tasksSeen++ === 0;
    history.push('TaskStateEntered');
    const effective =
      task.queryLanguage === 'JSONPath' && task.inputPath ? getPath(raw, task.inputPath) : raw;
    if (task.inputPath) world.used.push(RULES.dataFlow);
    const request = resolveRequest(task.request, {
      input: effective,
      executionInput: this.theCase.input,
      executionName: this.theCase.executionName,
      variables: this.variables,
    });
    if (!request && task.queryLanguage === 'JSONPath') {
      // A path Parameters cannot resolve: States.Runtime, never retried or caught.
      world.used.push(RULES.pathUnresolved, RULES.uncatchable);
      return { kind: 'failed', error: 'States.Runtime' };
    }
    /** The retries each retrier has made so far. */
    const retriesMade = task.retry.map(() => 0);
    let attempts = 0;
    if (primary) world.firstAttempts = 0;
    for (;;) {
      let attempt: Attempt;
      if (request) {
        // The attempts are the TaskScheduled events of the first task.
        attempts++;
        if (primary) world.firstAttempts = attempts;
        history.push('TaskScheduled', 'TaskStarted');
        attempt = world.attempt(task, request);
      } else {
        // Arguments that return nothing: the task is not scheduled; the error can be retried and caught.
        world.used.push(RULES.queryEvaluation);
        attempt = { error: 'States.QueryEvaluationError', submitted: false, unscheduled: true };
      }
      if (attempt.submitted) history.push('TaskSubmitted');
      if ('stopped' in attempt) {
        history.push('TaskStateAborted');
        return { kind: attempt.stopped };
      }
      if ('result' in attempt) {
        history.push('TaskSucceeded', 'TaskStateExited');
        if (task.resultSelector || task.resultPath !== undefined || task.outputPath || task.output)
          world.used.push(RULES.dataFlow);
        if (task.assign) {
          const assigned = Object.entries(task.assign).map(
            ([variable, template]) =>
              [variable, evaluateTemplate(template, { result: attempt.result, input: raw })] as const,
          );
          this.variables = { ...this.variables, ...Object.fromEntries(assigned) };
        }
        return { kind: 'ok', output: taskOutput(task, raw, attempt.result) };
      }
      if (!attempt.unscheduled) history.push(attempt.timedOut ? 'TaskTimedOut' : 'TaskFailed');
      if (!attempt.unscheduled && !attempt.timedOut)
        world.taskFailures.push({ error: attempt.error, ...(attempt.cause ? { cause: attempt.cause } : {}) });
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
          history.push('TaskStateAborted');
          return { kind: 'timedOut' };
        }
        world.nowMs += wait;
        if (retrier.jitterStrategy === 'FULL') world.jitterMs += wait;
        continue;
      }
      const catcher = task.catch.find((candidate) => matches(candidate.errorEquals, attempt.error));
      if (!catcher) {
        // Arguments that failed to evaluate, left uncaught: the evaluation's failure is an event (recorded on AWS).
        if (attempt.unscheduled) history.push('EvaluationFailed');
        return { kind: 'failed', error: attempt.error, ...(attempt.cause ? { cause: attempt.cause } : {}) };
      }
      return this.caught(task, raw, attempt, catcher);
    }
  }

  /** A task's error taken by a catcher: on to a Fail state, another task, or a recovering Pass. */
  private caught(task: TaskPlan, raw: unknown, failure: Failure, catcher: CatcherPlan): Outcome {
    const history = this.world.history;
    this.world.used.push(RULES.retry);
    history.push('TaskStateExited');
    const target = catcher.target;
    if (target.kind === 'fail') {
      history.push('FailStateEntered');
      return { kind: 'failed', error: target.error, cause: causeOf(target.cause) };
    }
    if (target.kind === 'state') throw new Error(`catch target "${target.state}" is not modelled`);
    const caughtError = {
      Error: failure.error,
      ...(failure.cause ? { Cause: new CauseMatch(failure.cause.includes) } : {}),
    };
    // A JSONata catcher has no ResultPath: the error output is the output.
    const resultPath = task.queryLanguage === 'JSONPath' ? catcher.resultPath : undefined;
    const next = placed(raw, resultPath, caughtError);
    if (target.kind === 'task') {
      // Another SageMaker task, with the error output as its input; it ends the flow.
      const outcome = this.task(target.task, next);
      return outcome.kind === 'ok' ? { ...outcome, ended: true } : outcome;
    }
    // A recovering Pass: the output shows the caught error where the catcher puts it.
    history.push('PassStateEntered', 'PassStateExited');
    return { kind: 'ok', output: next, ended: true };
  }
}
