/**
 * What a run says on stderr as it goes: the line that says what runs, the progress line (one live
 * line on a terminal, rewritten in place and erased to its end, so a shorter line leaves nothing of
 * a longer one; a plain line every five seconds elsewhere; none when quiet), and, at the end, the
 * entries of the baseline that matched nothing or are past their date. The line comes when a case
 * finishes and, whatever the cases do, at least every five seconds (every second on a terminal):
 * while a divergent case is shrunk, it names the case and its shrinking steps so far. Colour only
 * where asked. Quiet, it says only the baseline's entries.
 */
import type { CaseResult } from '../report.js';
import type { RunProgress, RunReporter, ShrinkProgress, Streams } from './runReporter.js';

/** How the progress line is shown. */
export interface ProgressOptions {
  /** Rewritten in place (a terminal), else a plain line every five seconds. */
  readonly live: boolean;
  /** Divergences in red (a terminal without NO_COLOR). */
  readonly colour: boolean;
}

/** A duration as people read it: `45 s`, `3 min 5 s`, `2 h 10 min`. */
export function eta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Time as the progress line reads it: what time it is, and a call back after a while. */
export interface ProgressClock {
  /** Milliseconds, as `Date.now`. */
  readonly now: () => number;
  /** Calls `tick` once, `ms` from now, unless the returned function is called first. */
  readonly after: (ms: number, tick: () => void) => () => void;
}

/** The wall clock; its timers never keep the process alive. */
export const WALL_CLOCK: ProgressClock = {
  now: Date.now,
  after(ms, tick) {
    const timer = setTimeout(tick, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** At most this long between two progress lines (live: between two rewrites). */
export const PROGRESS_PERIOD_MS = { live: 1000, plain: 5000 } as const;

/** What the progress line says of the cases being shrunk: the oldest, and how many more. */
function shrinkingPart(shrinking: ReadonlyMap<string, ShrinkProgress>): string {
  const [first] = shrinking.values();
  if (!first) return '';
  const more = shrinking.size > 1 ? ` and ${shrinking.size - 1} more` : '';
  const steps = `${first.steps} ${first.steps === 1 ? 'step' : 'steps'}`;
  return `; shrinking ${first.suite}:${first.index} (${steps}, ${first.tried} of at most ${first.budget} candidates tried)${more}`;
}

/** The progress line (see the file's comment): told each finished case and each shrinking step. */
export class ProgressLine {
  private readonly started: number;
  private last = -Infinity;
  private done = 0;
  private diverged = 0;
  private over = false;
  private cancel: (() => void) | undefined;
  private readonly shrinking = new Map<string, ShrinkProgress>();

  constructor(
    private readonly io: Streams,
    private readonly o: ProgressOptions,
    private total: number,
    private readonly clock: ProgressClock = WALL_CLOCK,
  ) {
    this.started = clock.now();
    this.schedule();
  }

  /** A case finished: `done` of `total` are. */
  finished(result: CaseResult, done: number, total: number): void {
    if (this.over) return;
    if (result.verdict === 'diverged' || result.verdict === 'error') this.diverged++;
    this.shrinking.delete(result.replay.path);
    this.done = done;
    this.total = total;
    if (this.o.live || this.clock.now() - this.last >= PROGRESS_PERIOD_MS.plain || done === total)
      this.write();
  }

  /** A divergent case is being shrunk: named on the lines until it finishes. */
  shrinkingStep(progress: ShrinkProgress): void {
    this.shrinking.set(`${progress.suite}:${progress.index}`, progress);
  }

  /** No more lines (the run is over). */
  stop(): void {
    this.over = true;
    this.cancel?.();
  }

  private schedule(): void {
    this.cancel?.();
    const period = this.o.live ? PROGRESS_PERIOD_MS.live : PROGRESS_PERIOD_MS.plain;
    this.cancel = this.clock.after(period, () => {
      if (!this.over) this.write();
    });
  }

  private write(): void {
    const t = this.clock.now();
    const { done, total } = this;
    const bad = `${this.diverged} diverged or errored`;
    let line = `${done}/${total} cases, ${this.diverged > 0 ? this.red(bad) : bad}`;
    if (done > 0) {
      const rate = (done / Math.max(t - this.started, 1)) * 1000;
      const left = done === total ? '' : `, about ${eta((total - done) / Math.max(rate, 1e-9))} left`;
      line += `, ${rate.toFixed(rate < 10 ? 1 : 0)} cases/s${left}`;
    }
    line += shrinkingPart(this.shrinking);
    if (this.o.live) this.io.stderr(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
    else this.io.stderr(`${line}\n`);
    this.last = t;
    if (done === total) this.stop();
    else this.schedule();
  }

  private red(text: string): string {
    return this.o.colour ? `\x1b[31m${text}\x1b[39m` : text;
  }
}

/** The reporter of what a run says on stderr (see the file's comment); neither the line that says what runs nor the progress line when `quiet`. */
export function progressReporter(
  io: Streams,
  o: ProgressOptions & { readonly quiet: boolean; readonly clock?: ProgressClock },
): RunReporter {
  let line: ProgressLine | undefined;
  return {
    onRunStart(start) {
      if (o.quiet) return;
      const shard = start.shard ? ` (shard ${start.shard.index}/${start.shard.count})` : '';
      io.stderr(
        `running ${start.suites.join(', ')} on ${start.target.description ?? start.target.kind}: ${start.runs} cases each${shard}, seed ${start.seed}, concurrency ${start.concurrency}\n`,
      );
      line = new ProgressLine(io, o, start.total, o.clock);
    },
    onCaseShrinking(progress) {
      line?.shrinkingStep(progress);
    },
    onCaseFinished(result: CaseResult, progress: RunProgress) {
      line?.finished(result, progress.done, progress.total);
    },
    onRunEnd(_report, baseline) {
      line?.stop();
      for (const e of baseline?.stale ?? [])
        io.stderr(`stale expectation (matched no divergence): ${JSON.stringify(e)}\n`);
      for (const e of baseline?.expired ?? [])
        io.stderr(`expired expectation (past ${e.expires}): ${JSON.stringify(e)}\n`);
    },
    onRunFailed() {
      line?.stop();
    },
  };
}
