/**
 * Client-side token buckets at Step Functions' documented per-API rates (Step Functions quotas), so
 * a run stays inside the account's quotas instead of finding them by throttling.
 */

/** Bucket size and refill per second of one API. */
export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

const BIG_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

/**
 * The documented Standard-workflow rates (Step Functions quotas, API throttling) for the APIs the
 * AWS target calls.
 */
export function stepFunctionsRates(region: string): Record<string, Rate> {
  const big = BIG_REGIONS.has(region);
  return {
    StartExecution: big ? { burst: 1300, perSecond: 300 } : { burst: 800, perSecond: 150 },
    DescribeExecution: big ? { burst: 300, perSecond: 15 } : { burst: 250, perSecond: 10 },
    GetExecutionHistory: { burst: 400, perSecond: 20 },
    StopExecution: big ? { burst: 1000, perSecond: 200 } : { burst: 500, perSecond: 25 },
    CreateStateMachine: { burst: 100, perSecond: 1 },
    DeleteStateMachine: { burst: 100, perSecond: 1 },
    ListStateMachines: { burst: 100, perSecond: 5 },
    TagResource: { burst: 200, perSecond: 1 },
  };
}

/** Time as the AWS target reads and waits it (a fake one in tests). */
export type Clock = { now(): number; sleep(ms: number): Promise<void> };

/** The wall clock. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** One bucket: `take()` resolves when a token is available, in the order callers asked. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  /** Milliseconds callers spent waiting for tokens. */
  waitedMs = 0;

  constructor(
    readonly rate: Rate,
    private readonly clock: Clock = realClock,
  ) {
    this.tokens = rate.burst;
    this.last = clock.now();
  }

  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        const wait = Math.ceil(((1 - this.tokens) / this.rate.perSecond) * 1000);
        this.waitedMs += wait;
        await this.clock.sleep(wait);
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = turn;
    return turn;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
    this.last = now;
  }
}

/** A bucket per API; APIs without a documented rate are not limited. */
export class Buckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(rates: Record<string, Rate>, clock: Clock = realClock) {
    for (const [api, rate] of Object.entries(rates)) this.buckets.set(api, new TokenBucket(rate, clock));
  }

  async take(api: string): Promise<void> {
    await this.buckets.get(api)?.take();
  }

  get waitedMs(): number {
    let total = 0;
    for (const b of this.buckets.values()) total += b.waitedMs;
    return total;
  }
}
