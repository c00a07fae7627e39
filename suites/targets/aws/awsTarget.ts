/**
 * The AWS target: each case on a real account or an AWS-compatible endpoint (moto, LocalStack)
 * through the AWS SDK. A case runs on the execution role the run keeps for its policy and the
 * state machine it keeps for its definition, created the first time a case needs them
 * (provisioned.ts, provisioning.ts) and deleted when the run ends (`finish`); the case starts its
 * execution and follows its history to the end (observe.ts; none where the oracle predicts the
 * state machine is refused and the target accepted it) and deletes the SageMaker resources it
 * created (cleanup.ts). This class wires them to the run: one paced caller, the cases in flight,
 * interruption and the figures for the report.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { partitionOf } from '../../../catalog/regions.js';
import type { Case } from '../../../contracts/case.js';
import type { Observation } from '../../../contracts/observation.js';
import type { Purpose, Realised, Target } from '../../../contracts/target.js';
import { AdaptiveLimit } from './adaptiveLimit.js';
import type { BillableJobs } from './billableJobs.js';
import { familyOf } from './apiFamily.js';
import { Caller, apiOf, maxAttemptsFromEnv } from './caller.js';
import { cleanUpCase, stopExecution } from './cleanup.js';
import { type AwsClients, DEFAULT_IDENTITY_DEADLINE_MS, makeClients, sendingThrough } from './clients.js';
import type { CaseResources, TargetContext } from './context.js';
import { describeError, isThrottle, isTransient, isUnreadable, PropagationTimeout } from './errors.js';
import { NameClaims, takenOnTarget } from './namesTaken.js';
import { runExecution } from './observe.js';
import { predictionOf } from './prediction.js';
import { type AwsTargetOptions, type AwsTargetStats, noStats } from './options.js';
import { type Lease, Provisioned } from './provisioned.js';
import { type BillableTally, realiseOnAccount } from './realise.js';
import { type Clock, realClock, stepFunctionsRates } from './tokenBucket.js';

/** Raised by `execute` once the run is interrupted: the case is not run. */
export class InterruptedError extends Error {
  constructor() {
    super('the run was interrupted before this case started');
    this.name = 'InterruptedError';
  }
}

/** The target that runs cases on a real AWS account or an AWS-compatible endpoint. */
export class AwsTarget implements Target {
  readonly kind: 'aws' | 'endpoint';
  readonly capabilities = { seesCalls: false, scenarios: false };
  /** The region the target runs in. */
  get region(): string {
    return this.options.region;
  }

  /** What the run is on, the account once the credentials have told it (printed before anything is created). */
  get description(): string {
    const { options } = this;
    return this.kind === 'aws'
      ? `AWS account ${this.account ?? ''}${this.account ? ' ' : ''}(${options.region}, partition ${partitionOf(options.region)})`
      : `AWS-compatible endpoint${options.endpointDescription ? 's' : ''} ${options.endpoint ?? options.endpointDescription ?? ''} (${options.region}${options.testCredentials?.usedTest ? ', test credentials: none configured' : ''})`;
  }
  /** What the target has counted so far (the report's target figures). */
  readonly stats: AwsTargetStats = noStats();
  /** The run's id, which every resource it creates is named and tagged with. */
  readonly runId: string;
  /** The endpoint every service is called at, if one is set. */
  readonly endpoint: string | undefined;
  /** The caps billable cases run inside (`--allow-billable-jobs`), if they run. */
  get billableJobs(): BillableJobs | undefined {
    return this.options.billableJobs;
  }
  /** The first clean-up failures, one line each (what, and the answer). */
  readonly cleanupProblems: string[] = [];
  /** What the user should know about how the target was run, one line each. */
  readonly notes: string[] = [];
  /** The clients, calling without the target's pacing and retries. */
  readonly clients: AwsClients;
  private account?: string;
  private caseNumber = 0;
  private interrupted = false;
  private readonly running = new Set<string>();
  private readonly clock: Clock;
  private readonly caller: Caller;
  private readonly gate: AdaptiveLimit | undefined;
  private readonly planned: BillableTally = { billableCalls: 0 };
  /** The SageMaker names the run's cases create (a case whose names are taken is not run). */
  private readonly names = new NameClaims();
  /** What the provisioning, execution and clean-up steps share. */
  private readonly context: TargetContext;
  /** The roles and state machines the run keeps from case to case. */
  private readonly provisioned: Provisioned;

  constructor(private readonly options: AwsTargetOptions) {
    this.kind = options.kind;
    this.runId = options.runId;
    this.account = options.account;
    this.endpoint = options.endpoint;
    this.clients = options.clients ?? makeClients(options);
    this.clock = options.clock ?? realClock;
    this.gate =
      options.maxConcurrency === undefined
        ? undefined
        : new AdaptiveLimit(options.maxConcurrency, this.clock);
    this.caller = new Caller(
      // AWS's quotas are AWS's: an endpoint such as moto has none unless asked.
      options.kind === 'aws' || options.clientQuotas ? stepFunctionsRates(options.region) : {},
      this.clock,
      options.maxAttempts ?? maxAttemptsFromEnv() ?? (options.kind === 'aws' ? 8 : 3),
      options.throttleTimeoutMs ?? (options.kind === 'aws' ? 15 * 60_000 : 30_000),
      this.stats,
      // The cases in flight are cut by the executions' throttling; every family's calls by its own.
      (api) => {
        if (familyOf(api) === 'executions') this.gate?.throttled();
      },
      undefined,
      options.maxConcurrency,
    );
    this.context = {
      options,
      clients: this.clients,
      clock: this.clock,
      stats: this.stats,
      cleanupProblems: this.cleanupProblems,
      running: this.running,
      interrupted: () => this.interrupted,
      call: (api, send) => this.caller.call(api, send),
    };
    this.provisioned = new Provisioned(this.context, options.keepRoles);
  }

  /**
   * The clients with every `send` going the target's own way: rate-limited, throttles waited out
   * and transient errors retried (what `sweep` uses).
   */
  get retryingClients(): AwsClients {
    return sendingThrough(this.clients, (api, send) => this.caller.call(api, send));
  }

  /**
   * The account the credentials belong to (sts:GetCallerIdentity); asked once. The question, its
   * retries included, has DEFAULT_IDENTITY_DEADLINE_MS or one request timeout, whichever is longer:
   * past it the call is aborted and a `TimeoutError` raised (the target is unreachable).
   */
  async identify(): Promise<string> {
    if (!this.account) {
      const deadlineMs = Math.max(DEFAULT_IDENTITY_DEADLINE_MS, this.options.requestTimeoutMs ?? 0);
      const abort = new AbortController();
      const identity = await withDeadline(
        this.caller.call('GetCallerIdentity', () =>
          this.clients.sts.send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal }),
        ),
        deadlineMs,
        () => {
          abort.abort();
          const late = new Error(`no answer in ${deadlineMs / 1000} s, retries included`);
          late.name = 'TimeoutError';
          return late;
        },
      );
      if (!identity.Account) throw new Error('sts:GetCallerIdentity returned no account');
      this.account = identity.Account;
    }
    return this.account;
  }

  /** The case as this target can run it (see realise.ts: moved to its account, billable cases capped). */
  realise(theCase: Case, purpose: Purpose = 'case'): Realised {
    return realiseOnAccount(theCase, purpose, {
      kind: this.kind,
      account: this.account,
      region: this.options.region,
      runId: this.options.runId,
      billableJobs: this.options.billableJobs,
      tallies: { run: this.stats, plan: this.planned },
    });
  }

  /** Billable calls the cases `--plan` counted would make (nothing is run for them). */
  get plannedBillableCalls(): number {
    return this.planned.billableCalls;
  }

  /** Runs one case inside the concurrency the throttling leaves; refused once the run is interrupted. */
  async execute(theCase: Case): Promise<Observation> {
    if (this.interrupted) throw new InterruptedError();
    const throttles = this.stats.throttles;
    await this.gate?.acquire();
    try {
      if (this.interrupted) throw new InterruptedError();
      return await this.executeCase(theCase);
    } finally {
      this.gate?.release(this.stats.throttles !== throttles);
    }
  }

  /** Creates the case's role and state machine, runs its execution and deletes all it created. */
  private async executeCase(theCase: Case): Promise<Observation> {
    const account = await this.identify();
    const claim = this.names.claim(theCase);
    if ('taken' in claim) return { created: false, notRun: claim.taken };
    try {
      const taken = await takenOnTarget(this.context, claim.names);
      if (taken !== undefined) return { created: false, notRun: taken };
      return await this.createRunAndCleanUp(theCase, account);
    } finally {
      claim.release();
    }
  }

  /**
   * The case's execution on the role and state machine the run keeps for its policy and
   * definition (created if it has none), and the clean-up of what the execution created.
   */
  private async createRunAndCleanUp(theCase: Case, account: string): Promise<Observation> {
    const created: CaseResources = {};
    let lease: Lease | undefined;
    try {
      const role = await this.provisioned.role(theCase, account);
      try {
        lease = await this.provisioned.machine(role, theCase);
      } catch (e) {
        if (isThrottle(e) || e instanceof PropagationTimeout) throw e;
        if (isTransient(e) || isUnreadable(e))
          return { created: false, targetError: `CreateStateMachine: ${describeError(e)}` };
        return { created: false, createError: describeError(e) };
      }
      // The oracle predicts CreateStateMachine refuses the definition (a `.waitForTaskToken`
      // SageMaker task, an invalid one): that the target accepted it is the finding, and nothing an
      // execution does is compared. None is started: one would wait forever for a task token.
      if (!predictionOf(theCase).created.value) return { created: true };
      try {
        return await runExecution(this.context, lease.stateMachineArn, theCase, created);
      } catch (e) {
        const serverError = apiOf(e) === 'StartExecution' && (isTransient(e) || isUnreadable(e));
        if (
          !serverError ||
          this.kind !== 'endpoint' ||
          !(await this.provisioned.othersRan(lease.stateMachineArn))
        )
          throw e;
        // The endpoint fails executions while other state machines with executions exist (moto
        // does, with HTTP 500): each case gets a state machine of its own from now on (said in
        // the report), and this one runs again on its own.
        await this.provisioned.machinePerCase();
        if (this.stats.machineReuseOff === 0)
          this.notes.push(
            `StartExecution failed while the run kept other state machines (${describeError(e)}): from now on each case has a state machine of its own, deleted after it`,
          );
        this.stats.machineReuseOff = 1;
        const used = lease;
        lease = undefined;
        await used.release();
        lease = await this.provisioned.machine(await this.provisioned.role(theCase, account), theCase);
        return await runExecution(this.context, lease.stateMachineArn, theCase, created);
      }
    } catch (e) {
      // The endpoint failing a call a conforming service answers is an observation, not a harness error.
      if (isTransient(e) || isUnreadable(e))
        return {
          created: lease !== undefined,
          targetError: `${apiOf(e) ?? 'call'}: ${describeError(e)}`,
        };
      throw e;
    } finally {
      await cleanUpCase(this.context, created);
      await lease?.release();
    }
  }

  /** Deletes the roles and state machines the run kept (its cases are done, or interrupted). */
  async finish(): Promise<void> {
    await this.provisioned.finish();
  }

  /** Start nothing new; stop the executions in flight (their cases then clean up). */
  async interrupt(): Promise<void> {
    this.interrupted = true;
    await Promise.all([...this.running].map((executionArn) => stopExecution(this.context, executionArn)));
  }

  /** The figures for the report. */
  summary(): Record<string, number> {
    return {
      ...this.stats,
      bucketWaitMs: this.caller.waitedMs,
      ...(this.gate ? { concurrencyCuts: this.gate.cuts, lowestConcurrency: this.gate.lowest } : {}),
      ...this.caller.familyCuts(),
    };
  }
}

/** The promise, or the error `late` makes once `ms` have passed without it settling. */
async function withDeadline<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
