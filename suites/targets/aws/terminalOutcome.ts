/** The end of an execution, read from its history (DescribeExecution is eventually consistent). */
import type { ExecutionStatus, HistoryEvent } from '@aws-sdk/client-sfn';

/** The history event types that end an execution. */
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
  'ExecutionAborted',
]);

/**
 * How an execution ended, read from its terminal history event, as DescribeExecution would tell it
 * (a timed-out execution has no error or cause there: sfn.timed-out-no-error); undefined while it has
 * not ended.
 */
export function terminalOutcome(
  events: readonly HistoryEvent[],
): { status: ExecutionStatus; error?: string; cause?: string; output?: string } | undefined {
  const last = events.at(-1);
  switch (last?.type) {
    case 'ExecutionSucceeded':
      return {
        status: 'SUCCEEDED',
        ...(last.executionSucceededEventDetails?.output !== undefined
          ? { output: last.executionSucceededEventDetails.output }
          : {}),
      };
    case 'ExecutionFailed': {
      const details = last.executionFailedEventDetails;
      return {
        status: 'FAILED',
        ...(details?.error !== undefined ? { error: details.error } : {}),
        ...(details?.cause !== undefined ? { cause: details.cause } : {}),
      };
    }
    case 'ExecutionTimedOut':
      return { status: 'TIMED_OUT' };
    case 'ExecutionAborted':
      return { status: 'ABORTED' };
    default:
      return undefined;
  }
}
