/**
 * How the outcome oracle's pieces come out: one attempt of a SageMaker task, and a step or a flow of
 * the plan; and the cause pattern the errors carry.
 */
import type { Provenance } from '../../catalog/provenance.js';
import type { CausePattern, Place } from '../../contracts/prediction.js';

/** How a step, or a flow, came out. */
export type Outcome =
  | { readonly kind: 'ok'; readonly output: unknown; readonly ended?: boolean }
  | {
      readonly kind: 'failed';
      readonly error: string;
      readonly cause?: CausePattern;
      /** The rule that decides the failure, and where it happened. */
      readonly rule: Provenance;
      readonly at?: Place;
    }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'timedOut' };

/**
 * One attempt of a task: a result, an error, or the execution stopped (aborted, or timed out)
 * meanwhile; with the rule that decides which.
 */
export type Attempt = { readonly rule: Provenance } & (
  | { readonly result: unknown; readonly submitted: boolean }
  | {
      readonly error: string;
      readonly cause?: CausePattern;
      readonly submitted: boolean;
      readonly timedOut?: boolean;
      /** The error came before the task was scheduled (its Arguments). */
      readonly unscheduled?: boolean;
    }
  | { readonly stopped: 'aborted' | 'timedOut'; readonly submitted: boolean }
);

/** A cause that must contain each of these. */
export const causeOf = (...includes: string[]): CausePattern => ({ includes });
