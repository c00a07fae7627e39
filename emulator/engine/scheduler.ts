/**
 * An execution's clock. Every wait of an execution (Wait states, retry intervals, job polls,
 * timeouts) is a timer on it. On the virtual clock (the default), when no thread of the execution
 * can run, the clock jumps to the next timer: a six-hour job takes no real time, and the order of
 * events is deterministic. On the real clock, a timer wakes when its time has passed in real time
 * (1:1), for tools that expect executions to take the time they say.
 *
 * Threads are async functions: the main flow, each Parallel branch and Map lane, and watchdogs.
 * The scheduler counts the runnable ones; a thread waiting on a timer or on its children is not.
 * A wait for something outside the execution (a task's callback, `external`) holds the virtual
 * clock: the execution's time stands still until the answer comes, or until the wait's own limit
 * has passed in real time, when the clock jumps by that limit.
 */
import { StatesError } from './statesError.js';

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
  peek(): Timer | undefined {
    return this.items[0];
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

/** How an execution's clock runs: `virtual` jumps to the next timer, `real` takes real time (1:1). */
export type ClockKind = 'virtual' | 'real';

/** The clocks an execution may run on. */
export const CLOCK_KINDS: readonly ClockKind[] = ['virtual', 'real'];

/** The longest delay a Node.js timer takes (ms); a longer wait is armed again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How an external wait ended: answered (with its value), a limit passed, or its scope aborted. */
export type ExternalEnd<T> =
  | { readonly kind: 'answered'; readonly value: T }
  | { readonly kind: 'deadline' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'aborted' };

/** The limits of an external wait on the execution's clock. */
export interface ExternalLimits {
  /** Clock ms (since the execution started) at which the wait ends `deadline`; Infinity for none. */
  readonly deadline: number;
  /** Ms without a `touch` after which the wait ends `idle`; undefined for none. */
  readonly idleMs?: number;
}

/** A wait for something outside the execution (a callback), and the hands that end or extend it. */
export interface ExternalWait<T> {
  readonly done: Promise<ExternalEnd<T>>;
  /** Ends the wait with a value; false when it has ended already. */
  answer(value: T): boolean;
  /** Restarts the idle limit; false when the wait has ended already. */
  touch(): boolean;
}

/** An external wait under way: its scope, its end, and whether it has ended. */
interface Pending<T> {
  readonly scope: AbortScope;
  readonly done: Promise<ExternalEnd<T>>;
  readonly settle: (end: ExternalEnd<T>) => void;
  ended: boolean;
}

/** An execution's scheduler: its clock (virtual by default), its timers, its runnable threads. */
export class VirtualScheduler {
  /** Clock milliseconds at the last timer woken (virtual) or its floor (real). */
  private at = 0;
  private runnable = 1;
  private seq = 0;
  private readonly timers = new TimerHeap();
  private stalled?: () => void;
  /** Real clock: when the execution started (performance.now ms), and the timer armed for the next wake. */
  private readonly origin = performance.now();
  private armed?: ReturnType<typeof setTimeout>;
  /** Real timers of external waits, cleared when the execution ends. */
  private readonly realTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly clock: ClockKind = 'virtual') {}

  /** Milliseconds since the execution started, on its clock (whole ms). */
  get now(): number {
    return this.clock === 'virtual'
      ? this.at
      : Math.max(this.at, Math.floor(performance.now() - this.origin));
  }

  /** Called when no thread can run and no timer is left: an engine bug, reported instead of hanging. */
  onStall(callback: () => void): void {
    this.stalled = callback;
  }

  /**
   * A promise that fails with States.Runtime once no thread can run and no timer is left (raced
   * against a run, it turns a stall into a failure instead of a hang).
   */
  stalls(): Promise<never> {
    return new Promise<never>((_, reject) =>
      this.onStall(() =>
        reject(
          new StatesError('States.Runtime', 'the emulator stalled: no thread can run and no timer is left'),
        ),
      ),
    );
  }

  /** The execution has ended: no timer of it is left armed in real time. */
  close(): void {
    clearTimeout(this.armed);
    this.armed = undefined;
    for (const t of this.realTimers) clearTimeout(t);
    this.realTimers.clear();
  }

  private dispatch(): void {
    if (this.clock === 'real') {
      this.dispatchReal();
      return;
    }
    while (this.runnable === 0) {
      const t = this.timers.pop();
      if (!t) {
        this.stalled?.();
        return;
      }
      if (t.cancelled) continue;
      this.at = Math.max(this.at, t.at);
      this.runnable++;
      t.wake();
    }
  }

  /** The real clock: wakes the next timer once its time has passed, arming a Node.js timer until then. */
  private dispatchReal(): void {
    clearTimeout(this.armed);
    this.armed = undefined;
    while (this.runnable === 0) {
      const t = this.timers.peek();
      if (!t) {
        this.stalled?.();
        return;
      }
      if (t.cancelled) {
        this.timers.pop();
        continue;
      }
      const wait = t.at - this.now;
      if (wait > 0) {
        this.armed = setTimeout(() => this.dispatchReal(), Math.min(wait, MAX_TIMER_MS));
        return;
      }
      this.timers.pop();
      this.at = Math.max(this.at, t.at);
      this.runnable++;
      t.wake();
    }
  }

  /** A real-time timer of an external wait (cleared by `close`); `ms` may pass MAX_TIMER_MS. */
  private realTimer(ms: number, fire: () => void): () => void {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const end = performance.now() + ms;
    const arm = () => {
      const left = end - performance.now();
      handle = setTimeout(
        () => {
          this.realTimers.delete(handle!);
          if (performance.now() >= end) fire();
          else arm();
        },
        Math.max(0, Math.min(left, MAX_TIMER_MS)),
      );
      this.realTimers.add(handle);
    };
    if (Number.isFinite(ms)) arm();
    return () => {
      clearTimeout(handle);
      if (handle !== undefined) this.realTimers.delete(handle);
    };
  }

  /**
   * Waits for an answer from outside the execution (a task's callback), at most until `deadline`
   * and at most `idleMs` after the last `touch`. On the virtual clock the wait holds the clock (the
   * execution's time stands still, its other timers too), its limits are counted in real time, and
   * when one passes the clock jumps to it. On the real clock it is a timer like any other.
   */
  external<T>(scope: AbortScope, limits: ExternalLimits): ExternalWait<T> {
    let settle!: (end: ExternalEnd<T>) => void;
    const done = new Promise<ExternalEnd<T>>((resolve) => (settle = resolve));
    const wait: Pending<T> = { scope, done, settle, ended: scope.aborted };
    if (wait.ended) {
      settle({ kind: 'aborted' });
      return { done, answer: () => false, touch: () => false };
    }
    const idleMs = limits.idleMs ?? Infinity;
    return this.clock === 'virtual'
      ? this.externalVirtual(wait, limits.deadline, idleMs)
      : this.externalReal(wait, limits.deadline, idleMs);
  }

  private externalVirtual<T>(wait: Pending<T>, deadline: number, idleMs: number): ExternalWait<T> {
    // The thread stays runnable: the clock cannot move on while the wait holds it.
    const toDeadline = Math.max(0, deadline - this.now);
    let stopDeadline = (): void => undefined;
    let stopIdle = (): void => undefined;
    const end = (): boolean => {
      if (wait.ended) return false;
      wait.ended = true;
      off();
      stopDeadline();
      stopIdle();
      return true;
    };
    const off = wait.scope.onAbort(() => {
      if (end()) wait.settle({ kind: 'aborted' });
    });
    // A limit that passed in real time: the clock jumps by it (other timers due before it wake first).
    const elapse = (kind: 'deadline' | 'idle', ms: number) => {
      if (!end()) return;
      void this.sleep(ms, wait.scope).then((woke) =>
        wait.settle(woke === 'aborted' ? { kind: 'aborted' } : { kind }),
      );
    };
    stopDeadline = this.realTimer(toDeadline, () => elapse('deadline', toDeadline));
    const armIdle = () => {
      stopIdle();
      stopIdle = this.realTimer(idleMs, () => elapse('idle', Math.min(idleMs, toDeadline)));
    };
    armIdle();
    return {
      done: wait.done,
      answer: (value) => {
        if (!end()) return false;
        wait.settle({ kind: 'answered', value });
        return true;
      },
      touch: () => {
        if (wait.ended) return false;
        armIdle();
        return true;
      },
    };
  }

  private externalReal<T>(wait: Pending<T>, deadline: number, idleMs: number): ExternalWait<T> {
    const timers: Timer[] = [];
    const end = (): boolean => {
      if (wait.ended) return false;
      wait.ended = true;
      off();
      for (const t of timers) t.cancelled = true;
      return true;
    };
    const push = (at: number, kind: 'deadline' | 'idle'): Timer => {
      const timer: Timer = {
        at,
        seq: this.seq++,
        cancelled: false,
        // Woken by dispatch, which has made the thread runnable again.
        wake: () => {
          if (end()) wait.settle({ kind });
        },
      };
      timers.push(timer);
      this.timers.push(timer);
      return timer;
    };
    // Answered or aborted: the thread is runnable again.
    const resume = (result: ExternalEnd<T>): boolean => {
      if (!end()) return false;
      this.runnable++;
      wait.settle(result);
      return true;
    };
    const off = wait.scope.onAbort(() => resume({ kind: 'aborted' }));
    if (Number.isFinite(deadline)) push(deadline, 'deadline');
    let idle = Number.isFinite(idleMs) ? push(this.now + idleMs, 'idle') : undefined;
    this.runnable--;
    this.dispatch();
    return {
      done: wait.done,
      answer: (value) => resume({ kind: 'answered', value }),
      touch: () => {
        if (wait.ended) return false;
        if (idle) {
          idle.cancelled = true;
          idle = push(this.now + idleMs, 'idle');
          this.dispatch();
        }
        return true;
      },
    };
  }

  /** Waits `ms` milliseconds on the execution's clock, or until the scope is aborted. */
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
