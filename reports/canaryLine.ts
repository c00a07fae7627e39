/** What a report says of its canary (suites/canary.ts), in one line, where it has something to say. */
import type { Report } from './report.js';

/** What the canary says, if it has something to say: the target's state changed, or it could not run. */
export function canaryLine(report: Pick<Report, 'canary'>): string | undefined {
  const canary = report.canary;
  if (!canary) return undefined;
  if (canary.relabelled > 0)
    return `target state changed: after case ${canary.changedAfter ?? '?'} (a finding, and perhaps what changed it) a known case no longer behaved as at the start; ${canary.relabelled} ${canary.relabelled === 1 ? 'divergence' : 'divergences'} since are marked undecided, not findings (rerun them on a fresh target)`;
  if (canary.unusable)
    return `no canary: ${canary.unusable}; findings are not checked for a target whose state changed`;
  return undefined;
}
