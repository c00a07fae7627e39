/**
 * Retry and Catch around the attempts of a Task, Parallel or Map state (asl.retry, the ASL
 * specification's "Error Handling"): the first retrier whose ErrorEquals matches retries while it
 * has attempts left, after its delay; then the first matching catcher names the next state, with
 * the error object at its ResultPath (JSONPath) or in its Output (JSONata). Each rule is asked of
 * the run's behaviour (engine/behaviour.ts).
 */
import { assignOwn } from '../../../syntax/json.js';
import { applyJsonataTemplate, applyTemplate } from '../dataFlow.js';
import { TaskAborted, type StateExecution, type Step } from '../execution.js';
import { writePath } from '../jsonPath.js';
import { StatesError, TaskFailure } from '../statesError.js';
import type { Catcher, MapState, ParallelState, TaskState } from './definitions.js';
import { finishOutput, jsonataScope, pathScope } from './inputOutput.js';

/** A state that retries and catches. */
export type RetryingState = TaskState | ParallelState | MapState;

/**
 * What a failed attempt leaves to record: a Map or Parallel that started its iterations or branches
 * records `MapStateFailed` / `ParallelStateFailed` once, after its last attempt, not after each
 * retried one (recorded on AWS: testdata/aws-recorded/397-map-state-retry-legacy.json).
 */
export interface AttemptFailure {
  event?: string;
}

/**
 * One attempt of the state, given its execution (with the attempt's Context object), its retry
 * count, and where it leaves the event its failure records.
 */
export type Attempt = (
  execution: StateExecution<RetryingState>,
  retryCount: number,
  failure: AttemptFailure,
) => Promise<unknown>;

/** Runs a state's attempts under its Retry and Catch: its output and next state. */
export async function withErrorHandling(
  execution: StateExecution<RetryingState>,
  attempt: Attempt,
): Promise<Step> {
  const { run, state, name, context, thread, next } = execution;
  const rules = run.behaviour;
  const retriers = state.Retry ?? [];
  const catchers = state.Catch ?? [];
  const attempts = retriers.map(() => 0);
  let retryCount = 0;
  for (;;) {
    const failure: AttemptFailure = {};
    try {
      const attemptContext =
        retryCount === 0
          ? context
          : run.contextObject(
              name,
              execution.enteredTime,
              rules.contextRetryCount(retryCount),
              thread,
              state,
            );
      const attemptExecution = { ...execution, context: attemptContext };
      const result = await attempt(attemptExecution, retryCount, failure);
      const output = await finishOutput(attemptExecution, result, 'result');
      return { output, ...(next ? { next } : {}) };
    } catch (e) {
      if (e instanceof TaskAborted) throw e;
      const se = e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);
      const handles = (handler: { readonly ErrorEquals: readonly string[] }) =>
        rules.errorMatches(handler.ErrorEquals, se.error, se instanceof TaskFailure);
      const r = rules.matchingRetrier(retriers, handles);
      if (r >= 0 && attempts[r]! < rules.maxAttempts(retriers[r])) {
        const retrier = retriers[r]!;
        const delay = rules.jitter(retrier, rules.retryDelay(retrier, attempts[r]!), run.random);
        attempts[r]!++;
        retryCount++;
        await run.sleep(delay, thread);
        continue;
      }
      // No retry left: the state has failed (then caught or not).
      if (failure.event !== undefined) run.event(thread, failure.event);
      const catcher = rules.matchingCatcher(catchers, handles);
      if (!catcher) throw se;
      return { output: await caughtOutput(execution, catcher, se), next: catcher.Next };
    }
  }
}

/**
 * The output of a state whose error a catcher caught: the error object (`Error`, `Cause`) at the
 * catcher's ResultPath (JSONPath) or through its Output (JSONata), its Assign set.
 */
export async function caughtOutput(
  execution: StateExecution<RetryingState>,
  catcher: Catcher,
  error: StatesError,
): Promise<unknown> {
  const { run, input, context, thread, language } = execution;
  const errorOutput = { Error: error.error, Cause: error.causeText };
  if (language === 'JSONata') {
    const scope = jsonataScope({ input, errorOutput, context }, thread);
    const output =
      'Output' in catcher ? await applyJsonataTemplate(catcher.Output, scope, 'Output') : errorOutput;
    if ('Assign' in catcher)
      assignOwn(thread.variables, await applyJsonataTemplate(catcher.Assign, scope, 'Assign'));
    return output;
  }
  if ('Assign' in catcher)
    assignOwn(thread.variables, applyTemplate(catcher.Assign, pathScope(execution, errorOutput), 'Assign'));
  const resultPath = run.behaviour.catcherResultPath(catcher);
  return resultPath === null ? input : writePath(input, resultPath, errorOutput);
}
