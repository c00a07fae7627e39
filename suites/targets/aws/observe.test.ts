/** The AWS target following an execution: its end read from the history, stopped where it runs too long. */
import {
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { error, mockSucceedingAws, sfn, target, theCase } from './testing/mockedAws.js';

beforeEach(mockSucceedingAws);

describe('AwsTarget: observing the execution', () => {
  it('an execution whose history cannot be read is stopped before its state machine is deleted', async () => {
    const { t } = target();
    sfn.on(GetExecutionHistoryCommand).rejects(error('InternalFailure', 'boom', 500));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.targetError).toBe('GetExecutionHistory: InternalFailure (HTTP 500): boom');
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
    expect(t.summary().executionsStopped).toBe(1);
  });

  it('an execution the harness had to stop is reported as cut off, not with the status the stop gave it', async () => {
    const { t } = target('endpoint', { executionTimeoutMs: 5_000 });
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [{ type: 'ExecutionStarted', id: 1, timestamp: new Date() }],
    });
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.status).toBeUndefined();
    expect(o.targetError).toMatch(
      /still running after 5 s of wall clock and the harness stopped it \(predicted: [\d.]+ s of virtual time\); give it longer with --execution-timeout/,
    );
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
  });

  it('takes how the execution ended from its terminal event: DescribeExecution may not know yet', async () => {
    const { t } = target();
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
        {
          type: 'ExecutionFailed',
          id: 2,
          timestamp: new Date(),
          executionFailedEventDetails: { error: 'States.TaskFailed', cause: 'the job failed' },
        },
      ],
    });
    // moto writes the event before the status: read now, the execution still runs.
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' } as never);
    const o = await t.execute(theCase);
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed', cause: 'the job failed' });
    expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(0);
  });
});
