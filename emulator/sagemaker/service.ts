/**
 * The SageMaker service as the emulator's world: the nine Create/Update calls, Describe and Stop of
 * the five job types, Describe and Delete of models, endpoint configurations and endpoints, the List
 * calls of them all, ListTags and AddTags. Requests are validated against the API model; names are
 * unique per account and region; referenced resources must exist unless the world says otherwise;
 * jobs run on the virtual clock and end as the scenario says. One world may be seen under several
 * scenarios (`view`): the same resources, another idea of what existed before.
 */
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import type { Api } from '../../catalog/api.js';
import { pollIntervalMs, type WorldScenario } from '../../catalog/scenario.js';
import {
  DUPLICATE_ANSWERS,
  MISSING_JOB,
  MISSING_ON_DESCRIBE_DELETE,
  REFERENCES,
  SAGEMAKER_APIS,
  duplicateMessage,
  missingMessage,
  type ApiFacts,
  type SageMakerErrorCode,
} from '../../catalog/sagemakerApis.js';
import { SAGEMAKER_LISTS } from '../../catalog/sagemakerLists.js';
import { setOwn } from '../../syntax/json.js';
import { validateRequest, type Violation } from '../../validation/validateRequest.js';
import { SAGEMAKER_BEHAVIOUR, type ServiceBehaviour } from './behaviour.js';

export type { SageMakerErrorCode };

/** An error answer of the SageMaker API. */
export class SageMakerError extends Error {
  override readonly name = 'SageMakerError';
  constructor(
    readonly code: SageMakerErrorCode,
    message: string,
  ) {
    // An answer of the service, not a bug: no stack trace to capture.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** A SageMaker job's status. */
export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

/** How a job will run: when it ends and how (the world scenario). */
export interface JobPlan {
  /** Virtual epoch ms when the job reaches its outcome. */
  readonly endsAt: number;
  readonly outcome: 'Completed' | 'Failed' | 'Stopped';
  readonly failureReason?: string;
}

/**
 * When a job the scenario runs ends, created at `now`, and how often `.sync` polls it: every
 * `durationSeconds / (polls + 1)` so that it is InProgress for `polls` polls (pollIntervalMs);
 * without a `job`, it completes after one poll of `defaultIntervalSeconds`.
 */
export function jobTiming(
  scenario: WorldScenario,
  now: number,
  defaultIntervalSeconds = 60,
): { intervalMs: number; plan: JobPlan } {
  const job = scenario.job;
  const intervalMs = job ? pollIntervalMs(job.durationSeconds, job.polls) : defaultIntervalSeconds * 1000;
  return {
    intervalMs,
    plan: {
      endsAt: now + intervalMs * (job ? job.polls + 1 : 1),
      outcome: job ? job.outcome : 'Completed',
      ...(job?.failureReason ? { failureReason: job.failureReason } : {}),
    },
  };
}

interface Resource {
  readonly api: Api;
  readonly name: string;
  readonly arn: string;
  /** The create request (an endpoint's: with the configuration of its last update). */
  request: Record<string, unknown>;
  readonly createdAt: number;
  /** When an UpdateEndpoint last changed it. */
  updatedAt?: number;
  tags: { Key: string; Value: string }[];
  plan?: JobPlan;
  stoppedAt?: number;
}

/** The APIs creating a model, an endpoint configuration, an endpoint: described and deleted by name. */
export type DeletableApi = 'CreateModel' | 'CreateEndpointConfig' | 'CreateEndpoint';

/** What a List call asks for (times in epoch ms); members its operation lacks are never given. */
export interface ListQuery {
  readonly NameContains?: string;
  readonly StatusEquals?: string;
  readonly CreationTimeAfter?: number;
  readonly CreationTimeBefore?: number;
  readonly LastModifiedTimeAfter?: number;
  readonly LastModifiedTimeBefore?: number;
  readonly SortBy?: string;
  readonly SortOrder?: string;
}

/** Where the service runs and how the world was before the execution. */
export interface ServiceOptions {
  readonly region: string;
  readonly account: string;
  readonly partition?: string;
  /** Resources a request names (a transform's model, an endpoint's config) exist even when not created here. */
  readonly referencesExist: boolean;
  /** A resource of every name a request creates exists already (the pipeline ran before). */
  readonly namesInUse?: boolean;
  /** The account's quota of jobs of each type running at once (sagemaker.quota.concurrent-jobs). */
  readonly jobQuota?: number;
  /** The service's rules asked by name (a deliberate deviation may change them); AWS's by default. */
  readonly behaviour?: ServiceBehaviour;
}

const JOB_NOUN: Partial<Record<Api, string>> = {
  CreateTrainingJob: 'TrainingJob',
  CreateTransformJob: 'TransformJob',
  CreateProcessingJob: 'ProcessingJob',
  CreateLabelingJob: 'LabelingJob',
  CreateHyperParameterTuningJob: 'HyperParameterTuningJob',
};

/** The values at a path of member names (`[]` walks each list element). */
function namesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]') return Array.isArray(value) ? value.flatMap((v) => namesAt(v, rest)) : [];
  return typeof value === 'object' && value !== null
    ? namesAt((value as Record<string, unknown>)[head], rest)
    : [];
}

/**
 * What a job's summary has that its Describe result holds deeper: a labeling job's work team, a
 * tuning job's strategy and resource limits.
 */
function summaryDetail(api: Api, request: Record<string, unknown>): Record<string, unknown> {
  if (api === 'CreateLabelingJob')
    return { WorkteamArn: (request.HumanTaskConfig as { WorkteamArn?: unknown } | undefined)?.WorkteamArn };
  if (api === 'CreateHyperParameterTuningJob') {
    const config = (request.HyperParameterTuningJobConfig ?? {}) as Record<string, unknown>;
    return { Strategy: config.Strategy, ResourceLimits: config.ResourceLimits };
  }
  return {};
}

/** A resource as a snapshot keeps it: plain JSON, under the key the world finds it by. */
export interface ResourceSnapshot {
  readonly key: string;
  readonly api: Api;
  readonly name: string;
  readonly arn: string;
  readonly request: Record<string, unknown>;
  readonly createdAt: number;
  readonly updatedAt?: number;
  readonly tags: readonly { readonly Key: string; readonly Value: string }[];
  readonly plan?: JobPlan;
  readonly stoppedAt?: number;
}

/** The world's resources as plain JSON (`SageMakerService.snapshot`, `restore`). */
export interface SageMakerSnapshot {
  readonly resources: readonly ResourceSnapshot[];
}

/** The emulated SageMaker of one account and region. */
export class SageMakerService {
  /** The world's resources (shared with the views of it). */
  private resources = new Map<string, Resource>();
  private readonly rules: ServiceBehaviour;

  constructor(private readonly options: ServiceOptions) {
    this.rules = options.behaviour ?? SAGEMAKER_BEHAVIOUR;
  }

  /** The world's resources as plain JSON, for `restore`. */
  snapshot(): SageMakerSnapshot {
    return {
      resources: [...this.resources].map(([key, r]) => ({
        key,
        api: r.api,
        name: r.name,
        arn: r.arn,
        request: structuredClone(r.request),
        createdAt: r.createdAt,
        ...(r.updatedAt !== undefined ? { updatedAt: r.updatedAt } : {}),
        tags: r.tags.map((t) => ({ ...t })),
        ...(r.plan ? { plan: { ...r.plan } } : {}),
        ...(r.stoppedAt !== undefined ? { stoppedAt: r.stoppedAt } : {}),
      })),
    };
  }

  /** Replaces the world's resources (those of its views too) with a snapshot's. */
  restore(snapshot: SageMakerSnapshot): void {
    this.resources.clear();
    for (const { key, tags, plan, ...r } of snapshot.resources)
      this.resources.set(key, {
        ...r,
        request: structuredClone(r.request),
        tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })),
        ...(plan ? { plan: { ...plan } } : {}),
      });
  }

  /**
   * The same world, seen under another scenario: its resources are this service's (what one
   * creates the other finds), while whether unnamed references exist, whether names are in use
   * and the job quota are the scenario's.
   */
  view(scenario: Pick<ServiceOptions, 'referencesExist' | 'namesInUse' | 'jobQuota'>): SageMakerService {
    const { namesInUse: _n, jobQuota: _q, ...place } = this.options;
    const seen = new SageMakerService({
      ...place,
      referencesExist: scenario.referencesExist,
      ...(scenario.namesInUse ? { namesInUse: true } : {}),
      ...(scenario.jobQuota !== undefined ? { jobQuota: scenario.jobQuota } : {}),
    });
    seen.resources = this.resources;
    return seen;
  }

  /** The account the service runs in. */
  get account(): string {
    return this.options.account;
  }

  private key(type: string, name: string, facts: ApiFacts): string {
    return `${type}/${facts.caseInsensitiveNames.value ? name.toLowerCase() : name}`;
  }

  arn(type: string, name: string): string {
    const { partition = 'aws', region, account } = this.options;
    return `arn:${partition}:sagemaker:${region}:${account}:${type}/${this.rules.resourceArnName(name)}`;
  }

  private find(type: string, name: string): Resource | undefined {
    return this.resources.get(`${type}/${name}`) ?? this.resources.get(`${type}/${name.toLowerCase()}`);
  }

  /** A resource the request names must exist: else a ValidationException ("Could not find model ..."). */
  private requireReference(type: string, name: unknown, noun: string): void {
    if (typeof name !== 'string' || this.options.referencesExist) return;
    if (!this.rules.checksReferences) return;
    if (!this.find(type, name))
      throw new SageMakerError(this.rules.missingReferenceError, missingMessage(noun, this.arn(type, name)));
  }

  /** A name in use: jobs are ResourceInUse; models, configurations and endpoints a ValidationException. */
  private duplicate(api: Api, arn: string): SageMakerError {
    const facts = SAGEMAKER_APIS[api];
    const answer = DUPLICATE_ANSWERS[api]!.value;
    const type = facts.arnResourceType.value;
    if (this.rules.duplicateError(api) === 'ValidationException')
      return new SageMakerError('ValidationException', duplicateMessage(answer.noun!, arn));
    return new SageMakerError(
      'ResourceInUse',
      `${facts.nameField.value.replace(/Name$/, '')} name must be unique within an AWS account and region, and a ${type} with this name already exists (${arn})`,
    );
  }

  /** The Create/Update call. `plan` says how a job will end (the world scenario). */
  create(
    api: Api,
    request: Record<string, unknown>,
    now: number,
    plan?: JobPlan,
    checked?: readonly Violation[],
  ): Record<string, string> {
    const violations = checked ?? validateRequest(api, request);
    if (violations.length > 0) {
      const text = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
      throw new SageMakerError(
        'ValidationException',
        `${violations.length} validation error${violations.length > 1 ? 's' : ''} detected: ${text}`,
      );
    }
    const facts = SAGEMAKER_APIS[api];
    const type = facts.arnResourceType.value;
    const name = String(request[facts.nameField.value]);
    for (const ref of REFERENCES[api] ?? [])
      for (const referenced of namesAt(request, ref.path))
        this.requireReference(ref.arnResourceType, referenced, ref.noun);
    const arn = this.arn(type, name);
    if (api === 'UpdateEndpoint') {
      const endpoint = this.find('endpoint', name);
      if (!endpoint && !this.options.referencesExist && !this.options.namesInUse)
        throw new SageMakerError('ValidationException', missingMessage('endpoint', arn));
      if (endpoint) {
        endpoint.request = { ...endpoint.request, EndpointConfigName: request.EndpointConfigName };
        endpoint.updatedAt = now;
      }
      return { EndpointArn: arn };
    }
    const key = this.key(type, name, facts);
    if (this.resources.has(key) && this.rules.namesUnique) throw this.duplicate(api, arn);
    if (this.options.namesInUse && this.rules.namesUnique) {
      // The resource of that name was there before the execution: what the case names next finds it.
      this.resources.set(key, { api, name, arn, request: {}, createdAt: now, tags: [] });
      throw this.duplicate(api, arn);
    }
    const tags = Array.isArray(request.Tags)
      ? (request.Tags as { Key: string; Value: string }[]).map((t) => ({ ...t }))
      : [];
    const resource: Resource = { api, name, arn, request, createdAt: now, tags };
    const quota = this.options.jobQuota;
    if (JOB_NOUN[api] && quota !== undefined) {
      const running = [...this.resources.values()].filter(
        (r) => r.api === api && r.plan && ['InProgress', 'Stopping'].includes(this.status(api, r.name, now)),
      ).length;
      if (running >= quota)
        throw new SageMakerError(
          'ResourceLimitExceeded',
          `The account-level service limit for concurrent ${JOB_NOUN[api]}s is ${quota}, with current utilization of ${running}. Please use Service Quotas to request an increase.`,
        );
    }
    if (JOB_NOUN[api]) resource.plan = plan ?? jobTiming({ referencesExist: true }, now).plan;
    this.resources.set(key, resource);
    return { [facts.resultField.value]: arn };
  }

  private job(api: Api, name: string): Resource {
    const facts = SAGEMAKER_APIS[api];
    const r = this.find(facts.arnResourceType.value, name);
    // Only a Describe or Stop called directly meets one (sagemaker.missing.job).
    if (!r || !r.plan) throw new SageMakerError(MISSING_JOB.value.code, MISSING_JOB.value.message);
    return r;
  }

  status(api: Api, name: string, now: number): JobStatus {
    const r = this.job(api, name);
    if (r.stoppedAt !== undefined) return now >= r.stoppedAt + 1000 ? 'Stopped' : 'Stopping';
    return now >= r.plan!.endsAt ? r.plan!.outcome : 'InProgress';
  }

  /** When the job ends (or ended), on the virtual clock. */
  endsAt(api: Api, name: string): number {
    const r = this.job(api, name);
    return r.stoppedAt !== undefined ? r.stoppedAt + 1000 : r.plan!.endsAt;
  }

  /** Describe<X>Job: the request's members the response shape has, and the job's state; epoch-ms times. */
  describe(api: Api, name: string, now: number): Record<string, unknown> {
    const r = this.job(api, name);
    const noun = JOB_NOUN[api]!;
    const status = this.status(api, name, now);
    const outputShape = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[`Describe${noun}`]!.output!]!;
    const members = outputShape.members ?? {};
    const out: Record<string, unknown> = {};
    if (this.rules.describeEchoesRequest)
      for (const [k, v] of Object.entries(r.request))
        if (Object.hasOwn(members, k) && k !== 'Tags') setOwn(out, k, v);
    out[`${noun}Arn`] = r.arn;
    out[`${noun}Status`] = status;
    // The job starts running when it is created, and the clock moves on while it runs.
    const times = SAGEMAKER_APIS[api].job!.times.value;
    const time = (epochMs: number) => this.rules.describedTime(epochMs);
    out.CreationTime = time(r.createdAt);
    if (times.start) out[times.start] = time(r.createdAt);
    if (times.end && status !== 'InProgress') out[times.end] = time(this.endsAt(api, name));
    if (times.lastModified)
      out.LastModifiedTime = time(Math.min(now, status === 'InProgress' ? now : this.endsAt(api, name)));
    if (status === 'Failed') out.FailureReason = r.plan!.failureReason ?? 'AlgorithmError: the job failed';
    if (api === 'CreateTrainingJob') {
      out.SecondaryStatus = status === 'InProgress' ? 'Training' : status;
      const s3 =
        (r.request.OutputDataConfig as { S3OutputPath?: string } | undefined)?.S3OutputPath ?? 's3://unknown';
      out.ModelArtifacts = { S3ModelArtifacts: this.rules.modelArtifactsUri(s3, r.name) };
    }
    if (api === 'CreateLabelingJob') {
      const done = status === 'Completed' ? 1 : 0;
      out.LabelCounters = {
        TotalLabeled: done,
        HumanLabeled: done,
        MachineLabeled: 0,
        FailedNonRetryableError: 0,
        Unlabeled: 1 - done,
      };
      out.JobReferenceCode = r.arn.slice(-12).replace(/[^a-z0-9]/g, '0');
      if (status === 'Completed')
        out.LabelingJobOutput = {
          OutputDatasetS3Uri: `${String((r.request.OutputConfig as { S3OutputPath?: string }).S3OutputPath)}/${r.name}/manifests/output/output.manifest`,
        };
    }
    if (api === 'CreateHyperParameterTuningJob') {
      const done = status === 'InProgress' ? 0 : 1;
      out.TrainingJobStatusCounters = {
        Completed: status === 'Completed' ? 1 : 0,
        InProgress: 1 - done,
        RetryableError: 0,
        NonRetryableError: status === 'Failed' ? 1 : 0,
        Stopped: status === 'Stopped' ? 1 : 0,
      };
      out.ObjectiveStatusCounters = {
        Succeeded: status === 'Completed' ? 1 : 0,
        Pending: 1 - done,
        Failed: status === 'Failed' ? 1 : 0,
      };
    }
    return out;
  }

  /** Stop<X>Job: the job goes Stopping, then Stopped. */
  stop(api: Api, name: string, now: number): void {
    const r = this.job(api, name);
    const status = this.status(api, name, now);
    if (status !== 'InProgress')
      throw new SageMakerError(
        'ValidationException',
        `The job ${r.arn} is not in progress (status ${status}).`,
      );
    r.stoppedAt = now;
  }

  /**
   * A model, endpoint configuration or endpoint by name; one that does not exist is a
   * ValidationException, "Could not find model ..." (sagemaker.missing.describe-delete).
   */
  private named(api: DeletableApi, name: string): Resource {
    const type = SAGEMAKER_APIS[api].arnResourceType.value;
    const r = this.find(type, name);
    if (!r || r.api !== api)
      throw new SageMakerError(
        MISSING_ON_DESCRIBE_DELETE.value,
        missingMessage(DUPLICATE_ANSWERS[api]!.value.noun!, this.arn(type, name)),
      );
    return r;
  }

  /**
   * DescribeModel, DescribeEndpointConfig, DescribeEndpoint: the request's members the response
   * shape has, the ARN and the times (epoch ms, as a job's Describe). An endpoint is InService from
   * its creation, as the integration uses it (an UpdateEndpoint right after CreateEndpoint goes
   * through): inferred, since AWS's endpoints are Creating for minutes first and the virtual clock
   * skips that (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html).
   */
  describeResource(api: DeletableApi, name: string): Record<string, unknown> {
    const r = this.named(api, name);
    const facts = SAGEMAKER_APIS[api];
    const noun = facts.resultField.value.replace(/Arn$/, '');
    const members =
      SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[`Describe${noun}`]!.output!]!.members ?? {};
    const out: Record<string, unknown> = {};
    if (this.rules.describeEchoesRequest)
      for (const [k, v] of Object.entries(r.request))
        if (Object.hasOwn(members, k) && k !== 'Tags') setOwn(out, k, v);
    out[facts.nameField.value] = r.name;
    out[facts.resultField.value] = r.arn;
    out.CreationTime = this.rules.describedTime(r.createdAt);
    if (api === 'CreateEndpoint') {
      out.EndpointStatus = 'InService';
      out.LastModifiedTime = this.rules.describedTime(r.updatedAt ?? r.createdAt);
    }
    return out;
  }

  /** DeleteModel, DeleteEndpointConfig, DeleteEndpoint: gone at once, with its tags. */
  delete(api: DeletableApi, name: string): void {
    const r = this.named(api, name);
    for (const [key, value] of this.resources) if (value === r) this.resources.delete(key);
  }

  /**
   * A List call's items: the summaries (the Describe result's members the summary shape has;
   * epoch-ms times) of the resources the query selects, in its order (sagemaker.list.defaults).
   * A name in use that the world had before (`namesInUse`) is listed as a model, configuration or
   * endpoint of no details; as a job it is not (its status is not known).
   */
  listResources(operation: string, query: ListQuery, now: number): Record<string, unknown>[] {
    const facts = SAGEMAKER_LISTS.value[operation];
    if (!facts) throw new Error(`${operation} is not a List call of the service`);
    const noun = SAGEMAKER_APIS[facts.api].resultField.value.replace(/Arn$/, '');
    const summaryMembers = SAGEMAKER_MODEL.shapes[facts.summaryShape]!.members ?? {};
    const job = JOB_NOUN[facts.api] !== undefined;
    const rows: {
      name: string;
      created: number;
      status: string;
      index: number;
      summary: Record<string, unknown>;
    }[] = [];
    const contains = query.NameContains?.toLowerCase();
    for (const r of this.resources.values()) {
      if (r.api !== facts.api || (job && !r.plan)) continue;
      const described = job
        ? this.describe(facts.api, r.name, now)
        : this.describeResource(facts.api as DeletableApi, r.name);
      const detail = job ? summaryDetail(facts.api, r.request) : {};
      const summary: Record<string, unknown> = {};
      for (const [k, v] of Object.entries({ ...described, ...detail }))
        if (v !== undefined && Object.hasOwn(summaryMembers, k)) setOwn(summary, k, v);
      const created = summary.CreationTime as number;
      const modified = (summary.LastModifiedTime as number | undefined) ?? created;
      const status = String(summary[`${noun}Status`] ?? '');
      if (contains !== undefined && !r.name.toLowerCase().includes(contains)) continue;
      if (query.StatusEquals !== undefined && status !== query.StatusEquals) continue;
      const after = query.CreationTimeAfter;
      if (after !== undefined && (facts.creationTimeAfterInclusive ? created < after : created <= after))
        continue;
      if (query.CreationTimeBefore !== undefined && created >= query.CreationTimeBefore) continue;
      if (query.LastModifiedTimeAfter !== undefined && modified <= query.LastModifiedTimeAfter) continue;
      if (query.LastModifiedTimeBefore !== undefined && modified >= query.LastModifiedTimeBefore) continue;
      rows.push({ name: r.name, created, status, index: rows.length, summary });
    }
    const by = query.SortBy ?? facts.sortBy;
    const key = (row: (typeof rows)[number]): string | number =>
      by === 'Name' ? row.name : by === 'Status' ? row.status : row.created;
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : a.index - b.index;
    });
    if ((query.SortOrder ?? facts.sortOrder) === 'Descending') rows.reverse();
    return rows.map((row) => row.summary);
  }

  /** A resource by ARN (ListTags, AddTags); what AWS answers for one that does not exist is not known (inferred: ResourceNotFound). */
  private byArn(arn: string): Resource {
    for (const r of this.resources.values()) if (r.arn === arn) return r;
    throw new SageMakerError('ResourceNotFound', `Requested resource not found: ${arn}`);
  }

  listTags(arn: string): { Key: string; Value: string }[] {
    return this.byArn(arn).tags.map((t) => ({ ...t }));
  }

  addTags(arn: string, tags: readonly { Key: string; Value: string }[]): void {
    const r = this.byArn(arn);
    for (const t of tags) {
      r.tags = r.tags.filter((x) => x.Key !== t.Key);
      r.tags.push({ ...t });
    }
  }

  /** The status of every job at a time, by ARN (what the account's owner would see then). */
  jobStatuses(now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of this.resources.values()) if (r.plan) out[r.arn] = this.status(r.api, r.name, now);
    return out;
  }

  /** Every resource, for inspection in tests and the exec command. */
  list(): { api: Api; name: string; arn: string }[] {
    return [...this.resources.values()].map(({ api, name, arn }) => ({ api, name, arn }));
  }
}
