/** The Fail state: fails its machine with its Error and Cause, written, read by path, or evaluated. */
import { evaluateJsonata, isJsonataExpression, readValue } from '../dataFlow.js';
import type { StateExecution } from '../execution.js';
import { StatesError } from '../statesError.js';
import type { FailState } from './definitions.js';
import { inputStates, jsonataScope, pathScope } from './inputOutput.js';

/** Runs a Fail state: always throws its error (an empty name where it gives none). */
export async function runFail(execution: StateExecution<FailState>): Promise<never> {
  const { state, input, thread, language } = execution;
  let error = state.Error;
  let cause = state.Cause;
  if (language === 'JSONata') {
    const scope = jsonataScope(inputStates(execution), thread);
    if (isJsonataExpression(error)) error = String(await evaluateJsonata(error, scope, 'Error'));
    if (isJsonataExpression(cause)) cause = String(await evaluateJsonata(cause, scope, 'Cause'));
  } else {
    const scope = pathScope(execution, input);
    if (typeof state.ErrorPath === 'string') error = String(readValue(state.ErrorPath, scope, 'ErrorPath'));
    if (typeof state.CausePath === 'string') cause = String(readValue(state.CausePath, scope, 'CausePath'));
  }
  throw new StatesError(error ?? '', cause ?? '');
}
