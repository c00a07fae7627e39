/**
 * The main job's figures (dist/): end-to-end cases per second at concurrency 1, 4 and 8 (interleaved
 * rounds, a warm-up not counted); and the runner's overhead,
 * the ratio of `run` time to the same pre-drawn cases executed directly on the emulator (and to
 * drawing them plus executing them), interleaved as well.
 */
import { SUITE_NAMES } from '../suites/suiteNames.js';
import type { EmbeddedTarget as Embedded } from '../suites/targets/embedded.js';
import { dist } from './dist.js';
import { interleaved, timed } from './measure.js';

const options = (target: Embedded, runs: number, concurrency: number) => ({
  target,
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

export async function benchRunner(runsForRate: number): Promise<RunnerFigures> {
  const { invalidCase, sampleCases, runner, suites, embedded } = await dist();
  const { withId } = invalidCase;
  const { plain } = sampleCases;
  const { runSuites } = runner;
  const { drawSuiteCase } = suites;
  const { EmbeddedTarget } = embedded;
  const run = (concurrency: number) => async () => {
    const report = await runSuites(options(new EmbeddedTarget(), runsForRate, concurrency));
    if (report.totals.diverged + report.totals.errored > 0) throw new Error('bench run diverged');
    return report.totals.cases / (report.durationMs / 1000);
  };
  // Interleaved, the first round a warm-up: concurrency is compared, not a cold start with a warm one.
  const rates = await interleaved(
    { concurrency1: run(1), concurrency4: run(4), concurrency8: run(8) },
    { rounds: 3, warmup: 1 },
  );
  const casesPerSecond = Object.fromEntries(
    Object.entries(rates).map(([k, v]) => [k, Math.round(v.median)]),
  ) as Record<string, number>;
  // Overhead: run (drawing, predicting, executing, comparing; no files) against executing the same
  // cases, drawn beforehand, directly on the emulator; and drawing them alone. Interleaved too.
  const cases = () =>
    SUITE_NAMES.flatMap((suite) =>
      Array.from({ length: runsForRate }, (_, i) =>
        withId(plain(drawSuiteCase(suite, 20261124, i).value), { seed: 20261124, path: `${suite}:${i}` }),
      ),
    );
  const drawn = cases();
  const overheadMs = await interleaved(
    {
      run: () => timed(() => runSuites(options(new EmbeddedTarget(), runsForRate, 1))),
      direct: () =>
        timed(async () => {
          const target = new EmbeddedTarget();
          for (const c of drawn) await target.execute(c);
        }),
      draw: () => timed(cases),
    },
    { rounds: 3, warmup: 1 },
  );
  const runSeconds = overheadMs.run.median / 1000;
  const directSeconds = overheadMs.direct.median / 1000;
  const drawSeconds = overheadMs.draw.median / 1000;
  return {
    casesPerSecond,
    overhead: {
      runSeconds: +runSeconds.toFixed(2),
      directSeconds: +directSeconds.toFixed(2),
      drawSeconds: +drawSeconds.toFixed(2),
      ratio: +(runSeconds / directSeconds).toFixed(2),
      ratioWithGeneration: +(runSeconds / (directSeconds + drawSeconds)).toFixed(2),
      cases: drawn.length,
    },
  };
}
