/**
 * Reading an execution's history into an Observation's fields: the emulator's history and AWS's
 * GetExecutionHistory pages have one shape.
 */
import type { TaskFailure } from '../../contracts/observation.js';

/** The event types whose details tell why an attempt of a task failed. */
const FAILURE_DETAILS = {
  TaskFailed: 'taskFailedEventDetails',
  TaskSubmitFailed: 'taskSubmitFailedEventDetails',
  TaskStartFailed: 'taskStartFailedEventDetails',
} as const;

type FailureDetails = { readonly error?: string | undefined; readonly cause?: string | undefined };

/** The failed attempts a history tells of, in order (the emulator's history and AWS's have one shape). */
export function taskFailuresOf(
  history: readonly ({ readonly type?: string | undefined } & {
    readonly [K in (typeof FAILURE_DETAILS)[keyof typeof FAILURE_DETAILS]]?: FailureDetails | undefined;
  })[],
): TaskFailure[] {
  const out: TaskFailure[] = [];
  for (const e of history) {
    const key = FAILURE_DETAILS[e.type as keyof typeof FAILURE_DETAILS];
    if (key === undefined) continue;
    const d = e[key];
    out.push({ error: d?.error ?? '', ...(d?.cause !== undefined ? { cause: d.cause } : {}) });
  }
  return out;
}

/** TaskScheduled events of the first Task state entered (its attempts, retries included). */
export function firstTaskAttempts(history: readonly { type: string; name?: string | undefined }[]): number {
  let attempts = 0;
  let primary: string | undefined;
  for (const e of history) {
    if (e.type === 'TaskStateEntered') {
      if (primary !== undefined && e.name !== primary) break;
      primary = e.name;
    }
    if (e.type === 'TaskScheduled') attempts++;
  }
  return attempts;
}
