/** The Succeed state: ends its machine with its input, through InputPath and OutputPath, or its Output. */
import { applyJsonataTemplate } from '../dataFlow.js';
import type { StateExecution, Step } from '../execution.js';
import type { SucceedState } from './definitions.js';
import { applyOutputPath, effectiveInput, inputStates, jsonataScope } from './inputOutput.js';

/** Runs a Succeed state. */
export async function runSucceed(execution: StateExecution<SucceedState>): Promise<Step> {
  const { state, input, thread, language } = execution;
  const effective = effectiveInput(execution);
  if (language === 'JSONata') {
    const output =
      'Output' in state
        ? await applyJsonataTemplate(state.Output, jsonataScope(inputStates(execution), thread), 'Output')
        : input;
    return { output };
  }
  return { output: applyOutputPath(execution, effective) };
}
