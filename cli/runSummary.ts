/** How `run` and `merge` end: the format of their summary (`--format`), and the exit code. */
import { failingDivergences } from '../reports/expectations.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../reports/reporters/summary.js';
import type { ReportSummary } from '../reports/tally.js';
import { UsageError } from '../contracts/usageError.js';

/** 1 where a divergence fails the run (not expected, strong enough for --fail-on) or a case errored. */
export function exitCodeOf(report: ReportSummary): number {
  return failingDivergences(report, report.failOn).length + report.totals.errored === 0 ? 0 : 1;
}

/** `--format` of the summary, checked (text when not given). */
export function formatOf(value: string | undefined): SummaryFormat {
  if (value === undefined) return 'text';
  if (!(SUMMARY_FORMATS as readonly string[]).includes(value))
    throw new UsageError('bad-option', `--format "${value}" is unknown; use ${SUMMARY_FORMATS.join(', ')}`);
  return value as SummaryFormat;
}
