/**
 * What a run tells its reporters (vitest's reporter pattern): the runner only emits these events;
 * every output of a run (cases.jsonl, the progress line, the report files, the summary) is a
 * reporter. The events come in this order: `onRunStart`; for each case `onCaseStart`, then, while a
 * divergent case is shrunk, `onCaseShrinking` (as shrinking starts and after each candidate), then,
 * as it finishes, `onCaseShrunk` (a divergent case that was shrunk) and `onCaseFinished`, and, once
 * every case before it is in, `onCaseInOrder`; at last `onRunEnd`, or `onRunFailed`. A case run in a
 * worker thread (`--workers`) is not told `onCaseShrinking`.
 *
 * A reporter that throws fails the run: no more cases start, the others get no more case events,
 * every reporter gets `onRunFailed`, and the error is the run's.
 */
import type { BaselineOutcome } from '../expectations.js';
import type { CaseResult, Report } from '../report.js';
import type { ReportSummary } from '../tally.js';

/** What the run is, as it starts: its report's head so far, and how many cases it will start. */
export type RunStart = Pick<
  Report,
  'tool' | 'target' | 'seed' | 'runs' | 'concurrency' | 'suites' | 'startedAt' | 'shard'
> & {
  /** The cases the run starts (the shard's, with a shard). */
  readonly total: number;
};

/** A case about to start: its suite, its index in the suite, its place in the report. */
export interface CaseStart {
  readonly suite: string;
  readonly index: number;
  /** Its place among the run's cases, in the report's order (0 first). */
  readonly place: number;
}

/** How far the run is: cases finished, of how many. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
}

/** A divergent case being shrunk: how far shrinking is. */
export interface ShrinkProgress {
  readonly suite: string;
  readonly index: number;
  /** Steps so far to a smaller case that still diverges. */
  readonly steps: number;
  /** Candidates tried so far. */
  readonly tried: number;
  /** Candidates it may try at most (the shrinking budget). */
  readonly budget: number;
}

/** What shrinking a divergent case took. */
export interface ShrinkEffort {
  /** Steps to a smaller case that still diverges. */
  readonly steps: number;
  /** Executions of candidates, the ones that did not diverge so included. */
  readonly executions: number;
}

/** One output of a run: every event is optional. */
export interface RunReporter {
  /** Before the first case (a reporter opens its files here; a failure stops the run). */
  onRunStart?(start: RunStart): void;
  /** A case starts. */
  onCaseStart?(c: CaseStart): void;
  /** A divergent case is being shrunk: as shrinking starts, and after each candidate tried. */
  onCaseShrinking?(progress: ShrinkProgress): void;
  /** A divergent case was shrunk (just before its `onCaseFinished`). */
  onCaseShrunk?(result: CaseResult, effort: ShrinkEffort): void;
  /** A case finished (in the order the cases finish): its result whole. */
  onCaseFinished?(result: CaseResult, progress: RunProgress): void;
  /**
   * A case in the report's order (suite by suite, each by index), once every case before it is in;
   * marked `expected` where the run's baseline names it.
   */
  onCaseInOrder?(result: CaseResult): void;
  /** The run is over (finished, or interrupted): its report, and what the baseline matched. */
  onRunEnd?(report: ReportSummary, baseline: BaselineOutcome | undefined): void;
  /** The run failed (a reporter or the harness threw): nothing else comes. */
  onRunFailed?(error: unknown): void;
}

/** Where a reporter writes text: standard output and standard error (the CLI's `Io`). */
export interface Streams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}
