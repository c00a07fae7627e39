/**
 * The world of one execution as the outcome oracle runs it: SageMaker's resources, the calls made as
 * the role and their IAM decisions, the clock, and what SageMaker answers to each attempt of a task
 * (refusals in the order it checks them, the request-response result, or a `.sync` job).
 */
import { validateRequest } from '../../validation/validateRequest.js';
import { partitionOf } from '../../catalog/regions.js';
import { MAX_EXECUTION_SECONDS } from '../../catalog/stepFunctionsLimits.js';
import { pollIntervalMs } from '../../catalog/scenario.js';
import { undecided, type Provenance } from '../../catalog/provenance.js';
import {
  CROSS_ACCOUNT_ROLE,
  DUPLICATE_ANSWERS,
  MISSING_ENDPOINT_ON_UPDATE,
  REFERENCES,
  ROLE_OF_ACCOUNT,
  SAGEMAKER_APIS,
  SFN_ERROR_NAMES,
} from '../../catalog/sagemakerApis.js';
import { PolicySet, type Decision } from '../../iam/evaluate.js';
import { parsePolicy } from '../../iam/policy.js';
import type { TaskPlan } from '../../contracts/casePlan.js';
import type {
  CallRecord,
  CaseForPrediction,
  JobEnd,
  PredictedTaskFailure,
} from '../../contracts/prediction.js';
import { valuesAt } from '../calls/requestValues.js';
import { taskCalls, type Call } from '../calls/taskCalls.js';
import { causeOf, type Attempt } from './outcomes.js';
import { RULES, RulesUsed } from './rules.js';
import { runJob } from './syncJob.js';
import { primaryRule, TimelineRecorder } from './timeline.js';

type Obj = Record<string, unknown>;

/** SageMaker's objection to a request, as its validation reports it. */
type Violation = ReturnType<typeof validateRequest>[number];

/** The world of one execution as the oracle runs it: SageMaker's resources, the calls made, the clock. */
export class World {
  /** The calls made as the role, in order, each with its decision. */
  readonly calls: CallRecord[] = [];
  /** The rules the prediction rests on (each call's own rules once, as it is first decided). */
  readonly used = new RulesUsed(RULES.patterns);
  /** The history events, calls and failures with the rule that decides each, in order. */
  readonly timeline = new TimelineRecorder();
  /** How each `.sync` job ended, in order. */
  readonly jobs: JobEnd[] = [];
  /** The status at the execution's end of each job its stop cut short, by ARN. */
  readonly jobStates: Record<string, string> = {};
  /** The TaskFailed events of the execution, in order: each attempt that failed. */
  readonly taskFailures: PredictedTaskFailure[] = [];
  /** Create attempts that met an injected error. */
  createErrors = 0;
  /** Whether SageMaker's request validation answered a call. */
  validated = false;
  /**
   * What names resources in the attempt under way, where the attempt does: a request that reads its
   * State.RetryCount (sfn.context.retry-count) names another resource on each attempt; `names` are
   * the values it wrote, and a call on a resource that holds one of them is named by `rule`.
   */
  attemptNaming?: { readonly rule: Provenance; readonly names: readonly string[] };
  /** Why the outcome cannot be predicted, where a rule it rests on is not known, and that rule. */
  undecided?: { readonly reason: string; readonly provenance: Provenance };

  /** Leaves the outcome unpredicted (the first rule nobody knows that decides it). */
  leaveUndecided(reason: string, provenance: Provenance): void {
    this.used.push(provenance);
    this.undecided ??= { reason, provenance };
  }
  /** Virtual milliseconds since the execution started. */
  nowMs = 0;
  /** Milliseconds of FULL-jittered waits in `nowMs` (each may be shorter, down to none). */
  jitterMs = 0;
  /** The attempts (TaskScheduled events) of the execution's first task, once it is entered. */
  firstAttempts?: number;
  /** The Describe polls made so far, over every job (the scenario aborts after so many). */
  describes = 0;
  /** When the execution times out: its TimeoutSeconds, or a year (ms). */
  readonly deadlineMs: number;
  private createErrorsLeft: number;
  private readonly policies: PolicySet;
  /** The resources SageMaker holds, as `<ARN resource type>/<name>`. */
  private readonly created = new Set<string>();
  /** The jobs created so far, and when each ends (ms): those running count against the job quota. */
  private readonly jobsCreated: { readonly api: string; readonly endsAtMs: number }[] = [];

  constructor(readonly theCase: CaseForPrediction) {
    this.createErrorsLeft = theCase.scenario.createError?.times ?? 0;
    const parsed = parsePolicy(theCase.policy);
    if (!parsed.ok) throw new Error(`case policy invalid: ${parsed.problems[0]!.message}`);
    this.policies = new PolicySet([parsed.policy]);
    // The state machine's TimeoutSeconds, and in any case the longest an execution may run.
    this.deadlineMs = Math.min(theCase.plan.timeoutSeconds ?? Infinity, MAX_EXECUTION_SECONDS.value) * 1000;
  }

  private readonly callCache = new WeakMap<object, readonly Call[]>();
  private readonly decisions = new WeakMap<Call, Decision>();

  /** The calls of a task for its request as Step Functions resolved it (the same for every attempt). */
  callsOf(task: TaskPlan, request: Obj | undefined): readonly Call[] {
    const key = request ?? task;
    const cached = this.callCache.get(key);
    if (cached) return cached;
    const calls = this.computeCalls(task, request);
    this.callCache.set(key, calls);
    return calls;
  }

  private computeCalls(task: TaskPlan, request: Obj | undefined): readonly Call[] {
    return taskCalls(
      {
        state: task.name,
        pointer: '',
        api: task.api,
        pattern: task.pattern,
        partition: partitionOf(this.theCase.region),
        request: task.request,
      },
      { region: this.theCase.region, account: this.theCase.account, docRevision: 'current' },
      request,
    ).calls;
  }

  private readonly violations = new WeakMap<Obj, Violation | null>();

  /** SageMaker's first objection to a request (the same for every attempt with it), if any. */
  private violationOf(task: TaskPlan, request: Obj): Violation | null {
    let violation = this.violations.get(request);
    if (violation === undefined) {
      violation = validateRequest(task.api, request)[0] ?? null;
      this.violations.set(request, violation);
    }
    return violation;
  }

  /** Decides and records one call. */
  decide(call: Call): Decision {
    // A call is decided the same way every time (a poll, a retried create): once.
    let decision = this.decisions.get(call);
    if (decision === undefined) {
      decision = this.policies.evaluate({
        action: call.action,
        resource: call.resource,
        context: call.context,
      }).decision;
      this.decisions.set(call, decision);
      // That the call is made, on this resource; and, denied, what the denial costs.
      this.used.push(call.provenance);
      if (decision !== 'allowed') this.used.push(call.necessity);
    }
    this.calls.push({ action: call.action, resource: call.resource, decision });
    // What makes the call: its necessity (PassRole checked, AddTags for tags, Describe polls ...);
    // the API's own calls are the integration's, whichever template grants them.
    const made = primaryRule(call.necessity).startsWith('sfn.template.') ? RULES.apis : call.necessity;
    const naming = this.attemptNaming;
    // SageMaker writes the names in its ARNs lower-cased.
    const named = naming?.names.some((name) => call.resource.toLowerCase().includes(name.toLowerCase()));
    this.timeline.call(made, call.necessity, named ? naming!.rule : undefined);
    return decision;
  }

  /** Whether something planned `at` (ms) would come at or after the state machine's deadline. */
  pastDeadline(at: number): boolean {
    if (at < this.deadlineMs) return false;
    this.used.push(RULES.machineTimeout);
    return true;
  }

  /** One attempt of a SageMaker task, as the case's world makes it behave. */
  attempt(task: TaskPlan, request: Obj): Attempt {
    const facts = SAGEMAKER_APIS[task.api];
    const calls = this.callsOf(task, request);
    // The create call's resource is the new resource's ARN.
    const arn = calls.find((call) => call.phase === 'create')!.resource;
    for (const call of calls.filter((candidate) => candidate.phase === 'create')) {
      const decision = this.decide(call);
      if (decision !== 'allowed') {
        this.used.push(RULES.denied, RULES.causeFormat);
        return {
          rule: RULES.denied,
          error: 'SageMaker.AmazonSageMakerException',
          cause: causeOf(
            `is not authorized to perform: ${call.action} on resource: ${call.resource}`,
            decision === 'explicitDeny' ? 'with an explicit deny' : 'because no identity-based policy allows',
            'AccessDeniedException',
          ),
          submitted: false,
        };
      }
    }
    if (this.createErrorsLeft > 0) {
      this.createErrorsLeft--;
      this.createErrors++;
      this.used.push(RULES.errorNames, RULES.causeFormat);
      const code = this.theCase.scenario.createError!.error;
      return {
        rule: RULES.errorNames,
        error: SFN_ERROR_NAMES.value[code],
        cause: causeOf(`Error Code: ${code}`),
        submitted: false,
      };
    }
    const breaks = this.theCase.validity?.breaks;
    if (breaks?.kind === 'request') {
      this.validated = true;
      this.used.push(RULES.validation, RULES.causeFormat);
      const member = [...breaks.at]
        .reverse()
        .find((segment): segment is string => typeof segment === 'string');
      return {
        rule: RULES.validation,
        error: 'SageMaker.AmazonSageMakerException',
        cause: causeOf('ValidationException', ...(member ? [member] : [])),
        submitted: false,
      };
    }
    // A value given at run time is checked like any other (a name built from a missing field, say).
    const violation = this.violationOf(task, request);
    if (violation) {
      this.used.push(RULES.validation, RULES.causeFormat);
      const member = violation.path
        .split('/')
        .reverse()
        .find((segment) => segment !== '' && !/^\d+$/.test(segment));
      return {
        rule: RULES.validation,
        error: 'SageMaker.AmazonSageMakerException',
        cause: causeOf('ValidationException', ...(member ? [member] : [])),
        submitted: false,
      };
    }
    const name = String(request[facts.nameField.value]);
    // A role of another account cannot be passed (iam.passrole.same-account): SageMaker refuses the call.
    const foreign = calls.find(
      (call) =>
        call.action === 'iam:PassRole' &&
        call.phase === 'create' &&
        !ROLE_OF_ACCOUNT.value(call.resource, this.theCase.account),
    );
    if (foreign) {
      this.used.push(ROLE_OF_ACCOUNT.provenance, CROSS_ACCOUNT_ROLE.provenance, RULES.errorNames);
      return {
        rule: CROSS_ACCOUNT_ROLE.provenance,
        error: SFN_ERROR_NAMES.value[CROSS_ACCOUNT_ROLE.value],
        submitted: false,
      };
    }
    if (!this.theCase.scenario.referencesExist) {
      for (const ref of REFERENCES[task.api] ?? []) {
        const missing = valuesAt({ resolved: request }, ref.path).find(
          (value) =>
            value.kind === 'static' &&
            !this.created.has(`${ref.arnResourceType}/${value.value.toLowerCase()}`),
        );
        if (missing) {
          this.used.push(ref.missing.provenance, RULES.errorNames, RULES.causeFormat);
          if (undecided(ref.missing.provenance))
            this.leaveUndecided(
              `state "${task.name}": what SageMaker answers to a ${ref.noun} that does not exist is not known (${ref.missing.provenance.rules[0]!.id})`,
              ref.missing.provenance,
            );
          return {
            rule: ref.missing.provenance,
            error: SFN_ERROR_NAMES.value[ref.missing.value],
            cause: causeOf(`Could not find ${ref.noun}`, `Error Code: ${ref.missing.value}`),
            submitted: false,
          };
        }
      }
      if (
        task.api === 'UpdateEndpoint' &&
        !this.theCase.scenario.namesInUse &&
        !this.created.has(`endpoint/${name.toLowerCase()}`)
      ) {
        this.used.push(RULES.missingEndpoint, RULES.errorNames, RULES.causeFormat);
        return {
          rule: RULES.missingEndpoint,
          error: SFN_ERROR_NAMES.value[MISSING_ENDPOINT_ON_UPDATE.value],
          cause: causeOf('Could not find endpoint', `Error Code: ${MISSING_ENDPOINT_ON_UPDATE.value}`),
          submitted: false,
        };
      }
    }
    // Names are unique per account and region (with the case rule of the API): a retried job collides.
    const key = `${facts.arnResourceType.value}/${facts.caseInsensitiveNames.value ? name.toLowerCase() : name}`;
    const duplicate = DUPLICATE_ANSWERS[task.api];
    if (duplicate && (this.created.has(key) || this.theCase.scenario.namesInUse)) {
      this.used.push(
        RULES.namesUnique,
        facts.caseInsensitiveNames.provenance,
        duplicate.provenance,
        RULES.errorNames,
        RULES.causeFormat,
      );
      const { code, noun } = duplicate.value;
      // Refused because it exists: it is there for what the case names next.
      this.created.add(`${facts.arnResourceType.value}/${name.toLowerCase()}`);
      return {
        rule: duplicate.provenance,
        error: SFN_ERROR_NAMES.value[code],
        cause: causeOf(...(noun ? [`Cannot create already existing ${noun}`] : []), `Error Code: ${code}`),
        submitted: false,
      };
    }
    // The account's quota of jobs of the type running at once (sagemaker.quota.concurrent-jobs).
    const quota = this.theCase.scenario.jobQuota;
    if (facts.job && quota !== undefined) {
      const runningAt = (ms: number) =>
        this.jobsCreated.filter((j) => j.api === task.api && j.endsAtMs > ms).length;
      const running = runningAt(this.nowMs);
      // FULL-jittered waits may have been shorter, down to none: the clock may be as early as
      // nowMs - jitterMs, when more jobs may still run. Where that changes the answer, it is not known.
      if (running >= quota !== runningAt(this.nowMs - this.jitterMs) >= quota)
        this.leaveUndecided(
          `state "${task.name}": whether the account's quota of running jobs is reached depends on how long its FULL-jittered retries waited`,
          RULES.jobQuota,
        );
      if (running >= quota) {
        this.used.push(RULES.jobQuota, RULES.errorNames, RULES.causeFormat);
        return {
          rule: RULES.jobQuota,
          error: SFN_ERROR_NAMES.value.ResourceLimitExceeded,
          cause: causeOf('Error Code: ResourceLimitExceeded'),
          submitted: false,
        };
      }
    }
    if (facts.job) {
      // It runs as the scenario says (polled every interval, ending at its last poll), a minute without one.
      const job = this.theCase.scenario.job;
      const runs = job ? pollIntervalMs(job.durationSeconds, job.polls) * (job.polls + 1) : 60_000;
      this.jobsCreated.push({ api: task.api, endsAtMs: this.nowMs + runs });
    }
    this.created.add(key);
    this.created.add(`${facts.arnResourceType.value}/${name.toLowerCase()}`);
    if (task.pattern !== 'sync' || !facts.job) {
      this.used.push(RULES.rr);
      return { rule: RULES.rr, result: requestResponseResult(task, arn), submitted: false };
    }
    return runJob(this, task, calls, arn, request);
  }
}

/** A request-response task's result: the Create (or Update) call's answer, the new resource's ARN in the API's result field (sfn.sagemaker.request-response-result). */
export function requestResponseResult(task: TaskPlan, arn: string): Record<string, unknown> {
  return { [SAGEMAKER_APIS[task.api].resultField.value]: arn };
}
