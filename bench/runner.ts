/**
 * The main job's figures: end-to-end cases per second at concurrency 1, 4 and 8; peak resident
 * memory of a large run; and the runner's overhead, the ratio of `run` time to the same executions
 * called directly on the emulator.
 */
import { withId } from '../generators/invalidCase.js';
import { plain } from '../generators/sampleCases.js';
import { runSuites } from '../suites/runner.js';
import { drawSuiteCase, SUITE_NAMES } from '../suites/suites.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';

const options = (runs: number, concurrency: number) => ({
  target: new EmbeddedTarget(),
  runs,
  seed: 20261124,
  concurrency,
  suites: SUITE_NAMES,
  shrinkBudget: 0,
  targetArgs: '',
  region: 'us-east-1',
  version: 'bench',
});

export interface RunnerFigures {
  casesPerSecond: Record<string, number>;
  peakRssMiB: { runs: number; cases: number; peakRssMiB: number; startRssMiB: number };
  /**
   * `ratio`: run time over the same (pre-drawn) cases executed directly on the emulator.
   * `ratioWithGeneration`: run time over drawing the same cases and executing them directly.
   */
  overhead: {
    runSeconds: number;
    directSeconds: number;
    drawSeconds: number;
    ratio: number;
    ratioWithGeneration: number;
    cases: number;
  };
}

export async function benchRunner(runsForRate: number, runsForMemory: number): Promise<RunnerFigures> {
  const casesPerSecond: Record<string, number> = {};
  for (const concurrency of [1, 4, 8]) {
    const report = await runSuites(options(runsForRate, concurrency));
    if (report.totals.diverged + report.totals.errored > 0) throw new Error('bench run diverged');
    casesPerSecond[`concurrency${concurrency}`] = Math.round(
      (report.totals.cases / report.durationMs) * 1000,
    );
  }
  // Overhead: the same executions, called directly on the emulator (cases drawn beforehand).
  let t = performance.now();
  const cases = SUITE_NAMES.flatMap((suite) =>
    Array.from({ length: runsForRate }, (_, i) =>
      withId(plain(drawSuiteCase(suite, 20261124, i).value), {
        seed: 20261124,
        path: `${suite}:${i}`,
      }),
    ),
  );
  const drawSeconds = (performance.now() - t) / 1000;
  const target = new EmbeddedTarget();
  t = performance.now();
  for (const c of cases) await target.execute(c);
  const directSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await runSuites(options(runsForRate, 1));
  const runSeconds = (performance.now() - t) / 1000;
  // Peak memory of a large run.
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const big = await runSuites(options(runsForMemory, 4));
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    casesPerSecond,
    peakRssMiB: {
      runs: runsForMemory,
      cases: big.totals.cases,
      peakRssMiB: mib(peak),
      startRssMiB: mib(startRss),
    },
    overhead: {
      runSeconds: +runSeconds.toFixed(2),
      directSeconds: +directSeconds.toFixed(2),
      drawSeconds: +drawSeconds.toFixed(2),
      ratio: +(runSeconds / directSeconds).toFixed(2),
      ratioWithGeneration: +(runSeconds / (directSeconds + drawSeconds)).toFixed(2),
      cases: cases.length,
    },
  };
}
