/** An error raised while running a state: its name and cause, as Step Functions reports them. */
export class StatesError extends Error {
  override readonly name = 'StatesError';

  constructor(
    readonly error: string,
    readonly causeText: string,
    /** The cause already names where it happened (the state that failed evaluating, or a task's failure). */
    readonly located = false,
  ) {
    // A state error is a value of the execution, not a bug: no stack trace to capture (it is costly).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${error}: ${causeText}`);
    Error.stackTraceLimit = limit;
  }
}

/**
 * A Task's own failure, as its TaskFailed (LambdaFunctionFailed, ActivityFailed) or TaskTimedOut
 * event records it: the error the task reported, not one of evaluating the state.
 */
export class TaskFailure extends StatesError {
  constructor(error: string, causeText: string) {
    super(error, causeText, true);
  }
}

/**
 * Errors no Retry or Catch can handle (asl.runtime-uncatchable; States.DataLimitExceeded: the
 * error-handling page's Error names).
 */
export const TERMINAL_ERRORS: ReadonlySet<string> = new Set(['States.Runtime', 'States.DataLimitExceeded']);

/**
 * Whether a retrier's or catcher's ErrorEquals handles an error (asl.task-failed-wildcard):
 * `States.ALL` matches everything but the terminal errors; `States.TaskFailed` everything but
 * `States.Timeout` (and the heartbeat timeout) and the terminal errors; other names match exactly.
 * A task that reports States.DataLimitExceeded (its result past the payload quota) fails as a task
 * does, and `States.ALL` handles it: recorded on AWS (testdata/aws-recorded-tasks/039 and 041),
 * where the Developer Guide's error names call the error terminal. The interpreter's own (a
 * state's input or output past the quota) stays terminal.
 */
export function errorMatches(errorEquals: readonly string[], error: string, reportedByTask = false): boolean {
  if (TERMINAL_ERRORS.has(error) && !(reportedByTask && error === 'States.DataLimitExceeded')) return false;
  for (const e of errorEquals) {
    if (e === error || e === 'States.ALL') return true;
    if (e === 'States.TaskFailed' && error !== 'States.Timeout' && error !== 'States.HeartbeatTimeout')
      return true;
  }
  return false;
}

/**
 * Errors of evaluating a state's fields (a path not found, an expression returning nothing or the
 * wrong type, a bad Wait value): AWS's cause names the state and the event it was entered at.
 */
export const EVALUATION_ERRORS: ReadonlySet<string> = new Set([
  'States.Runtime',
  'States.QueryEvaluationError',
]);

/** The cause of an evaluation error as AWS words it: where, then what. */
export const locatedCause = (state: string, enteredEventId: number, cause: string): string =>
  `An error occurred while executing the state '${state}' (entered at the event id #${enteredEventId}). ${cause}`;
