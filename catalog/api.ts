/** The nine SageMaker APIs of Step Functions' optimized integration (sfn.sagemaker.apis). */
export const API_NAMES = [
  'CreateEndpoint',
  'CreateEndpointConfig',
  'CreateHyperParameterTuningJob',
  'CreateLabelingJob',
  'CreateModel',
  'CreateProcessingJob',
  'CreateTrainingJob',
  'CreateTransformJob',
  'UpdateEndpoint',
] as const;

export type Api = (typeof API_NAMES)[number];

/** Integration patterns, named as design.md names them. */
export const PATTERNS = ['requestResponse', 'sync', 'waitForTaskToken'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** The Resource suffix of each pattern (`arn:aws:states:::sagemaker:<api><suffix>`). */
export const PATTERN_SUFFIX: Readonly<Record<Pattern, string>> = {
  requestResponse: '',
  sync: '.sync',
  waitForTaskToken: '.waitForTaskToken',
};

export type ResourceMode = 'static' | 'dynamic';
export type QueryLanguage = 'JSONPath' | 'JSONata';
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** Revision of the connect-sagemaker IAM templates: `current` grants `sagemaker:AddTags`, `legacy` does not. */
export type DocRevision = 'current' | 'legacy';
export const DOC_REVISIONS: readonly DocRevision[] = ['current', 'legacy'];

/** AWS partitions the tool models. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export function isApi(value: string): value is Api {
  return (API_NAMES as readonly string[]).includes(value);
}

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** How an execution ends (the Step Functions API's ExecutionStatus, less RUNNING and PENDING_REDRIVE). */
export const EXECUTION_END_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export type ExecutionStatus = (typeof EXECUTION_END_STATUSES)[number];
