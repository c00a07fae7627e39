/**
 * Billable jobs on a real account (`--allow-billable-jobs`): a case whose calls would be allowed to
 * start a job or an endpoint is rewritten to the user's caps and resources before it runs — instance
 * types from an allow-list (cheapest by default), one instance, `MaxRuntimeInSeconds` capped, the
 * user's SageMaker role, images and S3 locations, the run id as a tag — and at most `maxJobs` of
 * them run per run. Labeling jobs are never run: they need a work team and bill per object.
 */
import { shapeAt } from '../../../apimodel/lookup.js';
import type { Api } from '../../../catalog/api.js';
import type { Case } from '../../../generators/case.js';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';

export interface BillableJobs {
  /** Billable calls (jobs started, endpoints created or updated) a run may make, shrinking included. */
  readonly maxJobs: number;
  /** Allowed instance types, cheapest first: each request gets the first one its API accepts. */
  readonly instanceTypes: readonly string[];
  readonly maxRuntimeInSeconds: number;
  /** The role jobs and models run as (`RoleArn` / `ExecutionRoleArn` of the requests). */
  readonly sagemakerRoleArn: string;
  readonly trainingImage: string;
  /** Default: the training image. */
  readonly processingImage?: string;
  /** Models' container image. Default: the training image. */
  readonly inferenceImage?: string;
  /** Where jobs read: every input S3 URI of a request. */
  readonly inputS3Uri: string;
  /** Where jobs write: output paths, checkpoints, processing outputs. */
  readonly outputS3Uri: string;
  /** A model artifact for CreateModel; without it, models have no ModelDataUrl. */
  readonly modelDataUrl?: string;
  /** Hyperparameters the training image understands; generated ones are replaced. */
  readonly hyperParameters?: Readonly<Record<string, string>>;
}

/** The smallest general-purpose instance types the APIs' enums offer, in the order they are tried. */
export const CHEAPEST_INSTANCE_TYPES = ['ml.t3.medium', 'ml.t2.medium', 'ml.m5.large'] as const;

export const DEFAULT_MAX_RUNTIME_SECONDS = 600;

/** Calls that bill while something runs: jobs, and endpoints' instances. */
const BILLABLE =
  /^sagemaker:(Create(Training|Transform|Processing|HyperParameterTuning|Labeling)Job|CreateEndpoint|UpdateEndpoint)$/;

/** The billable calls among `action decision` calls that are allowed. */
export function billableCalls(calls: readonly string[]): string[] {
  return calls
    .filter((c) => c.endsWith(' allowed'))
    .map((c) => c.split(' ')[0]!)
    .filter((a) => BILLABLE.test(a));
}

/**
 * The most billable calls a case can make: each predicted one, times the attempts its Retry allows
 * (a job that fails for the image's or the data's reasons is retried, and each retry bills).
 */
export function worstCaseBillable(c: Case, predicted: readonly string[]): number {
  const calls = billableCalls(predicted).length;
  if (calls === 0) return 0;
  let attempts = 1;
  for (const task of findTasks(c.definition, c.stateMachineType).tasks) {
    if (!BILLABLE.test(`sagemaker:${task.facts.api}`)) continue;
    const retry = stateAt(c.definition, task.pointer).Retry;
    const retries = Array.isArray(retry)
      ? retry.reduce(
          (n: number, r) => n + (isObject(r) && typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3),
          0,
        )
      : 0;
    attempts = Math.max(attempts, 1 + retries);
  }
  return calls * attempts;
}

/** A role ARN as a whole JSON string (wildcards are not: `*` is not a name character). */
const ROLE_ARN = /"arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+"/g;
const OUTPUT_KEYS = new Set(['S3OutputPath', 'OutputPath']);
const DROPPED_KEYS = new Set(['VpcConfig', 'KmsKeyId', 'VolumeKmsKeyId', 'OutputKmsKeyId']);
const COUNT_KEYS = new Set([
  'InstanceCount',
  'InitialInstanceCount',
  'MaxNumberOfTrainingJobs',
  'MaxParallelTrainingJobs',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request member's enum at a path of the operation's input, if it is one. */
function enumOf(operation: string, path: readonly string[]): readonly string[] | undefined {
  try {
    return shapeAt(operation, ...path).enum;
  } catch {
    return undefined;
  }
}

/** Whether the operation's request has a `Tags` member. */
function hasTags(operation: string): boolean {
  try {
    shapeAt(operation, 'Tags');
    return true;
  } catch {
    return false;
  }
}

/**
 * The case with its SageMaker requests inside the caps and on the user's resources, or why it cannot
 * be (an API no allowed instance type fits; a labeling job). Role ARNs are replaced everywhere in the
 * case, its policy included, so the policy still speaks of the role the requests pass.
 */
export function withinCaps(
  c: Case,
  caps: BillableJobs,
  tag: { key: string; value: string },
): { case: Case } | { skipped: string } {
  if (c.api === 'CreateLabelingJob' || JSON.stringify(c.definition).includes('createLabelingJob'))
    return { skipped: 'labeling jobs need a work team and bill per object; not run on a real account' };
  // Role ARNs: the same text in the requests, the input and the policy.
  const text = JSON.stringify(c).replace(ROLE_ARN, JSON.stringify(caps.sagemakerRoleArn));
  const moved = JSON.parse(text) as Case & { definition: Record<string, unknown> };
  let problem: string | undefined;

  const rewrite = (value: unknown, operation: string, path: string[], key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, operation, [...path, '[]'], key));
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (DROPPED_KEYS.has(k)) continue;
        if (k === 'HyperParameters' || k === 'StaticHyperParameters') {
          if (caps.hyperParameters) out[k] = { ...caps.hyperParameters };
          continue;
        }
        if (k === 'ModelDataUrl') {
          if (caps.modelDataUrl) out[k] = caps.modelDataUrl;
          continue;
        }
        if (k === 'AlgorithmName') {
          out.TrainingImage = caps.trainingImage;
          continue;
        }
        out[k] = rewrite(v, operation, k.endsWith('.$') ? path : [...path, k], k);
      }
      if (typeof out.MaxRuntimeInSeconds === 'number') {
        out.MaxRuntimeInSeconds = Math.min(out.MaxRuntimeInSeconds, caps.maxRuntimeInSeconds);
        // Spot training waits at least as long as it runs.
        if (typeof out.MaxWaitTimeInSeconds === 'number') out.MaxWaitTimeInSeconds = out.MaxRuntimeInSeconds;
      }
      return out;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    if (COUNT_KEYS.has(key) && typeof value === 'number') return 1;
    if (key === 'InstanceType' && typeof value === 'string') {
      const accepted = enumOf(operation, path) ?? [];
      const type = caps.instanceTypes.find((t) => accepted.includes(t));
      if (!type) problem ??= `no allowed instance type fits ${operation} ${path.join('.')}`;
      return type ?? value;
    }
    if (typeof value !== 'string') return value;
    if (key === 'TrainingImage') return caps.trainingImage;
    if (key === 'ImageUri') return caps.processingImage ?? caps.trainingImage;
    if (key === 'Image') return caps.inferenceImage ?? caps.trainingImage;
    if (value.startsWith('s3://')) {
      const output = OUTPUT_KEYS.has(key) || path.includes('S3Output') || path.includes('CheckpointConfig');
      return output ? caps.outputS3Uri : caps.inputS3Uri;
    }
    return value;
  };

  for (const task of findTasks(moved.definition, moved.stateMachineType).tasks) {
    const state = stateAt(moved.definition, task.pointer);
    const field = 'Arguments' in state ? 'Arguments' : 'Parameters';
    if (!isObject(state[field])) continue;
    const operation = task.facts.api as Api;
    const request = rewrite(state[field], operation, [], '') as Record<string, unknown>;
    if (hasTags(operation) && operation.startsWith('Create')) {
      const tags = Array.isArray(request.Tags) ? request.Tags : [];
      request.Tags = [
        ...tags.filter((t) => !(isObject(t) && t.Key === tag.key)),
        { Key: tag.key, Value: tag.value },
      ];
    }
    state[field] = request;
    // Timeouts shorter than a real job are tested on the emulator, not billed for.
    for (const k of ['TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath'])
      delete state[k];
  }
  if (problem) return { skipped: problem };
  const input = rewrite(moved.input, '', ['input'], '') as Record<string, unknown>;
  return { case: { ...moved, input } };
}

/** The state object at a JSON pointer of the definition. */
function stateAt(definition: Record<string, unknown>, pointer: string): Record<string, unknown> {
  let node: unknown = definition;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : (node as Record<string, unknown>)[key];
  }
  return node as Record<string, unknown>;
}
