/**
 * Every API call of the AWS target: inside its token bucket, retried with backoff on throttling
 * and transient failures, each retry counted. An error that ends a call remembers the API.
 */
import { isThrottle, isTransient } from './errors.js';
import { Buckets, type Clock, type Rate } from './tokenBucket.js';

export interface CallCounts {
  throttles: number;
  transientRetries: number;
}

const failedApi = new WeakMap<object, string>();

/** The API whose call ended with this error, if a Caller made it. */
export function apiOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? failedApi.get(e) : undefined;
}

export class Caller {
  private readonly buckets: Buckets;

  constructor(
    rates: Record<string, Rate>,
    private readonly clock: Clock,
    private readonly maxAttempts: number,
    private readonly counts: CallCounts,
    private readonly onThrottle: () => void = () => undefined,
  ) {
    this.buckets = new Buckets(rates, clock);
  }

  async call<T>(api: string, send: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      await this.buckets.take(api);
      try {
        return await send();
      } catch (e) {
        const throttled = isThrottle(e);
        if ((!throttled && !isTransient(e)) || i >= this.maxAttempts) {
          if (typeof e === 'object' && e !== null) failedApi.set(e, api);
          throw e;
        }
        if (throttled) {
          this.counts.throttles++;
          this.onThrottle();
        } else this.counts.transientRetries++;
        await this.clock.sleep(Math.min(100 * 2 ** i, 20_000));
      }
    }
  }

  /** Milliseconds calls waited for tokens. */
  get waitedMs(): number {
    return this.buckets.waitedMs;
  }
}
