/**
 * `run` on the built-in emulator with one worker thread and with two (the shipped command line,
 * dist/, spawn to exit, reports written), interleaved rounds: cases per second. Needs `npm run
 * build` first. Goal: two workers at least 1.7x one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, ratio, timed, type Spread } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'sfn-conformance.js');

export interface WorkerFigures {
  readonly runs: number;
  readonly cases: number;
  /** Wall-clock seconds of the whole process, by worker count. */
  readonly seconds: Record<'one' | 'two', Spread>;
  readonly casesPerSecond: Record<'one' | 'two', number>;
  readonly ratio: number;
}

export async function benchWorkers(runs: number, rounds: number): Promise<WorkerFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-bench-workers-'));
  let n = 0;
  const run = (workers: number) => () =>
    timed(() => {
      const report = join(dir, String(n++));
      const r = spawnSync(
        process.execPath,
        [
          bin,
          'run',
          '--runs',
          String(runs),
          '--seed',
          '1',
          '--workers',
          String(workers),
          '--quiet',
          '--report',
          report,
        ],
        { stdio: 'ignore' },
      );
      if (r.status !== 0) throw new Error(`run --workers ${workers} exited ${r.status}`);
      rmSync(report, { recursive: true });
    }).then((ms) => ms / 1000);
  const seconds = await interleaved({ one: run(1), two: run(2) }, { rounds, warmup: 1 });
  const cases = runs * 5;
  return {
    runs,
    cases,
    seconds,
    casesPerSecond: {
      one: Math.round(cases / seconds.one.median),
      two: Math.round(cases / seconds.two.median),
    },
    ratio: ratio(seconds.one, seconds.two),
  };
}
