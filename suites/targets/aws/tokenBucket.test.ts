import { describe, expect, it } from 'vitest';
import { stepFunctionsRates, TokenBucket } from './tokenBucket.js';

describe('TokenBucket', () => {
  it('allows the burst at once, then one call per refill interval', async () => {
    let t = 0;
    const clock = { now: () => t, sleep: async (ms: number) => void (t += ms) };
    const b = new TokenBucket({ burst: 3, perSecond: 2 }, clock);
    for (let i = 0; i < 3; i++) await b.take();
    expect(t).toBe(0);
    await b.take();
    expect(t).toBe(500);
    await b.take();
    expect(t).toBe(1000);
    expect(b.waitedMs).toBe(1000);
  });

  it('uses the documented rates of the region (Step Functions quotas)', () => {
    expect(stepFunctionsRates('us-east-1').DescribeExecution).toEqual({ burst: 300, perSecond: 15 });
    expect(stepFunctionsRates('eu-central-1').DescribeExecution).toEqual({ burst: 250, perSecond: 10 });
    expect(stepFunctionsRates('ap-south-1').StartExecution).toEqual({ burst: 800, perSecond: 150 });
  });
});
