/**
 * What the oracle predicts for a case (docs/architecture.md, "Core types"): each aspect of the execution with
 * the provenance it rests on. Targets report an Observation in the same shape, and reports compare
 * the two after normalisation.
 */
import type { Api, ExecutionStatus, Pattern } from '../catalog/api.js';
import type { Provenance, RuleId } from '../catalog/provenance.js';
import type { WorldScenario } from '../catalog/scenario.js';
import type { Breakage, MachinePlan } from './casePlan.js';
import type { Decision, PolicyDocument } from './iamPolicy.js';

/** A predicted value with the provenance it rests on. */
export interface Expectation<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

/** One call made as the role, as a target reports it. */
export interface CallRecord {
  readonly action: string;
  readonly resource: string;
  readonly decision: Decision;
}

/** What the cause must contain (case-insensitively): the cause's text is the service's, its content is the rule's. */
export interface CausePattern {
  readonly includes: readonly string[];
}

/** A predicted output value that is a cause: a string that must contain these (case-insensitively). */
export class CauseMatch implements CausePattern {
  constructor(readonly includes: readonly string[]) {}
}

/**
 * A predicted time of day: this many milliseconds after the execution started (a job's creation and
 * end in a `.sync` result, epoch milliseconds). Compared only on a target whose clock is virtual.
 */
export class ClockTime {
  /** `earlierByMs`: FULL-jittered waits before it may make it as much earlier. */
  constructor(
    readonly afterStartMs: number,
    readonly earlierByMs = 0,
  ) {}
  /** Whether an observed time fits, on a clock that started the execution at `startEpochMs` (to the ms). */
  matches(observed: unknown, startEpochMs: number): boolean {
    const at = startEpochMs + this.afterStartMs;
    return typeof observed === 'number' && observed >= at - this.earlierByMs - 2 && observed <= at + 2;
  }
  toJSON(): string {
    const earlier = this.earlierByMs > 0 ? ` (up to ${this.earlierByMs}ms earlier)` : '';
    return `\${ExecutionStart}+${this.afterStartMs}ms${earlier}`;
  }
}

/** A virtual duration that FULL jitter makes uncertain: at least `min`, below `max`. */
export interface DurationRange {
  readonly min: number;
  readonly max: number;
}

/** Stands in a predicted value for the execution's ARN, which the target chooses. */
export const EXECUTION_ARN = '${ExecutionArn}';

/** How each `.sync` job of the execution ended, as the oracle's model ran it (for the scenario mix). */
export type JobEnd = 'Completed' | 'Failed' | 'Stopped' | 'timedOut' | 'aborted';

/** Where in the state machine something happens: a state, and its task's API and pattern if it is a task. */
export interface Place {
  readonly state: string;
  readonly api?: Api;
  readonly pattern?: Pattern;
}

/** A rule of the evidence table, and where it decides what happens. */
export interface RuleAt {
  readonly rule: RuleId;
  readonly at?: Place;
}

/** A predicted history event: its type, where it happens and the rule that predicts it there. */
export interface TimelineEvent extends RuleAt {
  readonly type: string;
}

/**
 * A predicted call: where it is made, how many history events precede it, the rule that says it is
 * made (`made`) and the rule that says what its decision costs (`decided`).
 */
export interface TimelineCall {
  readonly at?: Place;
  readonly event: number;
  readonly made: RuleId;
  readonly decided: RuleId;
  /** The rule that names the call's resource where the attempt names it (a name numbered by State.RetryCount). */
  readonly named?: RuleId;
}

/**
 * Which rule decides each predicted thing, in the order of the execution (docs/reports.md, "A
 * divergence's cause"): a divergence's cause is the rule of the first thing the target did otherwise.
 */
export interface Timeline {
  /** The rule that decides whether CreateStateMachine accepts the definition. */
  readonly creation: RuleAt;
  /** The history events, in order (their types are `historyTypes`). */
  readonly events: readonly TimelineEvent[];
  /** The calls, in the order of the prediction's `calls`. */
  readonly calls: readonly TimelineCall[];
  /** The failed attempts, in the order of the prediction's `taskFailures`, each with its event's index. */
  readonly failures: readonly (RuleAt & { readonly event: number })[];
  /** What decides the execution's status, error and cause. */
  readonly end: RuleAt;
  /** What decides the output: the last step that produced it. */
  readonly output?: RuleAt;
  /** What decides the first wait of the virtual clock (a retry's interval, a job's polls, a timeout). */
  readonly firstWait?: RuleAt;
}

/** What happened in the oracle's model of the execution (not compared; for the scenario mix and the causes). */
export interface Trace {
  readonly jobs: readonly JobEnd[];
  /** Create attempts that met an injected error. */
  readonly createErrors: number;
  /** Whether SageMaker's request validation answered a call. */
  readonly validated: boolean;
  /** Which rule decides each predicted thing (absent where the oracle did not keep it). */
  readonly timeline?: Timeline;
}

/** What must happen when a case runs, aspect by aspect, each with its provenance. */
export interface Prediction {
  readonly created: Expectation<boolean>;
  /** Why CreateStateMachine refuses the definition, where it does (what its error must contain). */
  readonly createError?: Expectation<CausePattern>;
  readonly calls: Expectation<readonly CallRecord[]>;
  readonly status?: Expectation<ExecutionStatus>;
  readonly error?: Expectation<string | null>;
  readonly cause?: Expectation<CausePattern>;
  /** Leaves of the output that must be there: JSON pointer to value. */
  readonly output?: Expectation<Readonly<Record<string, unknown>>>;
  readonly attempts?: Expectation<number>;
  readonly durationSeconds?: Expectation<number | DurationRange>;
  readonly historyTypes?: Expectation<readonly string[]>;
  /** The status at the execution's end of each `.sync` job its stop cut short (did the best-effort Stop take effect?). */
  readonly jobStates?: Expectation<Readonly<Record<string, string>>>;
  /** The history's TaskFailed events: the error and the cause of each failed attempt. */
  readonly taskFailures?: Expectation<readonly PredictedTaskFailure[]>;
  /**
   * Why the execution's outcome is not predicted: it rests on a rule that is not known (the
   * evidence table marks it undecided). Only creation is compared; the case is undecided.
   */
  readonly undecided?: Expectation<string>;
  /** Not compared: what happened in the model. */
  readonly trace: Trace;
}

/** A failed attempt, as its TaskFailed event tells it. */
export interface PredictedTaskFailure {
  readonly error: string;
  readonly cause?: CausePattern;
}

/** The parts of a case the outcome oracle reads (a case, or a user's definition with its input and policy). */
export interface CaseForPrediction {
  readonly plan: MachinePlan;
  readonly input: Record<string, unknown>;
  readonly executionName: string;
  readonly region: string;
  readonly account: string;
  readonly scenario: WorldScenario;
  readonly policy: PolicyDocument;
  /** An invalid case: what it breaks. */
  readonly validity?: { readonly valid: boolean; readonly breaks?: Breakage };
}

/** Flattens a value to JSON pointer leaves (the output expectations, and what they are compared with). */
export function leaves(value: unknown, at = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value instanceof CauseMatch || value instanceof ClockTime) out[at] = value;
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${at}/${k}`, out);
    if (Object.keys(value).length === 0) out[at] = {};
  } else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${at}/${i}`, out));
  else out[at] = value;
  return out;
}
