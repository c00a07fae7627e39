/**
 * What a target saw when it ran a case, in the shape of the oracle's Prediction (docs/architecture.md, "Core
 * types"): creation, the calls made as the role where the target can see them, and the execution's
 * status, error, cause, output, attempts, duration and history.
 */
import type { ExecutionStatus } from '../catalog/api.js';
import type { CallRecord } from './prediction.js';

/** What a target saw when it ran a case, aspect by aspect, in the shape of a Prediction. */
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
  /**
   * The target did not run the case, because its world is not the one the case is predicted in
   * (a job name the case creates is already taken): why. Nothing is compared; the case is undecided.
   */
  readonly notRun?: string;
}

/** A failed attempt of a task, as its history event tells it. */
export interface TaskFailure {
  readonly error: string;
  readonly cause?: string;
}
