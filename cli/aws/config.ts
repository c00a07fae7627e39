/**
 * The AWS target's config file (`--config FILE`): the accounts a run may use, the permissions
 * boundary, and what billable jobs run with — caps, the SageMaker role, images and S3 locations.
 * Options on the command line win over the file. docs/aws-target.md, "Billable jobs".
 */
import { z } from 'zod';
import { enumAt } from '../../apimodel/lookup.js';
import {
  type BillableJobs,
  CHEAPEST_INSTANCE_TYPES,
  DEFAULT_MAX_RUNTIME_SECONDS,
} from '../../suites/targets/aws/billableJobs.js';
import { UsageError } from '../../contracts/usageError.js';
import { readJsonFile, zodPlace } from '../io.js';

/** Every instance type some SageMaker request of the integration accepts. */
const INSTANCE_TYPES = new Set([
  ...enumAt('CreateTrainingJob', 'ResourceConfig', 'InstanceType'),
  ...enumAt('CreateProcessingJob', 'ProcessingResources', 'ClusterConfig', 'InstanceType'),
  ...enumAt('CreateTransformJob', 'TransformResources', 'InstanceType'),
  ...enumAt('CreateEndpointConfig', 'ProductionVariants', '[]', 'InstanceType'),
]);

const s3 = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be an s3://bucket/key URI');
const image = z
  .string()
  .regex(
    /^[\w.-]+(:\d+)?\/[\w./-]+([:@][\w.:-]+)?$/,
    'must be a container image URI (registry/repository:tag)',
  );

/** The config file of `--config`: the accounts a run may use, and the billable jobs it may run. */
export const AwsConfigSchema = z
  .object({
    allowAccounts: z.array(z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id')).optional(),
    permissionsBoundary: z
      .string()
      .regex(/^arn:aws[\w-]*:iam::\d{12}:policy\/.+/, 'must be an IAM policy ARN')
      .optional(),
    billableJobs: z
      .object({
        maxJobs: z.number().int().min(1).max(1000).optional(),
        instanceTypes: z
          .array(z.string().refine((t) => INSTANCE_TYPES.has(t), 'is not a SageMaker instance type'))
          .min(1)
          .optional(),
        maxRuntimeInSeconds: z.number().int().min(1).max(86_400).optional(),
        sagemakerRoleArn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN'),
        trainingImage: image,
        processingImage: image.optional(),
        inferenceImage: image.optional(),
        inputS3Uri: s3,
        outputS3Uri: s3,
        modelDataUrl: s3.optional(),
        hyperParameters: z.record(z.string(), z.string().max(256)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The config file, as read. */
export type AwsConfig = z.infer<typeof AwsConfigSchema>;

/** The config file, checked; every problem is one line naming the field. */
export function readAwsConfig(path: string): AwsConfig {
  const parsed = AwsConfigSchema.safeParse(readJsonFile(path, 'config file'));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = zodPlace(issue.path);
  throw new UsageError(
    'bad-config',
    `config file "${path}" at ${where}: ${issue.message}; see docs/aws-target.md, "Billable jobs"`,
  );
}

/** The billable-job options as the command line gives them. */
export interface BillableRaw {
  allowBillableJobs?: boolean;
  maxBillableJobs?: string;
  instanceType?: string[];
  maxRuntime?: string;
}

function positive(value: string, option: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError('bad-option', `${option} "${value}" must be an integer from 1 to ${max}`);
  return Number(value);
}

/**
 * The billable-job caps the options and the config select, or undefined without
 * `--allow-billable-jobs`. The caps default to one job, the cheapest instance types and ten minutes.
 */
export function billableJobsOf(raw: BillableRaw, config: AwsConfig | undefined): BillableJobs | undefined {
  const tuning = raw.maxBillableJobs ?? raw.maxRuntime ?? raw.instanceType;
  if (!raw.allowBillableJobs) {
    if (tuning !== undefined)
      throw new UsageError(
        'bad-option',
        '--max-billable-jobs, --instance-type and --max-runtime take effect with --allow-billable-jobs',
      );
    return undefined;
  }
  const jobs = config?.billableJobs;
  if (!jobs)
    throw new UsageError(
      'missing-option',
      '--allow-billable-jobs needs --config FILE with a "billableJobs" section (SageMaker role, image, S3 input and output); see docs/aws-target.md, "Billable jobs"',
    );
  for (const t of raw.instanceType ?? [])
    if (!INSTANCE_TYPES.has(t))
      throw new UsageError(
        'bad-option',
        `--instance-type "${t}" is not a SageMaker instance type (e.g. ml.m5.large)`,
      );
  return {
    ...jobs,
    maxJobs: raw.maxBillableJobs
      ? positive(raw.maxBillableJobs, '--max-billable-jobs', 1000)
      : (jobs.maxJobs ?? 1),
    instanceTypes: raw.instanceType?.length
      ? raw.instanceType
      : (jobs.instanceTypes ?? CHEAPEST_INSTANCE_TYPES),
    maxRuntimeInSeconds: raw.maxRuntime
      ? positive(raw.maxRuntime, '--max-runtime', 86_400)
      : (jobs.maxRuntimeInSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS),
  };
}
