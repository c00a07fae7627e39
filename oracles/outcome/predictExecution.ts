/**
 * The outcome oracle: for a generated case, what must happen: whether CreateStateMachine accepts
 * it, the calls made as the execution role with their IAM decisions, the execution's status, error
 * and output, the attempts and virtual duration of the primary task, and (for single-task shapes)
 * the history event types. A model of the generated shapes, not an interpreter: each rule is one of
 * spec §2-§5, tagged with its provenance.
 */
import { pollIntervalMs, type WorldScenario } from '../../catalog/scenario.js';
import { documented, inferred, observed, provenanceRank, type Provenance } from '../../catalog/provenance.js';
import {
  ARN_NAMES_LOWERCASED,
  EVENTS_ACTIONS,
  PASSED_TO_SERVICE,
  TAGGING,
} from '../../catalog/sagemakerApis.js';
import { PolicySet } from '../../iam/evaluate.js';
import { parsePolicy, type PolicyDocument } from '../../iam/policy.js';
import { findTasks, type SageMakerTask } from '../definition/sagemakerTasks.js';
import { resolveRequest } from './resolveValue.js';

export interface Expectation<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

export type Status = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface Prediction {
  readonly created: Expectation<boolean>;
  /** Calls made as the role, in order, as `action decision`. */
  readonly calls: Expectation<readonly string[]>;
  readonly status?: Expectation<Status>;
  readonly error?: Expectation<string | null>;
  /** Leaves of the output that must be there: JSON pointer to value. */
  readonly output?: Expectation<Readonly<Record<string, unknown>>>;
  readonly attempts?: Expectation<number>;
  readonly durationSeconds?: Expectation<number>;
  readonly historyTypes?: Expectation<readonly string[]>;
}

export interface CaseForPrediction {
  readonly definition: Record<string, unknown>;
  readonly input: Record<string, unknown>;
  readonly executionName: string;
  readonly region: string;
  readonly account: string;
  readonly scenario: WorldScenario;
  readonly policy: PolicyDocument;
  readonly shape: string;
  /** Invalid cases: the problem `validate` reports (`<code> at <pointer>`). */
  readonly validity?: { readonly valid: boolean; readonly violation?: string };
}

/** Problems Step Functions finds at CreateStateMachine; the rest are SageMaker's, at call time (spec §1.3). */
const CREATION_CODES = new Set([
  'asl',
  'integration',
  'unknown-field',
  'retry-backoff-rate',
  'retry-interval',
  'retry-max-delay',
  'states-all',
  'heartbeat-timeout',
]);

type Obj = Record<string, unknown>;

const R = {
  calls: documented('spec §2.2, §3: the calls of the template statements'),
  denied: inferred(
    'spec §4.4, U11: a denied SageMaker call fails the task with SageMaker.AmazonSageMakerException',
  ),
  createErrors: documented('spec §4.4: SageMaker errors become SageMaker.<Exception> task errors'),
  managedRule: inferred(
    'spec §2.5, §3; observed for other .sync integrations: creation fails without events permissions',
  ),
  syncOutput: observed('spec §4.2: .sync output is the Describe result with a Tags map'),
  jobFailed: inferred('spec §4.2, U1/U2: a Failed or Stopped job fails the task with States.TaskFailed'),
  timeout: documented('spec §4.2, §5.2: past TimeoutSeconds the task fails with States.Timeout'),
  heartbeat: inferred('spec §5.4, U8: a successful poll is a heartbeat; a missed one is States.Timeout'),
  retry: documented('spec §5.3: Retry and Catch'),
  abort: documented('spec §4.2: StopExecution aborts the task; best-effort Stop<X>Job'),
  rr: documented('spec §4.1: the request-response result is the Create response'),
  lowercase: ARN_NAMES_LOWERCASED.provenance,
  validation: inferred(
    'spec §1.3, §4.4: SageMaker rejects invalid values at call time (ValidationException)',
  ),
  creationCheck: observed(
    'spec §1.3: CreateStateMachine validates field names and resources (SCHEMA_VALIDATION_FAILED)',
  ),
} as const;

/** The weakest of the rules used: an inferred step makes the whole expectation inferred. */
function weakest(list: readonly Provenance[]): Provenance {
  const sorted = [...list].sort((a, b) => provenanceRank[b.kind] - provenanceRank[a.kind]);
  const kind = sorted[0]?.kind ?? 'documented';
  return {
    kind,
    source: [...new Set(sorted.filter((p) => p.kind === kind).map((p) => p.source))].join(' | '),
  };
}

/** Retry and Catch matching (spec §5.3). */
const matches = (errorEquals: readonly string[], error: string): boolean =>
  errorEquals.some(
    (e) => e === error || e === 'States.ALL' || (e === 'States.TaskFailed' && error !== 'States.Timeout'),
  );

const SFN_ERROR: Record<string, string> = {
  ResourceLimitExceeded: 'SageMaker.ResourceLimitExceededException',
  ResourceInUse: 'SageMaker.ResourceInUseException',
  ResourceNotFound: 'SageMaker.ResourceNotFoundException',
  ValidationException: 'SageMaker.AmazonSageMakerException',
  ThrottlingException: 'SageMaker.AmazonSageMakerException',
};

interface Attempt {
  readonly result?: unknown;
  readonly error?: string;
  readonly aborted?: boolean;
  readonly ms: number;
  readonly submitted: boolean;
  readonly timedOut?: boolean;
}

class Model {
  readonly calls: string[] = [];
  readonly used: Provenance[] = [R.calls];
  private createErrorsLeft: number;
  private readonly policies: PolicySet;
  private readonly created = new Set<string>();
  aborted = false;
  /** Describe calls so far in the execution (the scenario's abort counts them all). */
  private describes = 0;

  constructor(private readonly c: CaseForPrediction) {
    this.createErrorsLeft = c.scenario.createError?.times ?? 0;
    const parsed = parsePolicy(c.policy);
    if (!parsed.ok) throw new Error(`case policy invalid: ${parsed.problems[0]!.message}`);
    this.policies = new PolicySet([parsed.policy]);
  }

  arn(service: 'sagemaker' | 'events', type: string, name: string): string {
    const id = service === 'sagemaker' && ARN_NAMES_LOWERCASED.value ? name.toLowerCase() : name;
    return `arn:aws:${service}:${this.c.region}:${this.c.account}:${type}/${id}`;
  }

  /** Decides and records one call; true when allowed. */
  call(action: string, resource: string, context: Obj = {}): boolean {
    const decision = this.policies.evaluate({
      action,
      resource,
      context: {
        'aws:RequestedRegion': this.c.region,
        'aws:PrincipalAccount': this.c.account,
        'aws:SecureTransport': 'true',
        ...(context as Record<string, string>),
      },
    }).decision;
    this.calls.push(`${action} ${decision}`);
    return decision === 'allowed';
  }

  /** One attempt of a SageMaker task, as the generated scenarios make it behave. */
  attempt(task: SageMakerTask, request: Obj): Attempt {
    const { facts } = task;
    const sync = task.pattern === 'sync';
    const name = String(request[facts.nameField.value]);
    const arn = this.arn('sagemaker', facts.arnResourceType.value, name);
    const tags = sync || Array.isArray(request.Tags);
    const tagKeys = [
      ...(Array.isArray(request.Tags) ? (request.Tags as { Key: string }[]).map((t) => t.Key) : []),
      ...(sync ? ['MANAGED_BY_AWS', 'AWS_STEP_FUNCTIONS_EXECUTION_ARN'] : []),
    ];
    const tagContext = tagKeys.length > 0 ? { 'aws:TagKeys': tagKeys } : {};
    if (ARN_NAMES_LOWERCASED.value && name !== name.toLowerCase()) this.used.push(R.lowercase);
    const createSide: [string, string, Obj][] = [[facts.action.value, arn, tagContext]];
    for (const rel of facts.relatedResources.value) {
      if (typeof request[rel.nameField] === 'string')
        createSide.push([
          facts.action.value,
          this.arn('sagemaker', rel.arnResourceType, String(request[rel.nameField])),
          {},
        ]);
    }
    for (const f of facts.roleFields.value) {
      const role =
        f.path.length === 1 ? request[f.path[0]!] : (request[f.path[0]!] as Obj | undefined)?.[f.path[1]!];
      if (typeof role === 'string')
        createSide.push(['iam:PassRole', role, { 'iam:PassedToService': PASSED_TO_SERVICE.value }]);
    }
    if (tags) createSide.push([TAGGING.addTags.value, arn, tagContext]);
    for (const [action, resource, context] of createSide) {
      if (!this.call(action, resource, context)) {
        this.used.push(R.denied);
        return { error: 'SageMaker.AmazonSageMakerException', ms: 0, submitted: false };
      }
    }
    if (this.createErrorsLeft > 0) {
      this.createErrorsLeft--;
      this.used.push(R.createErrors);
      return { error: SFN_ERROR[this.c.scenario.createError!.error]!, ms: 0, submitted: false };
    }
    if (this.c.validity && !this.c.validity.valid) {
      this.used.push(R.validation);
      return { error: 'SageMaker.AmazonSageMakerException', ms: 0, submitted: false };
    }
    if (!this.c.scenario.referencesExist) {
      const needs: [string, unknown][] = [];
      if (facts.api === 'CreateTransformJob') needs.push(['model', request.ModelName]);
      if (facts.api === 'CreateEndpointConfig')
        for (const v of (request.ProductionVariants as Obj[] | undefined) ?? [])
          needs.push(['model', v.ModelName]);
      if (facts.api === 'CreateEndpoint' || facts.api === 'UpdateEndpoint')
        needs.push(['endpoint-config', request.EndpointConfigName]);
      if (needs.some(([type, n]) => !this.created.has(`${type}/${String(n).toLowerCase()}`))) {
        this.used.push(R.createErrors);
        return { error: 'SageMaker.ResourceNotFoundException', ms: 0, submitted: false };
      }
      if (facts.api === 'UpdateEndpoint' && !this.created.has(`endpoint/${name.toLowerCase()}`)) {
        return { error: 'SageMaker.AmazonSageMakerException', ms: 0, submitted: false };
      }
    }
    // Names are unique per account and region (with the case rule of the API): a retried job collides.
    const key = `${facts.arnResourceType.value}/${facts.caseInsensitiveNames.value ? name.toLowerCase() : name}`;
    if (facts.api !== 'UpdateEndpoint' && this.created.has(key)) {
      this.used.push(R.createErrors);
      return { error: 'SageMaker.ResourceInUseException', ms: 0, submitted: false };
    }
    this.created.add(key);
    this.created.add(`${facts.arnResourceType.value}/${name.toLowerCase()}`);
    if (!sync || !facts.job) {
      this.used.push(R.rr);
      return { result: { [facts.resultField.value]: arn }, ms: 0, submitted: false };
    }
    return this.runJob(task, arn);
  }

  private runJob(task: SageMakerTask, arn: string): Attempt {
    const job = this.c.scenario.job;
    const { describeAction, stopAction, statusField } = task.facts.job!;
    const interval = job ? pollIntervalMs(job.durationSeconds, job.polls) : 60_000;
    // Whole milliseconds, as the virtual clock counts.
    const endsAt = interval * (job ? job.polls + 1 : 1);
    const state = task.state as Obj;
    const timeout = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds * 1000 : Infinity;
    const heartbeat = typeof state.HeartbeatSeconds === 'number' ? state.HeartbeatSeconds * 1000 : Infinity;
    const abortAfter = this.c.scenario.abortAfterPolls;
    let t = 0;
    let beat = 0;
    let polling = true;
    const timedOut = (at: number, limit: number): Attempt => {
      this.used.push(limit === timeout ? R.timeout : R.heartbeat);
      return { error: 'States.Timeout', ms: at, submitted: true, timedOut: true };
    };
    const abort = (): Attempt => {
      this.used.push(R.abort);
      this.call(stopAction.value, arn);
      this.aborted = true;
      return { aborted: true, ms: t, submitted: true };
    };
    for (;;) {
      if (polling) {
        const limit = Math.min(timeout, beat + heartbeat);
        if (t + interval > limit) return timedOut(limit, limit === timeout ? timeout : limit);
        t += interval;
        const allowed = this.call(describeAction.value, arn);
        this.describes++;
        if (abortAfter !== undefined && this.describes > abortAfter) return abort();
        if (!allowed) {
          polling = false;
          continue;
        }
        beat = t;
        if (t >= endsAt) break;
      } else {
        const limit = Math.min(timeout, beat + heartbeat);
        if (endsAt > limit) return timedOut(limit, limit === timeout ? timeout : limit);
        t = Math.max(t, endsAt);
        break;
      }
    }
    const tagged = this.call(TAGGING.listTags.value, arn);
    const outcome = job?.outcome ?? 'Completed';
    if (outcome !== 'Completed') {
      this.used.push(R.jobFailed);
      return { error: 'States.TaskFailed', ms: t, submitted: true };
    }
    this.used.push(R.syncOutput);
    const noun = statusField.value.replace(/Status$/, '');
    const result: Obj = { [statusField.value]: 'Completed', [`${noun}Arn`]: arn };
    if (tagged) result.Tags = { MANAGED_BY_AWS: 'STARTED_BY_STEP_FUNCTIONS' };
    return { result, ms: t, submitted: true };
  }
}

/** The state's output from its result: ResultSelector, ResultPath, OutputPath (JSONPath) or Output (JSONata). */
function wrapResult(state: Obj, input: Obj, result: unknown, jsonata: boolean): unknown {
  const r = result as Obj;
  if (jsonata) {
    const output = state.Output as Obj | string | undefined;
    if (output === '{% $states.input %}') return input;
    if (output && typeof output === 'object')
      return { arn: Object.values(r).find((v) => typeof v === 'string' && v.startsWith('arn:')) };
    return result;
  }
  let selected: unknown = result;
  if (state.ResultSelector) {
    const path = String((state.ResultSelector as Obj)['Arn.$']).slice(2);
    selected = { Arn: r[path] };
  }
  const resultPath = 'ResultPath' in state ? state.ResultPath : '$';
  let out: unknown =
    resultPath === null
      ? input
      : resultPath === '$'
        ? selected
        : { ...input, [String(resultPath).slice(2)]: selected };
  if (state.OutputPath === '$.result') out = (out as Obj).result;
  return out;
}

/** Flattens a value to JSON pointer leaves (the output expectations, and what they are compared with). */
export function leaves(value: unknown, at = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${at}/${k}`, out);
    if (Object.keys(value).length === 0) out[at] = {};
  } else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${at}/${i}`, out));
  else out[at] = value;
  return out;
}

/** What must happen when the case runs. */
export function predictExecution(c: CaseForPrediction): Prediction {
  const code = c.validity && !c.validity.valid ? (c.validity.violation ?? '').split(' at ')[0]! : undefined;
  if (code !== undefined && CREATION_CODES.has(code)) {
    return {
      created: { value: false, provenance: R.creationCheck },
      calls: { value: [], provenance: R.creationCheck },
    };
  }
  const model = new Model(c);
  const found = findTasks(c.definition);
  // CreateStateMachine creates the managed rule of each .sync task with the role.
  for (const task of found.tasks) {
    if (task.pattern !== 'sync' || !task.facts.job) continue;
    const rule = model.arn('events', 'rule', task.facts.job.eventRule.value);
    for (const action of EVENTS_ACTIONS.value) {
      if (!model.call(action, rule)) {
        return {
          created: { value: false, provenance: R.managedRule },
          calls: { value: model.calls, provenance: R.managedRule },
        };
      }
    }
  }
  let input: Obj = c.input;
  let status: Status = 'SUCCEEDED';
  let error: string | null = null;
  let output: unknown;
  let primaryAttempts = 0;
  let totalMs = 0;
  let deterministicTime = true;
  const history: string[] = ['ExecutionStarted'];
  for (const [index, task] of found.tasks.entries()) {
    const state = task.state as Obj;
    const jsonata = task.queryLanguage === 'JSONata';
    const taskInput =
      c.shape === 'map' && !jsonata
        ? { value: (c.input.items as Obj[])[0] }
        : c.shape === 'map' || c.shape === 'parallel'
          ? c.input
          : input;
    const template = (jsonata ? state.Arguments : state.Parameters) as Obj;
    const request = resolveRequest(
      template,
      c.shape === 'map' && !jsonata ? taskInput : c.input,
      c.executionName,
    );
    const retriers = (state.Retry as Obj[] | undefined) ?? [];
    const counts = retriers.map(() => 0);
    let attempt: Attempt;
    let attempts = 0;
    history.push('TaskStateEntered');
    for (;;) {
      attempts++;
      attempt = model.attempt(task, request);
      totalMs += attempt.ms;
      history.push('TaskScheduled', 'TaskStarted');
      if (attempt.submitted) history.push('TaskSubmitted');
      if (attempt.aborted) break;
      history.push(
        attempt.error === undefined ? 'TaskSucceeded' : attempt.timedOut ? 'TaskTimedOut' : 'TaskFailed',
      );
      if (attempt.error === undefined) break;
      const r = retriers.findIndex((x) => matches(x.ErrorEquals as string[], attempt.error!));
      if (r < 0 || counts[r]! >= ((retriers[r]!.MaxAttempts as number | undefined) ?? 3)) break;
      const retrier = retriers[r]!;
      let wait =
        ((retrier.IntervalSeconds as number | undefined) ?? 1) *
        ((retrier.BackoffRate as number | undefined) ?? 2) ** counts[r]!;
      if (typeof retrier.MaxDelaySeconds === 'number') wait = Math.min(wait, retrier.MaxDelaySeconds);
      if (retrier.JitterStrategy === 'FULL') deterministicTime = false;
      totalMs += wait * 1000;
      counts[r]!++;
      model.used.push(R.retry);
    }
    if (index === 0) primaryAttempts = attempts;
    if (attempt.aborted) {
      status = 'ABORTED';
      history.push('TaskStateAborted', 'ExecutionAborted');
      break;
    }
    if (attempt.error !== undefined) {
      const catcher = ((state.Catch as Obj[] | undefined) ?? []).find((x) =>
        matches(x.ErrorEquals as string[], attempt.error!),
      );
      if (catcher && catcher.Next === 'Recovered') {
        // A recovering Pass: the output shows the caught error where the catcher puts it (Cause not predicted).
        model.used.push(R.retry);
        history.push('TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded');
        const caught = { Error: attempt.error };
        const resultPath = !jsonata && 'ResultPath' in catcher ? String(catcher.ResultPath) : '$';
        output = resultPath === '$' ? caught : { ...(taskInput as Obj), [resultPath.slice(2)]: caught };
        return finish();
      } else if (catcher) {
        // The guide's catcher: the `TaskFailed` Fail state.
        model.used.push(R.retry);
        history.push('TaskStateExited', 'FailStateEntered', 'ExecutionFailed');
        status = 'FAILED';
        error = 'SageMakerTaskFailed';
      } else {
        history.push('ExecutionFailed');
        status = 'FAILED';
        error = attempt.error;
      }
      break;
    }
    history.push('TaskStateExited');
    const wrapped = wrapResult(state, taskInput as Obj, attempt.result, jsonata);
    if (c.shape === 'map' || c.shape === 'parallel') output = [wrapped];
    else if (c.shape.endsWith('chain')) {
      input = wrapped as Obj;
      output = input;
    } else output = wrapped;
  }
  return finish();

  function finish(): Prediction {
    if (status === 'SUCCEEDED' && history.at(-1) !== 'ExecutionSucceeded') {
      if (c.shape === 'documented') {
        if ('ValidateOutput' in (c.definition.States as Obj))
          history.push('ChoiceStateEntered', 'ChoiceStateExited');
        history.push('SucceedStateEntered', 'SucceedStateExited');
      }
      history.push('ExecutionSucceeded');
    }
    const p = weakest(model.used);
    const single = c.shape === 'single' || c.shape === 'documented';
    return {
      created: { value: true, provenance: R.calls },
      calls: { value: model.calls, provenance: p },
      status: { value: status, provenance: p },
      error: { value: error, provenance: p },
      ...(status === 'SUCCEEDED' ? { output: { value: leaves(output), provenance: p } } : {}),
      attempts: { value: primaryAttempts, provenance: p },
      ...(deterministicTime && status !== 'ABORTED'
        ? { durationSeconds: { value: totalMs / 1000, provenance: p } }
        : {}),
      ...(single ? { historyTypes: { value: history, provenance: p } } : {}),
    };
  }
}
