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

/** One of the nine SageMaker APIs of the optimized integration. */
export type Api = (typeof API_NAMES)[number];

/** Integration patterns, by the names the case plan and the reports use. */
export const PATTERNS = ['requestResponse', 'sync', 'waitForTaskToken'] as const;
/** An integration pattern: request-response, `.sync`, or `.waitForTaskToken`. */
export type Pattern = (typeof PATTERNS)[number];

/** The Resource suffix of each pattern (`arn:aws:states:::sagemaker:<api><suffix>`). */
export const PATTERN_SUFFIX: Readonly<Record<Pattern, string>> = {
  requestResponse: '',
  sync: '.sync',
  waitForTaskToken: '.waitForTaskToken',
};

/** Whether a request's names are written in the definition (`static`) or computed at run time (`dynamic`). */
export type ResourceMode = 'static' | 'dynamic';
/** The query language of a state: JSONPath or JSONata. */
export type QueryLanguage = 'JSONPath' | 'JSONata';
/** A state machine's type: STANDARD or EXPRESS (which refuses `.sync`). */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** Revision of the connect-sagemaker IAM templates: `current` grants `sagemaker:AddTags`, `legacy` does not. */
export type DocRevision = 'current' | 'legacy';
/** Every revision of the IAM templates, current first. */
export const DOC_REVISIONS: readonly DocRevision[] = ['current', 'legacy'];

/** AWS partitions the tool models. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
/** An AWS partition the tool models. */
export type Partition = (typeof PARTITIONS)[number];

/** Whether a string names one of the nine APIs. */
export function isApi(value: string): value is Api {
  return (API_NAMES as readonly string[]).includes(value);
}

/** Whether a string names a modelled partition. */
export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** How an execution ends (the Step Functions API's ExecutionStatus, less RUNNING and PENDING_REDRIVE). */
export const EXECUTION_END_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
/** How an execution ends: SUCCEEDED, FAILED, TIMED_OUT or ABORTED. */
export type ExecutionStatus = (typeof EXECUTION_END_STATUSES)[number];
