/**
 * The oracle's record of which rule decides each predicted thing, as its model runs the execution:
 * the history events, the calls, the failed attempts, the output and the first wait, each with
 * where it happens (contracts/prediction.ts, `Timeline`). A divergence's cause is read from it.
 */
import type { Provenance, RuleId } from '../../catalog/provenance.js';
import type { Place, RuleAt, Timeline, TimelineCall, TimelineEvent } from '../../contracts/prediction.js';

/** The rule a provenance was made for: the first it names. */
export const primaryRule = (provenance: Provenance): RuleId => provenance.rules[0]!.id;

/** The timeline as the model records it (see the file's comment). */
export class TimelineRecorder {
  /** The types of the history events, in order (the prediction's `historyTypes`). */
  readonly types: string[] = [];
  private readonly events: TimelineEvent[] = [];
  private readonly calls: TimelineCall[] = [];
  private readonly failures: (RuleAt & { readonly event: number })[] = [];
  /** Where the model is: the state whose events and calls come next. */
  at?: Place;
  /** What decides creation (the rule that refuses it, or that accepts a valid definition). */
  creation?: RuleAt;
  /** What produced the output so far: the last step that did. */
  output?: RuleAt;
  private firstWait?: RuleAt;

  /** History events of the state the model is in, each predicted by `rule`. */
  event(rule: Provenance, ...types: string[]): void {
    for (const type of types) this.eventAt(rule, this.at, type);
  }

  /** A history event predicted by `rule`, decided at `at` (another state than the one the model is in). */
  eventAt(rule: Provenance, at: Place | undefined, type: string): void {
    this.types.push(type);
    this.events.push({ type, rule: primaryRule(rule), ...(at ? { at } : {}) });
  }

  /**
   * A call made where the model is: the rule that makes it, the rule its decision rests on, and the
   * rule that names its resource where the attempt does.
   */
  call(made: Provenance, decided: Provenance, named?: Provenance): void {
    this.calls.push({
      made: primaryRule(made),
      decided: primaryRule(decided),
      ...(named ? { named: primaryRule(named) } : {}),
      event: this.types.length,
      ...this.here(),
    });
  }

  /** A failed attempt whose TaskFailed event is the last so far, decided by `rule`. */
  failure(rule: Provenance): void {
    this.failures.push({ rule: primaryRule(rule), event: this.types.length - 1, ...this.here() });
  }

  /** The output comes from the state the model is in, by `rule`. */
  produced(rule: Provenance): void {
    this.output = { rule: primaryRule(rule), ...this.here() };
  }

  /** The virtual clock waits, by `rule` (the first wait is kept). */
  waited(rule: Provenance): void {
    this.firstWait ??= { rule: primaryRule(rule), ...this.here() };
  }

  /** The timeline, ended by `end` (what decides the status, error and cause). */
  timeline(end: RuleAt, creation: RuleAt): Timeline {
    return {
      creation,
      events: this.events,
      calls: this.calls,
      failures: this.failures,
      end,
      ...(this.output ? { output: this.output } : {}),
      ...(this.firstWait ? { firstWait: this.firstWait } : {}),
    };
  }

  /** What decides something at the state the model is in. */
  ruleAt(rule: Provenance): RuleAt {
    return { rule: primaryRule(rule), ...this.here() };
  }

  private here(): { at?: Place } {
    return this.at ? { at: this.at } : {};
  }
}
