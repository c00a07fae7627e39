/**
 * How the outcome oracle's pieces come out: one attempt of a SageMaker task, and a step or a flow of
 * the plan; and the cause pattern the errors carry.
 */
import type { CausePattern } from '../../contracts/prediction.js';

/** How a step, or a flow, came out. */
export type Outcome =
  | { readonly kind: 'ok'; readonly output: unknown; readonly ended?: boolean }
  | { readonly kind: 'failed'; readonly error: string; readonly cause?: CausePattern }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'timedOut' };

/** One attempt of a task: a result, an error, or the execution stopped (aborted, or timed out) meanwhile. */
export type Attempt =
  | { readonly result: unknown; readonly submitted: boolean }
  | {
      readonly error: string;
      readonly cause?: CausePattern;
      readonly submitted: boolean;
      readonly timedOut?: boolean;
      /** The error came before the task was scheduled (its Arguments). */
      readonly unscheduled?: boolean;
    }
  | { readonly stopped: 'aborted' | 'timedOut'; readonly submitted: boolean };

/** A cause that must contain each of these. */
export const causeOf = (...includes: string[]): CausePattern => ({ includes });
