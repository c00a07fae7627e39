/**
 * What a run says on stderr as it goes: the line that says what runs, the progress line (one live
 * line on a terminal, rewritten in place and erased to its end, so a shorter line leaves nothing of
 * a longer one; a plain line every five seconds elsewhere; none when quiet), and, at the end, the
 * entries of the baseline that matched nothing or are past their date. Colour only where asked.
 * Quiet, it says only the baseline's entries.
 */
import type { CaseResult } from '../report.js';
import type { RunProgress, RunReporter, Streams } from './runReporter.js';

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

/** The progress line, told each finished case with how many are done of how many. */
export function progressLine(io: Streams, o: ProgressOptions, now: () => number = Date.now) {
  const started = now();
  let last = 0;
  let diverged = 0;
  const red = (t: string) => (o.colour ? `\x1b[31m${t}\x1b[39m` : t);
  return (result: CaseResult, done: number, total: number) => {
    if (result.verdict === 'diverged' || result.verdict === 'error') diverged++;
    const t = now();
    const rate = (done / Math.max(t - started, 1)) * 1000;
    const left = done === total ? '' : `, about ${eta((total - done) / Math.max(rate, 1e-9))} left`;
    const bad = `${diverged} diverged or errored`;
    const line = `${done}/${total} cases, ${diverged > 0 ? red(bad) : bad}, ${rate.toFixed(rate < 10 ? 1 : 0)} cases/s${left}`;
    if (o.live) io.stderr(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
    else if (t - last >= 5000 || done === total) {
      io.stderr(`${line}\n`);
      last = t;
    }
  };
}

/** The reporter of what a run says on stderr (see the file's comment); neither the line that says what runs nor the progress line when `quiet`. */
export function progressReporter(io: Streams, o: ProgressOptions & { readonly quiet: boolean }): RunReporter {
  let line: ReturnType<typeof progressLine> | undefined;
  return {
    onRunStart(start) {
      if (o.quiet) return;
      const shard = start.shard ? ` (shard ${start.shard.index}/${start.shard.count})` : '';
      io.stderr(
        `running ${start.suites.join(', ')} on ${start.target.description ?? start.target.kind}: ${start.runs} cases each${shard}, seed ${start.seed}, concurrency ${start.concurrency}\n`,
      );
      line = progressLine(io, o);
    },
    onCaseFinished(result: CaseResult, progress: RunProgress) {
      line?.(result, progress.done, progress.total);
    },
    onRunEnd(_report, baseline) {
      for (const e of baseline?.stale ?? [])
        io.stderr(`stale expectation (matched no divergence): ${JSON.stringify(e)}\n`);
      for (const e of baseline?.expired ?? [])
        io.stderr(`expired expectation (past ${e.expires}): ${JSON.stringify(e)}\n`);
    },
  };
}
