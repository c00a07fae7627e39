/** The Wait state: Seconds, SecondsPath, Timestamp or TimestampPath, on the virtual clock. */
import { evaluateJsonata, isJsonataExpression, readValue } from '../dataFlow.js';
import type { StateExecution, Step } from '../execution.js';
import { MAX_WAIT_SECONDS, parseOffsetDateTime } from '../isoTimestamp.js';
import { StatesError } from '../statesError.js';
import type { WaitState } from './definitions.js';
import {
  applyOutputPath,
  effectiveInput,
  finishOutput,
  inputStates,
  jsonataScope,
  numberField,
  pathScope,
} from './inputOutput.js';

/** Runs a Wait state. */
export async function runWait(execution: StateExecution<WaitState>): Promise<Step> {
  const { run, state, thread, language, next } = execution;
  const input = effectiveInput(execution);
  let seconds = await numberField(execution, 'Seconds', state.Seconds, state.SecondsPath);
  if (seconds === undefined) {
    const at = await timestampOf(execution);
    seconds = Math.max(0, (at - (run.spec.startEpochMs + run.scheduler.now)) / 1000);
  }
  if (seconds > MAX_WAIT_SECONDS) throw new StatesError('States.Runtime', 'Wait state delay is too long.');
  await run.sleep(seconds, thread);
  if (language === 'JSONata')
    return { output: await finishOutput(execution, execution.input, 'input'), ...(next ? { next } : {}) };
  return { output: applyOutputPath(execution, input), ...(next ? { next } : {}) };
}

/** The epoch milliseconds a Wait state without Seconds waits until. */
async function timestampOf(execution: StateExecution<WaitState>): Promise<number> {
  const { state, input, thread, language, name } = execution;
  let at: number | undefined;
  if (typeof state.TimestampPath === 'string') {
    const ts = readValue(state.TimestampPath, pathScope(execution, input), 'TimestampPath');
    at = typeof ts === 'string' ? parseOffsetDateTime(ts) : undefined;
    if (at === undefined)
      throw new StatesError(
        'States.Runtime',
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.TimestampPath} == ${typeof ts === 'string' ? ts : JSON.stringify(ts)}`,
      );
  } else if (typeof state.Timestamp === 'string') {
    const ts = isJsonataExpression(state.Timestamp)
      ? await evaluateJsonata(state.Timestamp, jsonataScope(inputStates(execution), thread), 'Timestamp')
      : state.Timestamp;
    at = typeof ts === 'string' ? parseOffsetDateTime(ts) : undefined;
    if (at === undefined)
      throw new StatesError(
        language === 'JSONata' ? 'States.QueryEvaluationError' : 'States.Runtime',
        `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof ts === 'string' ? ts : JSON.stringify(ts)}`,
      );
  }
  if (at === undefined)
    throw new StatesError('States.Runtime', `The Wait state '${name}' has no valid Seconds or Timestamp`);
  return at;
}
