/**
 * Billable jobs on a real account (`--allow-billable-jobs`): a case whose calls would be allowed to
 * start a job or an endpoint is rewritten to the user's caps and resources before it runs — instance
 * types from an allow-list (cheapest by default), one instance, `MaxRuntimeInSeconds` capped, the
 * user's SageMaker role, images and S3 locations, the run id as a tag — and at most `maxJobs` of
 * them run per run. Labeling jobs are never run: they need a work team and bill per object.
 */
import { findShape } from '../../../apimodel/lookup.js';
import type { Api } from '../../../catalog/api.js';
import type { Case } from '../../../contracts/case.js';
import { parseRequest } from '../../../oracles/definition/parseValues.js';
import { isJsonata } from '../../../validation/jsonata.js';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';
import { mapPlanTasks, type RequestPlan } from '../../../contracts/casePlan.js';
import { isObject } from '../../../syntax/json.js';

/** What `--allow-billable-jobs` lets a run create on a real account, and with what. */
export interface BillableJobs {
  /** Billable calls (jobs started, endpoints created) a run may make, each attempt a Retry allows counted. */
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

/** The run time a job on a real account gets at most where the user sets none (seconds). */
export const DEFAULT_MAX_RUNTIME_SECONDS = 600;

/** Calls that bill while something runs: jobs, and endpoints' instances. */
const BILLABLE =
  /^sagemaker:(Create(Training|Transform|Processing|HyperParameterTuning|Labeling)Job|CreateEndpoint|UpdateEndpoint)$/;

/**
 * The most billable calls a case can make, read from its definition: every task that can start a
 * job or an endpoint, times the attempts its Retry allows (a job that fails for the image's or the
 * data's reasons is retried, and each attempt bills); unbounded inside a Map, which runs a task
 * once per item.
 */
export function billableAttempts(theCase: Case): number {
  let total = 0;
  for (const task of findTasks(theCase.definition, theCase.stateMachineType).tasks) {
    if (!BILLABLE.test(`sagemaker:${task.facts.api}`)) continue;
    if (/\/(Iterator|ItemProcessor)\//.test(task.pointer)) return Infinity;
    total += 1 + task.plan.retry.reduce((sum, retrier) => sum + (retrier.maxAttempts ?? 3), 0);
  }
  return total;
}

const ROLE_ARN = /"arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+"/g;
const OUTPUT_KEYS = new Set(['S3OutputPath', 'OutputPath', 'DestinationS3Uri']);
const DROPPED_KEYS = new Set(['VpcConfig', 'KmsKeyId', 'VolumeKmsKeyId', 'OutputKmsKeyId']);
const COUNT_KEYS = new Set([
  'InstanceCount',
  'InitialInstanceCount',
  'MaxNumberOfTrainingJobs',
  'MaxParallelTrainingJobs',
]);

/** What bounds a job on a real account: the instance types it may use and how long it may run. */
export interface Limits {
  readonly instanceTypes: readonly string[];
  readonly maxRuntimeInSeconds: number;
}

/** The limits of a valid case on a real account without `--allow-billable-jobs`. */
export const DEFAULT_LIMITS: Limits = {
  instanceTypes: CHEAPEST_INSTANCE_TYPES,
  maxRuntimeInSeconds: DEFAULT_MAX_RUNTIME_SECONDS,
};

/** Members that bound what a job costs: they must be literal to be capped. */
const CAPPED_KEYS = new Set(['InstanceType', 'MaxRuntimeInSeconds', 'StoppingCondition', ...COUNT_KEYS]);

/** How a case is made safe to run on a real account. */
export interface Rewrite {
  /** Instance types and run time capped, one instance, one production variant (valid cases). */
  readonly limits?: Limits;
  /** Billable cases: the user's role, images, S3 locations and hyperparameters; no Task timeouts. */
  readonly resources?: BillableJobs;
  /** Added to every SageMaker create request, so clean-up and sweep may find what it creates. */
  readonly tag: { readonly key: string; readonly value: string };
}

/**
 * The case with every SageMaker create request tagged with the run id and, where asked, inside the
 * limits and on the user's resources — or why it cannot be (no allowed instance type fits; a bound
 * computed at run time; a labeling job billed). With resources, role ARNs are replaced everywhere
 * in the case, its policy included, so the policy still speaks of the role the requests pass.
 */
export function rewriteForAccount(theCase: Case, how: Rewrite): { case: Case } | { skipped: string } {
  const { limits, resources, tag } = how;
  if (
    resources &&
    (theCase.api === 'CreateLabelingJob' || JSON.stringify(theCase.definition).includes('createLabelingJob'))
  )
    return { skipped: 'labeling jobs need a work team and bill per object; not run on a real account' };
  // Role ARNs: the same text in the requests, the input and the policy.
  const text = resources
    ? JSON.stringify(theCase).replace(ROLE_ARN, JSON.stringify(resources.sagemakerRoleArn))
    : JSON.stringify(theCase);
  const moved = JSON.parse(text) as Case & { definition: Record<string, unknown> };
  let problem: string | undefined;

  const rewrite = (value: unknown, operation: string, path: string[], key: string): unknown => {
    // With the user's resources, a value computed at run time (other than a name, an ARN or the
    // artifacts a training job of the run made) could point anywhere: not run.
    const member = key.replace(/\.\$$/, '');
    if (
      resources &&
      (key.endsWith('.$') || isJsonata(value)) &&
      !/(Name|Arn)$/.test(member) &&
      !(member === 'ModelDataUrl' && /ModelArtifacts/.test(String(value))) &&
      member !== 'Tags'
    )
      problem ??= `${operation} ${(key.endsWith('.$') ? [...path, member] : path).join('.')} is computed at run time, so it cannot be put on your resources`;
    if (limits && CAPPED_KEYS.has(key.replace(/\.\$$/, '')) && (key.endsWith('.$') || isJsonata(value)))
      problem ??= `${operation} ${(key.endsWith('.$') ? [...path, key] : path).join('.')} is computed at run time, so it cannot be capped`;
    if (Array.isArray(value)) {
      // One production variant: each has instances of its own.
      const items = limits && key === 'ProductionVariants' ? value.slice(0, 1) : value;
      return items.map((item) => rewrite(item, operation, [...path, '[]'], key));
    }
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value)) {
        if (resources) {
          if (DROPPED_KEYS.has(name)) continue;
          if (name === 'HyperParameters' || name === 'StaticHyperParameters') {
            if (resources.hyperParameters) out[name] = { ...resources.hyperParameters };
            continue;
          }
          if (name === 'ModelDataUrl') {
            if (resources.modelDataUrl) out[name] = resources.modelDataUrl;
            continue;
          }
          if (name === 'AlgorithmName') {
            out.TrainingImage = resources.trainingImage;
            continue;
          }
          // An output location built at run time (States.Format, JSONata) is the user's output location.
          const member = name.replace(/\.\$$/, '');
          if (
            (name.endsWith('.$') || isJsonata(child)) &&
            (OUTPUT_KEYS.has(member) || (member === 'S3Uri' && path.includes('S3Output')))
          ) {
            out[member] = resources.outputS3Uri;
            continue;
          }
        }
        out[name] = rewrite(child, operation, name.endsWith('.$') ? path : [...path, name], name);
      }
      if (limits && typeof out.MaxRuntimeInSeconds === 'number') {
        out.MaxRuntimeInSeconds = Math.min(out.MaxRuntimeInSeconds, limits.maxRuntimeInSeconds);
        // Spot training waits at least as long as it runs.
        if (typeof out.MaxWaitTimeInSeconds === 'number') out.MaxWaitTimeInSeconds = out.MaxRuntimeInSeconds;
      }
      return out;
    }
    if (!limits && !resources) return value;
    if (limits && COUNT_KEYS.has(key) && typeof value === 'number') return 1;
    if (limits && key === 'InstanceType' && typeof value === 'string') {
      const accepted = findShape(operation, ...path)?.enum ?? [];
      const type = limits.instanceTypes.find((instanceType) => accepted.includes(instanceType));
      if (!type) problem ??= `no allowed instance type fits ${operation} ${path.join('.')}`;
      return type ?? value;
    }
    if (!resources || typeof value !== 'string') return value;
    if (key === 'TrainingImage') return resources.trainingImage;
    if (key === 'ImageUri') return resources.processingImage ?? resources.trainingImage;
    if (key === 'Image') return resources.inferenceImage ?? resources.trainingImage;
    if (value.startsWith('s3://') || /^https:\/\/s3[.-][^/]*amazonaws\.com(\.cn)?\//.test(value)) {
      const output = OUTPUT_KEYS.has(key) || path.includes('S3Output') || path.includes('CheckpointConfig');
      return output ? resources.outputS3Uri : resources.inputS3Uri;
    }
    return value;
  };

  const requests: RequestPlan[] = [];
  for (const task of findTasks(moved.definition, moved.stateMachineType).tasks) {
    const state = task.state as Record<string, unknown>;
    const field = 'Arguments' in state ? 'Arguments' : 'Parameters';
    requests.push(task.plan.request);
    if (!isObject(state[field])) continue;
    const operation = task.facts.api as Api;
    const request = rewrite(state[field], operation, [], '') as Record<string, unknown>;
    // A job without a StoppingCondition runs as long as SageMaker's default allows.
    if (
      limits &&
      !('StoppingCondition' in request) &&
      !('StoppingCondition.$' in request) &&
      findShape(operation, 'StoppingCondition')
    )
      request.StoppingCondition = { MaxRuntimeInSeconds: limits.maxRuntimeInSeconds };
    if (findShape(operation, 'Tags') && operation.startsWith('Create') && !('Tags.$' in request)) {
      const tags = Array.isArray(request.Tags) ? request.Tags : [];
      request.Tags = [
        ...tags.filter((existing) => !(isObject(existing) && existing.Key === tag.key)),
        { Key: tag.key, Value: tag.value },
      ];
    }
    state[field] = request;
    requests[requests.length - 1] = parseRequest(request, task.queryLanguage);
    // Timeouts shorter than a real job are tested on the emulator, not billed for.
    if (resources)
      for (const timing of [
        'TimeoutSeconds',
        'TimeoutSecondsPath',
        'HeartbeatSeconds',
        'HeartbeatSecondsPath',
      ])
        delete state[timing];
  }
  if (problem) return { skipped: problem };
  // The state machine's own timeout too: a real job takes longer than the one it was drawn for.
  if (resources) delete moved.definition.TimeoutSeconds;
  // The plan the oracles read says what the definition now says.
  const flow = mapPlanTasks(moved.plan.flow, (task, i) => {
    const { timeoutSeconds: _t, heartbeatSeconds: _h, ...rest } = task;
    return { ...(resources ? rest : task), request: requests[i] ?? task.request };
  });
  const { timeoutSeconds: _machine, ...untimed } = moved.plan;
  return { case: { ...moved, plan: { ...(resources ? untimed : moved.plan), flow } } };
}
