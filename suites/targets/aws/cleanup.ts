/**
 * Deleting what a case created, also when the run is interrupted: its execution stopped where it
 * still runs, the SageMaker jobs it started stopped and the models, endpoint configurations and
 * endpoints deleted, then its state machine and role. A clean-up that fails is counted (`sweep`
 * finds what is left) and its first lines kept for the user.
 */
import { DeleteRoleCommand, DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import { DeleteStateMachineCommand, type HistoryEvent, StopExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeLabelingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  type SageMakerClient,
  StopHyperParameterTuningJobCommand,
  StopLabelingJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import type { CaseResources, TargetContext } from './context.js';
import { describeError, isNoSuchEntity, isNoSuchExecution } from './errors.js';
import { CASE_POLICY_NAME } from './naming.js';
import { readHistory } from './readHistory.js';
import {
  type CreatedResource,
  createdResources,
  isAlreadyClean,
  isBusy,
  RUNNING_STATUSES,
} from './sagemakerResources.js';

/** The SageMaker call that cleans up a created resource. */
const CLEANUPS: Readonly<Record<string, (sagemaker: SageMakerClient, name: string) => Promise<unknown>>> = {
  StopTrainingJob: (sm, n) => sm.send(new StopTrainingJobCommand({ TrainingJobName: n })),
  StopTransformJob: (sm, n) => sm.send(new StopTransformJobCommand({ TransformJobName: n })),
  StopProcessingJob: (sm, n) => sm.send(new StopProcessingJobCommand({ ProcessingJobName: n })),
  StopLabelingJob: (sm, n) => sm.send(new StopLabelingJobCommand({ LabelingJobName: n })),
  StopHyperParameterTuningJob: (sm, n) =>
    sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
  DeleteEndpoint: (sm, n) => sm.send(new DeleteEndpointCommand({ EndpointName: n })),
  DeleteEndpointConfig: (sm, n) => sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: n })),
  DeleteModel: (sm, n) => sm.send(new DeleteModelCommand({ ModelName: n })),
};

/** The Describe calls that tell whether a created job still runs. */
const DESCRIBES: Readonly<Record<string, (sagemaker: SageMakerClient, name: string) => Promise<object>>> = {
  DescribeTrainingJob: (sm, n) => sm.send(new DescribeTrainingJobCommand({ TrainingJobName: n })),
  DescribeTransformJob: (sm, n) => sm.send(new DescribeTransformJobCommand({ TransformJobName: n })),
  DescribeProcessingJob: (sm, n) => sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: n })),
  DescribeLabelingJob: (sm, n) => sm.send(new DescribeLabelingJobCommand({ LabelingJobName: n })),
  DescribeHyperParameterTuningJob: (sm, n) =>
    sm.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
};

/** Counts a clean-up that failed and keeps the first twenty, one line each (what, and the answer). */
export function recordCleanupFailure(context: TargetContext, what: string, e: unknown): void {
  context.stats.cleanupFailures++;
  if (context.cleanupProblems.length < 20) context.cleanupProblems.push(`${what}: ${describeError(e)}`);
}

/** Stops an execution the harness gives up on (an execution already ended or gone is no failure). */
export async function stopExecution(context: TargetContext, executionArn: string): Promise<void> {
  try {
    await context.call('StopExecution', () =>
      context.clients.sfn.send(
        new StopExecutionCommand({
          executionArn,
          error: 'SfnConformance.Interrupted',
          cause: 'stopped by the harness',
        }),
      ),
    );
    context.stats.executionsStopped++;
  } catch (e) {
    if (!isNoSuchExecution(e)) recordCleanupFailure(context, `stopping ${executionArn}`, e);
  }
}

/** Deletes the SageMaker resources the case's execution made (its role and state machine are the run's: provisioned.ts). */
export async function cleanUpCase(context: TargetContext, created: CaseResources): Promise<void> {
  if (created.executionArn) await cleanUpSageMaker(context, created.executionArn, created.events);
}

/**
 * Stops the jobs and deletes the models, endpoint configurations and endpoints the execution
 * created (a busy endpoint is waited for). Without the history read at the end, it is read now.
 */
async function cleanUpSageMaker(
  context: TargetContext,
  executionArn: string,
  events: HistoryEvent[] | undefined,
): Promise<void> {
  const { clock, options } = context;
  let resources: CreatedResource[];
  try {
    resources = createdResources(events ?? (await readHistory(context, executionArn)));
  } catch (e) {
    recordCleanupFailure(context, `reading the history of ${executionArn}`, e);
    return;
  }
  const deadline = clock.now() + (options.cleanupTimeoutMs ?? (options.kind === 'aws' ? 20 * 60_000 : 2000));
  for (const resource of resources) {
    for (let wait = options.kind === 'aws' ? 15_000 : 100; ; wait = Math.min(wait * 2, 60_000)) {
      try {
        if (resource.describe) {
          const describe = resource.describe;
          const job = await context.call(describe.call, () =>
            DESCRIBES[describe.call]!(context.clients.sagemaker, resource.name),
          );
          const status = (job as Record<string, unknown>)[describe.statusField];
          if (typeof status === 'string' && !RUNNING_STATUSES.has(status)) break;
        }
        await context.call(resource.cleanup, () =>
          CLEANUPS[resource.cleanup]!(context.clients.sagemaker, resource.name),
        );
        context.stats.sagemakerResourcesCleaned++;
      } catch (e) {
        if (isAlreadyClean(e)) break;
        if (isBusy(e) && clock.now() + wait < deadline) {
          await clock.sleep(wait);
          continue;
        }
        recordCleanupFailure(context, `sagemaker:${resource.cleanup} ${resource.name}`, e);
      }
      break;
    }
  }
}

/** Counts a deletion, or records why it failed (what is gone already is no failure). */
async function deleting(
  context: TargetContext,
  what: string,
  deletion: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await deletion();
    return true;
  } catch (e) {
    if (!isNoSuchEntity(e)) recordCleanupFailure(context, `deleting ${what}`, e);
    return false;
  }
}

/** Deletes a state machine the run created. */
export async function deleteStateMachine(context: TargetContext, stateMachineArn: string): Promise<void> {
  const deleted = await deleting(context, stateMachineArn, () =>
    context.call('DeleteStateMachine', () =>
      context.clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn })),
    ),
  );
  if (deleted) context.stats.stateMachinesDeleted++;
}

/** Deletes a role the run created: its policy, then the role. */
export async function deleteRole(context: TargetContext, name: string): Promise<void> {
  const { iam } = context.clients;
  await deleting(context, name, () =>
    context.call('DeleteRolePolicy', () =>
      iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: CASE_POLICY_NAME })),
    ),
  );
  const deleted = await deleting(context, name, () =>
    context.call('DeleteRole', () => iam.send(new DeleteRoleCommand({ RoleName: name }))),
  );
  if (deleted) context.stats.rolesDeleted++;
}
