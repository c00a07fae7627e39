/**
 * Adaptive concurrency (Step Functions quotas, API throttling): the number of cases allowed in
 * flight is halved when the target throttles (cases already running go on; new ones wait) and grows
 * back by one after as many calm cases in a row as the current limit (additive increase,
 * multiplicative decrease), never above the run's `--concurrency`. Cuts closer together than the
 * cool-down count as one burst of throttling.
 */
import type { Clock } from './tokenBucket.js';

/** The number of cases allowed in flight, cut on throttling and grown back on calm. */
export class AdaptiveLimit {
  private current: number;
  private active = 0;
  private calm = 0;
  private lastCut = -Infinity;
  private readonly waiters: (() => void)[] = [];
  /** How often the limit was cut, and the lowest it reached. */
  cuts = 0;
  lowest: number;

  constructor(
    readonly max: number,
    private readonly clock: Clock,
    private readonly coolDownMs = 5000,
  ) {
    this.current = max;
    this.lowest = max;
  }

  get limit(): number {
    return this.current;
  }

  /** Resolves when the case may start. */
  acquire(): Promise<void> {
    if (this.active < this.current) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A case ended; `throttled` says whether a call was throttled while it ran (its own or another's). */
  release(throttled: boolean): void {
    this.active--;
    if (throttled) this.calm = 0;
    else if (this.current < this.max && ++this.calm >= this.current) {
      this.current++;
      this.calm = 0;
    }
    this.pump();
  }

  /** A call was throttled. */
  throttled(): void {
    const now = this.clock.now();
    if (now - this.lastCut < this.coolDownMs) return;
    this.lastCut = now;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.lowest = Math.min(this.lowest, this.current);
    this.calm = 0;
    this.cuts++;
  }

  private pump(): void {
    while (this.active < this.current && this.waiters.length > 0) {
      this.active++;
      this.waiters.shift()!();
    }
  }
}
