import { describe, expect, it } from 'vitest';
import { AbortScope } from './scheduler.js';
import { run, one, seconds, types } from '../testing/interpreterRun.js';

describe('virtual time', () => {
  it('Wait advances the virtual clock and the history timestamps, in no real time', async () => {
    const started = Date.now();
    const o = await run({
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 6 * 3600, Next: 'T' },
        T: { Type: 'Wait', Timestamp: '2026-01-02T00:00:00Z', End: true },
      },
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seconds(o)).toBe(86_400);
    expect(o.history.at(-1)!.timestamp).toBe('2026-01-02T00:00:00.000Z');
  });

  it('Parallel branches overlap: the state lasts as long as its longest branch', async () => {
    const branch = (s: number) => ({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: s, End: true } } });
    const o = await run(one({ Type: 'Parallel', Branches: [branch(10), branch(30), branch(20)] }));
    expect(seconds(o)).toBe(30);
    expect(o.output).toEqual([{}, {}, {}]);
  });

  it('Map runs MaxConcurrency iterations at a time', async () => {
    const processor = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } };
    const o = await run(one({ Type: 'Map', MaxConcurrency: 2, ItemProcessor: processor }), [1, 2, 3, 4, 5]);
    expect(seconds(o)).toBe(30);
    expect(o.output).toEqual([1, 2, 3, 4, 5]);
    const unlimited = await run(one({ Type: 'Map', Iterator: processor }), [1, 2, 3, 4, 5]);
    expect(seconds(unlimited)).toBe(10);
  });

  it('a state machine TimeoutSeconds ends the execution TIMED_OUT', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'sleep:3600' }, { TimeoutSeconds: 100 }));
    expect(o).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(seconds(o)).toBe(100);
    expect(types(o).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionTimedOut']);
  });

  it('an execution ends TIMED_OUT after a year, whatever its Retry would still wait', async () => {
    // 5000 attempts with doubling waits: the 26th wait alone is longer than a year.
    const retry = [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 5000 }];
    const o = await run(one({ Type: 'Task', Resource: 'fail:Boom', Retry: retry }));
    expect(o).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(seconds(o)).toBe(365 * 24 * 3600);
  });
});

describe('history', () => {
  it('chains ids through previousEventId and carries per-type details', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'ok', Parameters: { a: 1 }, TimeoutSeconds: 5 }));
    expect(types(o)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    o.history.forEach((e, i) => {
      expect(e.id).toBe(i + 1);
      expect(e.previousEventId).toBe(i);
    });
    expect(o.history[2]).toMatchObject({
      taskScheduledEventDetails: {
        resourceType: 'test',
        resource: 'ok',
        region: 'us-east-1',
        parameters: '{"a":1}',
        timeoutInSeconds: 5,
      },
    });
    expect(o.history[1]).toMatchObject({ stateEnteredEventDetails: { name: 'S', input: '{}' } });
  });

  it('fails the execution at the 25,000th event', async () => {
    const loop = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };
    const o = await run(loop);
    expect(o).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution reached the maximum number of history events (25000).',
    });
    expect(o.history).toHaveLength(25_000);
  });
});

describe('stop', () => {
  it('StopExecution aborts the execution: ABORTED, with the task aborted', async () => {
    const stop = new AbortScope();
    const pending = run(one({ Type: 'Task', Resource: 'sleep:3600' }), {}, { stop });
    stop.abort('aborted');
    const o = await pending;
    expect(o.status).toBe('ABORTED');
    expect(types(o).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
  });
});
