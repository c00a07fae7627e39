import { describe, expect, it } from 'vitest';
import { run, one, seconds, types } from '../../testing/interpreterRun.js';

describe('Retry and Catch', () => {
  it('retries with IntervalSeconds x BackoffRate^n, capped by MaxDelaySeconds', async () => {
    const o = await run(
      one({
        Type: 'Task',
        Resource: 'flaky:3',
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3 }],
      }),
    );
    expect(o.status).toBe('SUCCEEDED');
    expect(seconds(o)).toBe(3 + 6 + 12);
    const capped = await run(
      one({
        Type: 'Task',
        Resource: 'flaky:3',
        Retry: [
          { ErrorEquals: ['Flaky'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 5 },
        ],
      }),
    );
    expect(seconds(capped)).toBe(3 + 5 + 5);
  });

  it('uses the defaults (1 s, x2, 3 attempts) and counts attempts per retrier', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'fail:E', Retry: [{ ErrorEquals: ['E'] }] }));
    expect(o).toMatchObject({ status: 'FAILED', error: 'E', cause: 'failed on attempt 3' });
    expect(seconds(o)).toBe(1 + 2 + 4);
    expect(types(o).filter((t) => t === 'TaskFailed')).toHaveLength(4);
  });

  it('MaxAttempts 0 never retries; JitterStrategy FULL draws from the seed', async () => {
    expect(
      seconds(
        await run(one({ Type: 'Task', Resource: 'fail:E', Retry: [{ ErrorEquals: ['E'], MaxAttempts: 0 }] })),
      ),
    ).toBe(0);
    const jitter = (seed: number) =>
      run(
        one({
          Type: 'Task',
          Resource: 'flaky:2',
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 100, JitterStrategy: 'FULL' }],
        }),
        {},
        { seed },
      );
    const [a, b, c] = await Promise.all([jitter(1), jitter(1), jitter(2)]);
    expect(seconds(a)).toBe(seconds(b));
    expect(seconds(a)).not.toBe(seconds(c));
    expect(seconds(a)).toBeLessThan(300);
  });

  it('matches errors as specified: States.ALL, States.TaskFailed (not States.Timeout)', async () => {
    const caught = (resource: string, errorEquals: string[]) =>
      run({
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: resource,
            TimeoutSeconds: 10,
            Catch: [{ ErrorEquals: errorEquals, Next: 'H' }],
            End: true,
          },
          H: { Type: 'Pass', End: true },
        },
      });
    expect((await caught('fail:Custom', ['States.TaskFailed'])).status).toBe('SUCCEEDED');
    expect((await caught('sleep:60', ['States.TaskFailed'])).status).toBe('FAILED');
    expect((await caught('sleep:60', ['States.Timeout'])).status).toBe('SUCCEEDED');
    expect((await caught('sleep:60', ['States.ALL'])).status).toBe('SUCCEEDED');
  });

  it('States.Runtime and States.DataLimitExceeded cannot be caught', async () => {
    const big = 'x'.repeat(300_000);
    const o = await run({
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Result: big, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], End: true },
        H: { Type: 'Succeed' },
      },
    });
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    const runtime = await run({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'ok',
          InputPath: '$.missing',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }],
          End: true,
        },
        H: { Type: 'Succeed' },
      },
    });
    expect(runtime).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('Catch puts the error object at ResultPath (default: replaces the input)', async () => {
    const definition = (resultPath?: string) => ({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'fail:E',
          Catch: [{ ErrorEquals: ['E'], Next: 'H', ...(resultPath ? { ResultPath: resultPath } : {}) }],
          End: true,
        },
        H: { Type: 'Pass', End: true },
      },
    });
    expect((await run(definition(), { a: 1 })).output).toEqual({ Error: 'E', Cause: 'failed on attempt 0' });
    expect((await run(definition('$.error'), { a: 1 })).output).toEqual({
      a: 1,
      error: { Error: 'E', Cause: 'failed on attempt 0' },
    });
  });

  it('Task TimeoutSeconds fails the task with States.Timeout and records TaskTimedOut', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'sleep:120', TimeoutSeconds: 30 }));
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(types(o)).toContain('TaskTimedOut');
    expect(seconds(o)).toBe(30);
    const path = await run(one({ Type: 'Task', Resource: 'sleep:120', TimeoutSecondsPath: '$.t' }), {
      t: 45,
    });
    expect(seconds(path)).toBe(45);
  });
});
