/** Retries as the SDK's standard strategy makes them: full jitter, AWS_MAX_ATTEMPTS honoured. */
import { describe, expect, it } from 'vitest';
import { backoffMs, Caller, maxAttemptsFromEnv } from './caller.js';

describe('backoff', () => {
  it('is full jitter under an exponential cap: anywhere from 0 to the cap, never above', () => {
    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.999)).toBe(199);
    expect(backoffMs(3, () => 0.5)).toBe(400);
    expect(backoffMs(20, () => 0.999)).toBe(19_980);
  });

  it('spreads the waits of calls throttled together', async () => {
    const waits: number[] = [];
    let t = 0;
    const clock = { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) };
    const counts = { throttles: 0, transientRetries: 0 };
    const caller = new Caller({}, clock, 3, 60_000, counts);
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    for (let i = 0; i < 20; i++) {
      let first = true;
      await caller.call('X', async () => {
        if (first) {
          first = false;
          throw throttle;
        }
        return 1;
      });
    }
    expect(counts.throttles).toBe(20);
    expect(new Set(waits).size).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(200);
  });
});

describe('AWS_MAX_ATTEMPTS', () => {
  it('is read as the SDK reads it', () => {
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: '5' })).toBe(5);
    expect(maxAttemptsFromEnv({})).toBeUndefined();
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: '0' })).toBeUndefined();
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: 'many' })).toBeUndefined();
  });
});
