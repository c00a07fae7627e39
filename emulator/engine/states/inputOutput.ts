/**
 * A state's input and output processing (the ASL specification, "Input and Output Processing"):
 * InputPath, then ResultSelector, ResultPath and OutputPath for JSONPath states; Output and Assign
 * for JSONata ones; the number fields that may be a path or an expression. The paths and
 * expressions themselves are dataFlow.ts's and jsonPath.ts's.
 */
import { assignOwn, isObject } from '../../../syntax/json.js';
import {
  applyJsonataTemplate,
  applyTemplate,
  evaluateJsonata,
  isJsonataExpression,
  readValue,
  type JsonataScope,
  type PathScope,
} from '../dataFlow.js';
import type { StateExecution, Thread } from '../execution.js';
import { StatesError } from '../statesError.js';
import type { ParallelState, StateType, TaskState } from './definitions.js';

/** The fields of a state that makes an output from a result (Pass, Task, Parallel, Map; a JSONata Wait). */
export type ResultingState = Pick<
  TaskState,
  'ResultSelector' | 'ResultPath' | 'OutputPath' | 'Output' | 'Assign'
> & {
  readonly Type: StateType;
};

/** What a JSONPath path of a state reads: `data` as `$`, the Context object, the thread's variables. */
export function pathScope(
  execution: Pick<StateExecution, 'run' | 'context' | 'thread'>,
  data: unknown,
): PathScope {
  return {
    input: data,
    context: execution.context,
    variables: execution.thread.variables,
    random: execution.run.random,
    formatArgument: (value) => execution.run.behaviour.formatArgument(value),
  };
}

/** What a JSONata expression of a state sees: `$states` and the thread's variables. */
export function jsonataScope(states: Readonly<Record<string, unknown>>, thread: Thread): JsonataScope {
  return { states, variables: thread.variables };
}

/** `$states` of a state's own fields: its input and Context object. */
export function inputStates(execution: Pick<StateExecution, 'input' | 'context'>): Record<string, unknown> {
  return { input: execution.input, context: execution.context };
}

/** The state's effective input: InputPath applied (JSONPath); the state input (JSONata). */
export function effectiveInput(execution: StateExecution): unknown {
  const { state, input, language, run, steps } = execution;
  if (language === 'JSONata') return input;
  const effective = !run.behaviour.appliesInputPath(state.Type)
    ? input
    : state.InputPath === null
      ? {}
      : readValue(state.InputPath ?? '$', pathScope(execution, input), 'InputPath');
  if (steps) steps.afterInputPath = effective;
  return effective;
}

/**
 * The payload of a Task or Parallel from its effective input: its Parameters (JSONPath) or
 * Arguments (JSONata) evaluated, or the effective input itself where it has neither.
 */
export async function statePayload(
  execution: StateExecution<TaskState | ParallelState>,
  input: unknown,
): Promise<unknown> {
  const { state, language, thread, steps } = execution;
  const payloadField = language === 'JSONata' ? 'Arguments' : 'Parameters';
  const payload = !(payloadField in state)
    ? input
    : language === 'JSONata'
      ? await applyJsonataTemplate(state.Arguments, jsonataScope(inputStates(execution), thread), 'Arguments')
      : applyTemplate(state.Parameters, pathScope(execution, input), 'Parameters');
  if (steps) steps[language === 'JSONata' ? 'afterArguments' : 'afterParameters'] = payload;
  return payload;
}

/** A JSONPath state's OutputPath applied to a value: null is `{}`, absent is the whole value. */
export function applyOutputPath(execution: StateExecution, value: unknown): unknown {
  const { OutputPath } = execution.state;
  if (OutputPath === null) return {};
  return readValue(OutputPath ?? '$', pathScope(execution, value), 'OutputPath');
}

/**
 * A state's output from its result: ResultSelector, ResultPath, OutputPath (JSONPath) or Output
 * (JSONata), then Assign. Without Output, a JSONata state's output is its result or its input.
 */
export async function finishOutput(
  execution: StateExecution<ResultingState>,
  result: unknown,
  defaultOutput: 'result' | 'input',
): Promise<unknown> {
  const { state, input, context, thread, language, run } = execution;
  const rules = run.behaviour;
  if (language === 'JSONata') {
    const scope = jsonataScope({ input, result, context }, thread);
    const output =
      'Output' in state && rules.appliesJsonataOutput(state.Type)
        ? await applyJsonataTemplate(state.Output, scope, 'Output')
        : defaultOutput === 'result'
          ? result
          : input;
    if ('Assign' in state && rules.appliesJsonataAssign(state.Type))
      assignOwn(thread.variables, await applyJsonataTemplate(state.Assign, scope, 'Assign'));
    return output;
  }
  const selected =
    isObject(state.ResultSelector) && rules.appliesResultSelector(state.Type)
      ? applyTemplate(state.ResultSelector, pathScope(execution, result), 'ResultSelector')
      : result;
  // Assign is evaluated here, and the variables change once the state's output is made:
  // OutputPath reads them as they were (recorded on AWS).
  const assigned =
    'Assign' in state
      ? (applyTemplate(state.Assign, pathScope(execution, selected), 'Assign') as Record<string, unknown>)
      : undefined;
  if (execution.steps) execution.steps.afterResultSelector = selected;
  const output = resultOutput(execution, selected);
  if (assigned) assignOwn(thread.variables, assigned);
  return output;
}

/** ResultPath, then OutputPath (JSONPath). */
function resultOutput(execution: StateExecution<ResultingState>, selected: unknown): unknown {
  const { state, input, run } = execution;
  const rules = run.behaviour;
  const withResult = rules.placeResult(
    input,
    state.ResultPath === undefined ? '$' : state.ResultPath,
    selected,
  );
  if (execution.steps) execution.steps.afterResultPath = withResult;
  if (state.OutputPath === null) return {};
  const outputPath = rules.appliesOutputPath(state.Type) ? state.OutputPath : '$';
  return readValue(outputPath ?? '$', pathScope(execution, withResult), 'OutputPath');
}

/** A number field of a state: a literal, its `...Path` (JSONPath) or a `{% %}` expression (JSONata). */
export async function numberField(
  execution: StateExecution,
  field: string,
  value: unknown,
  path: unknown,
): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  if (isJsonataExpression(value)) {
    const n = await evaluateJsonata(value, jsonataScope(inputStates(execution), execution.thread), field);
    if (typeof n !== 'number')
      throw new StatesError('States.QueryEvaluationError', `The field '${field}' must evaluate to a number`);
    return n;
  }
  if (typeof path === 'string') {
    const n = readValue(path, pathScope(execution, execution.input), `${field}Path`);
    // A whole number of seconds, zero included (a "long").
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw new StatesError(
        'States.Runtime',
        `The ${field}Path parameter cannot be parsed as a long value: ${path} == ${JSON.stringify(n)}`,
      );
    return n;
  }
  return undefined;
}
