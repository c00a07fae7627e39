/**
 * One group per bug: with several mutants planted at once, `run --runs 200 --seed 1` reports one
 * group per mutant, each named by the rule the mutant breaks, and every shrunk case stays in its
 * original's group (shrinking keeps the cause). A long run (the `long` project).
 */
import { describe, expect, it } from 'vitest';
import type { MutantName } from '../emulator/mutants/index.js';
import { causeKey } from '../reports/cause.js';
import { groupByCause } from '../reports/groups.js';
import { runSuites } from './runner.js';
import { SUITE_NAMES } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';

/** Mutants planted together, each with the rule its group must name. */
const PLANTED: readonly (readonly [MutantName, string])[] = [
  ['job-times-in-seconds', 'sfn.sync.epoch-milliseconds'],
  ['task-failed-without-cause', 'sfn.sagemaker.cause-format'],
  ['parallel-history-skips-started', 'sfn.history.events'],
];

describe('several bugs at once', () => {
  it('three mutants: three groups, each naming its rule; every shrunk case in its original group', async () => {
    const report = await runSuites({
      target: new EmbeddedTarget(PLANTED.map(([mutant]) => mutant)),
      runs: 200,
      seed: 1,
      concurrency: 4,
      suites: SUITE_NAMES,
      shrinkBudget: 60,
      targetArgs: '--target embedded',
      region: 'us-east-1',
      version: 'test',
    });
    const diverged = report.cases.filter((c) => c.verdict === 'diverged');
    const groups = groupByCause(diverged);
    expect(groups.map((g) => g.cause?.rule.id).sort()).toEqual(PLANTED.map(([, rule]) => rule).sort());
    const shrunk = diverged.filter((c) => c.shrunk);
    expect(shrunk.length).toBeGreaterThan(10);
    for (const c of shrunk) expect(causeKey(c.shrunk!.cause!), c.id).toBe(causeKey(c.cause!));
  });
});
