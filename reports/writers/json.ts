import { entryOf, type CaseEntry } from '../report.js';
import type { ReportSummary } from '../tally.js';
import type { Chunk, ReportFormat } from './format.js';

const CASES = '\u0000cases\u0000';

/**
 * report.json, as `JSON.stringify(report, null, 2)` would write it: the cases last, each entry
 * written as its case finishes (a finding whole, the others summarised).
 */
export const jsonFormat: ReportFormat = {
  fileName: 'report.json',
  perCase: {
    section: () => 'cases',
    text: (c: CaseEntry, first: boolean) =>
      `${first ? '\n' : ',\n'}    ${JSON.stringify(entryOf(c), null, 2).replace(/\n/g, '\n    ')}`,
  },
  render(summary: ReportSummary): readonly Chunk[] {
    const { findings: _f, tally: _t, ...head } = summary;
    const [before, after] = JSON.stringify({ ...head, cases: CASES }, null, 2).split(JSON.stringify(CASES));
    return summary.totals.cases === 0
      ? [`${before}[]${after}\n`]
      : [`${before}[`, { section: 'cases' }, `\n  ]${after}\n`];
  },
};
