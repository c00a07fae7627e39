/**
 * Every API call of the AWS target: inside its token bucket, retried with backoff on throttling
 * and transient failures, each retry counted. Throttling is waited out for as long as
 * `throttleTimeoutMs` (it does not fail a case); a transient failure gets `maxAttempts`. An error
 * that ends a call remembers the API.
 */
import { randomInt } from 'node:crypto';
import { AdaptiveLimit } from './adaptiveLimit.js';
import { type ApiFamily, familyOf } from './apiFamily.js';
import { isThrottle, isTransient } from './errors.js';
import { Buckets, type Clock, type Rate } from './tokenBucket.js';

/** The retries a Caller counts (part of the target's figures). */
export interface CallCounts {
  throttles: number;
  transientRetries: number;
}

const failedApi = new WeakMap<object, string>();

/**
 * The wait before retry `n` (1-based): full jitter over an exponential cap (100 ms doubling, at
 * most 20 s), so that calls throttled together do not come back together.
 */
export function backoffMs(n: number, jitter: () => number): number {
  return Math.floor(jitter() * Math.min(100 * 2 ** n, 20_000));
}

/** `AWS_MAX_ATTEMPTS` as the SDK reads it (a positive integer), if set. */
export function maxAttemptsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.AWS_MAX_ATTEMPTS);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The API whose call ended with this error, if a Caller made it. */
export function apiOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? failedApi.get(e) : undefined;
}

/**
 * Makes the AWS target's calls: paced by token buckets, throttles waited out, transient failures
 * retried. Where `familyConcurrency` is given, each API family (apiFamily.ts) has that many calls
 * in flight at most, halved when one of its calls is throttled and grown back on calm calls
 * (AdaptiveLimit): a throttled IAM slows IAM's calls, not the executions'.
 */
export class Caller {
  private readonly buckets: Buckets;
  private readonly families = new Map<ApiFamily, AdaptiveLimit>();

  constructor(
    rates: Record<string, Rate>,
    private readonly clock: Clock,
    private readonly maxAttempts: number,
    private readonly throttleTimeoutMs: number,
    private readonly counts: CallCounts,
    private readonly onThrottle: (api: string) => void = () => undefined,
    /** Uniform in [0, 1): how much of each backoff is waited (full jitter, as the SDK's standard strategy). */
    private readonly jitter: () => number = () => randomInt(0, 1_000_000) / 1_000_000,
    /** Calls in flight per API family at most (none: unbounded). */
    private readonly familyConcurrency?: number,
  ) {
    this.buckets = new Buckets(rates, clock);
  }

  async call<T>(api: string, send: () => Promise<T>): Promise<T> {
    const started = this.clock.now();
    const family = this.family(familyOf(api));
    let transient = 0;
    let throttled = 0;
    for (;;) {
      await this.buckets.take(api);
      await family?.acquire();
      let answer: { value: T } | { error: unknown };
      try {
        answer = { value: await send() };
      } catch (error) {
        answer = { error };
      }
      const throttle = 'error' in answer && isThrottle(answer.error);
      if (throttle) family?.throttled();
      family?.release(throttle);
      if ('value' in answer) return answer.value;
      const e = answer.error;
      const again = throttle
        ? this.clock.now() - started < this.throttleTimeoutMs
        : isTransient(e) && transient + 1 < this.maxAttempts;
      if (!again) {
        if (typeof e === 'object' && e !== null) failedApi.set(e, api);
        throw e;
      }
      if (throttle) {
        this.counts.throttles++;
        this.onThrottle(api);
      } else this.counts.transientRetries++;
      const n = throttle ? ++throttled : ++transient;
      await this.clock.sleep(backoffMs(n, this.jitter));
    }
  }

  /** The family's limit on calls in flight, if families are limited. */
  private family(name: ApiFamily): AdaptiveLimit | undefined {
    if (this.familyConcurrency === undefined) return undefined;
    let limit = this.families.get(name);
    if (!limit) this.families.set(name, (limit = new AdaptiveLimit(this.familyConcurrency, this.clock)));
    return limit;
  }

  /** How often each family's limit was cut, and the lowest it reached, for the families ever cut. */
  familyCuts(): Record<string, number> {
    const figures: Record<string, number> = {};
    for (const [name, limit] of this.families)
      if (limit.cuts > 0) {
        figures[`${name}ConcurrencyCuts`] = limit.cuts;
        figures[`${name}LowestConcurrency`] = limit.lowest;
      }
    return figures;
  }

  /** Milliseconds calls waited for tokens. */
  get waitedMs(): number {
    return this.buckets.waitedMs;
  }
}
