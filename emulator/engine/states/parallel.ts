/** The Parallel state's attempt: every branch at once on the virtual clock; the first failure aborts the others. */
import { TaskAborted, type StateExecution } from '../execution.js';
import { AbortScope } from '../scheduler.js';
import type { ParallelState } from './definitions.js';
import type { AttemptFailure } from './errorHandling.js';

/**
 * Runs one attempt of a Parallel state with its evaluated input: the branches' outputs, in order.
 * An attempt whose branch fails leaves `ParallelStateFailed` to its error handling (recorded once).
 */
export async function runParallel(
  execution: StateExecution<ParallelState>,
  input: unknown,
  failed: AttemptFailure,
): Promise<unknown> {
  const { run, state, thread, language } = execution;
  const branches = state.Branches ?? [];
  if (run.behaviour.recordsEvent('ParallelStateStarted')) run.event(thread, 'ParallelStateStarted');
  const scope = new AbortScope(thread.scope);
  let first: unknown;
  const results = await run.scheduler.all(
    branches.map((branch) => async () => {
      try {
        return await run.runMachine(branch, input, run.child(thread, scope), language);
      } catch (e) {
        if (first === undefined && !(e instanceof TaskAborted)) {
          first = e;
          scope.abort('a branch failed');
        }
        throw e;
      }
    }),
  );
  thread.last = run.history.lastId;
  if (thread.scope.aborted) throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
  if (first !== undefined) {
    failed.event = 'ParallelStateFailed';
    throw first;
  }
  run.event(thread, 'ParallelStateSucceeded');
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value);
}
