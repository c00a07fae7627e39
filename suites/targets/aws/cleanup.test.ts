/** The AWS target deleting what a case created: SageMaker resources, state machine, role; failures counted. */
import { DeleteRoleCommand } from '@aws-sdk/client-iam';
import {
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  type HistoryEventType,
} from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { beforeEach, describe, expect, it } from 'vitest';
import { error, iam, mockSucceedingAws, sagemaker, sfn, target, theCase } from './testing/mockedAws.js';
import { sdkError } from './testing/sdkErrors.js';

beforeEach(mockSucceedingAws);

describe('AwsTarget: clean-up', () => {
  it('counts a failed cleanup for sweep, and an unexpected error still deletes what was created', async () => {
    const { t } = target();
    sfn.on(DeleteStateMachineCommand).rejects(error('AccessDeniedException', 'not allowed to delete'));
    sfn.on(DescribeExecutionCommand).rejects(error('ValidationException', 'odd'));
    await expect(t.execute(theCase)).rejects.toThrow('odd');
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    expect(t.summary().cleanupFailures).toBe(1);
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });

  it('stops the jobs and deletes the models, configs and endpoints the execution created, only those', async () => {
    const { t } = target();
    const scheduled = (id: number, resource: string, parameters: object): HistoryEvent => ({
      type: 'TaskScheduled',
      id,
      previousEventId: id - 1,
      timestamp: new Date(),
      taskScheduledEventDetails: {
        resourceType: 'sagemaker',
        resource,
        region: 'us-east-1',
        parameters: JSON.stringify(parameters),
      },
    });
    const after = (id: number, type: HistoryEventType): HistoryEvent => ({
      type,
      id,
      previousEventId: id - 1,
      timestamp: new Date(),
    });
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
        scheduled(2, 'createModel', { ModelName: 'Churn-1', ExecutionRoleArn: 'arn:r' }),
        after(3, 'TaskStarted'),
        after(4, 'TaskSucceeded'),
        scheduled(5, 'createEndpointConfig', { EndpointConfigName: 'cfg-1' }),
        after(6, 'TaskStarted'),
        after(7, 'TaskSucceeded'),
        scheduled(8, 'createEndpoint', { EndpointName: 'ep-1', EndpointConfigName: 'cfg-1' }),
        after(9, 'TaskStarted'),
        after(10, 'TaskSucceeded'),
        scheduled(11, 'createTrainingJob.sync', { TrainingJobName: 'train-1' }),
        after(12, 'TaskStarted'),
        after(13, 'TaskSubmitted'),
        // Ended already: not stopped.
        scheduled(18, 'createProcessingJob', { ProcessingJobName: 'done-1' }),
        after(19, 'TaskStarted'),
        after(20, 'TaskSucceeded'),
        // Refused: the model of this name may be someone else's.
        scheduled(14, 'createModel', { ModelName: 'not-ours' }),
        after(15, 'TaskStarted'),
        after(16, 'TaskFailed'),
        { type: 'ExecutionSucceeded', id: 17, previousEventId: 16, timestamp: new Date() },
      ],
    });
    sagemaker
      .on(DeleteEndpointCommand)
      .rejectsOnce(
        sdkError(
          'sagemaker',
          'ValidationException',
          'Cannot update in-progress endpoint "ep-1" (status Creating).',
        ),
      )
      .resolves({});
    sagemaker.on(DeleteEndpointConfigCommand).resolves({});
    sagemaker.on(DeleteModelCommand).resolves({});
    sagemaker.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: 'InProgress' } as never);
    sagemaker.on(StopTrainingJobCommand).resolves({});
    sagemaker.on(DescribeProcessingJobCommand).resolves({ ProcessingJobStatus: 'Completed' } as never);
    await t.execute(theCase);
    // The List of the case's job names before it runs (namesTaken.ts) is not clean-up.
    const order = sagemaker
      .calls()
      .map((c) => c.args[0].constructor.name as string)
      .filter((name) => !name.startsWith('List'));
    expect(order).toEqual([
      'DescribeTrainingJobCommand',
      'StopTrainingJobCommand',
      'DescribeProcessingJobCommand',
      'DeleteEndpointCommand',
      'DeleteEndpointCommand',
      'DeleteEndpointConfigCommand',
      'DeleteModelCommand',
    ]);
    expect(sagemaker.commandCalls(DeleteModelCommand)[0]!.args[0].input).toEqual({ ModelName: 'Churn-1' });
    expect(sfn.commandCalls(GetExecutionHistoryCommand)[0]!.args[0].input.includeExecutionData).toBe(true);
    expect(sagemaker.commandCalls(StopProcessingJobCommand)).toHaveLength(0);
    expect(t.summary()).toMatchObject({ sagemakerResourcesCleaned: 4, cleanupFailures: 0 });
  });
});
