import { ruleLine, ruleLines } from './provenanceText.js';
import { canaryLine } from '../canaryLine.js';
import { findingCause, groupHeading, groupSections, type CauseGroup } from '../groups.js';
import { diffLine, Placeholders } from '../normalise.js';
import { cell } from './markdownCell.js';
import type { Cell, ReportSummary } from '../tally.js';
import type { ReportFormat } from './format.js';

function matrix(report: ReportSummary): string[] {
  const lines: string[] = [];
  const suites = report.suites;
  const rows = new Map<string, Cell[]>();
  for (const c of report.tally.cells) {
    const key = JSON.stringify([c.api, c.pattern]);
    rows.set(key, [...(rows.get(key) ?? []), c]);
  }
  lines.push(`| api | pattern | ${suites.join(' | ')} |`, `|---|---|${suites.map(() => '---').join('|')}|`);
  for (const [key, cells] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const shown = suites.map((s) => {
      const of = cells.find((c) => c.suite === s);
      if (!of) return '';
      return `${of.counts.match} / ${of.counts.diverged} / ${of.counts.error}`;
    });
    lines.push(`| ${[...(JSON.parse(key) as string[]), ...shown].map(cell).join(' | ')} |`);
  }
  return lines;
}

function render(report: ReportSummary): readonly string[] {
  const t = report.totals;
  const lines = [
    '# sfn-sagemaker-conformance report',
    '',
    `Target: ${targetLine(report)}. Seed ${report.seed}, ${report.runs} runs per suite, suites ${report.suites.join(', ')}, concurrency ${report.concurrency}.`,
    '',
    `**${t.cases} cases: ${t.matched} matched, ${t.diverged} diverged${t.expected ? ` (${t.expected} expected)` : ''}, ${t.errored} errored${t.undecided ? `, ${t.undecided} undecided` : ''}${t.skipped ? `, ${t.skipped} skipped` : ''}** in ${(report.durationMs / 1000).toFixed(1)} s${report.stats.casesPerSecond === undefined ? '' : ` (${report.stats.casesPerSecond} cases/s)`}.`,
    '',
    ...(report.interrupted
      ? ['**Interrupted**: the cases that finished before the interruption, no others.', '']
      : []),
    ...(canaryLine(report) ? [`**${canaryLine(report)!}**`, ''] : []),
    ...(report.target.stats
      ? [
          `Target figures: ${Object.entries(report.target.stats)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}.`,
          '',
        ]
      : []),
    '## Matrix (matched / diverged / errored)',
    '',
    ...matrix(report),
    '',
  ];
  const divergent = report.findings.filter(
    (c) => (c.verdict === 'diverged' && !c.expected) || c.verdict === 'error',
  );
  const expected = report.findings.filter((c) => c.expected !== undefined);
  if (divergent.length > 0) {
    lines.push('## Divergences', '');
    lines.push(
      'Grouped by cause: the first rule of the evidence table the target broke, where, and what it did there (docs/reports.md). Each group shows one example: its differences (`(-)` predicted only, `(+)` observed only, `(~)` predicted -> observed), what the target said, and how to replay it.',
      '',
    );
    const diverged = divergent.filter((c) => c.verdict === 'diverged');
    // A target that failed to answer is no expectation's: its own section, ahead of the others.
    const titles = {
      target: 'The target failed to answer',
      documented: 'From documented expectations',
      observed: 'From observed expectations',
      inferred: 'From inferred expectations',
    } as const;
    for (const { kind, groups, cases } of groupSections(diverged)) {
      lines.push(
        `### ${titles[kind]} (${cases} ${cases === 1 ? 'case' : 'cases'}, ${groups.length} ${groups.length === 1 ? 'cause' : 'causes'})`,
        '',
      );
      if (kind === 'inferred')
        lines.push(
          'An inferred expectation may be wrong itself: read these as findings about the oracle as much as the target.',
          '',
        );
      for (const g of groups) lines.push(...groupLines(g));
    }
    const errors = divergent.filter((c) => c.verdict === 'error');
    if (errors.length > 0) {
      lines.push(`### Errors (${errors.length})`, '');
      for (const c of errors)
        lines.push(
          `- ${c.suite} ${c.id}: ${(c.errorMessage ?? '').split('\n')[0]} — replay: \`${c.replay.command}\``,
        );
      lines.push('');
    }
  }
  if (expected.length > 0)
    lines.push(
      `## Expected divergences (${expected.length})`,
      '',
      `Named by the baseline ${report.expectations ? `\`${report.expectations.file}\`` : ''}; they do not fail the run.`,
      '',
      ...reasonCounts(expected.map((c) => `${c.suite} ${c.api} ${c.pattern}: ${c.expected!.reason}`)),
      '',
    );
  if (report.expectations && report.expectations.stale + report.expectations.expired > 0)
    lines.push(
      `Baseline entries that matched nothing: ${report.expectations.stale} stale, ${report.expectations.expired} expired (the run's stderr names them).`,
      '',
    );
  const { undecided, skipped } = report.tally;
  if (undecided.length > 0) {
    lines.push(
      `## Undecided (${report.totals.undecided ?? 0})`,
      '',
      'No difference showed, but the target shows too little to tell a match from a divergence:',
      '',
      ...reasonLines(undecided),
      '',
    );
  }
  if (skipped.length > 0)
    lines.push(`## Not run (${report.totals.skipped ?? 0})`, '', ...reasonLines(skipped), '');
  return [`${lines.join('\n')}\n`];
}

/** The cases listed by id under a group, at most. */
const LISTED_CASES = 20;

/** A cause's group: its heading, the rule, one example with what the target said, and the replay commands. */
function groupLines(g: CauseGroup): string[] {
  const c = g.example;
  const p = new Placeholders();
  const diffs = c.shrunk?.differences ?? c.differences;
  const restsOn = [
    `The prediction rests on (${diffs[0]!.provenance.kind}):`,
    '',
    ...ruleLines(diffs[0]!.provenance).map((l) => `- ${l}`),
  ];
  const rests = g.cause
    ? [
        `Rule broken (${g.cause.rule.kind}):`,
        '',
        `- ${ruleLine(g.cause.rule)}`,
        // Where the prediction's weakest rules are others, they say how far to trust the finding.
        ...(diffs[0]!.provenance.rules?.some((r) => r.id !== g.cause!.rule.id) ? ['', ...restsOn] : []),
      ]
    : restsOn;
  const message = findingCause(c)?.message;
  const others = g.cases.filter((other) => other !== c).map((other) => `${other.suite} ${other.id}`);
  return [
    `#### ${g.cases.length} × ${groupHeading(g)}`,
    '',
    ...rests,
    '',
    `Example: ${c.suite} ${c.api} ${c.pattern} (${c.id}${c.shrunk ? `, shrunk in ${c.shrunk.steps} steps to ${c.shrunk.id}` : ''})`,
    '',
    '```',
    ...diffs.map((d) => diffLine(d.path, d.predicted, d.observed, p)),
    '```',
    '',
    ...(message !== undefined ? [`The target said: ${inlineCode(p.text(message))}`, ''] : []),
    ...(c.shrunk?.replay
      ? [
          `Replay the shrunk case: \`${c.shrunk.replay.command}\``,
          '',
          `Replay the case as drawn: \`${c.replay.command}\``,
          '',
        ]
      : [`Replay: \`${c.replay.command}\``, '']),
    ...(others.length > 0
      ? [
          `Also: ${others.slice(0, LISTED_CASES).join(', ')}${others.length > LISTED_CASES ? ` and ${others.length - LISTED_CASES} more` : ''}.`,
          '',
        ]
      : []),
  ];
}

/** Text as inline code, whatever backticks it holds, on one line. */
function inlineCode(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  const fence = '`'.repeat((line.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  return `${fence} ${line} ${fence}`;
}

/** One line per reason: how many cases it stands for. */
function reasonCounts(reasons: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return reasonLines([...counts]);
}

const reasonLines = (counts: readonly (readonly [string, number])[]) =>
  counts.map(([reason, n]) => `- ${n} × ${reason}`);

/** report.md: the totals, the matrices, the findings with their replay commands. */
export const markdownFormat: ReportFormat = { fileName: 'report.md', render };

/** The target as the header names it: its description, with the region unless it already says it. */
function targetLine(report: ReportSummary): string {
  const description = report.target.description ?? report.target.kind;
  return description.includes(`(${report.target.region})`)
    ? description
    : `${description} (${report.target.region})`;
}
