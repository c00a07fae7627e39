/**
 * The Retry / Catch / timeout rules of Task, Parallel and Map states that asl-validator misses and
 * Step Functions enforces at creation (sfn.create.invalid-definition). Shared by `validate` and the
 * emulator's CreateStateMachine checks.
 */
import { isObject } from '../syntax/json.js';

type Obj = Record<string, unknown>;
/** A Retry, Catch or timeout rule a state breaks, where. */
export interface StateRuleProblem {
  readonly pointer: string;
  readonly code:
    'states-all' | 'retry-backoff-rate' | 'retry-interval' | 'retry-max-delay' | 'heartbeat-timeout';
  readonly message: string;
}

/** The Retry, Catch and timeout rules a state breaks. */
export function stateRuleProblems(state: Obj, pointer: string): StateRuleProblem[] {
  const out: StateRuleProblem[] = [];
  for (const field of ['Retry', 'Catch'] as const) {
    const list = state[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (!isObject(entry)) return;
      const at = `${pointer}/${field}/${i}`;
      const errors = Array.isArray(entry.ErrorEquals) ? entry.ErrorEquals : [];
      if (errors.includes('States.ALL') && (errors.length > 1 || i !== list.length - 1)) {
        out.push({
          pointer: `${at}/ErrorEquals`,
          code: 'states-all',
          message: `States.ALL must be alone in ErrorEquals and in the last ${field === 'Retry' ? 'retrier' : 'catcher'}`,
        });
      }
      if (field !== 'Retry') return;
      if (typeof entry.BackoffRate === 'number' && entry.BackoffRate < 1) {
        out.push({
          pointer: `${at}/BackoffRate`,
          code: 'retry-backoff-rate',
          message: `BackoffRate ${entry.BackoffRate} must be at least 1.0`,
        });
      }
      if (typeof entry.IntervalSeconds === 'number' && entry.IntervalSeconds < 1) {
        out.push({
          pointer: `${at}/IntervalSeconds`,
          code: 'retry-interval',
          message: `IntervalSeconds ${entry.IntervalSeconds} must be at least 1`,
        });
      }
      if (
        typeof entry.MaxDelaySeconds === 'number' &&
        (entry.MaxDelaySeconds <= 0 || entry.MaxDelaySeconds >= 31_622_401)
      ) {
        out.push({
          pointer: `${at}/MaxDelaySeconds`,
          code: 'retry-max-delay',
          message: `MaxDelaySeconds ${entry.MaxDelaySeconds} must be between 1 and 31622400`,
        });
      }
    });
  }
  if (
    state.Type === 'Task' &&
    typeof state.TimeoutSeconds === 'number' &&
    typeof state.HeartbeatSeconds === 'number' &&
    state.HeartbeatSeconds >= state.TimeoutSeconds
  ) {
    out.push({
      pointer: `${pointer}/HeartbeatSeconds`,
      code: 'heartbeat-timeout',
      message: `HeartbeatSeconds ${state.HeartbeatSeconds} must be less than TimeoutSeconds ${state.TimeoutSeconds}`,
    });
  }
  return out;
}
