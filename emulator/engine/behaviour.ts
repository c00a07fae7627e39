/**
 * The ASL rules the interpreter asks by name, where a deliberate deviation (emulator/mutants/)
 * may answer otherwise. ASL_BEHAVIOUR, the default, is the rule as the specification and AWS have
 * it; the interpreter reads no mutant, only these answers.
 */
import { RETRY_DEFAULTS } from '../../catalog/stepFunctionsLimits.js';
import { writePath } from './jsonPath.js';
import type { Catcher, Retrier, StateType } from './states/definitions.js';
import { errorMatches } from './statesError.js';
import { javaText } from './intrinsics.js';

/** Why a task's time ran out: its TimeoutSeconds, or its HeartbeatSeconds. */
export type TaskTimeout = 'timeout' | 'heartbeat';

/** What the interpreter asks of ASL's rules. */
export interface AslBehaviour {
  /** The state machine's TimeoutSeconds in force, undefined for none (the longest run still ends it). */
  machineTimeoutSeconds(written: number | undefined): number | undefined;
  /** Whether an event of this type is recorded (TaskSubmitted, TaskStateAborted, ParallelStateStarted, ...). */
  recordsEvent(type: string): boolean;
  /** Whether a JSONPath state of this type reads its input through its InputPath. */
  appliesInputPath(stateType: StateType): boolean;
  /** Whether a JSONPath state of this type applies its ResultSelector to the result. */
  appliesResultSelector(stateType: StateType): boolean;
  /** The state input with the (selected) result placed at ResultPath; null keeps the input. */
  placeResult(input: unknown, resultPath: string | null, result: unknown): unknown;
  /** Whether a JSONPath state of this type, having a result, applies its OutputPath. */
  appliesOutputPath(stateType: StateType): boolean;
  /** Whether a JSONata state of this type makes its output with its Output field. */
  appliesJsonataOutput(stateType: StateType): boolean;
  /** Whether a JSONata state of this type sets the variables of its Assign. */
  appliesJsonataAssign(stateType: StateType): boolean;
  /** Whether a retrier's or catcher's ErrorEquals handles an error (asl.task-failed-wildcard), one a task reported or not. */
  errorMatches(errorEquals: readonly string[], error: string, reportedByTask?: boolean): boolean;
  /** The index of the retrier that handles an error, -1 for none. */
  matchingRetrier(retriers: readonly Retrier[], handles: (retrier: Retrier) => boolean): number;
  /** How many retries a retrier allows (undefined: the error has no retrier). */
  maxAttempts(retrier: Retrier | undefined): number;
  /** Seconds before retry number `attempt` + 1 of a retrier, before jitter (asl.retry). */
  retryDelay(retrier: Retrier, attempt: number): number;
  /** The delay as the retrier's JitterStrategy makes it, drawing from `random`. */
  jitter(retrier: Retrier, delaySeconds: number, random: () => number): number;
  /** The catcher that handles an error, if any. */
  matchingCatcher(catchers: readonly Catcher[], handles: (catcher: Catcher) => boolean): Catcher | undefined;
  /** Where a JSONPath catcher puts the error object: its ResultPath (null keeps the input). */
  catcherResultPath(catcher: Catcher): string | null;
  /** When, on the virtual clock (ms), a task started at `startedMs` times out; Infinity for never. */
  taskDeadline(startedMs: number, timeoutSeconds: number | undefined): number;
  /** The error a task fails with when its time runs out. */
  timeoutError(why: TaskTimeout): string;
  /** The cause a TaskFailed or TaskTimedOut event records, undefined for none. */
  taskFailureCause(cause: string): string | undefined;
  /** Whether a JSONPath Choice rule's numeric comparison (`NumericGreaterThanEquals` ...) holds for two numbers. */
  compareNumbers(operator: NumericOperator, value: number, threshold: number): boolean;
  /** The Context object's `State.RetryCount` of an attempt made after `retries` retries of the state. */
  contextRetryCount(retries: number): number;
  /** How many of a Map's iterations run at once, given its MaxConcurrency in force (0: all) and its items. */
  mapConcurrency(maxConcurrency: number, itemCount: number): number;
  /** How States.Format writes an argument in its template's `{}` (asl.intrinsic.format). */
  formatArgument(value: unknown): string;
}

/** The numeric comparison operators of a JSONPath Choice rule. */
export type NumericOperator =
  | 'NumericEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals';

/** The numeric comparisons as the ASL specification defines them (Choice State, Choice Rules). */
const NUMERIC_COMPARISONS: Readonly<Record<NumericOperator, (value: number, threshold: number) => boolean>> =
  {
    NumericEquals: (value, threshold) => value === threshold,
    NumericGreaterThan: (value, threshold) => value > threshold,
    NumericGreaterThanEquals: (value, threshold) => value >= threshold,
    NumericLessThan: (value, threshold) => value < threshold,
    NumericLessThanEquals: (value, threshold) => value <= threshold,
  };

/** ASL's rules, as the specification and AWS have them. */
export const ASL_BEHAVIOUR: AslBehaviour = {
  machineTimeoutSeconds: (written) => written,
  recordsEvent: () => true,
  appliesInputPath: () => true,
  appliesResultSelector: () => true,
  placeResult: (input, resultPath, result) =>
    resultPath === null ? input : writePath(input, resultPath, result),
  appliesOutputPath: () => true,
  appliesJsonataOutput: () => true,
  appliesJsonataAssign: () => true,
  errorMatches,
  matchingRetrier: (retriers, handles) => retriers.findIndex(handles),
  maxAttempts: (retrier) => retrier?.MaxAttempts ?? RETRY_DEFAULTS.value.maxAttempts,
  retryDelay(retrier, attempt) {
    const rate = retrier.BackoffRate ?? RETRY_DEFAULTS.value.backoffRate;
    const delay = (retrier.IntervalSeconds ?? RETRY_DEFAULTS.value.intervalSeconds) * rate ** attempt;
    return typeof retrier.MaxDelaySeconds === 'number' ? Math.min(delay, retrier.MaxDelaySeconds) : delay;
  },
  jitter: (retrier, delaySeconds, random) =>
    retrier.JitterStrategy === 'FULL' ? random() * delaySeconds : delaySeconds,
  matchingCatcher: (catchers, handles) => catchers.find(handles),
  catcherResultPath: (catcher) => (catcher.ResultPath === undefined ? '$' : catcher.ResultPath),
  taskDeadline: (startedMs, timeoutSeconds) =>
    timeoutSeconds === undefined ? Infinity : startedMs + timeoutSeconds * 1000,
  timeoutError: () => 'States.Timeout',
  taskFailureCause: (cause) => cause,
  compareNumbers: (operator, value, threshold) => NUMERIC_COMPARISONS[operator](value, threshold),
  contextRetryCount: (retries) => retries,
  formatArgument: javaText,
  mapConcurrency: (maxConcurrency, itemCount) => (maxConcurrency > 0 ? maxConcurrency : itemCount),
};
