import { describe, expect, it } from 'vitest';
import { entryOf, ReportSchema } from '../report.js';
import { jsonFormat } from './json.js';
import { renderReport } from './format.js';
import { fixtureReport } from './testing/fixtureReport.js';

describe('report.json', () => {
  const report = fixtureReport();

  it('is the report as JSON.stringify writes it, the cases last and listed as entries', () => {
    const text = renderReport(jsonFormat, report);
    expect(text).toBe(`${JSON.stringify({ ...report, cases: report.cases.map(entryOf) }, null, 2)}\n`);
    expect(ReportSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('keeps divergences and errors whole and summarises the other cases', () => {
    const cases = ReportSchema.parse(JSON.parse(renderReport(jsonFormat, report))).cases;
    for (const c of cases) {
      const whole = c.verdict === 'diverged' || c.verdict === 'error';
      expect(c.differences !== undefined, `${c.id} ${c.verdict}`).toBe(whole);
      expect(c.predicted !== undefined).toBe(whole);
    }
    const undecided = cases.find((c) => c.verdict === 'undecided')!;
    expect(undecided.undecidedReason).toBe('the target shows no calls');
    expect(undecided.replay.command).toContain('replay --suite necessity');
  });

  it('with no case, an empty list', () => {
    const empty = { ...report, cases: [], totals: { cases: 0, matched: 0, diverged: 0, errored: 0 } };
    expect(JSON.parse(renderReport(jsonFormat, empty))).toEqual(empty);
    expect(renderReport(jsonFormat, empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
