/**
 * The reporters of a run, told its events: the first error one throws is kept as the run's (no
 * more cases start, no more case events go out), and at the end every reporter hears that the run
 * failed.
 */
import type { BaselineOutcome } from '../reports/expectations.js';
import type { RunReporter, RunStart } from '../reports/reporters/runReporter.js';
import type { ReportSummary } from '../reports/tally.js';

/** The events of a case, which every reporter is told until the run fails. */
type CaseEvent = 'onCaseStart' | 'onCaseShrinking' | 'onCaseShrunk' | 'onCaseFinished' | 'onCaseInOrder';

/** A run's reporters (see the file's comment). */
export class RunReporters {
  private error: unknown;
  private hasFailed = false;

  constructor(private readonly reporters: readonly RunReporter[]) {}

  /** Whether a reporter (or the harness) failed the run. */
  get failed(): boolean {
    return this.hasFailed;
  }

  /** Fails the run with `error`, unless it failed already (the first error is the one to tell). */
  fail(error: unknown): void {
    if (this.hasFailed) return;
    this.hasFailed = true;
    this.error = error;
  }

  /** Tells every reporter a case's event, unless the run failed; a reporter's error fails it. */
  emit<E extends CaseEvent>(event: E, ...args: Parameters<NonNullable<RunReporter[E]>>): void {
    if (this.hasFailed) return;
    for (const reporter of this.reporters) {
      const handler = reporter[event] as ((...a: typeof args) => void) | undefined;
      try {
        handler?.apply(reporter, args);
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /** The run starts: each reporter in turn; the first that throws fails the run at once. */
  start(start: RunStart): void {
    this.each((reporter) => reporter.onRunStart?.(start));
  }

  /** The run is over: each reporter in turn; the first that throws fails the run at once. */
  end(report: ReportSummary, baseline: BaselineOutcome | undefined): void {
    this.each((reporter) => reporter.onRunEnd?.(report, baseline));
  }

  /** Tells every reporter that the run failed, and returns its error (to throw). */
  failRun(): unknown {
    for (const reporter of this.reporters)
      try {
        reporter.onRunFailed?.(this.error);
      } catch {
        // The first error is the one to tell.
      }
    return this.error;
  }

  private each(call: (reporter: RunReporter) => void): void {
    for (const reporter of this.reporters)
      try {
        call(reporter);
      } catch (e) {
        this.fail(e);
        throw this.failRun();
      }
  }
}
