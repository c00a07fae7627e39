/**
 * Callback tasks in the emulator: only where callbacks are answered (`callbacks: true`, the local
 * endpoint) does a `.waitForTaskToken` task of a service the emulator does not run wait for its
 * token; elsewhere (the embedded target, exec) it fails as any resource the emulator does not run.
 * A token names its execution; a mocked callback state answers from its mock; the real clock makes
 * a callback's TimeoutSeconds take real time.
 */
import { describe, expect, it } from 'vitest';
import { taskToken, taskTokenExecution } from '../engine/contextObject.js';
import { EmulatedStepFunctions, type StepFunctionsError } from '../stepFunctions.js';

const callbackMachine = (limits: Record<string, unknown> = {}) => ({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
      Parameters: {
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:t',
        Message: { 'token.$': '$$.Task.Token' },
      },
      ...limits,
      End: true,
    },
  },
});

const tokenIn = (sfn: EmulatedStepFunctions, executionArn: string): string => {
  const events = sfn.getExecutionHistory(executionArn).events as {
    type: string;
    taskScheduledEventDetails?: { parameters: string };
  }[];
  const scheduled = events.find((e) => e.type === 'TaskScheduled')!;
  return (JSON.parse(scheduled.taskScheduledEventDetails!.parameters) as { Message: { token: string } })
    .Message.token;
};

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as StepFunctionsError).code;
  }
};

describe('callback tasks', () => {
  it('without callbacks (embedded, exec) the task fails as a resource the emulator does not run', async () => {
    const sfn = new EmulatedStepFunctions();
    const { stateMachineArn } = sfn.createStateMachine({ definition: callbackMachine() });
    const r = await sfn.awaitExecution(sfn.startExecution({ stateMachineArn }).executionArn);
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.Runtime');
    expect(r.cause).toMatch(/does not run the resource 'arn:aws:states:::sns:publish.waitForTaskToken'/);
  });

  it('with callbacks the task waits; its token answers it once', async () => {
    const sfn = new EmulatedStepFunctions({ callbacks: true });
    const { stateMachineArn } = sfn.createStateMachine({ definition: callbackMachine() });
    const { executionArn } = sfn.startExecution({ stateMachineArn, input: { a: 1 } });
    await new Promise((r) => setTimeout(r, 10));
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    const token = tokenIn(sfn, executionArn);
    expect(taskTokenExecution(token)).toBe(executionArn);
    sfn.sendTaskSuccess(token, { b: 2 });
    const r = await sfn.awaitExecution(executionArn);
    expect(r).toMatchObject({ status: 'SUCCEEDED', output: { b: 2 } });
    expect(codeOf(() => sfn.sendTaskFailure(token, 'E', 'c'))).toBe('TaskTimedOut');
    expect(codeOf(() => sfn.sendTaskHeartbeat('AAAA'))).toBe('InvalidToken');
    expect(codeOf(() => sfn.sendTaskHeartbeat(taskToken(executionArn, 'Other', 9)))).toBe('TaskDoesNotExist');
  });

  it('a failure sent without an error name fails the execution with none', async () => {
    const sfn = new EmulatedStepFunctions({ callbacks: true });
    const { stateMachineArn } = sfn.createStateMachine({ definition: callbackMachine() });
    const { executionArn } = sfn.startExecution({ stateMachineArn });
    await new Promise((r) => setTimeout(r, 10));
    sfn.sendTaskFailure(tokenIn(sfn, executionArn), undefined, 'why');
    const r = await sfn.awaitExecution(executionArn);
    expect(r.status).toBe('FAILED');
    expect(r.error).toBeUndefined();
    expect(r.cause).toBe('why');
    const failed = r.history.find((e) => e.type === 'TaskFailed')!;
    expect(failed.taskFailedEventDetails).not.toHaveProperty('error');
  });

  it('a callback state of the mock test case answers from the mock, with no token to wait for', async () => {
    const sfn = new EmulatedStepFunctions({ callbacks: true });
    const { stateMachineArn } = sfn.createStateMachine({ name: 'M', definition: callbackMachine() });
    const r = await sfn.awaitExecution(
      sfn.startExecution({
        stateMachineArn,
        mock: {
          machine: 'M',
          testCase: 'T',
          states: new Map([['Ask', { name: 'R', answers: [{ kind: 'return', value: 5 }] }]]),
        },
      }).executionArn,
    );
    expect(r).toMatchObject({ status: 'SUCCEEDED', output: 5 });
  });

  it('on the real clock a TimeoutSeconds of 1 takes a second, and the history says so', async () => {
    const sfn = new EmulatedStepFunctions({ callbacks: true, clock: 'real' });
    const { stateMachineArn } = sfn.createStateMachine({
      definition: callbackMachine({ TimeoutSeconds: 1 }),
    });
    const began = performance.now();
    const r = await sfn.awaitExecution(sfn.startExecution({ stateMachineArn }).executionArn);
    expect(performance.now() - began).toBeGreaterThanOrEqual(990);
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(r.stopEpochMs - r.startEpochMs).toBeGreaterThanOrEqual(1000);
    expect(r.history.map((e) => e.type).slice(-2)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
  });
});
