/** The Pass state: its input, Result or Parameters as its result, through the output processing. */
import { applyTemplate } from '../dataFlow.js';
import type { StateExecution, Step } from '../execution.js';
import type { PassState } from './definitions.js';
import { effectiveInput, finishOutput, pathScope } from './inputOutput.js';

/** Runs a Pass state. */
export async function runPass(execution: StateExecution<PassState>): Promise<Step> {
  const { state, language, next, steps } = execution;
  const input = effectiveInput(execution);
  let result: unknown = input;
  if ('Result' in state) result = state.Result;
  else if (language === 'JSONPath' && 'Parameters' in state)
    result = applyTemplate(state.Parameters, pathScope(execution, input), 'Parameters');
  if (steps && 'Result' in state) steps.result = result;
  else if (steps && language === 'JSONPath') steps.afterParameters = result;
  const output = await finishOutput(execution, result, 'input');
  return {
    // A JSONata Pass without Output gives its Result.
    output: language === 'JSONata' && !('Output' in state) && 'Result' in state ? result : output,
    ...(next ? { next } : {}),
  };
}
