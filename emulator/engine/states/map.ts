/**
 * The Map state's attempt (inline): the items from ItemsPath or Items, each through ItemSelector
 * and the processor, MaxConcurrency at a time (at most 40, the inline mode's bound) on the
 * virtual clock, with tolerated failures. Each iteration runs in a scope of its own: it reads the
 * variables of the scope around the Map, and what it assigns is its own. `$$.Map.Item` is in the
 * Context object of ItemSelector alone, not of the processor's states.
 */
import {
  applyJsonataTemplate,
  applyTemplate,
  evaluateJsonata,
  isJsonataExpression,
  readValue,
} from '../dataFlow.js';
import { TaskAborted, type StateExecution } from '../execution.js';
import { AbortScope } from '../scheduler.js';
import { StatesError } from '../statesError.js';
import type { MachineDefinition, MapState } from './definitions.js';
import type { AttemptFailure } from './errorHandling.js';
import { inputStates, jsonataScope, pathScope } from './inputOutput.js';

/**
 * What makes a Map distributed, which the emulator does not run (child executions, an item reader
 * of S3, a result writer): `ProcessorConfig.Mode DISTRIBUTED` or a field only that mode has.
 */
export function distributedFieldOf(state: MapState): string | undefined {
  const config = (state.ItemProcessor as { ProcessorConfig?: { Mode?: unknown } } | undefined)
    ?.ProcessorConfig;
  if (config?.Mode === 'DISTRIBUTED') return 'ProcessorConfig.Mode DISTRIBUTED';
  const fields = state as unknown as Record<string, unknown>;
  return ['ItemReader', 'ItemBatcher', 'ResultWriter', 'Label'].find((f) => fields[f] !== undefined);
}

/**
 * Runs one attempt of a Map state with its effective input: the iterations' outputs, in order. An
 * attempt whose iterations fail leaves `MapStateFailed` to its error handling (recorded once).
 */
export async function runMap(
  execution: StateExecution<MapState>,
  input: unknown,
  failed: AttemptFailure,
): Promise<unknown> {
  const { run, state, name, context, thread, language } = execution;
  const distributed = distributedFieldOf(state);
  if (distributed)
    throw new StatesError(
      'States.Runtime',
      `The emulator does not run the distributed Map state '${name}' (${distributed}); it runs inline Map states only`,
    );
  const items = await itemsOf(execution, input);
  // Without a processor (which creation refuses) each iteration fails reading its states.
  const processor = state.ItemProcessor ?? state.Iterator ?? ({} as MachineDefinition);
  const concurrency = await maxConcurrencyOf(execution, input, items.length);
  const toleratedCount = await toleratedOf(execution, input, 'ToleratedFailureCount');
  const toleratedPercent = await toleratedOf(execution, input, 'ToleratedFailurePercentage');
  const tolerant = toleratedCount !== undefined || toleratedPercent !== undefined;
  const allowed = toleratedFailures(toleratedCount, toleratedPercent, items.length);
  run.event(thread, 'MapStateStarted', { length: items.length });
  const scope = new AbortScope(thread.scope);
  const results: unknown[] = new Array(items.length);
  let failures = 0;
  let failure: unknown;
  let nextIndex = 0;
  const lane = async () => {
    while (nextIndex < items.length && !scope.aborted) {
      const index = nextIndex++;
      const mapItem = { Index: index, Value: items[index] };
      const itemThread = run.child(thread, scope);
      const itemContext = { ...context, Map: { Item: mapItem } };
      const item = { ...execution, context: itemContext, thread: itemThread };
      itemThread.last = run.history.add('MapIterationStarted', run.history.lastId, { name, index });
      try {
        const itemInput = await selectedItem(item, input, mapItem.Value);
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
    failed.event = 'MapStateFailed';
    throw failure;
  }
  run.event(thread, 'MapStateSucceeded');
  return results;
}

/**
 * How many of `itemCount` iterations may fail: ToleratedFailureCount, ToleratedFailurePercentage
 * of the items (rounded down), the smaller of the two; Infinity where neither is given.
 */
export function toleratedFailures(
  count: number | undefined,
  percent: number | undefined,
  itemCount: number,
): number {
  return Math.min(
    count ?? Infinity,
    percent === undefined ? Infinity : Math.floor((percent / 100) * itemCount),
  );
}

/**
 * An iteration's input: its item through ItemSelector (or Parameters, its old name) where the
 * state has one. `item` is the iteration's execution: its Context object has `Map.Item`.
 */
export async function selectedItem(
  item: StateExecution<MapState>,
  input: unknown,
  value: unknown,
): Promise<unknown> {
  const { state, language, thread } = item;
  const selector = state.ItemSelector ?? state.Parameters;
  if (selector === undefined) return value;
  return language === 'JSONata'
    ? applyJsonataTemplate(selector, jsonataScope(inputStates(item), thread), 'ItemSelector')
    : applyTemplate(selector, pathScope(item, input), 'ItemSelector');
}

/** The items: ItemsPath of the effective input (JSONPath), Items or the state input (JSONata). */
export async function itemsOf(execution: StateExecution<MapState>, input: unknown): Promise<unknown[]> {
  const { state, thread, language } = execution;
  const items =
    language === 'JSONata'
      ? 'Items' in state
        ? await applyJsonataTemplate(state.Items, jsonataScope(inputStates(execution), thread), 'Items')
        : execution.input
      : // A path of the effective input, of the Context object (`$$`) or of a variable (`$name`).
        readValue(state.ItemsPath ?? '$', pathScope(execution, input), 'ItemsPath');
  if (!Array.isArray(items)) throw mapItemsError(items, language, state.Items);
  return items;
}

/** The most iterations an inline Map runs at once, whatever its MaxConcurrency (map.inline-concurrency). */
export const INLINE_MAX_CONCURRENCY = 40;

/**
 * How many iterations run at once: MaxConcurrency (a number, or a JSONata expression) or
 * MaxConcurrencyPath; 0 or none for as many as the inline mode runs.
 */
async function maxConcurrencyOf(
  execution: StateExecution<MapState>,
  input: unknown,
  itemCount: number,
): Promise<number> {
  const limit = execution.run.behaviour.mapConcurrency(
    await writtenMaxConcurrency(execution, input),
    itemCount,
  );
  return Math.min(limit, INLINE_MAX_CONCURRENCY);
}

/**
 * The MaxConcurrency a Map state gives: its number, its JSONata expression's or its
 * MaxConcurrencyPath's value; 0 where it gives none.
 */
export async function writtenMaxConcurrency(
  execution: StateExecution<MapState>,
  input: unknown,
): Promise<number> {
  const { state } = execution;
  let maxConcurrency = state.MaxConcurrency;
  if (isJsonataExpression(maxConcurrency)) {
    maxConcurrency = await evaluateJsonata(
      maxConcurrency,
      jsonataScope(inputStates(execution), execution.thread),
      'MaxConcurrency',
    );
    if (typeof maxConcurrency !== 'number' || !Number.isInteger(maxConcurrency) || maxConcurrency < 0)
      throw new StatesError(
        'States.QueryEvaluationError',
        `The JSONata expression '${String(state.MaxConcurrency)}' specified for the field 'MaxConcurrency' must evaluate to a non-negative integer, but was: ${JSON.stringify(maxConcurrency)}`,
      );
  } else if (typeof state.MaxConcurrencyPath === 'string') {
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
  return typeof maxConcurrency === 'number' ? maxConcurrency : 0;
}

/**
 * ToleratedFailureCount or ToleratedFailurePercentage: a number, a JSONata expression, or its
 * `...Path` (a whole number as text is taken, as for MaxConcurrencyPath); undefined where absent.
 */
export async function toleratedOf(
  execution: StateExecution<MapState>,
  input: unknown,
  field: 'ToleratedFailureCount' | 'ToleratedFailurePercentage',
): Promise<number | undefined> {
  const { state } = execution;
  const written: unknown = state[field];
  const path: unknown = state[`${field}Path`];
  let value: unknown;
  if (isJsonataExpression(written))
    value = await evaluateJsonata(written, jsonataScope(inputStates(execution), execution.thread), field);
  else if (typeof written === 'number') value = written;
  else if (typeof path === 'string') {
    value = readValue(path, pathScope(execution, input), `${field}Path`);
    if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) value = Number(value);
  } else return undefined;
  if (
    typeof value !== 'number' ||
    value < 0 ||
    (field === 'ToleratedFailureCount' ? !Number.isInteger(value) : value > 100)
  )
    throw new StatesError(
      isJsonataExpression(written) ? 'States.QueryEvaluationError' : 'States.Runtime',
      `The ${field} field refers to value "${JSON.stringify(value)}" which is not valid for it: ${field === 'ToleratedFailureCount' ? 'a non-negative integer' : 'a number from 0 to 100'} is`,
    );
  return value;
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
