/**
 * The Context object (`$$`, JSONata's `$states.context`) by the Developer Guide's page "Accessing
 * execution data from the Context object" (input-output-contextobject.html).
 */
import { describe, expect, it } from 'vitest';
import { run, one } from '../testing/interpreterRun.js';

const START = '2026-01-01T00:00:00.000Z';

describe('the Context object (input-output-contextobject.html)', () => {
  it('Execution, State and StateMachine in Parameters (Context object contents)', async () => {
    const o = await run(
      {
        StartAt: 'W',
        States: {
          W: { Type: 'Wait', Seconds: 5, Next: 'S' },
          S: {
            Type: 'Pass',
            Parameters: {
              'id.$': '$$.Execution.Id',
              'input.$': '$$.Execution.Input',
              'name.$': '$$.Execution.Name',
              'role.$': '$$.Execution.RoleArn',
              'start.$': '$$.Execution.StartTime',
              'entered.$': '$$.State.EnteredTime',
              'state.$': '$$.State.Name',
              'machine.$': '$$.StateMachine',
            },
            End: true,
          },
        },
      },
      { k: 'v' },
    );
    expect(o.output).toEqual({
      id: 'arn:aws:states:us-east-1:123456789012:execution:sm:run-1',
      input: { k: 'v' },
      name: 'run-1',
      role: 'arn:aws:iam::123456789012:role/r',
      start: START,
      // Entered after the 5 s wait.
      entered: '2026-01-01T00:00:05.000Z',
      state: 'S',
      machine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:sm', Name: 'sm' },
    });
  });

  it('State.RetryCount counts the attempts of a Task; EnteredTime stays the state entry (Context object contents)', async () => {
    const o = await run(
      one({
        Type: 'Task',
        Resource: 'flaky:2',
        Parameters: { 'retry.$': '$$.State.RetryCount', 'entered.$': '$$.State.EnteredTime' },
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, BackoffRate: 1 }],
      }),
    );
    expect(o.output).toEqual({ echo: { retry: 2, entered: START }, retryCount: 2 });
  });

  it('Task.Token is there for a task of the callback pattern (.waitForTaskToken), a new one each attempt', async () => {
    const o = await run(
      one({
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { 'token.$': '$$.Task.Token' },
      }),
    );
    const echo = (o.output as { echo: { token: unknown } }).echo;
    expect(typeof echo.token).toBe('string');
    // A request-response task has no token: the path selects nothing.
    const none = await run(
      one({
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Parameters: { 'token.$': '$$.Task.Token' },
      }),
    );
    expect(none).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('JSONata reads the same object as $states.context', async () => {
    const o = await run(
      one(
        { Type: 'Pass', Output: '{% $states.context.State.Name & "/" & $states.context.Execution.Name %}' },
        { QueryLanguage: 'JSONata' },
      ),
    );
    expect(o.output).toBe('S/run-1');
  });
});
