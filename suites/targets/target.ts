/**
 * A target runs cases: the built-in emulator, a real AWS account, or an AWS-compatible endpoint.
 * It reports what it saw in the same shape as the oracles' predictions.
 */
import type { Case } from '../../generators/case.js';

export interface Observation {
  /** CreateStateMachine accepted the definition. */
  readonly created: boolean;
  /** Why not (InvalidDefinition, AccessDeniedException ...). */
  readonly createError?: string;
  /** Calls made as the role, as `action decision`, where the target can see them. */
  readonly calls?: readonly string[];
  readonly status?: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly error?: string | null;
  readonly cause?: string;
  readonly output?: unknown;
  /** TaskScheduled events of the first SageMaker state. */
  readonly attempts?: number;
  readonly durationSeconds?: number;
  readonly historyTypes?: readonly string[];
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
  execute(c: Case): Promise<Observation>;
}
