/**
 * What `merge` checks of each shard before it merges anything: the shard is one of its run's
 * (`1 <= index <= count`), its report lists exactly the cases its index owns (case k of a suite is
 * shard (k mod count) + 1's), each once, of its seed, every one of them unless the run was
 * interrupted, its totals are its cases' counts, and its cases.jsonl holds the same cases with the
 * same verdicts. A shard's files copied over another's, emptied, cut or added to are refused.
 */
import type { CaseEntry, Report } from '../reports/report.js';
import { totalsOf } from '../reports/tally.js';
import { UsageError } from '../contracts/usageError.js';
import { forEachCase } from './casesFile.js';

/** A shard as merge reads it: where its report is, the report, and its cases.jsonl if it has one. */
export interface ShardFiles {
  readonly path: string;
  readonly report: Report;
  readonly jsonl: string | undefined;
}

/** A case's place in its run: its suite and its index in the suite (`replay.path` is `suite:index`). */
function placeOf(c: CaseEntry): { suite: string; index: number } | undefined {
  const m = /^([^:]+):(\d+)$/.exec(c.replay.path);
  return m && m[1] === c.suite ? { suite: m[1], index: Number(m[2]) } : undefined;
}

/** Checks one shard's files (see the file's comment); refuses with one line naming the shard. */
export function checkShard({ path, report, jsonl }: ShardFiles): void {
  const count = report.shard?.count ?? 1;
  const index = report.shard?.index ?? 1;
  const refuse = (what: string): never => {
    throw new UsageError(
      'bad-shard',
      `shard ${index}/${count} ("${path}"): ${what}; give the shard's report directory as its run wrote it`,
    );
  };
  if (index > count) refuse(`there is no shard ${index} of ${count}`);
  /** Why a case is not one of this shard's, or undefined. */
  const foreign = (c: CaseEntry): string | undefined => {
    const place = placeOf(c);
    if (place === undefined || !report.suites.includes(place.suite))
      return `is not a case of the run's suites (${c.replay.path})`;
    if (c.replay.seed !== report.seed) return `is of seed ${c.replay.seed}, not ${report.seed}`;
    if (place.index >= report.runs) return `is past the run's ${report.runs} cases per suite`;
    if (place.index % count !== index - 1)
      return `belongs to shard ${(place.index % count) + 1}/${count}, not this one`;
    return undefined;
  };
  const listed = new Map<string, CaseEntry>();
  for (const c of report.cases) {
    const why = foreign(c);
    if (why !== undefined) refuse(`its report's case ${c.replay.path} ${why}`);
    if (listed.has(c.replay.path)) refuse(`its report lists case ${c.replay.path} twice`);
    listed.set(c.replay.path, c);
  }
  const owned = Array.from({ length: report.runs }, (_, k) => k).filter(
    (k) => k % count === index - 1,
  ).length;
  const expected = owned * report.suites.length;
  if (!report.interrupted && listed.size !== expected)
    refuse(`its report lists ${listed.size} cases, and the shard has ${expected}`);
  const totals = totalsOf(report.cases);
  for (const [what, n] of Object.entries(totals))
    if (report.totals[what as keyof typeof totals] !== n)
      refuse(`its totals say ${report.totals[what as keyof typeof totals]} ${what}, and its cases ${n}`);
  if (jsonl === undefined) return;
  const seen = new Set<string>();
  forEachCase(jsonl, (c) => {
    const why = foreign(c);
    if (why !== undefined) refuse(`its cases.jsonl's case ${c.replay.path} ${why}`);
    if (seen.has(c.replay.path)) refuse(`its cases.jsonl holds case ${c.replay.path} twice`);
    seen.add(c.replay.path);
    const inReport = listed.get(c.replay.path);
    if (inReport === undefined)
      refuse(`its cases.jsonl holds case ${c.replay.path}, which its report does not list`);
    else if (inReport.id !== c.id || inReport.verdict !== c.verdict)
      refuse(
        `case ${c.replay.path} is ${c.id} ${c.verdict} in its cases.jsonl and ${inReport.id} ${inReport.verdict} in its report`,
      );
  });
  if (seen.size !== listed.size)
    refuse(`its cases.jsonl holds ${seen.size} cases, and its report lists ${listed.size}`);
}
