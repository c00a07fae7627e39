/** How `run` and `merge` end: the format of their summary (`--format`), and the exit code. */
import { failingDivergences } from '../reports/expectations.js';
import type { SummaryFormat } from '../contracts/summaryFormat.js';
import type { ReportSummary } from '../reports/tally.js';
import { chosenFormat, SUMMARY } from './options/report.js';

/** 1 where a divergence fails the run (not expected, strong enough for --fail-on) or a case errored. */
export function exitCodeOf(report: ReportSummary): number {
  return failingDivergences(report, report.failOn).length + report.totals.errored === 0 ? 0 : 1;
}

/** `--format` of the summary, checked (text when not given). */
export const formatOf = (value: string | undefined): SummaryFormat => chosenFormat(value, SUMMARY);
