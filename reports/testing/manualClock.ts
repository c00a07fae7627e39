/** A progress clock a test drives: time passes only when the test says, and due timers then fire. */
import type { ProgressClock } from '../reporters/progress.js';

/** A clock at 0 whose time moves only by `advance`. */
export class ManualClock implements ProgressClock {
  private time = 0;
  private readonly timers = new Set<{ readonly due: number; readonly tick: () => void }>();

  readonly now = (): number => this.time;

  readonly after = (ms: number, tick: () => void): (() => void) => {
    const timer = { due: this.time + ms, tick };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  };

  /** Moves time on by `ms`, firing each timer that falls due at its own time, earliest first. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers.delete(next);
      this.time = next.due;
      next.tick();
    }
    this.time = end;
  }
}
