/**
 * A target runs cases: the built-in emulator, a real AWS account, or an AWS-compatible endpoint.
 * It reports what it saw in the same shape as the oracles' predictions (docs/architecture.md, "Core types").
 */
import type { Case } from './case.js';
import type { Aspect } from './aspect.js';
import type { Observation } from './observation.js';
import type { Prediction } from './prediction.js';

/** What a target can show and realise. */
export interface TargetCapabilities {
  /** Whether the target can make calls visible with their IAM decisions. */
  readonly seesCalls: boolean;
  /** Whether world scenarios (job outcomes, injected errors, aborts) can be realised. */
  readonly scenarios: boolean;
}

/** A place that runs cases: the built-in emulator, a real account or an endpoint. */
export interface Target {
  readonly kind: 'embedded' | 'aws' | 'endpoint' | 'teststate';
  readonly description: string;
  readonly capabilities: TargetCapabilities;
  /**
   * What the target is held to, where it decides something other than the execution (TestState:
   * one state at a time): its own prediction of a case, in place of the outcome oracle's.
   */
  predict?(c: Case): Prediction;
  /** The aspects compared on this target, in place of the suite's (with `predict`). */
  readonly aspects?: readonly Aspect[];
  /** The case as this target runs it, or why it does not (absent: every case as drawn). */
  realise?(c: Case, purpose?: Purpose): Realised;
  execute(c: Case): Promise<Observation>;
  /** Start nothing new and stop what is in flight (SIGINT / SIGTERM). */
  interrupt?(): Promise<void>;
  /**
   * Delete what the target kept for later cases (an account's roles and state machines): called
   * once when the run's cases are done, interrupted or not.
   */
  finish?(): Promise<void>;
  /** Target figures for the report (throttles, waits, resources created and deleted). */
  summary?(): Record<string, number>;
}

/** The case a target runs in place of the drawn one, or why it runs none. */
export type Realised = { readonly case: Case } | { readonly skipped: string };

/** Why a case is realised: a drawn (or replayed) case, a candidate of shrinking, or `--plan`'s count (nothing runs). */
export type Purpose = 'case' | 'shrink' | 'plan';

/** The case as the target runs it: its own `realise`, else the case as drawn. */
export function realiseCase(target: Target, c: Case, purpose: Purpose = 'case'): Realised {
  return target.realise ? target.realise(c, purpose) : { case: c };
}
