/**
 * junit.xml's testcase names recur from night to night: two seeds of the default run draw
 * (nearly) the same set of (suite, API, pattern, query language) cells, so a CI system's history of
 * a testcase means something. Each name also stays the same whatever befalls its cases.
 */
import { describe, expect, it } from 'vitest';
import { withId } from '../generators/invalidCase.js';
import { renderReport } from '../reports/writers/format.js';
import { junitFormat } from '../reports/writers/junit.js';
import type { CaseResult, Report } from '../reports/report.js';
import { caseHead } from './caseRun.js';
import { drawSuiteCase, SUITE_NAMES } from './suites.js';

/** The testcase names of a run of `runs` cases per suite at `seed`, every case matched. */
function testcaseNames(seed: number, runs: number): Set<string> {
  const cases: CaseResult[] = SUITE_NAMES.flatMap((suite) =>
    Array.from({ length: runs }, (_, i) => {
      const replay = { seed, path: `${suite}:${i}` };
      const c = withId(drawSuiteCase(suite, seed, i).value, replay);
      return {
        ...caseHead(c, suite, { ...replay, command: '' }),
        verdict: 'match' as const,
        predicted: {},
        observed: {},
        differences: [],
      };
    }),
  );
  const report: Report = {
    schemaVersion: 2,
    tool: { name: 'sfn-sagemaker-conformance', version: 'test' },
    target: { kind: 'embedded', region: 'us-east-1' },
    seed,
    runs,
    concurrency: 1,
    suites: [...SUITE_NAMES],
    startedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 1,
    totals: { cases: cases.length, matched: cases.length, diverged: 0, errored: 0 },
    stats: { maxInFlight: 1, shrinkSteps: 0, shrinkExecutions: 0 },
    cases,
  };
  const xml = renderReport(junitFormat, report);
  return new Set(
    [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[1]} / ${m[2]}`),
  );
}

describe('junit.xml names across nights', () => {
  it('two seeds of the default run (200 cases a suite) share at least 90% of their testcase names (a seed-indexed name: about 7%)', () => {
    const one = testcaseNames(1, 200);
    const two = testcaseNames(2, 200);
    const shared = [...one].filter((name) => two.has(name)).length;
    expect(one.size).toBeGreaterThan(40);
    expect(shared / Math.max(one.size, two.size)).toBeGreaterThanOrEqual(0.9);
  });
});
