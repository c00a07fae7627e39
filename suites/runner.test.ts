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

/**
 * Where each mutant must show at `run --runs 200 --seed 1`: the suite that catches it (each suite
 * draws its cases alone, so the suite run alone draws what the whole run draws) and the paths its
 * shrunk divergence points at.
 */
const CATCHES: Record<MutantName, { suite: SuiteName; paths: RegExp }> = {
  'passrole-not-checked': { suite: 'sufficiency', paths: /^calls/ },
  'passrole-without-service': { suite: 'sufficiency', paths: /^calls/ },
  'explicit-deny-ignored': { suite: 'necessity', paths: /^(calls|created)/ },
  'related-resource-not-checked': { suite: 'outcome', paths: /^calls/ },
  'related-resource-wrong-type': { suite: 'sufficiency', paths: /^calls/ },
  'arn-name-not-lowercased': { suite: 'sufficiency', paths: /^calls/ },
  'managed-rule-not-checked': { suite: 'outcome', paths: /^(calls|created)/ },
  'addtags-not-checked': { suite: 'sufficiency', paths: /^calls/ },
  'addtags-without-tags': { suite: 'sufficiency', paths: /^calls/ },
  'listtags-not-checked': { suite: 'sufficiency', paths: /^calls/ },
  'describe-denied-fails-task': { suite: 'necessity', paths: /^(calls|status|error)/ },
  'access-denied-cause-generic': { suite: 'necessity', paths: /^cause$/ },
  'sync-returns-create-response': { suite: 'outcome', paths: /^output/ },
  'describe-not-polled': { suite: 'outcome', paths: /^calls/ },
  'poll-once-too-many': { suite: 'outcome', paths: /^(calls|durationSeconds)/ },
  'poll-not-heartbeat': { suite: 'outcome', paths: /^(status|error|calls|durationSeconds|historyTypes)/ },
  'failed-job-wrong-error': { suite: 'outcome', paths: /^error$/ },
  'stopped-job-succeeds': { suite: 'outcome', paths: /^(status|error|calls|historyTypes)/ },
  'failure-reason-dropped': { suite: 'outcome', paths: /^cause$/ },
  'no-execution-arn-tag': {
    suite: 'outcome',
    paths: /^output\/(.*\/)?Tags\/AWS_STEP_FUNCTIONS_EXECUTION_ARN$/,
  },
  'describe-drops-request': { suite: 'outcome', paths: /^output\// },
  'no-stop-on-abort': { suite: 'outcome', paths: /^calls/ },
  'no-stop-on-timeout': { suite: 'outcome', paths: /^calls/ },
  'history-skips-submitted': { suite: 'outcome', paths: /^historyTypes$/ },
  'abort-skips-task-aborted-event': { suite: 'outcome', paths: /^historyTypes$/ },
  'request-validation-off': { suite: 'validation', paths: /^(status|error|cause)$/ },
  'references-not-checked': { suite: 'sufficiency', paths: /^(status|calls)/ },
  'names-not-unique': { suite: 'sufficiency', paths: /^(calls|status)/ },
  'create-error-generic': { suite: 'outcome', paths: /^(error|attempts|durationSeconds|historyTypes)/ },
  'throttling-retried-internally': {
    suite: 'outcome',
    paths: /^(status|calls|attempts|historyTypes|durationSeconds)/,
  },
  'retry-ignores-backoff': { suite: 'outcome', paths: /^durationSeconds$/ },
  'retry-max-attempts-off-by-one': { suite: 'necessity', paths: /^calls/ },
  'retry-ignores-max-delay': { suite: 'outcome', paths: /^durationSeconds$/ },
  'jitter-ignored': { suite: 'outcome', paths: /^durationSeconds$/ },
  'retrier-last-match': { suite: 'necessity', paths: /^calls/ },
  'catcher-last-match': { suite: 'patterns', paths: /^(status|output|historyTypes)/ },
  'catch-drops-resultpath': { suite: 'patterns', paths: /^output/ },
  'taskfailed-matches-timeout': { suite: 'sufficiency', paths: /^(calls|status)/ },
  'resultpath-null-ignored': { suite: 'patterns', paths: /^output/ },
  'resultselector-ignored': { suite: 'patterns', paths: /^(output|status|historyTypes)/ },
  'outputpath-ignored': { suite: 'outcome', paths: /^(output|status|historyTypes)/ },
  'inputpath-ignored': { suite: 'sufficiency', paths: /^(calls|status)/ },
  'jsonata-output-ignored': { suite: 'outcome', paths: /^(output|status|historyTypes)/ },
  'task-timeout-ignored': { suite: 'outcome', paths: /^(status|error|calls|durationSeconds|historyTypes)/ },
  'heartbeat-timeout-error-name': { suite: 'outcome', paths: /^(error|historyTypes|status)/ },
  'machine-timeout-ignored': { suite: 'patterns', paths: /^(status|durationSeconds|historyTypes|calls)/ },
};

describe('the harness catches every emulator mutant (run --runs 200 --seed 1)', () => {
  it('has at least thirty mutants, each with a catch rule', () => {
    expect(Object.keys(MUTANTS).length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(CATCHES).sort()).toEqual(Object.keys(MUTANTS).sort());
  });

  it('the emulator without a mutant matches every case of every suite', async () => {
    const clean = await run({ runs: 200, seed: 1, suites: SUITE_NAMES });
    expect(clean.totals).toMatchObject({ cases: 1000, diverged: 0, errored: 0 });
  }, 120_000);

  for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
    it(`${mutant}: a divergence, shrunk, pointing at it`, async () => {
      const { suite, paths } = CATCHES[mutant];
      const report = await run({ runs: 200, seed: 1, suites: [suite], mutant, shrinkBudget: 20 });
      const diverged = report.cases.filter((c) => c.verdict === 'diverged');
      expect(diverged.length, `${mutant} went unnoticed`).toBeGreaterThan(0);
      const shrunk = diverged.filter((c) => c.shrunk);
      expect(shrunk.length).toBeGreaterThan(0);
      const pointing = shrunk.filter((c) => c.shrunk!.differences.some((d) => paths.test(d.path)));
      expect(
        pointing.length,
        `${mutant}: ${JSON.stringify(shrunk[0]!.shrunk!.differences.map((d) => d.path))}`,
      ).toBeGreaterThan(0);
    }, 120_000);
  }
});
