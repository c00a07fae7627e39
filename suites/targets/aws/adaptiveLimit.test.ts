import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from './adaptiveLimit.js';

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => (t += ms) };
}

describe('AdaptiveLimit', () => {
  it('halves on throttling (once per cool-down), then grows back by one per calm round', async () => {
    const c = clock();
    const limit = new AdaptiveLimit(8, c, 5000);
    limit.throttled();
    limit.throttled(); // the same burst
    expect(limit.limit).toBe(4);
    c.advance(5000);
    limit.throttled();
    expect(limit.limit).toBe(2);
    expect(limit.cuts).toBe(2);
    expect(limit.lowest).toBe(2);
    for (let i = 0; i < 2; i++) {
      await limit.acquire();
      limit.release(false);
    }
    expect(limit.limit).toBe(3);
    // Two calm cases, then one that saw throttling: the run of calm cases starts again.
    for (const throttled of [false, false, true, false, false]) {
      await limit.acquire();
      limit.release(throttled);
    }
    expect(limit.limit).toBe(3);
    await limit.acquire();
    limit.release(false);
    expect(limit.limit).toBe(4);
    for (let i = 0; i < 100; i++) {
      await limit.acquire();
      limit.release(false);
    }
    expect(limit.limit).toBe(8);
  });

  it('holds cases beyond the limit until one ends', async () => {
    const limit = new AdaptiveLimit(2, clock());
    await limit.acquire();
    await limit.acquire();
    let third = false;
    const waiting = limit.acquire().then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    limit.release(false);
    await waiting;
    expect(third).toBe(true);
  });
});
