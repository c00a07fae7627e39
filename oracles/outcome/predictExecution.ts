/**
 * The outcome oracle: for a case plan, what must happen: whether CreateStateMachine accepts it, the
 * calls made as the execution role with their IAM decisions, the execution's status, error, cause
 * and output, the attempts of the first SageMaker task, the virtual duration and the history event
 * types. A small model of the plan's vocabulary (tasks with Retry, Catch, timeouts and data flow,
 * output checks, Succeed, Map and Parallel), not an ASL interpreter: each rule is an entry of the
 * evidence table (catalog/evidence.ts, the RULES table below); a prediction rests on every rule it used,
 * and is as strong as the weakest; every call comes from the one call model (taskCalls).
 */
import type { ExecutionStatus } from '../../catalog/api.js';
import { validateRequest } from '../../validation/validateRequest.js';
import { partitionOf } from '../../catalog/regions.js';
import { MAX_EXECUTION_SECONDS, RETRY_DEFAULTS } from '../../catalog/stepFunctionsLimits.js';
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import { pollIntervalMs } from '../../catalog/scenario.js';
import { rule, undecided, weakest, type Provenance } from '../../catalog/provenance.js';
import {
  CROSS_ACCOUNT_ROLE,
  DUPLICATE_ANSWERS,
  MISSING_ENDPOINT_ON_UPDATE,
  REFERENCES,
  ROLE_OF_ACCOUNT,
  SAGEMAKER_APIS,
  SFN_ERROR_NAMES,
  TAGGING,
} from '../../catalog/sagemakerApis.js';
import { PolicySet, type Decision } from '../../iam/evaluate.js';
import { parsePolicy } from '../../iam/policy.js';
import {
  planTasks,
  type Breakage,
  type FlowPlan,
  type JsonPath,
  type RetrierPlan,
  type StepPlan,
  type TaskPlan,
} from '../../contracts/casePlan.js';
import { valuesAt } from '../calls/requestValues.js';
import { taskCalls, type Call } from '../calls/taskCalls.js';
import { evaluateTemplate, getPath, resolveRequest, setPath } from './resolveValue.js';
import {
  CauseMatch,
  ClockTime,
  EXECUTION_ARN,
  leaves,
  type CallRecord,
  type CaseForPrediction,
  type CausePattern,
  type JobEnd,
  type Prediction,
  type PredictedTaskFailure,
  type Trace,
} from '../../contracts/prediction.js';

type Obj = Record<string, unknown>;

/** The rules of the evidence table the model applies (catalog/evidence.ts). */
const RULES = {
  patterns: rule('sfn.sagemaker.patterns'),
  denied: rule('sfn.sagemaker.access-denied'),
  errorNames: rule('sfn.sagemaker.error-names'),
  causeFormat: rule('sfn.sagemaker.cause-format'),
  syncOutput: rule('sfn.sync.output-is-describe'),
  epochMs: rule('sfn.sync.epoch-milliseconds'),
  bestEffortStop: rule('sfn.sync.stop-on-abort'),
  jobTimes: rule('sfn.sync.job-times'),
  describeEcho: rule('sfn.sync.describe-echoes-request'),
  jobFailed: rule('sfn.sync.failed-job'),
  timeout: rule('asl.task-timeout'),
  noStopOnTaskTimeout: rule('sfn.sync.no-stop-on-task-timeout'),
  heartbeatError: rule('asl.heartbeat-timeout-error'),
  heartbeat: rule('sfn.sync.heartbeat'),
  machineTimeout: rule('asl.machine-timeout'),
  timedOutNoError: rule('sfn.timed-out-no-error'),
  retry: rule('asl.retry'),
  taskFailed: rule('asl.task-failed-wildcard'),
  dataFlow: rule('asl.data-flow'),
  abort: rule('sfn.stop-execution'),
  timeoutStop: rule('sfn.sync.stop-on-machine-timeout'),
  abortHistory: rule('sfn.history.aborted-task'),
  queryEvaluation: rule('sfn.jsonata-undefined'),
  rr: rule('sfn.sagemaker.request-response-result'),
  history: rule('sfn.history.events'),
  validation: rule('sagemaker.validation'),
  invalidDefinition: rule('sfn.create.invalid-definition'),
  fieldNames: rule('sfn.parameters.field-names-checked-at-creation'),
  unsupportedResource: rule('sfn.sagemaker.unsupported-resource-refused-at-creation'),
  pathUnresolved: rule('sfn.path-unresolved-runtime'),
  uncatchable: rule('asl.runtime-uncatchable'),
  namesUnique: rule('sagemaker.names.unique'),
  eventsWhenPollingDenied: rule('sfn.sync.events-when-polling-denied'),
  missingEndpoint: MISSING_ENDPOINT_ON_UPDATE.provenance,
} as const;

/** Retry and Catch matching (asl.retry, asl.task-failed-wildcard). */
const matches = (errorEquals: readonly string[], error: string): boolean =>
  error !== 'States.Runtime' &&
  errorEquals.some(
    (e) => e === error || e === 'States.ALL' || (e === 'States.TaskFailed' && error !== 'States.Timeout'),
  );

/** Whether Step Functions rejects the case at CreateStateMachine (sfn.parameters.field-names-checked-at-creation) rather than SageMaker at call time. */
function rejectedAtCreation(breaks: Breakage | undefined): boolean {
  if (!breaks) return false;
  return breaks.kind !== 'request' || breaks.constraint === 'unknown-field';
}

/** The rules a prediction rests on, each once (a retried task uses the same rules again). */
class RulesUsed {
  private readonly rules = new Set<Provenance>();
  constructor(...first: Provenance[]) {
    this.push(...first);
  }
  push(...rules: Provenance[]): void {
    for (const r of rules) this.rules.add(r);
  }
  get list(): Provenance[] {
    return [...this.rules];
  }
}

/** How a step, or a flow, came out. */
type Outcome =
  | { readonly kind: 'ok'; readonly output: unknown; readonly ended?: boolean }
  | { readonly kind: 'failed'; readonly error: string; readonly cause?: CausePattern }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'timedOut' };

/** One attempt of a task: a result, an error, or the execution stopped (aborted, or timed out) meanwhile. */
type Attempt =
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

const causeOf = (...includes: string[]): CausePattern => ({ includes });

/** The world of one execution as the oracle runs it: SageMaker's resources, the calls made, the clock. */
class World {
  readonly calls: CallRecord[] = [];
  /** The rules the prediction rests on (each call's own rules once, as it is first decided). */
  readonly used = new RulesUsed(RULES.patterns);
  readonly history: string[] = [];
  readonly jobs: JobEnd[] = [];
  /** The status at the execution's end of each job its stop cut short, by ARN. */
  readonly jobStates: Record<string, string> = {};
  /** The TaskFailed events of the execution, in order: each attempt that failed. */
  readonly taskFailures: PredictedTaskFailure[] = [];
  createErrors = 0;
  validated = false;
  /** Why the outcome cannot be predicted, where a rule it rests on is not known, and that rule. */
  undecided?: { readonly reason: string; readonly provenance: Provenance };

  /** Leaves the outcome unpredicted (the first rule nobody knows that decides it). */
  leaveUndecided(reason: string, provenance: Provenance): void {
    this.used.push(provenance);
    this.undecided ??= { reason, provenance };
  }
  /** Virtual milliseconds since the execution started. */
  t = 0;
  /** Milliseconds of FULL-jittered waits in `t` (each may be shorter, down to none). */
  jitter = 0;
  firstAttempts?: number;
  private createErrorsLeft: number;
  private readonly policies: PolicySet;
  private readonly created = new Set<string>();
  private describes = 0;
  private readonly deadline: number;
  /** When the execution times out: its TimeoutSeconds, or a year (ms). */
  get deadlineMs(): number {
    return this.deadline;
  }

  constructor(private readonly theCase: CaseForPrediction) {
    this.createErrorsLeft = theCase.scenario.createError?.times ?? 0;
    const parsed = parsePolicy(theCase.policy);
    if (!parsed.ok) throw new Error(`case policy invalid: ${parsed.problems[0]!.message}`);
    this.policies = new PolicySet([parsed.policy]);
    // The state machine's TimeoutSeconds, and in any case the longest an execution may run.
    this.deadline = Math.min(theCase.plan.timeoutSeconds ?? Infinity, MAX_EXECUTION_SECONDS.value) * 1000;
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

  private readonly violations = new WeakMap<Obj, ReturnType<typeof validateRequest>[number] | null>();

  /** SageMaker's first objection to a request (the same for every attempt with it), if any. */
  private violationOf(task: TaskPlan, request: Obj) {
    let v = this.violations.get(request);
    if (v === undefined) {
      v = validateRequest(task.api, request)[0] ?? null;
      this.violations.set(request, v);
    }
    return v;
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
    return decision;
  }

  /** Whether something planned `at` (ms) would come at or after the state machine's deadline. */
  pastDeadline(at: number): boolean {
    if (at < this.deadline) return false;
    this.used.push(RULES.machineTimeout);
    return true;
  }

  /** Creation: the managed rules of the `.sync` tasks, created with the role. */
  create(tasks: readonly TaskPlan[]): boolean {
    for (const task of tasks) {
      // Which calls creation makes (none but the managed rules of .sync) is the template's to say.
      this.used.push(SAGEMAKER_APIS[task.api].policyTemplate);
      if (task.pattern !== 'sync') continue;
      for (const call of this.callsOf(task, undefined).filter((x) => x.phase === 'creation'))
        if (this.decide(call) !== 'allowed') return false;
    }
    return true;
  }

  /** One attempt of a SageMaker task, as the case's world makes it behave. */
  attempt(task: TaskPlan, request: Obj): Attempt {
    const facts = SAGEMAKER_APIS[task.api];
    const calls = this.callsOf(task, request);
    const create = calls.find((x) => x.phase === 'create')!;
    const arn = create.resource;
    for (const call of calls.filter((x) => x.phase === 'create')) {
      const decision = this.decide(call);
      if (decision !== 'allowed') {
        this.used.push(RULES.denied, RULES.causeFormat);
        return {
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
      return { error: SFN_ERROR_NAMES.value[code], cause: causeOf(`Error Code: ${code}`), submitted: false };
    }
    const breaks = this.theCase.validity?.breaks;
    if (breaks?.kind === 'request') {
      this.validated = true;
      this.used.push(RULES.validation, RULES.causeFormat);
      const member = [...breaks.at].reverse().find((s): s is string => typeof s === 'string');
      return {
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
        .find((s) => s !== '' && !/^\d+$/.test(s));
      return {
        error: 'SageMaker.AmazonSageMakerException',
        cause: causeOf('ValidationException', ...(member ? [member] : [])),
        submitted: false,
      };
    }
    const name = String(request[facts.nameField.value]);
    // A role of another account cannot be passed (iam.passrole.same-account): SageMaker refuses the call.
    const foreign = calls.find(
      (x) =>
        x.action === 'iam:PassRole' &&
        x.phase === 'create' &&
        !ROLE_OF_ACCOUNT.value(x.resource, this.theCase.account),
    );
    if (foreign) {
      this.used.push(ROLE_OF_ACCOUNT.provenance, CROSS_ACCOUNT_ROLE.provenance, RULES.errorNames);
      return { error: SFN_ERROR_NAMES.value[CROSS_ACCOUNT_ROLE.value], submitted: false };
    }
    if (!this.theCase.scenario.referencesExist) {
      for (const ref of REFERENCES[task.api] ?? []) {
        const missing = valuesAt({ resolved: request }, ref.path).find(
          (v) => v.kind === 'static' && !this.created.has(`${ref.arnResourceType}/${v.value.toLowerCase()}`),
        );
        if (missing) {
          this.used.push(ref.missing.provenance, RULES.errorNames, RULES.causeFormat);
          if (undecided(ref.missing.provenance))
            this.leaveUndecided(
              `state "${task.name}": what SageMaker answers to a ${ref.noun} that does not exist is not known (${ref.missing.provenance.rules[0]!.id})`,
              ref.missing.provenance,
            );
          return {
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
        error: SFN_ERROR_NAMES.value[code],
        cause: causeOf(...(noun ? [`Cannot create already existing ${noun}`] : []), `Error Code: ${code}`),
        submitted: false,
      };
    }
    this.created.add(key);
    this.created.add(`${facts.arnResourceType.value}/${name.toLowerCase()}`);
    if (task.pattern !== 'sync' || !facts.job) {
      this.used.push(RULES.rr);
      return { result: { [facts.resultField.value]: arn }, submitted: false };
    }
    return this.runJob(task, calls, arn, request);
  }

  /**
   * A `.sync` job, and whether the prediction can stand: where the task's HeartbeatSeconds would
   * end it before its end in this model (which counts each successful poll as a heartbeat), the
   * outcome rests on whether Step Functions' polls reset the heartbeat clock, which is not known
   * (sfn.sync.heartbeat): the case is undecided.
   */
  private runJob(task: TaskPlan, calls: readonly Call[], arn: string, request: Obj): Attempt {
    const start = this.t;
    const attempt = this.pollJob(task, calls, arn, request);
    const heartbeat = task.heartbeatSeconds === undefined ? Infinity : task.heartbeatSeconds * 1000;
    const timeout = task.timeoutSeconds === undefined ? Infinity : task.timeoutSeconds * 1000;
    if (heartbeat < timeout && this.t - start > heartbeat)
      this.leaveUndecided(
        `state "${task.name}": the job runs past HeartbeatSeconds (${task.heartbeatSeconds} s) while it is polled; ` +
          "whether Step Functions' polls count as heartbeats is not known (sfn.sync.heartbeat)",
        RULES.heartbeat,
      );
    return attempt;
  }

  /** A `.sync` job: polled until it ends (or the task times out, or the execution stops), then its tags read. */
  private pollJob(task: TaskPlan, calls: readonly Call[], arn: string, request: Obj): Attempt {
    const job = this.theCase.scenario.job;
    const facts = SAGEMAKER_APIS[task.api];
    const describe = calls.find((x) => x.phase === 'poll')!;
    const stop = calls.find((x) => x.phase === 'abort')!;
    const listTags = calls.find((x) => x.phase === 'listTags')!;
    const interval = job ? pollIntervalMs(job.durationSeconds, job.polls) : 60_000;
    const endsAt = interval * (job ? job.polls + 1 : 1);
    const timeout = task.timeoutSeconds === undefined ? Infinity : task.timeoutSeconds * 1000;
    const heartbeat = task.heartbeatSeconds === undefined ? Infinity : task.heartbeatSeconds * 1000;
    const abortAfter = this.theCase.scenario.abortAfterPolls;
    const start = this.t;
    let t = 0;
    let beat = 0;
    let polling = true;
    /** The execution stops while the job runs: Step Functions' best-effort cancel. */
    const stopped = (how: 'aborted' | 'timedOut', at: number): Attempt => {
      this.t = how === 'timedOut' ? this.deadline : start + at;
      this.used.push(how === 'aborted' ? RULES.abort : RULES.timeoutStop, RULES.abortHistory);
      const decision = this.decide(stop);
      // The cancel is best effort: a denied Stop leaves the job running; one that ended is not stopped.
      this.jobStates[arn] =
        this.t < start + endsAt
          ? decision === 'allowed'
            ? 'Stopping'
            : 'InProgress'
          : (job?.outcome ?? 'Completed');
      this.jobs.push(how === 'aborted' ? 'aborted' : 'timedOut');
      return { stopped: how, submitted: true };
    };
    const timedOut = (limit: number): Attempt => {
      if (this.pastDeadline(start + limit)) return stopped('timedOut', limit);
      this.used.push(limit === timeout ? RULES.timeout : RULES.heartbeatError, RULES.noStopOnTaskTimeout);
      this.t = start + limit;
      this.jobs.push('timedOut');
      return { error: 'States.Timeout', submitted: true, timedOut: true };
    };
    for (;;) {
      const limit = Math.min(timeout, beat + heartbeat);
      if (polling) {
        if (t + interval > limit) return timedOut(limit);
        if (this.pastDeadline(start + t + interval)) return stopped('timedOut', t + interval);
        t += interval;
        const allowed = this.decide(describe) === 'allowed';
        this.describes++;
        if (abortAfter !== undefined && this.describes > abortAfter) return stopped('aborted', t);
        if (!allowed) {
          // Completion is now seen only through the job's EventBridge event.
          this.used.push(RULES.eventsWhenPollingDenied);
          polling = false;
          continue;
        }
        beat = t;
        if (t >= endsAt) break;
      } else {
        if (endsAt > limit) return timedOut(limit);
        if (this.pastDeadline(start + Math.max(t, endsAt))) return stopped('timedOut', endsAt);
        t = Math.max(t, endsAt);
        break;
      }
    }
    this.t = start + t;
    const tagsRead = this.decide(listTags) === 'allowed';
    const outcome = job?.outcome ?? 'Completed';
    this.jobs.push(outcome);
    const noun = facts.job!.statusField.value.replace(/Status$/, '');
    if (outcome !== 'Completed') {
      this.used.push(RULES.jobFailed, RULES.causeFormat);
      return {
        error: 'States.TaskFailed',
        cause: causeOf(outcome, ...(job?.failureReason ? [job.failureReason] : [])),
        submitted: true,
      };
    }
    this.used.push(RULES.syncOutput, RULES.describeEcho);
    const result = this.describeResult(task, request, noun, arn, tagsRead);
    // The job's times: created when the attempt began, ended when the wait for it did.
    const times = facts.job!.times.value;
    const created = new ClockTime(start, this.jitter);
    const ended = new ClockTime(start + endsAt, this.jitter);
    result.CreationTime = created;
    if (times.start) result[times.start] = created;
    if (times.end) result[times.end] = ended;
    if (times.lastModified) result.LastModifiedTime = ended;
    this.used.push(RULES.jobTimes, RULES.epochMs);
    return { result, submitted: true };
  }

  /** What the Describe result of a completed job must hold (sfn.sync.describe-echoes-request): the request echoed, the job named, Tags. */
  private describeResult(task: TaskPlan, request: Obj, noun: string, arn: string, tagsRead: boolean): Obj {
    const shape = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[`Describe${noun}`]!.output!]!;
    const members = shape.members ?? {};
    const result: Obj = {};
    for (const [k, v] of Object.entries(request)) if (k in members && k !== 'Tags') result[k] = v;
    result[`${noun}Arn`] = arn;
    result[`${noun}Status`] = 'Completed';
    if (task.api === 'CreateTrainingJob') {
      const s3 = String((request.OutputDataConfig as Obj | undefined)?.S3OutputPath ?? '');
      const name = String(request.TrainingJobName);
      result.ModelArtifacts = { S3ModelArtifacts: `${s3.replace(/\/$/, '')}/${name}/output/model.tar.gz` };
    }
    if (tagsRead) {
      const tags: Obj = {};
      for (const t of (request.Tags as { Key: string; Value: string }[] | undefined) ?? [])
        tags[t.Key] = t.Value;
      const [managedBy, executionArn] = TAGGING.stepFunctionsTags.value;
      tags[managedBy] = TAGGING.managedByValue.value;
      tags[executionArn] = EXECUTION_ARN;
      result.Tags = tags;
    }
    return result;
  }
}

/** The wait before retry `n` (0-based) of a retrier, in ms (asl.retry). */
function retryWait(r: RetrierPlan, n: number): number {
  const d = RETRY_DEFAULTS.value;
  let wait = (r.intervalSeconds ?? d.intervalSeconds) * (r.backoffRate ?? d.backoffRate) ** n;
  if (r.maxDelaySeconds !== undefined) wait = Math.min(wait, r.maxDelaySeconds);
  return wait * 1000;
}

/** The state's output from its result: ResultSelector, ResultPath, OutputPath (JSONPath) or Output (JSONata). */
function taskOutput(task: TaskPlan, raw: unknown, result: unknown): unknown {
  if (task.queryLanguage === 'JSONata')
    return task.output ? evaluateTemplate(task.output, { result, input: raw }) : result;
  const selected = task.resultSelector
    ? evaluateTemplate(task.resultSelector, { result, input: raw })
    : result;
  const withResult = placed(raw, task.resultPath, selected);
  return task.outputPath ? getPath(withResult, task.outputPath) : withResult;
}

/** ResultPath (of a task or a catcher): absent (`$`) the value replaces the input, null drops it, a path puts it there. */
function placed(raw: unknown, resultPath: JsonPath | null | undefined, value: unknown): unknown {
  return resultPath === undefined ? value : resultPath === null ? raw : setPath(raw, resultPath, value);
}

class Execution {
  private tasksSeen = 0;
  /** The workflow variables in scope; a Map iteration or Parallel branch writes its own copy. */
  private variables: Record<string, unknown> = {};

  constructor(
    private readonly world: World,
    private readonly theCase: CaseForPrediction,
  ) {}

  flow(flow: FlowPlan, input: unknown): Outcome {
    let current = input;
    for (const step of flow.steps) {
      const r = this.step(step, current);
      if (r.kind !== 'ok') return r;
      current = r.output;
      if (r.ended) return { kind: 'ok', output: current };
    }
    return { kind: 'ok', output: current };
  }

  private step(step: StepPlan, input: unknown): Outcome {
    const h = this.world.history;
    switch (step.kind) {
      case 'task':
        return this.task(step, input);
      case 'succeed':
        h.push('SucceedStateEntered', 'SucceedStateExited');
        return { kind: 'ok', output: input, ended: true };
      case 'pass':
        h.push('PassStateEntered', 'PassStateExited');
        this.world.used.push(RULES.dataFlow);
        if (step.variable !== undefined) {
          this.variables = { ...this.variables, [step.variable]: step.result };
          return { kind: 'ok', output: input };
        }
        return { kind: 'ok', output: placed(input, step.resultPath, step.result) };
      case 'check': {
        h.push('ChoiceStateEntered', 'ChoiceStateExited');
        // As the rendered rule reads: the field is present and is not the empty string.
        const v = getPath(input, step.field);
        if (v !== undefined && v !== '') return { kind: 'ok', output: input };
        h.push('FailStateEntered');
        return { kind: 'failed', error: step.invalid.error, cause: causeOf(step.invalid.cause) };
      }
      case 'choose': {
        h.push('ChoiceStateEntered', 'ChoiceStateExited');
        this.world.used.push(RULES.dataFlow);
        const r = this.flow(getPath(input, step.flag) === true ? step.whenTrue : step.otherwise, input);
        return r.kind === 'ok' ? { ...r, ended: true } : r;
      }
      case 'map': {
        h.push('MapStateEntered', 'MapStateStarted');
        // JSONata: `Items` is `[$states.input]`; JSONPath: ItemsPath (default `$`).
        const items = step.queryLanguage === 'JSONata' ? [input] : getPath(input, step.itemsPath ?? []);
        const outputs: unknown[] = [];
        for (const item of (items as unknown[] | undefined) ?? []) {
          h.push('MapIterationStarted');
          const r = this.scoped(() =>
            this.flow(step.iteration, step.itemAs ? { [step.itemAs]: item } : item),
          );
          if (r.kind === 'failed') {
            h.push('MapIterationFailed', 'MapStateFailed');
            return r;
          }
          if (r.kind !== 'ok') {
            h.push('MapIterationAborted', 'MapStateAborted');
            return r;
          }
          h.push('MapIterationSucceeded');
          outputs.push(r.output);
        }
        h.push('MapStateSucceeded', 'MapStateExited');
        return { kind: 'ok', output: outputs };
      }
      case 'parallel': {
        h.push('ParallelStateEntered', 'ParallelStateStarted');
        const outputs: unknown[] = [];
        for (const branch of step.branches) {
          const r = this.scoped(() => this.flow(branch, input));
          if (r.kind === 'failed') {
            h.push('ParallelStateFailed');
            return r;
          }
          if (r.kind !== 'ok') {
            h.push('ParallelStateAborted');
            return r;
          }
          outputs.push(r.output);
        }
        h.push('ParallelStateSucceeded', 'ParallelStateExited');
        return { kind: 'ok', output: outputs };
      }
    }
  }

  /** Runs an iteration or a branch: it reads the variables in scope, and what it assigns stays inside. */
  private scoped(run: () => Outcome): Outcome {
    const outer = this.variables;
    try {
      return run();
    } finally {
      this.variables = outer;
    }
  }

  private task(task: TaskPlan, raw: unknown): Outcome {
    const world = this.world;
    const h = world.history;
    const primary = this.tasksSeen++ === 0;
    h.push('TaskStateEntered');
    const effective =
      task.queryLanguage === 'JSONPath' && task.inputPath ? getPath(raw, task.inputPath) : raw;
    if (task.inputPath) world.used.push(RULES.dataFlow);
    const request = resolveRequest(task.request, {
      input: effective,
      executionInput: this.theCase.input,
      executionName: this.theCase.executionName,
      variables: this.variables,
    });
    if (!request && task.queryLanguage === 'JSONPath') {
      // A path Parameters cannot resolve: States.Runtime, never retried or caught.
      world.used.push(RULES.pathUnresolved, RULES.uncatchable);
      return { kind: 'failed', error: 'States.Runtime' };
    }
    const counts = task.retry.map(() => 0);
    let attempts = 0;
    if (primary) world.firstAttempts = 0;
    for (;;) {
      let attempt: Attempt;
      if (request) {
        // The attempts are the TaskScheduled events of the first task.
        attempts++;
        if (primary) world.firstAttempts = attempts;
        h.push('TaskScheduled', 'TaskStarted');
        attempt = world.attempt(task, request);
      } else {
        // Arguments that return nothing: the task is not scheduled; the error can be retried and caught.
        world.used.push(RULES.queryEvaluation);
        attempt = { error: 'States.QueryEvaluationError', submitted: false, unscheduled: true };
      }
      if (attempt.submitted) h.push('TaskSubmitted');
      if ('stopped' in attempt) {
        h.push('TaskStateAborted');
        return { kind: attempt.stopped };
      }
      if ('result' in attempt) {
        h.push('TaskSucceeded', 'TaskStateExited');
        if (task.resultSelector || task.resultPath !== undefined || task.outputPath || task.output)
          world.used.push(RULES.dataFlow);
        if (task.assign) {
          const assigned = Object.entries(task.assign).map(
            ([k, t]) => [k, evaluateTemplate(t, { result: attempt.result, input: raw })] as const,
          );
          this.variables = { ...this.variables, ...Object.fromEntries(assigned) };
        }
        return { kind: 'ok', output: taskOutput(task, raw, attempt.result) };
      }
      if (!attempt.unscheduled) h.push(attempt.timedOut ? 'TaskTimedOut' : 'TaskFailed');
      if (!attempt.unscheduled && !attempt.timedOut)
        world.taskFailures.push({ error: attempt.error, ...(attempt.cause ? { cause: attempt.cause } : {}) });
      // Which retrier or catcher matches the error (States.TaskFailed and States.ALL as wildcards).
      if (task.retry.length + task.catch.length > 0) world.used.push(RULES.retry, RULES.taskFailed);
      const r = task.retry.findIndex((x) => matches(x.errorEquals, attempt.error));
      if (r >= 0 && counts[r]! < (task.retry[r]!.maxAttempts ?? RETRY_DEFAULTS.value.maxAttempts)) {
        const wait = retryWait(task.retry[r]!, counts[r]!);
        counts[r]!++;
        world.used.push(RULES.retry);
        if (world.pastDeadline(world.t + wait)) {
          world.used.push(RULES.abortHistory);
          h.push('TaskStateAborted');
          return { kind: 'timedOut' };
        }
        world.t += wait;
        if (task.retry[r]!.jitterStrategy === 'FULL') world.jitter += wait;
        continue;
      }
      const catcher = task.catch.find((x) => matches(x.errorEquals, attempt.error));
      if (!catcher) {
        // Arguments that failed to evaluate, left uncaught: the evaluation's failure is an event (recorded on AWS).
        if (attempt.unscheduled) h.push('EvaluationFailed');
        return { kind: 'failed', error: attempt.error, ...(attempt.cause ? { cause: attempt.cause } : {}) };
      }
      world.used.push(RULES.retry);
      h.push('TaskStateExited');
      const target = catcher.target;
      if (target.kind === 'fail') {
        h.push('FailStateEntered');
        return { kind: 'failed', error: target.error, cause: causeOf(target.cause) };
      }
      if (target.kind === 'state') throw new Error(`catch target "${target.state}" is not modelled`);
      const caught = {
        Error: attempt.error,
        ...(attempt.cause ? { Cause: new CauseMatch(attempt.cause.includes) } : {}),
      };
      // A JSONata catcher has no ResultPath: the error output is the output.
      const resultPath = task.queryLanguage === 'JSONPath' ? catcher.resultPath : undefined;
      const next = placed(raw, resultPath, caught);
      if (target.kind === 'task') {
        // Another SageMaker task, with the error output as its input; it ends the flow.
        const r = this.task(target.task, next);
        return r.kind === 'ok' ? { ...r, ended: true } : r;
      }
      // A recovering Pass: the output shows the caught error where the catcher puts it.
      h.push('PassStateEntered', 'PassStateExited');
      return { kind: 'ok', output: next, ended: true };
    }
  }
}

/** What must happen when the case runs. */
export function predictExecution(c: CaseForPrediction): Prediction {
  const noTrace: Trace = { jobs: [], createErrors: 0, validated: false };
  if (c.validity && !c.validity.valid && rejectedAtCreation(c.validity.breaks)) {
    const breaks = c.validity.breaks!;
    const refusal =
      breaks.kind === 'resource'
        ? RULES.unsupportedResource
        : breaks.kind === 'asl'
          ? RULES.invalidDefinition
          : RULES.fieldNames;
    return {
      created: { value: false, provenance: refusal },
      createError: { value: { includes: ['InvalidDefinition'] }, provenance: refusal },
      calls: { value: [], provenance: refusal },
      trace: noTrace,
    };
  }
  const world = new World(c);
  if (!world.create(planTasks(c.plan.flow))) {
    return {
      created: { value: false, provenance: weakest(world.used.list) },
      createError: {
        value: { includes: ['AccessDeniedException', 'managed-rule'] },
        provenance: weakest(world.used.list),
      },
      calls: { value: world.calls, provenance: weakest(world.used.list) },
      trace: noTrace,
    };
  }
  // Created: the definition is valid, and the calls of creation (the managed rules) allowed.
  const created = weakest(world.used.list);
  world.history.push('ExecutionStarted');
  const outcome = new Execution(world, c).flow(c.plan.flow, c.input);
  let status: ExecutionStatus;
  let error: string | null = null;
  let cause: CausePattern | undefined;
  switch (outcome.kind) {
    case 'ok':
      status = 'SUCCEEDED';
      world.history.push('ExecutionSucceeded');
      break;
    case 'failed':
      status = 'FAILED';
      error = outcome.error;
      cause = outcome.cause;
      world.history.push('ExecutionFailed');
      break;
    case 'aborted':
      status = 'ABORTED';
      world.history.push('ExecutionAborted');
      break;
    case 'timedOut':
      // DescribeExecution has no error or cause for a timed-out execution (sfn.timed-out-no-error).
      status = 'TIMED_OUT';
      world.used.push(RULES.timedOutNoError);
      // At the state machine's TimeoutSeconds, or at the year an execution may run at most.
      world.t = world.deadlineMs;
      world.history.push('ExecutionTimedOut');
      break;
  }
  const p = weakest(world.used.list);
  const duration = world.t / 1000;
  const jitter = world.jitter / 1000;
  return {
    created: { value: true, provenance: created },
    calls: { value: world.calls, provenance: p },
    status: { value: status, provenance: p },
    error: { value: error, provenance: p },
    ...(cause && cause.includes.length > 0 ? { cause: { value: cause, provenance: p } } : {}),
    ...(outcome.kind === 'ok' ? { output: { value: leaves(outcome.output), provenance: p } } : {}),
    ...(world.firstAttempts !== undefined ? { attempts: { value: world.firstAttempts, provenance: p } } : {}),
    durationSeconds: {
      value: jitter > 0 && status !== 'TIMED_OUT' ? { min: duration - jitter, max: duration } : duration,
      provenance: p,
    },
    historyTypes: { value: world.history, provenance: weakest([p, RULES.history]) },
    taskFailures: { value: world.taskFailures, provenance: p },
    ...(Object.keys(world.jobStates).length > 0
      ? { jobStates: { value: world.jobStates, provenance: weakest([p, RULES.bestEffortStop]) } }
      : {}),
    ...(world.undecided !== undefined
      ? { undecided: { value: world.undecided.reason, provenance: world.undecided.provenance } }
      : {}),
    trace: { jobs: world.jobs, createErrors: world.createErrors, validated: world.validated },
  };
}
