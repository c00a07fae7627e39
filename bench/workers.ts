/**
 * `run` on the built-in emulator with one worker thread and with two (the shipped command line,
 * dist/, spawn to exit, reports written), interleaved rounds: cases per second. Needs `npm run
 * build` first. Goal: two workers at least 1.7x one.
 */
import { interleaved, ratio, type Spread } from './measure.js';
import { timedRun } from './runProcess.js';

export interface WorkerFigures {
  readonly runs: number;
  readonly cases: number;
  /** Wall-clock seconds of the whole process, by worker count. */
  readonly seconds: Record<'one' | 'two', Spread>;
  readonly casesPerSecond: Record<'one' | 'two', number>;
  readonly ratio: number;
}

export async function benchWorkers(runs: number, rounds: number): Promise<WorkerFigures> {
  const run = (workers: number) => () =>
    timedRun(['--runs', String(runs), '--seed', '1', '--workers', String(workers)]);
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
