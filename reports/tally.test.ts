import { describe, expect, it } from 'vitest';
import { entryOf } from './report.js';
import { summarise, Tally } from './tally.js';
import { fixtureReport } from './writers/testing/fixtureReport.js';

describe('the tally', () => {
  const report = fixtureReport();
  const expected = { ...report.cases[1]!, expected: { reason: 'known' } };
  const cases = [...report.cases, expected];
  const tally = new Tally();
  // Only a finding has to come whole: every other case may be given as report.json lists it.
  for (const c of cases) tally.add(c.verdict === 'diverged' || c.verdict === 'error' ? c : entryOf(c));

  it('counts what the cases count', () => {
    expect(tally.totals).toEqual({
      cases: 9,
      matched: 1,
      diverged: 5,
      errored: 1,
      skipped: 1,
      undecided: 1,
      expected: 1,
    });
  });

  it('keeps the divergences and errors whole, and nothing else', () => {
    const whole = cases.filter((c) => c.verdict === 'diverged' || c.verdict === 'error');
    // ...but for what they predicted and observed, which the files hold: their differences say it.
    expect(tally.findings).toEqual(whole.map(({ predicted: _p, observed: _o, ...f }) => f));
    expect(tally.findings.every((c) => !('predicted' in c) && c.differences.length >= 0)).toBe(true);
  });

  it('counts each suite, API and pattern by verdict, an expected divergence apart as well', () => {
    const cell = tally.data().cells.find((c) => c.suite === 'outcome' && c.api === 'CreateTrainingJob')!;
    expect(cell.counts).toEqual({ match: 1, diverged: 2, expected: 1, undecided: 0, error: 1, skipped: 0 });
    const total = tally
      .data()
      .cells.reduce((n, c) => n + c.counts.match + c.counts.diverged + c.counts.error, 0);
    expect(total + tally.totals.undecided + tally.totals.skipped).toBe(cases.length);
  });

  it('counts each suite as JUnit does: failures not expected, skipped with undecided and expected', () => {
    expect(tally.data().suites.outcome).toMatchObject({ cases: 5, failures: 2, errors: 1, skipped: 1 });
    expect(tally.data().suites.necessity).toMatchObject({ cases: 4, failures: 2, errors: 0, skipped: 2 });
    expect(tally.data().suites.outcome!.seconds).toBeCloseTo(0.06);
  });

  it('keeps the reasons of the undecided and skipped cases with their counts', () => {
    expect(tally.data().undecided).toEqual([['the target shows no calls', 1]]);
    expect(tally.data().skipped).toEqual([['billable', 1]]);
  });

  it('summarises a whole report as its writers render it', () => {
    const s = summarise(report);
    expect(s.findings).toHaveLength(5);
    expect(s).not.toHaveProperty('cases');
  });
});
