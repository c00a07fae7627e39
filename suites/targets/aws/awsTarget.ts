/**
 * The AWS target: each case on a real account or an AWS-compatible endpoint (moto, LocalStack)
 * through the AWS SDK. Per case it creates the execution role with the case's policy, the state
 * machine, starts the execution, follows its history to the end and deletes what it created.
 */
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
  type HistoryEvent,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Case } from '../../../generators/case.js';
import { ACCOUNT, REGION } from '../../../generators/values.js';
import { predictExecution } from '../../../oracles/outcome/predictExecution.js';
import { firstTaskAttempts, type Observation, type Realised, type Target } from '../target.js';
import { describeError, isRolePropagation, isThrottle, isTransient, isUnreadable } from './errors.js';
import { resourceName, ROLE_PATH, TAG_KEY, trustPolicy } from './naming.js';
import { Buckets, type Clock, realClock, stepFunctionsRates } from './tokenBucket.js';

export interface AwsClients {
  readonly sfn: SFNClient;
  readonly iam: IAMClient;
  readonly sts: STSClient;
}

export interface AwsTargetOptions {
  readonly kind: 'aws' | 'endpoint';
  readonly region: string;
  readonly endpoint?: string;
  readonly runId: string;
  readonly permissionsBoundary?: string;
  /** Injected clients (tests); otherwise made from the default credential chain. */
  readonly clients?: AwsClients;
  readonly clock?: Clock;
  /** Between history reads of a running execution. */
  readonly pollMs?: number;
  /** An execution still running after this long is stopped and recorded as it then stands. */
  readonly executionTimeoutMs?: number;
  /** How long a new role may be refused before the case gives up. */
  readonly propagationTimeoutMs?: number;
  /** Attempts at a throttled or transiently failing call. */
  readonly maxAttempts?: number;
}

export interface AwsTargetStats {
  throttles: number;
  roleWaits: number;
  transientRetries: number;
  bucketWaitMs: number;
  rolesCreated: number;
  rolesDeleted: number;
  stateMachinesCreated: number;
  stateMachinesDeleted: number;
  executionsStopped: number;
  cleanupFailures: number;
}

/** What `run` does to the case's world on a target that cannot realise scenarios. */
const NO_SCENARIO = { referencesExist: false } as const;

/** Create calls that start something billed or leave a resource behind on a real account. */
const CREATES = /^sagemaker:(Create|Update)\w+ allowed$/;

const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

/** The API each error that ended a call came from. */
const failedApi = new WeakMap<object, string>();

/** Raised by `execute` once the run is interrupted: the case is not run. */
export class InterruptedError extends Error {
  constructor() {
    super('the run was interrupted before this case started');
    this.name = 'InterruptedError';
  }
}

export function makeClients(o: Pick<AwsTargetOptions, 'kind' | 'region' | 'endpoint'>): AwsClients {
  // Endpoints such as moto and LocalStack accept any credentials; with none configured, use test ones.
  const anonymous =
    o.kind === 'endpoint' &&
    !process.env.AWS_ACCESS_KEY_ID &&
    !process.env.AWS_PROFILE &&
    !process.env.AWS_WEB_IDENTITY_TOKEN_FILE;
  const config = {
    region: o.region,
    // The target retries itself, so that throttles and waits are counted.
    maxAttempts: 1,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(anonymous ? { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : {}),
  };
  return { sfn: new SFNClient(config), iam: new IAMClient(config), sts: new STSClient(config) };
}

export class AwsTarget implements Target {
  readonly kind: 'aws' | 'endpoint';
  readonly capabilities = { seesCalls: false, scenarios: false };
  readonly description: string;
  readonly stats: AwsTargetStats = {
    throttles: 0,
    roleWaits: 0,
    transientRetries: 0,
    bucketWaitMs: 0,
    rolesCreated: 0,
    rolesDeleted: 0,
    stateMachinesCreated: 0,
    stateMachinesDeleted: 0,
    executionsStopped: 0,
    cleanupFailures: 0,
  };
  readonly runId: string;
  readonly endpoint: string | undefined;
  private account?: string;
  private next = 0;
  private interrupted = false;
  private readonly running = new Set<string>();
  readonly clients: AwsClients;
  private readonly clock: Clock;
  private readonly buckets: Buckets;

  constructor(private readonly o: AwsTargetOptions) {
    this.kind = o.kind;
    this.runId = o.runId;
    this.endpoint = o.endpoint;
    this.description =
      o.kind === 'aws'
        ? `AWS account (${o.region})`
        : `AWS-compatible endpoint ${o.endpoint ?? ''} (${o.region})`;
    this.clients = o.clients ?? makeClients(o);
    this.clock = o.clock ?? realClock;
    this.buckets = new Buckets(stepFunctionsRates(o.region), this.clock);
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
   * referenced resources, no injected errors). On a real account, cases whose calls would be
   * allowed to create SageMaker resources are not run: they bill or leave resources behind.
   */
  realise(c: Case): Realised {
    const account = this.account ?? ACCOUNT;
    let moved = c;
    if (account !== ACCOUNT || this.o.region !== REGION) {
      const text = JSON.stringify(c).split(ACCOUNT).join(account).split(REGION).join(this.o.region);
      moved = JSON.parse(text) as Case;
    }
    const realised: Case = { ...moved, scenario: NO_SCENARIO };
    if (this.kind === 'aws' && realised.validity.valid) {
      const creates = predictExecution(realised).calls.value.filter((x) => CREATES.test(x));
      if (creates.length > 0)
        return {
          skipped: `would be allowed to ${creates[0]!.split(' ')[0]} on a real account (billable jobs are not run)`,
        };
    }
    return { case: realised };
  }

  async execute(c: Case): Promise<Observation> {
    if (this.interrupted) throw new InterruptedError();
    const account = await this.identify();
    const name = resourceName(this.o.runId, this.next++);
    const tags = { key: TAG_KEY, value: this.o.runId };
    let role = false;
    let stateMachineArn: string | undefined;
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
      );
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
        if (isThrottle(e) || (e as Error).name === 'PropagationTimeout') throw e;
        if (isTransient(e) || isUnreadable(e))
          return { created: false, targetError: `CreateStateMachine: ${describeError(e)}` };
        return { created: false, createError: describeError(e) };
      }
      return await this.run(stateMachineArn, c);
    } catch (e) {
      // The endpoint failing a call a conforming service answers is an observation, not a harness error.
      if (isTransient(e) || isUnreadable(e))
        return {
          created: stateMachineArn !== undefined,
          targetError: `${failedApi.get(e as object) ?? 'call'}: ${describeError(e)}`,
        };
      throw e;
    } finally {
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
    const started = this.clock.now();
    const limit = this.o.propagationTimeoutMs ?? (this.kind === 'aws' ? 120_000 : 5_000);
    for (let wait = 1000; ; wait = Math.min(wait * 2, 16_000)) {
      try {
        const r = await this.call('CreateStateMachine', () =>
          this.clients.sfn.send(
            new CreateStateMachineCommand({
              name,
              definition: JSON.stringify(c.definition),
              roleArn,
              type: c.stateMachineType,
              tags: [tag],
            }),
          ),
        );
        this.stats.stateMachinesCreated++;
        return r.stateMachineArn!;
      } catch (e) {
        if (!isRolePropagation(e)) throw e;
        if (this.clock.now() - started + wait > limit) {
          const err = new Error(`the new role was still refused after ${limit} ms: ${describeError(e)}`);
          err.name = 'PropagationTimeout';
          throw err;
        }
        this.stats.roleWaits++;
        await this.clock.sleep(wait);
      }
    }
  }

  private async run(stateMachineArn: string, c: Case): Promise<Observation> {
    const { executionArn } = await this.call('StartExecution', () =>
      this.clients.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name: c.executionName, input: JSON.stringify(c.input) }),
      ),
    );
    this.running.add(executionArn!);
    try {
      const events = await this.follow(executionArn!);
      const d = await this.call('DescribeExecution', () =>
        this.clients.sfn.send(new DescribeExecutionCommand({ executionArn })),
      );
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
        ...(status ? { status } : {}),
        error: d.error ?? null,
        ...(d.cause !== undefined ? { cause: d.cause } : {}),
        ...(output !== undefined ? { output } : {}),
        attempts: firstTaskAttempts(
          events.map((e) => ({ type: e.type!, name: e.stateEnteredEventDetails?.name })),
        ),
        historyTypes: events.map((e) => e.type!),
      };
    } finally {
      this.running.delete(executionArn!);
    }
  }

  /** Reads the history until its last event ends the execution (GetExecutionHistory's quota is the roomier one). */
  private async follow(executionArn: string): Promise<HistoryEvent[]> {
    const started = this.clock.now();
    const timeout = this.o.executionTimeoutMs ?? (this.kind === 'aws' ? 15 * 60_000 : 10_000);
    const poll = this.o.pollMs ?? (this.kind === 'aws' ? 2000 : 100);
    let stopped = false;
    for (;;) {
      const events: HistoryEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.call('GetExecutionHistory', () =>
          this.clients.sfn.send(
            new GetExecutionHistoryCommand({
              executionArn,
              maxResults: 1000,
              nextToken,
              includeExecutionData: false,
            }),
          ),
        );
        events.push(...(page.events ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      const last = events.at(-1);
      if (last?.type && TERMINAL.has(last.type)) return events;
      // Stopped and read once more: the history as the target then tells it.
      if (stopped) return events;
      if (!stopped && (this.interrupted || this.clock.now() - started > timeout)) {
        stopped = true;
        await this.stop(executionArn);
        continue;
      }
      await this.clock.sleep(poll);
    }
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
    } catch {
      // Already ended.
    }
  }

  private async cleanup(name: string, role: boolean, stateMachineArn: string | undefined): Promise<void> {
    const attempt = async (what: () => Promise<unknown>, count: () => void) => {
      try {
        await what();
        count();
      } catch (e) {
        if ((e as Error).name === 'NoSuchEntity' || (e as Error).name === 'NoSuchEntityException') return;
        this.stats.cleanupFailures++;
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

  /** One API call inside its token bucket, retried with backoff on throttling and transient failures. */
  private async call<T>(api: string, send: () => Promise<T>): Promise<T> {
    const attempts = this.o.maxAttempts ?? (this.kind === 'aws' ? 8 : 3);
    for (let i = 1; ; i++) {
      await this.buckets.take(api);
      try {
        return await send();
      } catch (e) {
        const throttled = isThrottle(e);
        if ((!throttled && !isTransient(e)) || i >= attempts) {
          failedApi.set(e as object, api);
          throw e;
        }
        if (throttled) this.stats.throttles++;
        else this.stats.transientRetries++;
        await this.clock.sleep(Math.min(100 * 2 ** i, 20_000));
      }
    }
  }

  /** The figures for the report. */
  summary(): Record<string, number> {
    return { ...this.stats, bucketWaitMs: this.buckets.waitedMs };
  }
}
