/** The AWS target following an execution: its end read from the history, stopped where it runs too long. */
import {
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../contracts/case.js';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { executionWaitMs } from './observe.js';
import { predictedSeconds } from './prediction.js';
import { error, mockSucceedingAws, sfn, target, theCase } from './testing/mockedAws.js';

/** The first case, as the endpoint runs it, whose predicted duration (seconds) `fits` takes. */
function caseWhere(fits: (seconds: number) => boolean, what: string): Case {
  const { t } = target('endpoint');
  for (let i = 0; i < 500; i++) {
    const drawn = withId(drawCase(validCaseArb({ pattern: 'requestResponse' }), 7, i).value, {
      seed: 7,
      path: `x:${i}`,
    });
    const realised = t.realise(drawn);
    if ('case' in realised && fits(predictedSeconds(realised.case))) return realised.case;
  }
  throw new Error(`no case predicted to take ${what}`);
}

/** A case whose execution the oracle predicts takes at least `seconds`. */
const caseTaking = (seconds: number): Case => caseWhere((s) => s >= seconds, `${seconds} s`);

/** A case whose execution the oracle predicts takes less than `seconds`. */
const caseWithin = (seconds: number): Case => caseWhere((s) => s < seconds, `less than ${seconds} s`);

/** The history of an execution that ends (succeeds) once the clock reaches `endsAtMs`. */
function endingAt(clock: { now(): number }, endsAtMs: number) {
  return () => ({
    events: [
      { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
      ...(clock.now() >= endsAtMs ? [{ type: 'ExecutionSucceeded', id: 2, timestamp: new Date() }] : []),
    ],
  });
}

beforeEach(mockSucceedingAws);

describe('AwsTarget: observing the execution', () => {
  it('an execution whose history cannot be read is stopped before its state machine is deleted', async () => {
    const { t } = target();
    sfn.on(GetExecutionHistoryCommand).rejects(error('InternalFailure', 'boom', 500));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.targetError).toBe('GetExecutionHistory: InternalFailure (HTTP 500): boom');
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
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

  it('gives an execution its predicted time and a margin: the default wait is a floor, not a cap', async () => {
    const slow = caseTaking(100);
    const predictedMs = predictedSeconds(slow) * 1000;
    // It takes in wall clock what it takes in virtual time: longer than the endpoint's minute.
    const { t, clock } = target('endpoint', { pollMs: 5000 });
    sfn.on(GetExecutionHistoryCommand).callsFake(endingAt(clock, predictedMs));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(slow);
    expect(o.targetError).toBeUndefined();
    expect(o.status).toBe('SUCCEEDED');
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(0);
    expect(clock.now()).toBeGreaterThanOrEqual(predictedMs);
  });

  it('gives an execution predicted to be quick the default minute on an endpoint', async () => {
    const quick = caseWithin(30);
    const { t, clock } = target('endpoint', { pollMs: 5000 });
    expect(predictedSeconds(quick)).toBeLessThan(30);
    sfn.on(GetExecutionHistoryCommand).callsFake(endingAt(clock, 50_000));
    const o = await t.execute(quick);
    expect(o.targetError).toBeUndefined();
    expect(o.status).toBe('SUCCEEDED');
  });

  it('stops an execution at --execution-timeout where the user gives one, whatever the prediction', async () => {
    const slow = caseTaking(100);
    const { t, clock } = target('endpoint', { pollMs: 5000, executionTimeoutMs: 30_000 });
    sfn.on(GetExecutionHistoryCommand).callsFake(endingAt(clock, predictedSeconds(slow) * 1000));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(slow);
    expect(o.targetError).toMatch(/still running after 30 s of wall clock/);
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
  });

  it('computes the wait: --execution-timeout, else the prediction with its margin, at least the default', () => {
    expect(executionWaitMs({ kind: 'endpoint' }, 0)).toBe(60_000);
    expect(executionWaitMs({ kind: 'endpoint' }, 150)).toBe(150 * 1500 + 10_000);
    expect(executionWaitMs({ kind: 'aws' }, 150)).toBe(30 * 60_000);
    expect(executionWaitMs({ kind: 'aws' }, 3600)).toBe(3600 * 1500 + 10_000);
    expect(executionWaitMs({ kind: 'endpoint', executionTimeoutMs: 5_000 }, 150)).toBe(5_000);
    expect(executionWaitMs({ kind: 'aws', executionTimeoutMs: 7_200_000 }, 0)).toBe(7_200_000);
  });
});
