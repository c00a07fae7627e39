/** How the AWS target is set up (its options) and the figures it counts for the report. */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Case } from '../../../contracts/case.js';
import type { Observation } from '../../../contracts/observation.js';
import type { AwsClients } from './clients.js';
import type { BillableJobs } from './billableJobs.js';
import type { Clock } from './tokenBucket.js';

/** The AWS target's settings: where it runs, how patiently it calls, what it may create. */
export interface AwsTargetOptions {
  readonly kind: 'aws' | 'endpoint';
  readonly region: string;
  /** The endpoint every service is called at (`--endpoint`, or one the SDK is configured with). */
  readonly endpoint?: string;
  /** Where the services are called, where each has an endpoint of its own (for the description). */
  readonly endpointDescription?: string;
  readonly runId: string;
  /** The account, where it is known without asking the credentials (`run --plan --account`): identify() calls nothing. */
  readonly account?: string;
  readonly permissionsBoundary?: string;
  /** How long a request may go unanswered (ms; default DEFAULT_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs?: number;
  /** Injected clients (tests); otherwise made from the default credential chain. */
  readonly clients?: AwsClients;
  readonly clock?: Clock;
  /** Between history reads of a running execution. */
  readonly pollMs?: number;
  /** An execution still running after this long is stopped and recorded as it then stands. */
  readonly executionTimeoutMs?: number;
  /** How long a new role may be refused before the case gives up. */
  readonly propagationTimeoutMs?: number;
  /** Wait between creating the role's policy and starting the execution (default: 10 s on AWS). */
  readonly policySettleMs?: number;
  /** Attempts at a transiently failing call (a server error, a timeout). */
  readonly maxAttempts?: number;
  /** How long a call is retried while it is throttled (throttling does not fail a case). */
  readonly throttleTimeoutMs?: number;
  /** Cases in flight at most (the run's --concurrency); throttling lowers it for a while. */
  readonly maxConcurrency?: number;
  /** On a real account: run cases that start jobs or endpoints, inside these caps. */
  readonly billableJobs?: BillableJobs;
  /** How long the clean-up of a case's SageMaker resources may wait for a busy endpoint. */
  readonly cleanupTimeoutMs?: number;
  /** Pace calls at AWS's Step Functions quotas (token buckets per API): on AWS always, on an endpoint where asked. */
  readonly clientQuotas?: boolean;
  /** Roles the run keeps at most between cases (default DEFAULT_KEEP_ROLES); idle ones past it are deleted early. */
  readonly keepRoles?: number;
  /** The endpoint's credentials, which may have fallen back to test ones (the description says so). */
  readonly testCredentials?: { readonly usedTest: boolean };
  /** Told of each execution that ran to its end, with its final history (`run --record DIR`). */
  readonly record?: (execution: EndedExecution) => Promise<void>;
}

/** An execution the target ran to its end: the case as run, its history as last read, what was observed. */
export interface EndedExecution {
  readonly theCase: Case;
  readonly executionArn: string;
  readonly events: readonly HistoryEvent[];
  readonly observation: Observation;
  /** The run's id, which the names of what the target created carry. */
  readonly runId: string;
}

/** What the AWS target counts while it runs (the report's target figures, in this order). */
export interface AwsTargetStats {
  throttles: number;
  roleWaits: number;
  policySettleMs: number;
  transientRetries: number;
  bucketWaitMs: number;
  rolesCreated: number;
  rolesDeleted: number;
  stateMachinesCreated: number;
  stateMachinesDeleted: number;
  executionsStopped: number;
  sagemakerResourcesCleaned: number;
  billableCalls: number;
  cleanupFailures: number;
  /** 1 once the target failed a second execution of a state machine and each case got its own. */
  machineReuseOff: number;
}

/** Figures at the start of a run: nothing counted yet. */
export function noStats(): AwsTargetStats {
  return {
    throttles: 0,
    roleWaits: 0,
    policySettleMs: 0,
    transientRetries: 0,
    bucketWaitMs: 0,
    rolesCreated: 0,
    rolesDeleted: 0,
    stateMachinesCreated: 0,
    stateMachinesDeleted: 0,
    executionsStopped: 0,
    sagemakerResourcesCleaned: 0,
    billableCalls: 0,
    cleanupFailures: 0,
    machineReuseOff: 0,
  };
}
