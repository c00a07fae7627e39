/**
 * A Task's attempts in the history, for every kind of resource (the Step Functions API Reference,
 * HistoryEvent and its *EventDetails; the Developer Guide, "Task workflow state"), run with mocked
 * answers as `exec --mock` runs them.
 */
import { describe, expect, it } from 'vitest';
import { parseMockConfig, selectMockCase } from '../../mock/mockConfig.js';
import { EmulatedStepFunctions } from '../../stepFunctions.js';

type Obj = Record<string, unknown>;

/** Runs a one-Task machine `T` (then `H` when caught) with its answers mocked. */
async function runTask(task: Obj, answers: Obj, input: unknown = {}, handler?: Obj) {
  const mock = selectMockCase(
    parseMockConfig(
      { StateMachines: { M: { TestCases: { Case: { T: 'R' } } } }, MockedResponses: { R: answers } },
      'mocks.json',
    ),
    'Case',
    'mocks.json',
  );
  const sfn = new EmulatedStepFunctions({ region: 'us-east-1', account: '111111111111' });
  const definition = {
    StartAt: 'T',
    States: {
      T: { ...(handler ? { Next: 'H' } : { End: true }), ...task },
      ...(handler ? { H: handler } : {}),
    },
  };
  const { stateMachineArn } = sfn.createStateMachine({ definition, name: 'M' });
  const { executionArn } = sfn.startExecution({ stateMachineArn, input, mock });
  return sfn.awaitExecution(executionArn);
}

const types = (o: { history: readonly { type: string }[] }) => o.history.map((e) => e.type);
const event = (o: { history: readonly Obj[] }, type: string) => o.history.find((e) => e.type === type);

describe('the events of a Task attempt', () => {
  it('a Lambda function ARN as Resource records LambdaFunction* events with its input', async () => {
    // API Reference, HistoryEvent: LambdaFunctionScheduled (resource, input, timeoutInSeconds), Started, Succeeded.
    const fn = 'arn:aws:lambda:us-east-1:111111111111:function:f';
    const o = await runTask(
      { Type: 'Task', Resource: fn, Parameters: { 'x.$': '$.a' }, TimeoutSeconds: 5 },
      { 0: { Return: { ok: 1 } } },
      { a: 7 },
    );
    expect(types(o)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(event(o, 'LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails).toEqual({
      resource: fn,
      input: '{"x":7}',
      inputDetails: { truncated: false },
      timeoutInSeconds: 5,
    });
    const failed = await runTask(
      { Type: 'Task', Resource: fn },
      { 0: { Throw: { Error: 'E', Cause: 'c' } } },
    );
    expect(types(failed)).toContain('LambdaFunctionFailed');
    expect(event(failed, 'LambdaFunctionFailed')?.lambdaFunctionFailedEventDetails).toEqual({
      error: 'E',
      cause: 'c',
    });
  });

  it('an activity ARN records Activity* events; a time-out, TimedOut', async () => {
    // API Reference, HistoryEvent: ActivityScheduled (resource, input, timeoutInSeconds, heartbeatInSeconds).
    const activity = 'arn:aws:states:us-east-1:111111111111:activity:a';
    const o = await runTask(
      { Type: 'Task', Resource: activity, TimeoutSeconds: 60, HeartbeatSeconds: 10 },
      { 0: { Throw: { Error: 'States.HeartbeatTimeout' } } },
    );
    expect(types(o).slice(2, 5)).toEqual(['ActivityScheduled', 'ActivityStarted', 'ActivityTimedOut']);
    expect(event(o, 'ActivityScheduled')?.activityScheduledEventDetails).toMatchObject({
      resource: activity,
      timeoutInSeconds: 60,
      heartbeatInSeconds: 10,
    });
  });

  it('a service integration records Task* events; Credentials as taskCredentials', async () => {
    // API Reference, TaskScheduledEventDetails.taskCredentials; Developer Guide, Task state "Credentials".
    const o = await runTask(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Credentials: { 'RoleArn.$': '$.role' },
        Parameters: { FunctionName: 'f' },
      },
      { 0: { Return: {} } },
      { role: 'arn:aws:iam::222222222222:role/r' },
    );
    expect(event(o, 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      taskCredentials: { roleArn: 'arn:aws:iam::222222222222:role/r' },
    });
  });

  it('a mocked .waitForTaskToken or .sync task is submitted before its answer, with $$.Task.Token', async () => {
    // Recorded on AWS (testdata/aws-recorded-tasks/067, 014): TaskSubmitted precedes the outcome.
    const o = await runTask(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'q', MessageBody: { 'Token.$': '$$.Task.Token' } },
      },
      { 0: { Return: { done: true } } },
    );
    expect(types(o).slice(2, 6)).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded']);
    const sent = JSON.parse(
      (event(o, 'TaskScheduled')?.taskScheduledEventDetails as { parameters: string }).parameters,
    ) as { MessageBody: { Token: unknown } };
    expect(typeof sent.MessageBody.Token).toBe('string');
    expect(o.output).toEqual({ done: true });
    const sync = await runTask(
      { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: {} },
      { 0: { Throw: { Error: 'States.TaskFailed' } } },
    );
    expect(types(sync).slice(2, 6)).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskFailed']);
  });

  it("evaluates the state's fields before its resource is looked at", async () => {
    // Recorded on AWS (testdata/aws-recorded-tasks/092): a bad TimeoutSecondsPath fails the state
    // before any request, whatever the resource.
    const sfn = new EmulatedStepFunctions();
    const { stateMachineArn } = sfn.createStateMachine({
      definition: {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
            TimeoutSecondsPath: '$.missing',
            End: true,
          },
        },
      },
    });
    const o = await sfn.awaitExecution(sfn.startExecution({ stateMachineArn, input: {} }).executionArn);
    expect(o.status).toBe('FAILED');
    expect(o.cause).toContain("'$.missing'");
    expect(o.cause).not.toContain('does not run the resource');
  });

  it('a States.DataLimitExceeded the task reports is caught by States.ALL', async () => {
    // Recorded on AWS (testdata/aws-recorded-tasks/039, 041), where the Developer Guide's error
    // names call the error terminal; a state's own output past the quota stays uncatchable
    // (errorHandling.test.ts).
    const o = await runTask(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {},
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }],
      },
      { 0: { Throw: { Error: 'States.DataLimitExceeded', Cause: 'too big' } } },
      {},
      { Type: 'Pass', End: true },
    );
    expect(o).toMatchObject({
      status: 'SUCCEEDED',
      output: { Error: 'States.DataLimitExceeded', Cause: 'too big' },
    });
  });
});
