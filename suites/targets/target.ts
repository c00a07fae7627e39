/**
 * A target runs cases: the built-in emulator, a real AWS account, or an AWS-compatible endpoint.
 * It reports what it saw in the same shape as the oracles' predictions.
 */
import type { ExecutionStatus } from '../../catalog/api.js';
import type { Case } from '../../generators/case.js';
import type { CallRecord } from '../../oracles/outcome/predictExecution.js';

export interface Observation {
  /** CreateStateMachine accepted the definition. */
  readonly created: boolean;
  /** Why not (InvalidDefinition, AccessDeniedException ...). */
  readonly createError?: string;
  /** Calls made as the role, with their decisions, where the target can see them. */
  readonly calls?: readonly CallRecord[];
  /** The execution's ARN (predicted values may name it). */
  readonly executionArn?: string;
  readonly status?: ExecutionStatus;
  readonly error?: string | null;
  readonly cause?: string;
  readonly output?: unknown;
  /** TaskScheduled events of the first SageMaker state. */
  readonly attempts?: number;
  readonly durationSeconds?: number;
  /** The status of each SageMaker job of the execution when it ended, by ARN (where the target can see them). */
  readonly jobStates?: Readonly<Record<string, string>>;
  /** When the execution started, in epoch ms, on a target whose clock is virtual (times of day are compared then). */
  readonly startEpochMs?: number;
  readonly historyTypes?: readonly string[];
  /** The error and cause of each TaskFailed (or TaskSubmitFailed, TaskStartFailed) event of the history. */
  readonly taskFailures?: readonly TaskFailure[];
  /** The target failed to answer a call a conforming service answers (e.g. `StartExecution: HTTP 500`). */
  readonly targetError?: string;
}

export interface TaskFailure {
  readonly error: string;
  readonly cause?: string;
}

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

export interface TargetCapabilities {
  /** Whether the target can make calls visible with their IAM decisions. */
  readonly seesCalls: boolean;
  /** Whether world scenarios (job outcomes, injected errors, aborts) can be realised. */
  readonly scenarios: boolean;
}

export interface Target {
  readonly kind: 'embedded' | 'aws' | 'endpoint';
  readonly description: string;
  readonly capabilities: TargetCapabilities;
  /** The case as this target runs it, or why it does not (absent: every case as drawn). */
  realise?(c: Case, purpose?: Purpose): Realised;
  execute(c: Case): Promise<Observation>;
  /** Start nothing new and stop what is in flight (SIGINT / SIGTERM). */
  interrupt?(): Promise<void>;
  /** Target figures for the report (throttles, waits, resources created and deleted). */
  summary?(): Record<string, number>;
}

export type Realised = { readonly case: Case } | { readonly skipped: string };

/** Why a case is realised: a drawn (or replayed) case, a candidate of shrinking, or `--plan`'s count (nothing runs). */
export type Purpose = 'case' | 'shrink' | 'plan';

/** The case as the target runs it: its own `realise`, else the case as drawn. */
export function realiseCase(target: Target, c: Case, purpose: Purpose = 'case'): Realised {
  return target.realise ? target.realise(c, purpose) : { case: c };
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
