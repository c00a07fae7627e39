import { ruleIds } from './provenanceText.js';
import { findingCause, groupByCause, groupHeading } from '../groups.js';
import type { CaseResult } from '../report.js';
import type { Finding, ReportSummary, TestCell } from '../tally.js';
import {
  type JunitCase,
  JUNIT_CLOSING,
  JUNIT_SUITE_CLOSING,
  junitOpening,
  junitSuiteOpening,
  junitTestcase,
} from './junitXml.js';
import type { Chunk, ReportFormat } from './format.js';

/** A cell's testcase name: its API, pattern and query language (the same every night, whatever the seed). */
const cellName = (cell: TestCell) => `${cell.api} ${cell.pattern} ${cell.queryLanguage}`;

/** Whether a finding is a case of a cell. */
const inCell = (c: Finding, cell: TestCell) =>
  c.suite === cell.suite &&
  c.api === cell.api &&
  c.pattern === cell.pattern &&
  c.queryLanguage === cell.queryLanguage;

/** A divergence as lines: its case, differences and replay command. */
function divergenceLines(c: Finding): string[] {
  const differences = c.shrunk?.differences ?? c.differences ?? [];
  const message = findingCause(c)?.message;
  return [
    `${c.id}${c.shrunk ? ` (shrunk to ${c.shrunk.id})` : ''}:`,
    ...differences.map((d) => `  ${diffLine(d)}`),
    ...(message !== undefined ? [`  the target said: ${message}`] : []),
    `  replay: ${c.shrunk?.replay?.command ?? c.replay.command}`,
  ];
}

/**
 * A (suite, API, pattern, query language) cell as a testcase: failed where a case of it diverged
 * (its failure's type is the first cause's rule, its body every cause with its cases), in error
 * where a case errored, skipped where no case of it was decided.
 */
function testcase(cell: TestCell, findings: readonly Finding[]): JunitCase {
  const base = { classname: cell.suite, name: cellName(cell), seconds: cell.seconds };
  const mine = findings.filter((c) => inCell(c, cell));
  const errors = mine.filter((c) => c.verdict === 'error');
  const divergent = mine.filter((c) => c.verdict === 'diverged' && !c.expected);
  const counts = cell.counts;
  const cases = Object.entries(counts)
    .filter(([verdict, n]) => verdict !== 'expected' && n > 0)
    .map(([verdict, n]) => `${n} ${verdict}`)
    .join(', ');
  const summary = `${cases}${counts.expected ? ` (${counts.expected} expected)` : ''}`;
  if (divergent.length > 0) {
    const groups = groupByCause(divergent);
    return {
      ...base,
      failure: {
        type: groups[0]!.cause?.rule.id ?? groups[0]!.key,
        message: `${divergent.length} of ${totalOf(cell)} cases diverged: ${groups.map(groupHeading).join('; ')}`,
        body: [
          summary,
          ...groups.flatMap((g) => [
            '',
            `${g.cases.length} × ${groupHeading(g)}`,
            ...g.cases.flatMap(divergenceLines),
          ]),
        ].join('\n'),
      },
      ...(errors.length > 0 ? { systemOut: errors.map(errorLine).join('\n') } : {}),
    };
  }
  if (errors.length > 0)
    return {
      ...base,
      error: {
        type: 'harness-error',
        message: `${errors.length} of ${totalOf(cell)} cases errored: ${(errors[0]!.errorMessage ?? '').split('\n')[0] ?? ''}`,
        body: [summary, ...errors.map((c) => `${c.errorMessage ?? ''}\nreplay: ${c.replay.command}`)].join(
          '\n',
        ),
      },
    };
  if (counts.match === 0 && counts.diverged === counts.expected)
    return { ...base, skipped: `${summary}: ${cell.reasons.join('; ') || 'expected divergences'}` };
  return { ...base, systemOut: summary };
}

/** A cell's number of cases. */
const totalOf = (cell: TestCell) =>
  cell.counts.match + cell.counts.diverged + cell.counts.undecided + cell.counts.error + cell.counts.skipped;

/** An errored case as one line with its replay command. */
const errorLine = (c: Finding) =>
  `error ${c.id}: ${(c.errorMessage ?? '').split('\n')[0] ?? ''} (replay: ${c.replay.command})`;

/** A difference as a line: path, predicted, observed, provenance. */
const diffLine = (d: CaseResult['differences'][number]) =>
  `${d.path}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)} [${ruleIds(d.provenance)}]`;

/** The testcases of a suite, by name. */
function suiteCases(summary: ReportSummary, suite: string): JunitCase[] {
  return summary.tally.testCells
    .filter((cell) => cell.suite === suite)
    .sort((a, b) => cellName(a).localeCompare(cellName(b)))
    .map((cell) => testcase(cell, summary.findings));
}

/** The file: a testsuite per suite, a testcase per cell of it (see testcase). */
function render(summary: ReportSummary): readonly Chunk[] {
  const d = {
    name: 'sfn-sagemaker-conformance',
    timestamp: summary.startedAt,
    seconds: summary.durationMs / 1000,
  };
  const suites = summary.suites.map((suite) => ({ suite, cases: suiteCases(summary, suite) }));
  const counts = (cases: readonly JunitCase[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
    seconds: cases.reduce((n, c) => n + c.seconds, 0),
  });
  const all = suites.map((s) => counts(s.cases));
  const sum = (k: 'tests' | 'failures' | 'errors') => all.reduce((n, c) => n + c[k], 0);
  return [
    junitOpening(d, {
      tests: sum('tests'),
      failures: sum('failures'),
      errors: sum('errors'),
      seconds: d.seconds,
    }),
    ...suites.flatMap(({ suite, cases }) => [
      junitSuiteOpening(d, suite, counts(cases)),
      ...cases.map(junitTestcase),
      JUNIT_SUITE_CLOSING,
    ]),
    JUNIT_CLOSING,
  ];
}

/** junit.xml: a testsuite per suite, a testcase per (API, pattern, query language) cell of it. */
export const junitFormat: ReportFormat = { fileName: 'junit.xml', render };
