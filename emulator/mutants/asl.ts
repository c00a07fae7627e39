/** Mutants of ASL: Retry, Catch, data flow, timeouts, history (emulator/mutants/index.ts). */
import { isObject } from '../../syntax/json.js';
import { TERMINAL_ERRORS } from '../engine/statesError.js';
import type { MutantName } from './index.js';
import type { Mutant } from './mutant.js';

/** The ASL mutants, each the rules it changes. */
export const ASL_MUTANTS = {
  'retry-ignores-backoff': (rules) => ({
    retryDelay: (retrier, attempt) => rules.retryDelay({ ...retrier, BackoffRate: 1 }, attempt),
  }),
  'retry-max-attempts-off-by-one': (rules) => ({ maxAttempts: (retrier) => rules.maxAttempts(retrier) + 1 }),
  'retry-ignores-max-delay': (rules) => ({
    retryDelay: ({ MaxDelaySeconds: _ignored, ...retrier }, attempt) => rules.retryDelay(retrier, attempt),
  }),
  'jitter-ignored': () => ({ jitter: (_retrier, delaySeconds) => delaySeconds }),
  'error-names-loose': (rules) => ({
    errorMatches: (errorEquals, error) =>
      rules.errorMatches(errorEquals, error) ||
      (!TERMINAL_ERRORS.has(error) &&
        errorEquals.some((name) => error.toLowerCase().startsWith(name.toLowerCase()))),
  }),
  'retry-max-attempts-capped': (rules) => ({
    maxAttempts: (retrier) => Math.min(rules.maxAttempts(retrier), 10),
  }),
  'retrier-last-match': () => ({ matchingRetrier: (retriers, handles) => retriers.findLastIndex(handles) }),
  'catcher-last-match': () => ({ matchingCatcher: (catchers, handles) => catchers.findLast(handles) }),
  'catch-drops-resultpath': () => ({ catcherResultPath: () => '$' }),
  'taskfailed-matches-timeout': (rules) => ({
    errorMatches: (errorEquals, error) =>
      rules.errorMatches(errorEquals, error) ||
      (error === 'States.Timeout' && errorEquals.includes('States.TaskFailed')),
  }),
  'resultpath-null-ignored': (rules) => ({
    placeResult: (input, resultPath, result) => rules.placeResult(input, resultPath ?? '$', result),
  }),
  'resultpath-merges': (rules) => ({
    placeResult: (input, resultPath, result) =>
      resultPath !== null && resultPath !== '$' && isObject(input) && isObject(result)
        ? { ...input, ...result }
        : rules.placeResult(input, resultPath, result),
  }),
  'resultselector-ignored': () => ({ appliesResultSelector: () => false }),
  'outputpath-ignored': () => ({ appliesOutputPath: () => false }),
  'inputpath-ignored': (rules) => ({
    appliesInputPath: (stateType) => stateType !== 'Task' && rules.appliesInputPath(stateType),
  }),
  'jsonata-output-ignored': (rules) => ({
    appliesJsonataOutput: (stateType) => stateType !== 'Task' && rules.appliesJsonataOutput(stateType),
  }),
  'task-timeout-ignored': () => ({ taskDeadline: () => Infinity }),
  'heartbeat-timeout-error-name': (rules) => ({
    timeoutError: (why) => (why === 'heartbeat' ? 'States.HeartbeatTimeout' : rules.timeoutError(why)),
  }),
  'task-assign-ignored': (rules) => ({
    appliesJsonataAssign: (stateType) => stateType !== 'Task' && rules.appliesJsonataAssign(stateType),
  }),
  'map-history-skips-iteration-succeeded': (rules) => ({
    recordsEvent: (type) => type !== 'MapIterationSucceeded' && rules.recordsEvent(type),
  }),
  'parallel-history-skips-started': (rules) => ({
    recordsEvent: (type) => type !== 'ParallelStateStarted' && rules.recordsEvent(type),
  }),
  'machine-timeout-ignored': () => ({ machineTimeoutSeconds: () => undefined }),
  'choice-numeric-boundary': (rules) => ({
    compareNumbers: (operator, value, threshold) =>
      rules.compareNumbers(
        operator === 'NumericGreaterThanEquals'
          ? 'NumericGreaterThan'
          : operator === 'NumericLessThanEquals'
            ? 'NumericLessThan'
            : operator,
        value,
        threshold,
      ),
  }),
  'retry-count-not-advanced': () => ({ contextRetryCount: () => 0 }),
  'map-max-concurrency-ignored': (rules) => ({
    mapConcurrency: (_maxConcurrency, itemCount) => rules.mapConcurrency(0, itemCount),
  }),
  'format-number-as-float': (rules) => ({
    formatArgument: (value) =>
      typeof value === 'number' && Number.isInteger(value) ? `${value}.0` : rules.formatArgument(value),
  }),
} satisfies Partial<Record<MutantName, Mutant>>;
