/**
 * The result of a completed `.sync` job: the Describe call's answer (sfn.sync.output-is-describe),
 * as far as the rules tell it: the request echoed (sfn.sync.describe-echoes-request), the job named
 * and Completed, its Tags where they were read, and its times (sfn.sync.job-times) as epoch
 * milliseconds after the execution's start (sfn.sync.epoch-milliseconds).
 */
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import { SAGEMAKER_APIS, TAGGING } from '../../catalog/sagemakerApis.js';
import type { TaskPlan } from '../../contracts/casePlan.js';
import { ClockTime, EXECUTION_ARN } from '../../contracts/prediction.js';
import { setOwn } from '../../syntax/json.js';

type Obj = Record<string, unknown>;

/** When a job was created and ended, in virtual ms since the execution started. */
export interface JobTimes {
  readonly createdMs: number;
  readonly endedMs: number;
  /** Milliseconds of FULL-jittered waits before the job (its times may be that much earlier). */
  readonly jitterMs: number;
}

/** What the Describe result of a completed job must hold: the request echoed, the job named, Tags, its times. */
export function syncResult(
  task: TaskPlan,
  request: Obj,
  arn: string,
  tagsRead: boolean,
  times: JobTimes,
): Obj {
  const job = SAGEMAKER_APIS[task.api].job!;
  const noun = job.statusField.value.replace(/Status$/, '');
  const result = describeResult(task, request, noun, arn, tagsRead);
  // The job's times: created when the attempt began, ended when the wait for it did.
  const timeFields = job.times.value;
  const created = new ClockTime(times.createdMs, times.jitterMs);
  const ended = new ClockTime(times.endedMs, times.jitterMs);
  result.CreationTime = created;
  if (timeFields.start) result[timeFields.start] = created;
  if (timeFields.end) result[timeFields.end] = ended;
  if (timeFields.lastModified) result.LastModifiedTime = ended;
  return result;
}

/** The Describe result's members the request gives, the job's ARN and status, the model artifacts, Tags. */
function describeResult(task: TaskPlan, request: Obj, noun: string, arn: string, tagsRead: boolean): Obj {
  const shape = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[`Describe${noun}`]!.output!]!;
  const members = shape.members ?? {};
  const result: Obj = {};
  for (const [member, value] of Object.entries(request))
    if (Object.hasOwn(members, member) && member !== 'Tags') setOwn(result, member, value);
  result[`${noun}Arn`] = arn;
  result[`${noun}Status`] = 'Completed';
  if (task.api === 'CreateTrainingJob') {
    const s3 = String((request.OutputDataConfig as Obj | undefined)?.S3OutputPath ?? '');
    const name = String(request.TrainingJobName);
    result.ModelArtifacts = { S3ModelArtifacts: `${s3.replace(/\/$/, '')}/${name}/output/model.tar.gz` };
  }
  if (tagsRead) {
    const tags: Obj = {};
    for (const tag of (request.Tags as { Key: string; Value: string }[] | undefined) ?? [])
      setOwn(tags, tag.Key, tag.Value); // a tag key `__proto__` is an ordinary key
    const [managedBy, executionArn] = TAGGING.stepFunctionsTags.value;
    tags[managedBy] = TAGGING.managedByValue.value;
    tags[executionArn] = EXECUTION_ARN;
    result.Tags = tags;
  }
  return result;
}
