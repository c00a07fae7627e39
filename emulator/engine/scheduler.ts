/**
 * Virtual time. Every wait of an execution (Wait states, retry intervals, job polls, timeouts) is a
 * timer on a virtual clock; when no thread of the execution can run, the clock jumps to the next
 * timer. A six-hour job takes no real time, and the order of events is deterministic.
 *
 * Threads are async functions: the main flow, each Parallel branch and Map lane, and watchdogs.
 * The scheduler counts the runnable ones; a thread waiting on a timer or on its children is not.
 */

/** A group of threads that can be told to stop (StopExecution, a failed sibling branch, a timeout). */
export class AbortScope {
  private reason?: string;
  private readonly listeners = new Set<(reason: string) => void>();
  private readonly children = new Set<AbortScope>();

  constructor(parent?: AbortScope) {
    parent?.children.add(this);
    if (parent?.aborted) this.reason = parent.reason;
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  get abortReason(): string | undefined {
    return this.reason;
  }

  abort(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const l of [...this.listeners]) l(reason);
    for (const c of this.children) c.abort(reason);
  }

  onAbort(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly wake: () => void;
  cancelled: boolean;
}

/** A binary heap of timers ordered by (time, creation order). */
class TimerHeap {
  private readonly items: Timer[] = [];
  get size(): number {
    return this.items.length;
  }
  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
const before = (x: Timer, y: Timer) => x.at < y.at || (x.at === y.at && x.seq < y.seq);

/** Why a sleep ended: its time elapsed, or its scope was aborted. */
export type WakeReason = 'elapsed' | 'aborted';

/** Virtual time: sleeps wake in time order when every thread waits, taking no real time. */
export class VirtualScheduler {
  /** Virtual milliseconds since the execution started. */
  now = 0;
  private runnable = 1;
  private seq = 0;
  private readonly timers = new TimerHeap();
  private stalled?: () => void;

  /** Called when no thread can run and no timer is left: an engine bug, reported instead of hanging. */
  onStall(callback: () => void): void {
    this.stalled = callback;
  }

  private dispatch(): void {
    while (this.runnable === 0) {
      const t = this.timers.pop();
      if (!t) {
        this.stalled?.();
        return;
      }
      if (t.cancelled) continue;
      this.now = Math.max(this.now, t.at);
      this.runnable++;
      t.wake();
    }
  }

  /** Waits `ms` virtual milliseconds, or until the scope is aborted. */
  sleep(ms: number, scope?: AbortScope): Promise<WakeReason> {
    if (scope?.aborted) return Promise.resolve('aborted');
    return new Promise<WakeReason>((resolve) => {
      let off: (() => void) | undefined;
      const timer: Timer = {
        // The virtual clock counts whole milliseconds.
        at: this.now + Math.max(0, Math.round(ms)),
        seq: this.seq++,
        cancelled: false,
        wake: () => {
          off?.();
          resolve('elapsed');
        },
      };
      if (scope) {
        off = scope.onAbort(() => {
          if (timer.cancelled) return;
          timer.cancelled = true;
          off?.();
          this.runnable++;
          resolve('aborted');
        });
      }
      this.runnable--;
      this.timers.push(timer);
      this.dispatch();
    });
  }

  /**
   * Runs threads side by side (Parallel branches, Map lanes) and waits for all of them; the
   * caller is not runnable meanwhile. Results come back as settled promises, in order.
   */
  all<T>(threads: readonly (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    if (threads.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const results: PromiseSettledResult<T>[] = new Array(threads.length);
      let remaining = threads.length;
      this.runnable += threads.length - 1; // the caller's turn passes to its children
      threads.forEach((thread, i) => {
        const settle = (r: PromiseSettledResult<T>) => {
          results[i] = r;
          remaining--;
          if (remaining === 0) {
            // The last child hands the turn back to the caller.
            resolve(results);
          } else {
            this.runnable--;
            this.dispatch();
          }
        };
        let p: Promise<T>;
        try {
          p = thread();
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(
          (value) => settle({ status: 'fulfilled', value }),
          (reason: unknown) => settle({ status: 'rejected', reason }),
        );
      });
    });
  }

  /**
   * Starts a thread that runs beside the caller without being waited for (a watchdog). The caller
   * stays runnable; `done` is called when the thread ends.
   */
  spawn(thread: () => Promise<void>): void {
    this.runnable++;
    thread().then(
      () => this.exit(),
      () => this.exit(),
    );
  }

  private exit(): void {
    this.runnable--;
    this.dispatch();
  }
}
