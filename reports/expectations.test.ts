/** Baselines of known divergences: what an entry matches, expiry, stale entries, --fail-on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  baselineMatcher,
  type Expectations,
  expectationsFrom,
  expectationsJsonSchema,
  ExpectationsSchema,
  failingDivergences,
  matches,
} from './expectations.js';
import type { Report } from './report.js';
import { summarise } from './tally.js';
import { fixtureReport } from './writers/testing/fixtureReport.js';

/** A whole report held to a baseline, case by case as `run` does: marked, counted, and what matched nothing. */
function applyExpectations(report: Report, x: Expectations, file: string, today: string) {
  const matcher = baselineMatcher(x, file, report.target.kind, today);
  const cases = report.cases.map((c) => matcher.mark(c));
  const { stale, expired, summary } = matcher.outcome();
  const totals = { ...report.totals, expected: cases.filter((c) => c.expected !== undefined).length };
  return { report: { ...report, cases, totals, expectations: summary }, stale, expired };
}

const report = fixtureReport();
const byPath = (path: string) => report.cases.find((c) => c.replay.path === path)!;

describe('an expected divergence', () => {
  it('matches by suite, API, pattern, target and the start of a difference path (the shrunk differences)', () => {
    const c = byPath('necessity:2');
    expect(matches({ reason: 'r' }, c, 'embedded')).toBe(true);
    expect(matches({ reason: 'r', path: 'calls' }, c, 'embedded')).toBe(true);
    expect(matches({ reason: 'r', path: 'cause' }, c, 'embedded')).toBe(true);
    expect(matches({ reason: 'r', path: 'call' }, c, 'embedded')).toBe(false);
    expect(matches({ reason: 'r', path: 'calls/2' }, c, 'embedded')).toBe(false);
    expect(matches({ reason: 'r', suite: 'outcome' }, c, 'embedded')).toBe(false);
    expect(matches({ reason: 'r', api: 'CreateModel' }, c, 'embedded')).toBe(false);
    expect(matches({ reason: 'r', pattern: 'requestResponse' }, c, 'embedded')).toBe(false);
    expect(matches({ reason: 'r', target: 'endpoint' }, c, 'embedded')).toBe(false);
  });

  it('is counted and does not fail; an entry that matched nothing is stale, one past its date expired', () => {
    const applied = applyExpectations(
      report,
      {
        expected: [
          { suite: 'outcome', path: 'target', reason: 'moto answers HTTP 500 under load' },
          { path: 'nothing-like-it', reason: 'old' },
          { path: 'status', reason: 'was fixed', expires: '2026-11-30' },
        ],
      },
      'baseline.json',
      '2026-12-01',
    );
    expect(applied.report.totals.expected).toBe(1);
    expect(byPath('outcome:3').expected).toBeUndefined();
    expect(applied.report.cases.find((c) => c.replay.path === 'outcome:3')!.expected).toEqual({
      reason: 'moto answers HTTP 500 under load',
    });
    expect(applied.stale.map((e) => e.reason)).toEqual(['old']);
    expect(applied.expired.map((e) => e.reason)).toEqual(['was fixed']);
    expect(applied.report.expectations).toEqual({ file: 'baseline.json', stale: 1, expired: 1 });
    expect(failingDivergences(summarise(applied.report)).map((c) => c.replay.path)).toEqual([
      'outcome:1',
      'necessity:2',
      'necessity:3',
    ]);
  });

  it('--fail-on: only divergences from expectations at least that strong fail', () => {
    const paths = (f: 'documented' | 'observed' | 'inferred') =>
      failingDivergences(summarise(report), f).map((c) => c.replay.path);
    expect(paths('documented')).toEqual(['outcome:1']);
    expect(paths('observed')).toEqual(['outcome:1', 'necessity:3']);
    expect(paths('inferred')).toEqual(['outcome:1', 'outcome:3', 'necessity:2', 'necessity:3']);
  });

  it('a baseline written from a report expects every divergence of it, and fits its own schema', () => {
    const written = expectationsFrom(summarise(report), 'r/report.json');
    expect(ExpectationsSchema.safeParse(written).success).toBe(true);
    const applied = applyExpectations(report, written, 'b.json', '2026-12-01');
    expect(applied.report.totals.expected).toBe(report.totals.diverged);
    expect(applied.stale).toEqual([]);
  });

  it('docs/expectations.schema.json is the schema the tool checks files with', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../docs/expectations.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(expectationsJsonSchema());
  });
});
