/**
 * The Map state's attempt (inline): the items from ItemsPath or Items, each through ItemSelector
 * and the processor, MaxConcurrency at a time on the virtual clock, with tolerated failures.
 */
import { applyJsonataTemplate, applyTemplate, readValue } from '../dataFlow.js';
import { TaskAborted, type StateExecution } from '../execution.js';
import { readPath } from '../jsonPath.js';
import { AbortScope } from '../scheduler.js';
import { StatesError } from '../statesError.js';
import type { MachineDefinition, MapState } from './definitions.js';
import { inputStates, jsonataScope, pathScope } from './inputOutput.js';

/** Runs one attempt of a Map state with its effective input: the iterations' outputs, in order. */
export async function runMap(execution: StateExecution<MapState>, input: unknown): Promise<unknown> {
  const { run, state, name, context, thread, language } = execution;
  const items = await itemsOf(execution, input);
  // Without a processor (which creation refuses) each iteration fails reading its states.
  const processor = state.ItemProcessor ?? state.Iterator ?? ({} as MachineDefinition);
  const concurrency = maxConcurrencyOf(execution, input, items.length);
  const toleratedCount =
    typeof state.ToleratedFailureCount === 'number' ? state.ToleratedFailureCount : undefined;
  const toleratedPercent =
    typeof state.ToleratedFailurePercentage === 'number' ? state.ToleratedFailurePercentage : undefined;
  const tolerant = toleratedCount !== undefined || toleratedPercent !== undefined;
  const allowed = Math.min(
    toleratedCount ?? Infinity,
    toleratedPercent === undefined ? Infinity : Math.floor((toleratedPercent / 100) * items.length),
  );
  run.event(thread, 'MapStateStarted', { length: items.length });
  const scope = new AbortScope(thread.scope);
  const results: unknown[] = new Array(items.length);
  let failures = 0;
  let failure: unknown;
  let nextIndex = 0;
  const selector = state.ItemSelector ?? state.Parameters;
  const lane = async () => {
    while (nextIndex < items.length && !scope.aborted) {
      const index = nextIndex++;
      const mapItem = { Index: index, Value: items[index] };
      const itemThread = run.child(thread, scope, mapItem);
      const itemContext = { ...context, Map: { Item: mapItem } };
      const item = { ...execution, context: itemContext, thread: itemThread };
      itemThread.last = run.history.add('MapIterationStarted', run.history.lastId, { name, index });
      try {
        let itemInput: unknown = mapItem.Value;
        if (selector !== undefined) {
          itemInput =
            language === 'JSONata'
              ? await applyJsonataTemplate(
                  selector,
                  jsonataScope(inputStates(item), itemThread),
                  'ItemSelector',
                )
              : applyTemplate(selector, pathScope(item, input), 'ItemSelector');
        }
        results[index] = await run.runMachine(processor, itemInput, itemThread, language);
        if (run.behaviour.recordsEvent('MapIterationSucceeded'))
          itemThread.last = run.history.add('MapIterationSucceeded', itemThread.last, { name, index });
      } catch (e) {
        if (e instanceof TaskAborted) {
          run.history.add('MapIterationAborted', itemThread.last, { name, index }, true);
          throw e;
        }
        run.history.add('MapIterationFailed', itemThread.last, { name, index });
        failures++;
        const se = e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);
        results[index] = { Error: se.error, Cause: se.causeText };
        if (!tolerant || failures > allowed) {
          failure ??= tolerant
            ? new StatesError(
                'States.ExceedToleratedFailureThreshold',
                `The Map state '${name}' failed more iterations than tolerated`,
              )
            : se;
          scope.abort('an iteration failed');
        }
      }
    }
  };
  await run.scheduler.all(Array.from({ length: Math.min(concurrency, items.length) }, () => lane));
  thread.last = run.history.lastId;
  if (thread.scope.aborted) throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
  if (failure !== undefined) {
    run.event(thread, 'MapStateFailed');
    throw failure;
  }
  run.event(thread, 'MapStateSucceeded');
  return results;
}

/** The items: ItemsPath of the effective input (JSONPath), Items or the state input (JSONata). */
async function itemsOf(execution: StateExecution<MapState>, input: unknown): Promise<unknown[]> {
  const { state, thread, language } = execution;
  const items =
    language === 'JSONata'
      ? 'Items' in state
        ? await applyJsonataTemplate(state.Items, jsonataScope(inputStates(execution), thread), 'Items')
        : execution.input
      : readPath(state.ItemsPath ?? '$', input, 'ItemsPath');
  if (!Array.isArray(items)) throw mapItemsError(items, language, state.Items);
  return items;
}

/** How many iterations run at once: MaxConcurrency or MaxConcurrencyPath, 0 or none for all. */
function maxConcurrencyOf(execution: StateExecution<MapState>, input: unknown, itemCount: number): number {
  const { state } = execution;
  let maxConcurrency = state.MaxConcurrency;
  if (typeof state.MaxConcurrencyPath === 'string') {
    maxConcurrency = readValue(state.MaxConcurrencyPath, pathScope(execution, input), 'MaxConcurrencyPath');
    // A whole number written as text is taken (recorded on AWS: "1").
    if (typeof maxConcurrency === 'string' && /^\d+$/.test(maxConcurrency))
      maxConcurrency = Number(maxConcurrency);
    if (typeof maxConcurrency !== 'number' || !Number.isInteger(maxConcurrency) || maxConcurrency < 0)
      throw new StatesError(
        'States.Runtime',
        `The MaxConcurrencyPath field refers to value "${JSON.stringify(maxConcurrency)}" which is not a valid integer: ${state.MaxConcurrencyPath}`,
      );
  }
  return typeof maxConcurrency === 'number' && maxConcurrency > 0 ? maxConcurrency : itemCount;
}

/** A Map state's items that are not an array, as AWS says so. */
function mapItemsError(items: unknown, language: string, itemsField: unknown): StatesError {
  if (language !== 'JSONata')
    return new StatesError(
      'States.Runtime',
      `Map state input must be an array but was: ${JSON.stringify(items)}`,
    );
  if (typeof itemsField !== 'string')
    return new StatesError(
      'States.QueryEvaluationError',
      `Map state input must be an array but was: ${JSON.stringify(items) ?? 'null'}`,
    );
  const expression = itemsField.replace(/^\s*\{%\s*/, '').replace(/\s*%\}\s*$/, '');
  if (typeof items === 'function')
    return new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${expression}' specified for the field 'Items' returned an unsupported result type.`,
    );
  const type = items === null ? 'null' : typeof items;
  return new StatesError(
    'States.QueryEvaluationError',
    `The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${JSON.stringify(items)}`,
  );
}
