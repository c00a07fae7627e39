/** What an expectation rests on, as the reports write it: each rule's id, kind, claim and sources. */
import type { Difference } from '../report.js';

type ReportProvenance = Difference['provenance'];

/** A rule as one line: `` `id` (kind): claim. Sources: a; b``. */
export const ruleLine = (r: NonNullable<ReportProvenance['rules']>[number]): string =>
  `\`${r.id}\` (${r.kind}): ${r.claim}. Sources: ${r.sources.join('; ')}${r.caveat ? `. Caveat: ${r.caveat}` : ''}`;

/** One line a rule: `` `id` (kind): claim. Sources: a; b`` (a report without rules: its source line). */
export function ruleLines(p: ReportProvenance): string[] {
  if (!p.rules || p.rules.length === 0) return [`${p.kind}: ${p.source}`];
  return p.rules.map(ruleLine);
}

/** The rules' ids, for one-line forms: `observed: sfn.sync.addtags-needed, ...`. */
export const ruleIds = (p: ReportProvenance): string =>
  `${p.kind}: ${p.rules && p.rules.length > 0 ? p.rules.map((r) => r.id).join(', ') : p.source}`;
