/**
 * What `run` and `merge` print on stdout when they end: the totals, the failing divergences grouped
 * by cause, the errors, and where the report files are.
 */
import { printable, printableLines } from '../../contracts/printable.js';
import { join } from 'node:path';
import { failingDivergences } from '../expectations.js';
import { canaryLine } from '../canaryLine.js';
import { findingCause, groupByCause, groupHeading } from '../groups.js';
import type { Finding, ReportSummary } from '../tally.js';
import { REPORT_FORMATS } from '../writers/formats.js';
import { cell } from '../writers/markdownCell.js';
import type { RunReporter, Streams } from './runReporter.js';

import type { SummaryFormat } from '../../contracts/summaryFormat.js';

/**
 * The summary on stdout: the totals, then the failing divergences grouped by cause (the same
 * difference paths), a count and one example with its replay command per group, and where the
 * reports are; as text, JSON or Markdown.
 */
export function printSummary(
  report: ReportSummary,
  dir: string,
  io: Streams,
  format: SummaryFormat = 'text',
): void {
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
          ...(report.canary ? { canary: report.canary } : {}),
          groups: groups.map((g) => ({
            cause: groupHeading(g),
            ...(g.cause
              ? { rule: g.cause.rule.id, kind: g.cause.rule.kind, answer: g.cause.answer, places: g.places }
              : {}),
            count: g.cases.length,
            example: {
              id: g.example.id,
              suite: g.example.suite,
              replay: replayOf(g.example),
              ...(messageOf(g.example) !== undefined ? { message: messageOf(g.example) } : {}),
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
  const line = `${t.cases} cases: ${t.matched} matched, ${t.diverged} diverged${t.expected ? ` (${t.expected} expected)` : ''}, ${t.errored} errored${t.undecided ? `, ${t.undecided} undecided` : ''}${t.skipped ? `, ${t.skipped} not run` : ''} (${shard}seed ${report.seed}${report.stats.casesPerSecond === undefined ? '' : `, ${report.stats.casesPerSecond} cases/s`})`;
  const md = format === 'markdown';
  const out = [md ? `**${line}**` : line];
  const changed = canaryLine(report);
  if (changed) out.push(md ? `\n${changed}` : changed);
  if (groups.length > 0)
    out.push(
      md
        ? '\n| cases | cause | the target said | replay |\n|---|---|---|---|'
        : `${groups.length} ${groups.length === 1 ? 'cause' : 'causes'}:`,
    );
  for (const g of groups) {
    const said = messageOf(g.example) ?? firstDifference(g.example);
    if (md)
      out.push(
        `| ${g.cases.length} | ${cell(groupHeading(g))} | ${cell(said)} | \`${cell(replayOf(g.example))}\` |`,
      );
    else
      out.push(
        [
          `  ${g.cases.length} × ${groupHeading(g)}`,
          ...(g.cause ? [`    rule (${g.cause.rule.kind}): ${g.cause.rule.claim}`] : []),
          `    e.g. ${g.example.suite} ${g.example.id}: ${said}`,
          `    replay: ${replayOf(g.example)}`,
        ].join('\n'),
      );
  }
  for (const c of errors.slice(0, 5))
    out.push(
      `${md ? '- ' : '  '}error ${c.suite} ${c.api} ${c.pattern}: ${(c.errorMessage ?? '').split('\n')[0]}${md ? '' : '\n   '} replay: ${c.replay.command}`,
    );
  out.push(`${md ? '\n' : ''}reports: ${files.map(printable).join(', ')}`);
  io.stdout(`${printableLines(out.join('\n'))}\n`);
}

const replayOf = (c: Finding) => c.shrunk?.replay?.command ?? c.replay.command;

/** What the target itself said, one line, shortened: its error and cause, or its refusal. */
function messageOf(c: Finding): string | undefined {
  const message = findingCause(c)?.message;
  if (message === undefined) return undefined;
  const line = message.replace(/\s+/g, ' ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
function firstDifference(c: Finding): string {
  const d = (c.shrunk?.differences ?? c.differences)[0];
  return d
    ? `${d.path} predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}`
    : '';
}

/** The reporter that prints the summary of a run whose report files are in `dir`, as it ends. */
export function summaryReporter(io: Streams, dir: string, format: SummaryFormat): RunReporter {
  return { onRunEnd: (report) => printSummary(report, dir, io, format) };
}
