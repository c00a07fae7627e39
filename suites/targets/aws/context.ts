/**
 * What the AWS target's steps share while they run a case: its options, clients, clock and
 * figures, the one way it calls an API, and what one case has created so far.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { AwsClients } from './clients.js';
import type { AwsTargetOptions, AwsTargetStats } from './options.js';
import type { Clock } from './tokenBucket.js';

/** The target as its provisioning, execution and clean-up steps see it. */
export interface TargetContext {
  readonly options: AwsTargetOptions;
  readonly clients: AwsClients;
  readonly clock: Clock;
  readonly stats: AwsTargetStats;
  /** The first clean-up failures, one line each (what, and the answer). */
  readonly cleanupProblems: string[];
  /** The executions in flight, by ARN (stopped on interrupt). */
  readonly running: Set<string>;
  /** Whether the run has been interrupted. */
  interrupted(): boolean;
  /** An API call, rate-limited, throttles waited out and transient errors retried. */
  call<T>(api: string, send: () => Promise<T>): Promise<T>;
}

/** What one case's execution has created so far, filled in as it goes: what its clean-up stops and deletes. */
export interface CaseResources {
  executionArn?: string;
  /** The execution's history as last read to its end (names the SageMaker resources created). */
  events?: HistoryEvent[];
}
