import { describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../emulator/mutants.js';
import { ReportSchema } from '../reports/report.js';
import { runSuites } from './runner.js';
import { SUITE_NAMES, type SuiteName } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';

const run = (options: {
  runs: number;
  seed: number;
  suites: readonly SuiteName[];
  mutant?: MutantName;
  shrinkBudget?: number;
  concurrency?: number;
}) =>
  runSuites({
    target: new EmbeddedTarget(options.mutant),
    runs: options.runs,
    seed: options.seed,
    concurrency: options.concurrency ?? 4,
    suites: options.suites,
    shrinkBudget: options.shrinkBudget ?? 60,
    targetArgs: '--target embedded',
    region: 'us-east-1',
    version: 'test',
  });

describe('run on the built-in emulator', () => {
  it('every suite matches the oracles, the report fits its schema, concurrency is bounded', async () => {
    const report = await run({ runs: 60, seed: 11, suites: SUITE_NAMES, concurrency: 3 });
    expect(report.totals).toMatchObject({ cases: 300, diverged: 0, errored: 0 });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.stats.maxInFlight).toBe(3);
    expect(new Set(report.cases.map((c) => c.suite))).toEqual(new Set(SUITE_NAMES));
  });

  it('is deterministic: the same seed gives the same cases and verdicts', async () => {
    const [a, b] = await Promise.all([
      run({ runs: 20, seed: 5, suites: ['outcome'] }),
      run({ runs: 20, seed: 5, suites: ['outcome'], concurrency: 1 }),
    ]);
    expect(a.cases.map((c) => `${c.id} ${c.verdict}`)).toEqual(b.cases.map((c) => `${c.id} ${c.verdict}`));
  });
});

/** Where each mutant must show: the suites that catch it and the paths its divergences point at. */
const CATCHES: Record<MutantName, { suites: SuiteName[]; paths: RegExp }> = {
  'retry-ignores-backoff': { suites: ['outcome'], paths: /^durationSeconds$/ },
  'catch-drops-resultpath': { suites: ['outcome', 'patterns'], paths: /^output/ },
  'sync-returns-create-response': { suites: ['outcome', 'patterns'], paths: /^output/ },
  'passrole-not-checked': { suites: ['necessity'], paths: /^calls/ },
  'no-stop-on-abort': { suites: ['sufficiency'], paths: /^calls/ },
  'taskfailed-matches-timeout': {
    suites: ['outcome'],
    paths: /^(status|error|attempts|durationSeconds|historyTypes|output)/,
  },
  'describe-not-polled': { suites: ['sufficiency'], paths: /^calls/ },
  'addtags-not-checked': { suites: ['necessity'], paths: /^calls/ },
  'history-skips-submitted': { suites: ['outcome'], paths: /^historyTypes$/ },
};

describe('the harness catches every emulator mutant', () => {
  it('has at least eight mutants, each with a catch rule', () => {
    expect(Object.keys(MUTANTS).length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(CATCHES).sort()).toEqual(Object.keys(MUTANTS).sort());
  });

  for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
    it(`${mutant}: a divergence, shrunk, pointing at it`, async () => {
      const { suites, paths } = CATCHES[mutant];
      const report = await run({ runs: 150, seed: 1, suites, mutant, shrinkBudget: 40 });
      const diverged = report.cases.filter((c) => c.verdict === 'diverged');
      expect(diverged.length, `${mutant} went unnoticed`).toBeGreaterThan(0);
      const shrunk = diverged.find((c) => c.shrunk);
      expect(shrunk).toBeDefined();
      expect(shrunk!.shrunk!.differences.some((d) => paths.test(d.path))).toBe(true);
      // The same cases without the mutant match.
      const clean = await run({ runs: 150, seed: 1, suites });
      expect(clean.totals.diverged).toBe(0);
    }, 120_000);
  }
});
