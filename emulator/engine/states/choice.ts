/**
 * The Choice state: the first rule that holds names the next state (JSONPath rules: choiceRules.ts;
 * JSONata: a Condition), else the Default; the rule's and the state's Assign, and the output.
 */
import { assignOwn } from '../../../syntax/json.js';
import { applyJsonataTemplate, applyTemplate, evaluateJsonata } from '../dataFlow.js';
import { ruleMatches } from '../choiceRules.js';
import type { StateExecution, Step } from '../execution.js';
import { StatesError } from '../statesError.js';
import type { ChoiceRule, ChoiceState } from './definitions.js';
import { applyOutputPath, effectiveInput, inputStates, jsonataScope, pathScope } from './inputOutput.js';

const noChoice = (name: string) =>
  new StatesError(
    'States.NoChoiceMatched',
    `No Choice Rules matched and no Default was specified in the state '${name}'`,
  );

/** Runs a Choice state. */
export async function runChoice(execution: StateExecution<ChoiceState>): Promise<Step> {
  return execution.language === 'JSONata' ? jsonataChoice(execution) : jsonPathChoice(execution);
}

async function jsonataChoice(execution: StateExecution<ChoiceState>): Promise<Step> {
  const { state, input, thread, name } = execution;
  const scope = jsonataScope(inputStates(execution), thread);
  let target: ChoiceRule | undefined;
  for (const rule of state.Choices ?? []) {
    // A constant condition (`true`) is taken as it is.
    const holds =
      typeof rule.Condition === 'boolean'
        ? rule.Condition
        : await evaluateJsonata(String(rule.Condition), scope, 'Condition');
    if (typeof holds !== 'boolean')
      throw new StatesError(
        'States.QueryEvaluationError',
        `The Condition of a Choice rule of '${name}' did not return a boolean`,
      );
    if (holds) {
      target = rule;
      break;
    }
  }
  if (target === undefined && state.Default === undefined) throw noChoice(name);
  const next = target ? target.Next : state.Default;
  const output =
    target !== undefined && 'Output' in target
      ? await applyJsonataTemplate(target.Output, scope, 'Output')
      : 'Output' in state
        ? await applyJsonataTemplate(state.Output, scope, 'Output')
        : input;
  for (const assign of [state.Assign, target?.Assign])
    if (assign !== undefined)
      assignOwn(thread.variables, await applyJsonataTemplate(assign, scope, 'Assign'));
  return { output, next };
}

function jsonPathChoice(execution: StateExecution<ChoiceState>): Step {
  const { state, thread, name } = execution;
  const input = effectiveInput(execution);
  const scope = pathScope(execution, input);
  const target = (state.Choices ?? []).find((rule) => ruleMatches(rule, scope, execution.run.behaviour));
  const next = target?.Next ?? state.Default;
  if (next === undefined) throw noChoice(name);
  for (const assign of [state.Assign, target?.Assign])
    if (assign !== undefined) assignOwn(thread.variables, applyTemplate(assign, scope, 'Assign'));
  return { output: applyOutputPath(execution, input), next };
}
