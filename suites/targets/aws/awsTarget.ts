/**
 * The AWS target: each case on a real account or an AWS-compatible endpoint (moto, LocalStack)
 * through the AWS SDK. Per case it creates the execution role with the case's policy, the state
 * machine, starts the execution, follows its history to the end and deletes what it created.
 */
import { randomInt } from 'node:crypto';
import { partitionOf } from '../../../catalog/regions.js';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type ExecutionStatus,
  type HistoryEvent,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeLabelingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  SageMakerClient,
  StopHyperParameterTuningJobCommand,
  StopLabelingJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { CredentialsProviderError } from '@smithy/core/config';
import type { Case } from '../../../contracts/case.js';
import { relocate } from '../../../generators/relocate.js';
import { ACCOUNT } from '../../../generators/values.js';
import type { CallRecord } from '../../../contracts/prediction.js';
import { predictExecution } from '../../../oracles/outcome/predictExecution.js';
import type { Observation } from '../../../contracts/observation.js';
import type { Purpose, Realised, Target } from '../../../contracts/target.js';
import { firstTaskAttempts, taskFailuresOf } from '../history.js';
import { AdaptiveLimit } from './adaptiveLimit.js';
import { billableAttempts, type BillableJobs, DEFAULT_LIMITS, rewriteForAccount } from './billableJobs.js';
import { apiOf, Caller, maxAttemptsFromEnv } from './caller.js';
import {
  describeError,
  isEntityAlreadyExists,
  isNoSuchEntity,
  isNoSuchExecution,
  isRolePropagation,
  isThrottle,
  isTransient,
  isUnreadable,
  keepErrorBodies,
  PropagationTimeout,
} from './errors.js';
import { resourceName, ROLE_PATH, TAG_KEY, trustPolicy } from './naming.js';
import {
  type CreatedResource,
  createdResources,
  isAlreadyClean,
  isBusy,
  RUNNING_STATUSES,
} from './sagemakerResources.js';
import { type Clock, realClock, stepFunctionsRates } from './tokenBucket.js';

export interface AwsClients {
  readonly sfn: SFNClient;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly sagemaker: SageMakerClient;
}

export interface AwsTargetOptions {
  readonly kind: 'aws' | 'endpoint';
  readonly region: string;
  /** The endpoint every service is called at (`--endpoint`, or one the SDK is configured with). */
  readonly endpoint?: string;
  /** Where the services are called, where each has an endpoint of its own (for the description). */
  readonly endpointDescription?: string;
  readonly runId: string;
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
  /** The endpoint's credentials, which may have fallen back to test ones (the description says so). */
  readonly testCredentials?: { readonly usedTest: boolean };
}

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
}

/** What `run` does to the case's world on a target that cannot realise scenarios. */
const NO_SCENARIO = { referencesExist: false } as const;

/** What a billable case's world is: jobs complete (the user's image and data are meant to work). */
const BILLABLE_SCENARIO = {
  referencesExist: false,
  job: { polls: 0, outcome: 'Completed', durationSeconds: 60 },
} as const;

/** Create calls that start something billed or leave a resource behind on a real account. */
const creates = (c: Case): CallRecord[] =>
  predictExecution(c).calls.value.filter(
    (x) => /^sagemaker:(Create|Update)\w+$/.test(x.action) && x.decision === 'allowed',
  );

/** The SageMaker call that cleans up a created resource. */
const CLEANUPS: Readonly<Record<string, (sm: SageMakerClient, name: string) => Promise<unknown>>> = {
  StopTrainingJob: (sm, n) => sm.send(new StopTrainingJobCommand({ TrainingJobName: n })),
  StopTransformJob: (sm, n) => sm.send(new StopTransformJobCommand({ TransformJobName: n })),
  StopProcessingJob: (sm, n) => sm.send(new StopProcessingJobCommand({ ProcessingJobName: n })),
  StopLabelingJob: (sm, n) => sm.send(new StopLabelingJobCommand({ LabelingJobName: n })),
  StopHyperParameterTuningJob: (sm, n) =>
    sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
  DeleteEndpoint: (sm, n) => sm.send(new DeleteEndpointCommand({ EndpointName: n })),
  DeleteEndpointConfig: (sm, n) => sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: n })),
  DeleteModel: (sm, n) => sm.send(new DeleteModelCommand({ ModelName: n })),
};

/** The Describe calls that tell whether a created job still runs. */
const DESCRIBES: Readonly<Record<string, (sm: SageMakerClient, name: string) => Promise<object>>> = {
  DescribeTrainingJob: (sm, n) => sm.send(new DescribeTrainingJobCommand({ TrainingJobName: n })),
  DescribeTransformJob: (sm, n) => sm.send(new DescribeTransformJobCommand({ TransformJobName: n })),
  DescribeProcessingJob: (sm, n) => sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: n })),
  DescribeLabelingJob: (sm, n) => sm.send(new DescribeLabelingJobCommand({ LabelingJobName: n })),
  DescribeHyperParameterTuningJob: (sm, n) =>
    sm.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
};

const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

/** Raised by `execute` once the run is interrupted: the case is not run. */
export class InterruptedError extends Error {
  constructor() {
    super('the run was interrupted before this case started');
    this.name = 'InterruptedError';
  }
}

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
      const d = last.executionFailedEventDetails;
      return {
        status: 'FAILED',
        ...(d?.error !== undefined ? { error: d.error } : {}),
        ...(d?.cause !== undefined ? { cause: d.cause } : {}),
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

/** The oracle's prediction of a case, made once however often the target asks. */
const predictions = new WeakMap<Case, ReturnType<typeof predictExecution>>();
function predictionOf(c: Case): ReturnType<typeof predictExecution> {
  let p = predictions.get(c);
  if (!p) {
    p = predictExecution(c);
    predictions.set(c, p);
  }
  return p;
}

/** The virtual seconds the oracle predicts the case's execution takes (the longest, with jitter). */
function predictedSeconds(c: Case): number {
  const d = predictionOf(c).durationSeconds?.value;
  return d === undefined ? 0 : typeof d === 'number' ? d : d.max;
}

/** How long a connection may take to open, and a request to be answered, before the call fails (ms). */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Credentials as the default provider chain resolves them. */
type AwsCredentialIdentity = Awaited<ReturnType<ReturnType<typeof defaultProvider>>>;

/** The credentials an endpoint target gets where the default provider chain resolves none. */
const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The default provider chain's credentials (environment, shared files, SSO, web identity,
 * process, container and instance metadata, as the SDK resolves them). On an endpoint, where the
 * chain resolves none and no profile is named, test ones: moto and LocalStack take any. A named
 * profile that resolves none is an error, not a reason to fall back.
 */
export function endpointCredentials(): {
  provider: () => Promise<AwsCredentialIdentity>;
  readonly usedTest: boolean;
} {
  const chain = defaultProvider();
  const state = {
    usedTest: false,
    provider: async (): Promise<AwsCredentialIdentity> => {
      if (state.usedTest) return TEST_CREDENTIALS;
      try {
        return await chain();
      } catch (e) {
        if (!(e instanceof CredentialsProviderError) || process.env.AWS_PROFILE) throw e;
        state.usedTest = true;
        return TEST_CREDENTIALS;
      }
    },
  };
  return state;
}

export function makeClients(
  o: Pick<AwsTargetOptions, 'kind' | 'region' | 'endpoint' | 'requestTimeoutMs'> & {
    /** An endpoint's credentials (default: the chain's, else test ones). */
    readonly credentials?: () => Promise<AwsCredentialIdentity>;
  },
): AwsClients {
  // The SDK's nine-line notice about Node versions is not the user's business: stderr is for their errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const credentials = o.credentials ?? (o.kind === 'endpoint' ? endpointCredentials().provider : undefined);
  const config = {
    region: o.region,
    // The target retries itself, so that throttles and waits are counted.
    maxAttempts: 1,
    // An endpoint that accepts the connection and never answers must not hang the run.
    requestHandler: {
      connectionTimeout: DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    // Without an endpoint the SDK follows its configured ones (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<ID>,
    // the profile's endpoint_url or services section), else AWS.
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  };
  const clients = {
    sfn: new SFNClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
    sagemaker: new SageMakerClient(config),
  };
  for (const client of Object.values(clients)) keepErrorBodies(client);
  return clients;
}

/**
 * Where the SDK sends each client's calls by its own configuration, for clients made without an
 * endpoint: the configured endpoint of the service (`AWS_ENDPOINT_URL_<ID>`, `AWS_ENDPOINT_URL`,
 * the profile's services section or `endpoint_url`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`),
 * or undefined for AWS itself. Asked of the clients, so that it is what they will do.
 */
export async function configuredEndpoints(
  clients: AwsClients,
): Promise<Record<keyof AwsClients, string | undefined>> {
  const of = async (client: { config: object }) => {
    const configured = (client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> })
      .serviceConfiguredEndpoint;
    if (typeof configured !== 'function')
      throw new Error('this version of the AWS SDK does not tell its configured endpoints');
    return (await configured()) || undefined;
  };
  const [sfn, iam, sts, sagemaker] = await Promise.all([
    of(clients.sfn),
    of(clients.iam),
    of(clients.sts),
    of(clients.sagemaker),
  ]);
  return { sfn, iam, sts, sagemaker };
}

export class AwsTarget implements Target {
  readonly kind: 'aws' | 'endpoint';
  readonly capabilities = { seesCalls: false, scenarios: false };
  /** The region the target runs in. */
  get region(): string {
    return this.o.region;
  }

  /** What the run is on, the account once the credentials have told it (printed before anything is created). */
  get description(): string {
    return this.kind === 'aws'
      ? `AWS account ${this.account ?? ''}${this.account ? ' ' : ''}(${this.o.region}, partition ${partitionOf(this.o.region)})`
      : `AWS-compatible endpoint${this.o.endpointDescription ? 's' : ''} ${this.o.endpoint ?? this.o.endpointDescription ?? ''} (${this.o.region}${this.o.testCredentials?.usedTest ? ', test credentials: none configured' : ''})`;
  }
  readonly stats: AwsTargetStats = {
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
  };
  readonly runId: string;
  readonly endpoint: string | undefined;
  /** The caps billable cases run inside (`--allow-billable-jobs`), if they run. */
  get billableJobs(): BillableJobs | undefined {
    return this.o.billableJobs;
  }
  /** The first clean-up failures, one line each (what, and the answer). */
  readonly cleanupProblems: string[] = [];
  private account?: string;
  private next = 0;
  private interrupted = false;
  private readonly running = new Set<string>();
  readonly clients: AwsClients;
  private readonly clock: Clock;
  private readonly caller: Caller;
  private readonly gate: AdaptiveLimit | undefined;

  constructor(private readonly o: AwsTargetOptions) {
    this.kind = o.kind;
    this.runId = o.runId;
    this.endpoint = o.endpoint;
    this.clients = o.clients ?? makeClients(o);
    this.clock = o.clock ?? realClock;
    this.gate = o.maxConcurrency === undefined ? undefined : new AdaptiveLimit(o.maxConcurrency, this.clock);
    this.caller = new Caller(
      // AWS's quotas are AWS's: an endpoint such as moto has none unless asked.
      o.kind === 'aws' || o.clientQuotas ? stepFunctionsRates(o.region) : {},
      this.clock,
      o.maxAttempts ?? maxAttemptsFromEnv() ?? (o.kind === 'aws' ? 8 : 3),
      o.throttleTimeoutMs ?? (o.kind === 'aws' ? 15 * 60_000 : 30_000),
      this.stats,
      () => this.gate?.throttled(),
    );
  }

  private call<T>(api: string, send: () => Promise<T>): Promise<T> {
    return this.caller.call(api, send);
  }

  /**
   * The clients with every `send` going the target's own way: rate-limited, throttles waited out
   * and transient errors retried (what `sweep` uses).
   */
  get retryingClients(): AwsClients {
    const through = <C extends object>(client: C): C =>
      new Proxy(client, {
        get: (t, p, receiver) => {
          const value: unknown = Reflect.get(t, p, receiver);
          if (p !== 'send' || typeof value !== 'function') return value;
          return (command: object) =>
            this.call(command.constructor.name.replace(/Command$/, ''), () =>
              (value as (c: object) => Promise<unknown>).call(t, command),
            );
        },
      });
    const c = this.clients;
    return { sfn: through(c.sfn), iam: through(c.iam), sts: through(c.sts), sagemaker: through(c.sagemaker) };
  }

  /** The account the credentials belong to (sts:GetCallerIdentity); asked once. */
  async identify(): Promise<string> {
    if (!this.account) {
      const id = await this.call('GetCallerIdentity', () =>
        this.clients.sts.send(new GetCallerIdentityCommand({})),
      );
      if (!id.Account) throw new Error('sts:GetCallerIdentity returned no account');
      this.account = id.Account;
    }
    return this.account;
  }

  /**
   * The case as this target can run it: in its account and region, in the world it has (no
   * referenced resources, no injected errors). On a real account every SageMaker create request is
   * tagged with the run id and, in a valid case, kept to the cheapest instance types, one instance
   * and a capped run time, whatever the prediction says (a wrong prediction must not bill much);
   * a case whose calls would be allowed to create SageMaker resources runs only with
   * `--allow-billable-jobs`, inside its caps.
   */
  realise(c: Case, purpose: Purpose = 'case'): Realised {
    const account = this.account ?? ACCOUNT;
    const moved = relocate(c, { account: c.account, region: c.region }, { account, region: this.o.region });
    const realised: Case = { ...moved, scenario: NO_SCENARIO };
    if (this.kind !== 'aws') return { case: realised };
    const valid = realised.validity.valid;
    const limited = rewriteForAccount(realised, {
      ...(valid ? { limits: this.o.billableJobs ?? DEFAULT_LIMITS } : {}),
      tag: this.tag,
    });
    if ('skipped' in limited || !valid) return limited;
    const allowed = creates(limited.case);
    if (allowed.length > 0) return this.billable(realised, allowed[0]!.action, purpose);
    return limited;
  }

  private get tag(): { key: string; value: string } {
    return { key: TAG_KEY, value: this.o.runId };
  }

  /** Billable calls the cases `--plan` counted would make (nothing is run for them). */
  plannedBillableCalls = 0;

  /** A case that would create SageMaker resources: inside the caps, or not run. */
  private billable(c: Case, action: string, purpose: Purpose): Realised {
    const caps = this.o.billableJobs;
    if (!caps)
      return {
        skipped: `would be allowed to ${action} on a real account (run with --allow-billable-jobs to create SageMaker resources)`,
      };
    if (purpose === 'shrink') return { skipped: 'shrinking does not run billable jobs' };
    const capped = rewriteForAccount(c, { limits: caps, resources: caps, tag: this.tag });
    if ('skipped' in capped) return capped;
    const billable = { ...capped.case, scenario: BILLABLE_SCENARIO };
    // The one call that changes a resource instead of creating one: the endpoint it names may be
    // one of the account's own.
    if (creates(billable).some((x) => x.action === 'sagemaker:UpdateEndpoint'))
      return { skipped: 'UpdateEndpoint changes an existing endpoint; not run on a real account' };
    const billed = billableAttempts(billable);
    if (billed === Infinity) return { skipped: 'a Map may start any number of billable jobs; not run' };
    // `--plan` counts on its own: the run's figures stay those of calls made.
    const counted = purpose === 'plan' ? this.plannedBillableCalls : this.stats.billableCalls;
    if (counted + billed > caps.maxJobs)
      return { skipped: `the --max-billable-jobs cap (${caps.maxJobs}) is reached` };
    if (purpose === 'plan') this.plannedBillableCalls += billed;
    else this.stats.billableCalls += billed;
    return { case: billable };
  }

  async execute(c: Case): Promise<Observation> {
    if (this.interrupted) throw new InterruptedError();
    const throttles = this.stats.throttles;
    await this.gate?.acquire();
    try {
      if (this.interrupted) throw new InterruptedError();
      return await this.executeCase(c);
    } finally {
      this.gate?.release(this.stats.throttles !== throttles);
    }
  }

  private async executeCase(c: Case): Promise<Observation> {
    const account = await this.identify();
    const name = resourceName(this.o.runId, this.next++);
    const tags = { key: TAG_KEY, value: this.o.runId };
    let role = false;
    let stateMachineArn: string | undefined;
    const execution: { arn?: string; events?: HistoryEvent[] } = {};
    try {
      const created = await this.call('CreateRole', () =>
        this.clients.iam.send(
          new CreateRoleCommand({
            RoleName: name,
            Path: ROLE_PATH,
            AssumeRolePolicyDocument: trustPolicy(account),
            Description: `sfn-sagemaker-conformance case ${c.id}`,
            Tags: [{ Key: tags.key, Value: tags.value }],
            ...(this.o.permissionsBoundary ? { PermissionsBoundary: this.o.permissionsBoundary } : {}),
          }),
        ),
      ).catch((e: unknown) => {
        // A server error may have come after the role was made (a retry then finds it exists):
        // the name is this run's, so the role is ours to delete.
        if (isTransient(e) || isUnreadable(e) || isEntityAlreadyExists(e)) role = true;
        throw e;
      });
      role = true;
      this.stats.rolesCreated++;
      await this.call('PutRolePolicy', () =>
        this.clients.iam.send(
          new PutRolePolicyCommand({
            RoleName: name,
            PolicyName: 'case',
            PolicyDocument: JSON.stringify(c.policy),
          }),
        ),
      );
      try {
        stateMachineArn = await this.createStateMachine(name, c, created.Role!.Arn!, tags);
      } catch (e) {
        if (isThrottle(e) || e instanceof PropagationTimeout) throw e;
        if (isTransient(e) || isUnreadable(e))
          return { created: false, targetError: `CreateStateMachine: ${describeError(e)}` };
        return { created: false, createError: describeError(e) };
      }
      return await this.run(stateMachineArn, c, execution);
    } catch (e) {
      // The endpoint failing a call a conforming service answers is an observation, not a harness error.
      if (isTransient(e) || isUnreadable(e))
        return {
          created: stateMachineArn !== undefined,
          targetError: `${apiOf(e) ?? 'call'}: ${describeError(e)}`,
        };
      throw e;
    } finally {
      if (execution.arn) await this.cleanupSageMaker(execution.arn, execution.events);
      await this.cleanup(name, role, stateMachineArn);
    }
  }

  /** Start nothing new; stop the executions in flight (their cases then clean up). */
  async interrupt(): Promise<void> {
    this.interrupted = true;
    await Promise.all([...this.running].map((arn) => this.stop(arn)));
  }

  private async createStateMachine(
    name: string,
    c: Case,
    roleArn: string,
    tag: { key: string; value: string },
  ): Promise<string> {
    // Where the oracle predicts creation fails (the policy lacks the managed rule), its denial is the answer.
    const managedRuleGranted = predictionOf(c).created.value;
    const r = await this.waitingForRole(
      'CreateStateMachine',
      () =>
        this.clients.sfn.send(
          new CreateStateMachineCommand({
            name,
            definition: JSON.stringify(c.definition),
            roleArn,
            type: c.stateMachineType,
            tags: [tag],
          }),
        ),
      { managedRuleGranted },
    );
    this.stats.stateMachinesCreated++;
    // IAM is eventually consistent: the role's new inline policy may not be in force yet, and a
    // call it allows would be refused. On a real account, give it time before the execution starts.
    const settle = this.o.policySettleMs ?? (this.kind === 'aws' ? 10_000 : 0);
    if (settle > 0) {
      this.stats.policySettleMs += settle;
      await this.clock.sleep(settle);
    }
    return r.stateMachineArn!;
  }

  /** A call that refers to the case's new role, retried with backoff while IAM has not propagated it. */
  private async waitingForRole<T>(
    api: string,
    send: () => Promise<T>,
    o: { managedRuleGranted: boolean } = { managedRuleGranted: true },
  ): Promise<T> {
    const started = this.clock.now();
    const limit = this.o.propagationTimeoutMs ?? (this.kind === 'aws' ? 120_000 : 5_000);
    for (let wait = 1000; ; wait = Math.min(wait * 2, 16_000)) {
      try {
        return await this.call(api, send);
      } catch (e) {
        if (!isRolePropagation(e, o)) throw e;
        if (this.clock.now() - started + wait > limit) {
          throw new PropagationTimeout(
            `the new role was still refused after ${limit} ms: ${describeError(e)}`,
          );
        }
        this.stats.roleWaits++;
        // Half the wait, and up to as much again at random: propagation takes time, and roles
        // created together should not all come back together.
        await this.clock.sleep(Math.floor(wait / 2 + (randomInt(0, 1_000_000) / 1_000_000) * (wait / 2)));
      }
    }
  }

  private async run(
    stateMachineArn: string,
    c: Case,
    execution: { arn?: string; events?: HistoryEvent[] },
  ): Promise<Observation> {
    const { executionArn } = await this.waitingForRole('StartExecution', () =>
      this.clients.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name: c.executionName, input: JSON.stringify(c.input) }),
      ),
    );
    this.running.add(executionArn!);
    execution.arn = executionArn!;
    let followed = false;
    try {
      const waitMs = this.executionWaitMs(c);
      const { events, cutOff } = await this.follow(executionArn!, waitMs);
      followed = true;
      execution.events = events;
      // Stopped by the harness, not ended by the target: what it would have done is not known.
      if (cutOff && !this.interrupted)
        return {
          created: true,
          executionArn: executionArn!,
          targetError: `the execution was still running after ${Math.round(waitMs / 1000)} s of wall clock and the harness stopped it (predicted: ${predictedSeconds(c)} s of virtual time); give it longer with --execution-timeout SECONDS`,
        };
      // The terminal event says how it ended; DescribeExecution is eventually consistent (moto
      // writes the event before the status), so it is read only where the history has no end.
      // A history that leaves the output out (some endpoints' does) has it read there too.
      const ended = terminalOutcome(events);
      const described =
        !ended || (ended.status === 'SUCCEEDED' && ended.output === undefined)
          ? await this.call('DescribeExecution', () =>
              this.clients.sfn.send(new DescribeExecutionCommand({ executionArn })),
            )
          : undefined;
      const d = ended
        ? {
            ...ended,
            ...(ended.output === undefined && described?.output !== undefined
              ? { output: described.output }
              : {}),
          }
        : described!;
      const status = d.status === 'RUNNING' || d.status === 'PENDING_REDRIVE' ? undefined : d.status;
      let output: unknown;
      if (d.output !== undefined) {
        try {
          output = JSON.parse(d.output);
        } catch {
          output = d.output;
        }
      }
      return {
        created: true,
        executionArn: executionArn!,
        ...(status ? { status } : {}),
        error: d.error ?? null,
        ...(d.cause !== undefined ? { cause: d.cause } : {}),
        ...(output !== undefined ? { output } : {}),
        attempts: firstTaskAttempts(
          events.map((e) => ({ type: e.type!, name: e.stateEnteredEventDetails?.name })),
        ),
        historyTypes: events.map((e) => e.type!),
        taskFailures: taskFailuresOf(events),
      };
    } finally {
      this.running.delete(executionArn!);
      // Following it failed: it may still run, and its state machine is about to be deleted.
      if (!followed) await this.stop(executionArn!);
    }
  }

  /**
   * How long an execution may run before the harness stops it: what the oracle predicts it takes
   * (an endpoint such as moto waits Retry intervals in real time), and a margin, at least the
   * target's floor (10 s on an endpoint, 15 min on AWS), at most `--execution-timeout` (default:
   * a minute on an endpoint, half an hour on AWS).
   */
  private executionWaitMs(c: Case): number {
    const floor = this.kind === 'aws' ? 15 * 60_000 : 10_000;
    if (this.o.executionTimeoutMs !== undefined && this.o.executionTimeoutMs < floor)
      return this.o.executionTimeoutMs;
    const limit = this.o.executionTimeoutMs ?? (this.kind === 'aws' ? 30 * 60_000 : 60_000);
    return Math.min(limit, Math.max(floor, predictedSeconds(c) * 1500 + 10_000));
  }

  /** Reads the history until its last event ends the execution (GetExecutionHistory's quota is the roomier one). */
  private async follow(
    executionArn: string,
    timeout: number,
  ): Promise<{ events: HistoryEvent[]; cutOff: boolean }> {
    const started = this.clock.now();
    const poll = this.o.pollMs ?? (this.kind === 'aws' ? 2000 : 100);
    let stopped = false;
    for (;;) {
      const events = await this.history(executionArn);
      const last = events.at(-1);
      if (last?.type && TERMINAL.has(last.type)) return { events, cutOff: stopped };
      // Stopped and read once more: the history as the target then tells it.
      if (stopped) return { events, cutOff: true };
      if (!stopped && (this.interrupted || this.clock.now() - started > timeout)) {
        stopped = true;
        await this.stop(executionArn);
        continue;
      }
      await this.clock.sleep(poll);
    }
  }

  /** The whole history, with its data (the requests of TaskScheduled name what was created). */
  private async history(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.call('GetExecutionHistory', () =>
        this.clients.sfn.send(
          new GetExecutionHistoryCommand({
            executionArn,
            maxResults: 1000,
            nextToken,
            includeExecutionData: true,
          }),
        ),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  /**
   * Stops the jobs and deletes the models, endpoint configurations and endpoints the execution
   * created (a busy endpoint is waited for). Without the history read at the end, it is read now.
   */
  private async cleanupSageMaker(executionArn: string, events: HistoryEvent[] | undefined): Promise<void> {
    let resources: CreatedResource[];
    try {
      resources = createdResources(events ?? (await this.history(executionArn)));
    } catch (e) {
      this.cleanupFailed(`reading the history of ${executionArn}`, e);
      return;
    }
    const deadline =
      this.clock.now() + (this.o.cleanupTimeoutMs ?? (this.kind === 'aws' ? 20 * 60_000 : 2000));
    for (const r of resources) {
      for (let wait = this.kind === 'aws' ? 15_000 : 100; ; wait = Math.min(wait * 2, 60_000)) {
        try {
          if (r.describe) {
            const d = r.describe;
            const job = await this.call(d.call, () => DESCRIBES[d.call]!(this.clients.sagemaker, r.name));
            const status = (job as Record<string, unknown>)[d.statusField];
            if (typeof status === 'string' && !RUNNING_STATUSES.has(status)) break;
          }
          await this.call(r.cleanup, () => CLEANUPS[r.cleanup]!(this.clients.sagemaker, r.name));
          this.stats.sagemakerResourcesCleaned++;
        } catch (e) {
          if (isAlreadyClean(e)) break;
          if (isBusy(e) && this.clock.now() + wait < deadline) {
            await this.clock.sleep(wait);
            continue;
          }
          this.cleanupFailed(`sagemaker:${r.cleanup} ${r.name}`, e);
        }
        break;
      }
    }
  }

  private cleanupFailed(what: string, e: unknown): void {
    this.stats.cleanupFailures++;
    if (this.cleanupProblems.length < 20) this.cleanupProblems.push(`${what}: ${describeError(e)}`);
  }

  private async stop(executionArn: string): Promise<void> {
    try {
      await this.call('StopExecution', () =>
        this.clients.sfn.send(
          new StopExecutionCommand({
            executionArn,
            error: 'SfnConformance.Interrupted',
            cause: 'stopped by the harness',
          }),
        ),
      );
      this.stats.executionsStopped++;
    } catch (e) {
      if (!isNoSuchExecution(e)) this.cleanupFailed(`stopping ${executionArn}`, e);
    }
  }

  private async cleanup(name: string, role: boolean, stateMachineArn: string | undefined): Promise<void> {
    const attempt = async (what: () => Promise<unknown>, count: () => void) => {
      try {
        await what();
        count();
      } catch (e) {
        if (isNoSuchEntity(e)) return;
        this.cleanupFailed(`deleting ${name}`, e);
      }
    };
    if (stateMachineArn)
      await attempt(
        () =>
          this.call('DeleteStateMachine', () =>
            this.clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn })),
          ),
        () => this.stats.stateMachinesDeleted++,
      );
    if (role) {
      await attempt(
        () =>
          this.call('DeleteRolePolicy', () =>
            this.clients.iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: 'case' })),
          ),
        () => undefined,
      );
      await attempt(
        () => this.call('DeleteRole', () => this.clients.iam.send(new DeleteRoleCommand({ RoleName: name }))),
        () => this.stats.rolesDeleted++,
      );
    }
  }

  /** The figures for the report. */
  summary(): Record<string, number> {
    return {
      ...this.stats,
      bucketWaitMs: this.caller.waitedMs,
      ...(this.gate ? { concurrencyCuts: this.gate.cuts, lowestConcurrency: this.gate.lowest } : {}),
    };
  }
}
