/**
 * What the reports say of a run without holding its cases: the totals, the counts of each suite,
 * API and pattern by verdict, the reasons of the undecided and skipped cases, and the findings
 * (divergences and errors) whole. Its size grows with the findings only, so a run of any length
 * is reported in bounded memory.
 */
import type { CaseEntry, CaseResult, ObservedExecution, Report } from './report.js';
import { isFinding, observedExecution } from './report.js';

/** A case's verdict as the matrices show it: an expected divergence apart from the others. */
export type ShownVerdict = 'match' | 'diverged' | 'expected' | 'undecided' | 'error' | 'skipped';

/** The cases of one suite, API and pattern, counted by verdict. */
export interface Cell {
  readonly suite: string;
  readonly api: string;
  readonly pattern: string;
  /** Cases by verdict; `diverged` counts the expected divergences too, `expected` those alone. */
  readonly counts: Record<ShownVerdict, number>;
}

/** The cases of one suite, API, pattern and query language: junit.xml's testcase (a name that recurs every night). */
export interface TestCell {
  readonly suite: string;
  readonly api: string;
  readonly pattern: string;
  readonly queryLanguage: string;
  readonly counts: Record<ShownVerdict, number>;
  /** The cases' durations summed, in seconds. */
  readonly seconds: number;
  /** Why its undecided and skipped cases were not decided, each reason once (first seen first). */
  readonly reasons: readonly string[];
}

/** A suite's counts, as junit.xml's testsuite has them. */
export interface SuiteTally {
  readonly cases: number;
  readonly failures: number;
  readonly errors: number;
  /** Skipped, undecided and expected cases: the testcases JUnit marks skipped. */
  readonly skipped: number;
  /** The cases' durations summed, in seconds, in case order. */
  readonly seconds: number;
}

/** What the tally holds when the run is over. */
export interface TallyData {
  /** Every suite, API and pattern that has a case, in the order first seen. */
  readonly cells: readonly Cell[];
  readonly suites: Readonly<Record<string, SuiteTally>>;
  /** Every suite, API, pattern and query language that has a case, in the order first seen. */
  readonly testCells: readonly TestCell[];
  /** Each reason of an undecided case, with how many cases it stands for (first seen first). */
  readonly undecided: readonly (readonly [string, number])[];
  readonly skipped: readonly (readonly [string, number])[];
}

/**
 * A divergence or an error as the summary keeps it: whole but for the prediction and the
 * observation, which report.json and cases.jsonl hold (its differences say where they part).
 */
export type Finding = Omit<CaseResult, 'predicted' | 'observed'> & {
  /** The observed execution (its ARN, its start) its differences speak of, where the observation names it. */
  readonly execution?: ObservedExecution;
};

/** A run's report as its writers render it: everything but the cases, the findings, the tally. */
export type ReportSummary = Omit<Report, 'cases'> & {
  readonly findings: readonly Finding[];
  readonly tally: TallyData;
};

const zero = (): Record<ShownVerdict, number> => ({
  match: 0,
  diverged: 0,
  expected: 0,
  undecided: 0,
  error: 0,
  skipped: 0,
});

/** The counts and findings of a run's cases, added one at a time (see the file's comment). */
export class Tally {
  private readonly cells = new Map<string, Cell>();
  private readonly testCells = new Map<
    string,
    { -readonly [K in keyof TestCell]: K extends 'reasons' ? string[] : TestCell[K] }
  >();
  private readonly suites = new Map<string, { -readonly [K in keyof SuiteTally]: number }>();
  private readonly undecided = new Map<string, number>();
  private readonly skipped = new Map<string, number>();
  readonly findings: Finding[] = [];
  readonly totals: Required<Report['totals']> = {
    cases: 0,
    matched: 0,
    diverged: 0,
    errored: 0,
    skipped: 0,
    undecided: 0,
    expected: 0,
  };

  /** Counts a case (an entry will do for any but a finding, which is kept whole). */
  add(c: CaseEntry): void {
    const t = this.totals;
    t.cases++;
    const key = `${c.suite}\u0000${c.api}\u0000${c.pattern}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { suite: c.suite, api: c.api, pattern: c.pattern, counts: zero() };
      this.cells.set(key, cell);
    }
    const testKey = `${key}\u0000${c.queryLanguage}`;
    let testCell = this.testCells.get(testKey);
    if (!testCell) {
      testCell = { ...cell, queryLanguage: c.queryLanguage, counts: zero(), seconds: 0, reasons: [] };
      this.testCells.set(testKey, testCell);
    }
    testCell.counts[c.verdict]++;
    if (c.expected) testCell.counts.expected++;
    testCell.seconds += (c.durationMs ?? 0) / 1000;
    const reason =
      c.verdict === 'undecided' ? c.undecidedReason : c.verdict === 'skipped' ? c.skipReason : undefined;
    if (reason !== undefined && !testCell.reasons.includes(reason) && testCell.reasons.length < 5)
      testCell.reasons.push(reason);
    let suite = this.suites.get(c.suite);
    if (!suite) {
      suite = { cases: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
      this.suites.set(c.suite, suite);
    }
    suite.cases++;
    suite.seconds += (c.durationMs ?? 0) / 1000;
    cell.counts[c.verdict]++;
    if (c.expected) {
      cell.counts.expected++;
      t.expected++;
    }
    switch (c.verdict) {
      case 'match':
        t.matched++;
        break;
      case 'diverged':
        t.diverged++;
        if (c.expected) suite.skipped++;
        else suite.failures++;
        break;
      case 'error':
        t.errored++;
        suite.errors++;
        break;
      case 'undecided':
        t.undecided++;
        suite.skipped++;
        count(this.undecided, c.undecidedReason ?? '');
        break;
      case 'skipped':
        t.skipped++;
        suite.skipped++;
        count(this.skipped, c.skipReason ?? '');
        break;
    }
    if (isFinding(c)) {
      const { predicted: _p, observed, ...finding } = c as CaseResult;
      const execution = observedExecution(observed);
      this.findings.push(execution ? { ...finding, execution } : finding);
    }
  }

  data(): TallyData {
    return {
      cells: [...this.cells.values()],
      suites: Object.fromEntries(this.suites),
      testCells: [...this.testCells.values()],
      undecided: [...this.undecided],
      skipped: [...this.skipped],
    };
  }
}

const count = (m: Map<string, number>, reason: string) => m.set(reason, (m.get(reason) ?? 0) + 1);

/** The totals of a report's cases, by verdict. */
export function totalsOf(cases: readonly CaseEntry[]): Report['totals'] {
  const tally = new Tally();
  for (const c of cases) tally.add(c);
  return tally.totals;
}

/** A report held whole (a library run's, a merge's) summarised as its writers render it. */
export function summarise(report: Report): ReportSummary {
  const tally = new Tally();
  for (const c of report.cases) tally.add(c);
  const { cases: _cases, ...head } = report;
  return { ...head, findings: tally.findings, tally: tally.data() };
}
