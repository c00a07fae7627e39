import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../tally.js';
import { REPORT_FORMATS } from '../writers/formats.js';
import { renderFile } from '../writers/format.js';
import { fixtureReport } from '../writers/testing/fixtureReport.js';
import { ReportFiles } from './reportFiles.js';

describe('report files written as the cases finish', () => {
  // Cases of two suites by turns (a section's texts apart), one larger than a read of the part file.
  const report = fixtureReport();
  const big = { ...report.cases[1]!, errorMessage: `é€😀 ${'x'.repeat(200_000)}`, verdict: 'error' as const };
  const cases = [
    report.cases[0]!,
    report.cases[5]!,
    big,
    report.cases[1]!,
    report.cases[6]!,
    report.cases[2]!,
  ];
  const whole = { ...report, cases };
  const summary = summarise(whole);

  it('are the files rendered in memory, byte for byte, and leave no part file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfnc-report-files-'));
    const files = new ReportFiles(dir, REPORT_FORMATS);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.part'))
        .sort(),
    ).toEqual(['.report.json.part']);
    for (const c of cases) files.add(c);
    files.finish(summary);
    for (const r of REPORT_FORMATS)
      expect(readFileSync(join(dir, r.fileName), 'utf8'), r.fileName).toBe(renderFile(r, summary, cases));
    expect(readdirSync(dir).sort()).toEqual(REPORT_FORMATS.map((r) => r.fileName).sort());
  });

  it('discarded (a run that failed), leave nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfnc-report-files-'));
    const files = new ReportFiles(dir, REPORT_FORMATS);
    files.add(cases[0]!);
    files.discard();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });
});
