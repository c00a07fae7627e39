/** What `run` and `merge` print when they end, and the exit code they end with. */
import { join } from 'node:path';
import { failingDivergences } from '../reports/expectations.js';
import { groupByCause } from '../reports/groups.js';
import type { Finding, ReportSummary } from '../reports/tally.js';
import { REPORT_FORMATS } from '../reports/writers/formats.js';
import { cell } from '../reports/writers/markdownCell.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/** 1 where a divergence fails the run (not expected, strong enough for --fail-on) or a case errored. */
export function exitCodeOf(report: ReportSummary): number {
  return failingDivergences(report, report.failOn).length + report.totals.errored === 0 ? 0 : 1;
}

const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
export function formatOf(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError('bad-option', `--format "${value}" is unknown; use ${FORMATS.join(', ')}`);
  return value as Format;
}

/**
 * The summary on stdout: the totals, then the failing divergences grouped by cause (the same
 * difference paths), a count and one example with its replay command per group, and where the
 * reports are; as text, JSON or Markdown.
 */
export function printSummary(report: ReportSummary, dir: string, io: Io, format: Format = 'text'): void {
  const t = report.totals;
  const files = [...REPORT_FORMATS.map((r) => join(dir, r.fileName)), join(dir, 'cases.jsonl')];
  const groups = groupByCause(failingDivergences(report, report.failOn ?? 'inferred'));
  const errors = report.findings.filter((c) => c.verdict === 'error');
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          seed: report.seed,
          ...(report.shard ? { shard: report.shard } : {}),
          totals: t,
          groups: groups.map((g) => ({
            cause: g.cause,
            count: g.cases.length,
            example: {
              id: g.example.id,
              suite: g.example.suite,
              replay: replayOf(g.example),
              difference: firstDifference(g.example),
            },
          })),
          errors: errors.map((c) => ({
            id: c.id,
            message: (c.errorMessage ?? '').split('\n')[0],
            replay: c.replay.command,
          })),
          reports: files,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const shard = report.shard ? `shard ${report.shard.index}/${report.shard.count}, ` : '';
  const line = `${t.cases} cases: ${t.matched} matched, ${t.diverged} diverged${t.expected ? ` (${t.expected} expected)` : ''}, ${t.errored} errored${t.undecided ? `, ${t.undecided} undecided` : ''}${t.skipped ? `, ${t.skipped} not run` : ''} (${shard}seed ${report.seed}, ${report.stats.casesPerSecond} cases/s)`;
  const md = format === 'markdown';
  const out = [md ? `**${line}**` : line];
  if (groups.length > 0)
    out.push(md ? '\n| cases | cause | example | replay |\n|---|---|---|---|' : `${groups.length} causes:`);
  for (const g of groups) {
    const d = firstDifference(g.example);
    if (md)
      out.push(
        `| ${g.cases.length} | ${cell(g.cause)} | ${cell(`${g.example.suite} ${g.example.api} ${g.example.pattern}: ${d}`)} | \`${cell(replayOf(g.example))}\` |`,
      );
    else
      out.push(
        `  ${g.cases.length} × ${g.cause}\n    e.g. ${g.example.suite} ${g.example.api} ${g.example.pattern}: ${d}\n    replay: ${replayOf(g.example)}`,
      );
  }
  for (const c of errors.slice(0, 5))
    out.push(
      `${md ? '- ' : '  '}error ${c.suite} ${c.api} ${c.pattern}: ${(c.errorMessage ?? '').split('\n')[0]}${md ? '' : '\n   '} replay: ${c.replay.command}`,
    );
  out.push(`${md ? '\n' : ''}reports: ${files.join(', ')}`);
  io.stdout(`${out.join('\n')}\n`);
}

const replayOf = (c: Finding) => c.shrunk?.replay?.command ?? c.replay.command;
function firstDifference(c: Finding): string {
  const d = (c.shrunk?.differences ?? c.differences)[0];
  return d
    ? `${d.path} predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}`
    : '';
}
