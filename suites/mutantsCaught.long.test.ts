/**
 * The harness catches every emulator mutant: at `run --runs 200 --seed 1` each mutant makes a
 * divergence, and shrinking it keeps a difference that points at the mutant's rule. A long
 * property run (the `long` project, `npm run test:long`).
 */
import { describe, expect, it } from 'vitest';
import { EVIDENCE, type RuleId } from '../catalog/evidence.js';
import { MUTANTS, type MutantName } from '../emulator/mutants/index.js';
import { groupByCause } from '../reports/groups.js';
import { runIndexedCase } from './caseRun.js';
import { SUITE_NAMES, type SuiteName } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';
import { runOnEmulator as run } from './testing/runOnEmulator.js';

/** Where each mutant must show at `run --runs 200 --seed 1`: the paths its shrunk divergence points at. */
const CATCHES: Record<MutantName, { paths: RegExp }> = {
  'passrole-not-checked': { paths: /^calls/ },
  'passrole-without-service': { paths: /^calls/ },
  'explicit-deny-ignored': { paths: /^(calls|created)/ },
  'related-resource-not-checked': { paths: /^calls/ },
  'related-resource-wrong-type': { paths: /^calls/ },
  'arn-name-not-lowercased': { paths: /^calls/ },
  'managed-rule-not-checked': { paths: /^(calls|created)/ },
  'managed-rule-denial-invalid': { paths: /^createError$/ },
  'task-failed-without-cause': { paths: /^taskFailures/ },
  'addtags-not-checked': { paths: /^calls/ },
  'addtags-without-tags': { paths: /^calls/ },
  'listtags-not-checked': { paths: /^calls/ },
  'describe-denied-fails-task': { paths: /^(calls|status|error)/ },
  'access-denied-cause-generic': { paths: /^cause$/ },
  'sync-returns-create-response': { paths: /^(output|calls|status|error)/ },
  'describe-not-polled': { paths: /^calls/ },
  'poll-once-too-many': { paths: /^(calls|durationSeconds)/ },
  // In a sufficiency case (no error compared) the retrier the error no longer matches shows in the calls.
  'failed-job-wrong-error': { paths: /^(error|output\/(.*\/)?Error|taskFailures\/\d+|calls\/\d+)$/ },
  'stopped-job-succeeds': { paths: /^(status|error|calls|historyTypes)/ },
  'failure-reason-dropped': { paths: /^(cause|output\/(.*\/)?Cause|taskFailures\/\d+)$/ },
  'no-execution-arn-tag': { paths: /^output\/(.*\/)?Tags\/AWS_STEP_FUNCTIONS_EXECUTION_ARN$/ },
  'describe-drops-request': { paths: /^(output\/|calls|status|error)/ },
  'artifacts-without-job-folder': { paths: /^(output\/|calls)/ },
  'no-stop-on-abort': { paths: /^calls/ },
  'no-stop-on-timeout': { paths: /^calls/ },
  'history-skips-submitted': { paths: /^historyTypes$/ },
  'abort-skips-task-aborted-event': { paths: /^historyTypes$/ },
  'request-validation-off': { paths: /^(status|error|cause)$/ },
  'references-not-checked': { paths: /^(status|calls)/ },
  'names-not-unique': { paths: /^(calls|status)/ },
  'cross-account-role-passed': {
    paths: /^(status|error|output|calls|taskFailures|historyTypes|durationSeconds|attempts)/,
  },
  'missing-reference-not-found': { paths: /^(error|cause|taskFailures\/\d+|output\/(.*\/)?(Error|Cause))$/ },
  'duplicate-resource-in-use': {
    paths: /^(error|cause|taskFailures\/\d+|output\/(.*\/)?(Error|Cause)|status)$/,
  },
  'create-error-generic': { paths: /^(error|attempts|durationSeconds|historyTypes|calls|status)/ },
  'throttling-retried-internally': { paths: /^(status|calls|attempts|historyTypes|durationSeconds)/ },
  'retry-ignores-backoff': { paths: /^durationSeconds$/ },
  'retry-max-attempts-off-by-one': { paths: /^calls/ },
  // Past MaxDelaySeconds, the waits of MaxAttempts 100 or 5000 outgrow the year an execution may run.
  'retry-ignores-max-delay': { paths: /^(durationSeconds|calls|status|error|cause|historyTypes)/ },
  'jitter-ignored': { paths: /^durationSeconds$/ },
  'error-names-loose': { paths: /^(calls|status|error|output|historyTypes|attempts|durationSeconds)/ },
  'retry-max-attempts-capped': {
    paths: /^(calls|attempts|durationSeconds|historyTypes|status|error|output)/,
  },
  'retrier-last-match': { paths: /^calls/ },
  'catcher-last-match': { paths: /^(status|output|historyTypes)/ },
  'catch-drops-resultpath': { paths: /^output/ },
  'taskfailed-matches-timeout': { paths: /^(calls|status)/ },
  'resultpath-null-ignored': { paths: /^output/ },
  'resultpath-merges': { paths: /^(output|status|error|calls|historyTypes)/ },
  'resultselector-ignored': { paths: /^(output|status|historyTypes)/ },
  'outputpath-ignored': { paths: /^(output|status|historyTypes)/ },
  'inputpath-ignored': { paths: /^(calls|status)/ },
  'jsonata-output-ignored': { paths: /^(output|status|historyTypes|calls)/ },
  'task-timeout-ignored': { paths: /^(status|error|calls|durationSeconds|historyTypes)/ },
  'heartbeat-timeout-error-name': { paths: /^(error|historyTypes|status)/ },
  'task-assign-ignored': { paths: /^(status|error|calls|historyTypes|output|cause)/ },
  'map-history-skips-iteration-succeeded': { paths: /^historyTypes$/ },
  'parallel-history-skips-started': { paths: /^historyTypes$/ },
  'machine-timeout-ignored': { paths: /^(status|durationSeconds|historyTypes|calls)/ },
  // The gate on the threshold goes the other way: deployed or not.
  'choice-numeric-boundary': { paths: /^(calls|historyTypes|output|status|created)/ },
  // A retried attempt's name is the first attempt's again: another resource, or one already there.
  'retry-count-not-advanced': { paths: /^(calls|status|error|cause|taskFailures|output|historyTypes)/ },
  'map-max-concurrency-ignored': {
    paths: /^(status|error|cause|calls|historyTypes|durationSeconds|output|taskFailures)/,
  },
  'format-number-as-float': { paths: /^(calls|output|status|error|cause|historyTypes|taskFailures)/ },
  'job-times-in-seconds': { paths: /^output\/(.*\/)?(CreationTime|LastModifiedTime|\w+(Start|End)Time)$/ },
  'stop-without-effect': { paths: /^jobStates\// },
  'denied-stop-takes-effect': { paths: /^jobStates\// },
  'runtime-values-not-validated': { paths: /^(status|error|cause|calls|historyTypes|output|attempts)/ },
};

describe('the harness catches every emulator mutant (run --runs 200 --seed 1)', () => {
  it('has at least thirty mutants, each with a catch rule', () => {
    expect(Object.keys(MUTANTS).length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(CATCHES).sort()).toEqual(Object.keys(MUTANTS).sort());
  });

  it('the emulator without a mutant matches every case of every suite', async () => {
    const clean = await run({ runs: 200, seed: 1, suites: SUITE_NAMES });
    expect(clean.totals).toMatchObject({ cases: 1000, diverged: 0, errored: 0 });
  });

  /** How many cause groups each mutant's divergences make (one bug: ideally one group). */
  const causeGroups = new Map<MutantName, number>();

  for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
    it(`${mutant}: a divergence, shrunk, pointing at it`, async () => {
      const { paths } = CATCHES[mutant];
      // What `run --runs 200 --seed 1` draws and finds; then its first divergent cases shrunk, as run shrinks them.
      const report = await run({ runs: 200, seed: 1, suites: SUITE_NAMES, mutant, shrinkBudget: 0 });
      const diverged = report.cases.filter((c) => c.verdict === 'diverged');
      expect(diverged.length, `${mutant} went unnoticed`).toBeGreaterThan(0);
      causeGroups.set(mutant, groupByCause(diverged).length);
      const target = new EmbeddedTarget([mutant]);
      const shrunk = await Promise.all(
        diverged
          .slice(0, 4)
          .map((c) =>
            runIndexedCase(
              { target, seed: 1, shrinkBudget: 60, targetArgs: '--target embedded' },
              c.suite as SuiteName,
              Number(c.replay.path.split(':')[1]),
            ),
          ),
      );
      expect(shrunk.every((c) => c.shrunk !== undefined)).toBe(true);
      expect(
        shrunk.some((c) => c.shrunk!.differences.some((d) => paths.test(d.path))),
        `${mutant}: ${JSON.stringify(shrunk.map((c) => c.shrunk!.differences.map((d) => d.path)))}`,
      ).toBe(true);
      // Every difference names the rules it rests on: each of the evidence table, with its kind and sources.
      for (const d of [...diverged, ...shrunk].flatMap((c) => [
        ...c.differences,
        ...(c.shrunk?.differences ?? []),
      ])) {
        expect(d.provenance.rules?.length, `${mutant} ${d.path}`).toBeGreaterThan(0);
        for (const r of d.provenance.rules ?? []) {
          expect(EVIDENCE[r.id as RuleId]?.kind, `${mutant} ${d.path} ${r.id}`).toBe(r.kind);
          expect(r.kind).toBe(d.provenance.kind);
          expect(r.sources.length).toBeGreaterThan(0);
        }
      }
    });
  }

  it('one bug is mostly one group: at least 60% of the mutants make one cause group, 1.7 groups a mutant at most on average', (ctx) => {
    const counts = [...causeGroups.values()];
    // Only where every mutant ran (not under a name filter).
    if (counts.length < Object.keys(MUTANTS).length) ctx.skip();
    const single = counts.filter((n) => n === 1).length / counts.length;
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(single, JSON.stringify(Object.fromEntries(causeGroups))).toBeGreaterThanOrEqual(0.6);
    expect(mean, JSON.stringify(Object.fromEntries(causeGroups))).toBeLessThanOrEqual(1.7);
  });
});
