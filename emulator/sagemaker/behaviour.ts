/**
 * The rules of the SageMaker integration and of the SageMaker service that the emulator asks by
 * name, where a deliberate deviation (emulator/mutants/) may answer otherwise: the calls made as
 * the role, `.sync` polling and outcomes, validation, names and references, errors.
 * SAGEMAKER_BEHAVIOUR, the default, is the rule as AWS has it.
 */
import type { Api } from '../../catalog/api.js';
import type { Decision } from '../../contracts/iamPolicy.js';
import {
  ARN_NAMES_LOWERCASED,
  DUPLICATE_ANSWERS,
  PASSED_TO_SERVICE,
  SFN_ERROR_NAMES,
  TAGGING,
  type RelatedResource,
  type SageMakerErrorCode,
} from '../../catalog/sagemakerApis.js';
import { validateRequest, type Violation } from '../../validation/validateRequest.js';
import type { TaskInvocation } from '../engine/taskHandler.js';
import type { JobStatus } from './service.js';

/** A SageMaker tag. */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** What the integration asks: the calls made as the role, the request, `.sync`, errors. */
export interface IntegrationBehaviour {
  /** The Step Functions error name of a SageMaker error code (sfn.sagemaker.error-names). */
  errorName(code: SageMakerErrorCode): string;
  /** The request's violations of the API model's constraints (sagemaker.validation). */
  requestViolations(
    api: Api,
    task: Pick<TaskInvocation, 'parameters' | 'template' | 'templateLanguage'>,
  ): readonly Violation[];
  /** The message of an AccessDeniedException, given the one AWS gives (naming action and resource). */
  accessDeniedMessage(detailed: string): string;
  /** The tags Step Functions adds to a job it starts with `.sync` (sfn.sync.tags-added). */
  stepFunctionsTags(executionArn: string): readonly Tag[];
  /** The resources a create names besides its own that the create is authorized on, by ARN type. */
  relatedResources(related: readonly RelatedResource[], createdType: string): readonly RelatedResource[];
  /** Whether passing the request's roles is authorized (iam:PassRole). */
  readonly authorizesPassRole: boolean;
  /** The request context of the iam:PassRole call. */
  readonly passRoleContext: Readonly<Record<string, string>>;
  /** Whether a create with this many tags is authorized for sagemaker:AddTags (tag-on-create). */
  authorizesAddTags(tagCount: number): boolean;
  /** Whether a failed create call is retried inside the integration, out of Step Functions' sight. */
  retriesInternally(code: SageMakerErrorCode): boolean;
  /** Whether a role of another account is refused (iam.passrole.same-account). */
  readonly refusesForeignRole: boolean;
  /** Whether a task ended for this reason ('aborted', 'timeout') makes the best-effort Stop call. */
  stopsJobOn(reason: string): boolean;
  /** Whether an authorized Stop call stops the job. */
  readonly stopTakesEffect: boolean;
  /** Whether a best-effort Stop call with this IAM decision is made (a denied one is not: sfn.sync.stop-on-abort). */
  stopsWith(decision: Decision): boolean;
  /** Whether `.sync` polls Describe (else it waits for the job's end event). */
  readonly pollsDescribe: boolean;
  /** Whether a denied Describe poll fails the task (else completion is seen through the event). */
  readonly deniedPollFailsTask: boolean;
  /** The status a poll acts on, given the one Describe returned now and the previous poll's. */
  statusSeen(status: JobStatus, previous: string): string;
  /** Whether the Tags map of a `.sync` result needs sagemaker:ListTags. */
  readonly authorizesListTags: boolean;
  /** Whether a job that ended with this status completes the task. */
  jobSucceeds(status: unknown): boolean;
  /** The output of a completed `.sync` task: the Describe result, not the Create response. */
  syncOutput(describeResult: Record<string, unknown>, createResponse: Record<string, string>): unknown;
  /** The error of a task whose job did not complete. */
  failedJobError(status: unknown): string;
  /** The cause of a task whose job did not complete: its Describe result. */
  failedJobCause(describeResult: Record<string, unknown>): string;
}

/** What the service asks: ARNs, references, names, the Describe response. */
export interface ServiceBehaviour {
  /** The name as a resource ARN has it (sagemaker.arn-lowercase). */
  resourceArnName(name: string): string;
  /** Whether a resource a request names must exist. */
  readonly checksReferences: boolean;
  /** The error of a request naming a resource that does not exist. */
  readonly missingReferenceError: SageMakerErrorCode;
  /** The error of a create whose name is in use (sagemaker.duplicate.*). */
  duplicateError(api: Api): 'ResourceInUse' | 'ValidationException';
  /** Whether a name in use refuses a second create. */
  readonly namesUnique: boolean;
  /** Whether a Describe response echoes the members of the request the job was created with. */
  readonly describeEchoesRequest: boolean;
  /** A time of a job as Describe's result in a `.sync` output has it (epoch milliseconds). */
  describedTime(epochMs: number): number;
  /** A training job's ModelArtifacts.S3ModelArtifacts. */
  modelArtifactsUri(s3OutputPath: string, jobName: string): string;
}

/** The SageMaker integration's and service's rules. */
export type SageMakerBehaviour = IntegrationBehaviour & ServiceBehaviour;

/** The SageMaker integration and service as AWS has them. */
export const SAGEMAKER_BEHAVIOUR: SageMakerBehaviour = {
  errorName: (code) => SFN_ERROR_NAMES.value[code],
  requestViolations: (api, task) => validateRequest(api, task.parameters),
  accessDeniedMessage: (detailed) => detailed,
  stepFunctionsTags: (executionArn) => [
    { Key: TAGGING.stepFunctionsTags.value[0], Value: TAGGING.managedByValue.value },
    { Key: TAGGING.stepFunctionsTags.value[1], Value: executionArn },
  ],
  relatedResources: (related) => related,
  authorizesPassRole: true,
  passRoleContext: { 'iam:PassedToService': PASSED_TO_SERVICE.value },
  authorizesAddTags: (tagCount) => tagCount > 0,
  retriesInternally: () => false,
  refusesForeignRole: true,
  stopsJobOn: () => true,
  stopTakesEffect: true,
  stopsWith: (decision) => decision === 'allowed',
  pollsDescribe: true,
  deniedPollFailsTask: false,
  statusSeen: (status) => status,
  authorizesListTags: true,
  jobSucceeds: (status) => status === 'Completed',
  syncOutput: (describeResult) => describeResult,
  failedJobError: () => 'States.TaskFailed',
  failedJobCause: (describeResult) => JSON.stringify(describeResult),

  resourceArnName: (name) => (ARN_NAMES_LOWERCASED.value ? name.toLowerCase() : name),
  checksReferences: true,
  missingReferenceError: 'ValidationException',
  duplicateError: (api) => DUPLICATE_ANSWERS[api]!.value.code,
  namesUnique: true,
  describeEchoesRequest: true,
  describedTime: (epochMs) => epochMs,
  modelArtifactsUri: (s3OutputPath, jobName) =>
    `${s3OutputPath.replace(/\/$/, '')}/${jobName}/output/model.tar.gz`,
};
