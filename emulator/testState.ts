/**
 * TestState: one state of a definition run alone with the emulator's own engine (its data flow,
 * JSONPath and JSONata, Choice rules, Retry and Catch matching), as Step Functions' TestState API
 * runs it (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html,
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html), with the
 * members of November 2025: `stateName`, `mock`, `context` and `stateConfiguration`.
 *
 * What the emulator runs:
 * - Pass, Choice (its `nextState`), Wait (on a virtual clock: no real time passes), Succeed, Fail;
 * - a Task with a `mock` (any resource: the mock's `result`, checked against the API's output shape
 *   for SageMaker's resources (testState/mockShape.ts), or its `errorOutput`); a Task without one
 *   calls the emulated SageMaker as the role (request-response only: AWS runs `.sync` and
 *   `.waitForTaskToken` only with a mock), or is refused if it is not SageMaker's;
 * - a Map or Parallel with a `mock` (AWS refuses them without one): the mock stands for the
 *   iterations or the branches; a Map's items, ItemSelector, MaxConcurrency and tolerated failures
 *   are evaluated for the inspection, and `stateConfiguration.mapIterationFailureCount` past the
 *   tolerated failures fails it with States.ExceedToleratedFailureThreshold.
 * An error meets the state's Retry first: a retrier that matches and has attempts left after
 * `stateConfiguration.retrierRetryCount` retries makes the status RETRIABLE (with the retrier's
 * index and backoff); else a catcher that matches makes it CAUGHT_ERROR (its index, its Next, the
 * output it makes); else FAILED.
 *
 * Not run, and refused with a ValidationException saying so: an HTTP Task, an Activity, a Lambda
 * or any other service's Task without a mock (with one, an HTTP Task's request and response are not
 * inspected). Not inspected: a distributed Map's ItemBatcher and ItemsPointer; its ItemReader's
 * items are `stateConfiguration.mapItemReaderData` alone.
 * Inferred, where no page or recording says: the Context object a call makes (testState/contextObject.ts),
 * a retry's backoff rounded to whole seconds without jitter, the status of an evaluation error in a
 * state that cannot retry (FAILED), the messages of the refusals marked so below.
 */
import type { QueryLanguage } from '../catalog/api.js';
import { isObject } from '../syntax/json.js';
import { walkStates } from '../syntax/stateTree.js';
import { checkDefinition } from './definitionChecks.js';
import type { AslBehaviour } from './engine/behaviour.js';
import { hasTaskToken } from './engine/contextObject.js';
import { payloadJson } from './engine/dataFlow.js';
import type { DataFlowSteps, ExecutionSpec, StateExecution, Step } from './engine/execution.js';
import { runChoice } from './engine/states/choice.js';
import type {
  MachineDefinition,
  MapState,
  ParallelState,
  StateDefinition,
  TaskState,
} from './engine/states/definitions.js';
import { caughtOutput, type RetryingState } from './engine/states/errorHandling.js';
import { runFail } from './engine/states/fail.js';
import { effectiveInput, finishOutput, statePayload } from './engine/states/inputOutput.js';
import {
  itemsOf,
  selectedItem,
  toleratedFailures,
  toleratedOf,
  writtenMaxConcurrency,
} from './engine/states/map.js';
import { runPass } from './engine/states/pass.js';
import { runSucceed } from './engine/states/succeed.js';
import { runTask } from './engine/states/task.js';
import { runWait } from './engine/states/wait.js';
import { StatesError, TaskFailure } from './engine/statesError.js';
import type { TaskHandler } from './engine/taskHandler.js';
import { taskEventFamily } from './engine/taskResource.js';
import { givenContext, madeContext, testExecution } from './testState/contextObject.js';
import {
  inspectionData,
  type ErrorDetails,
  type InspectionData,
  type InspectionLevel,
  type MapInspection,
} from './testState/inspection.js';
import { mockedAnswer, type MockedAnswer, type MockInput } from './testState/mock.js';
import { invalid, TestStateRefusal } from './testState/refusal.js';
import { SingleStateRun } from './testState/singleStateRun.js';

export { TestStateRefusal } from './testState/refusal.js';
export type { InspectionData, InspectionLevel } from './testState/inspection.js';
export type { MockInput } from './testState/mock.js';

/** The `stateConfiguration` of a request (TestStateConfiguration). */
export interface TestStateConfiguration {
  readonly retrierRetryCount?: number;
  readonly errorCausedByState?: string;
  readonly mapIterationFailureCount?: number;
  readonly mapItemReaderData?: string;
}

/** A TestState request (TestStateInput): JSON members as the API carries them, as text. */
export interface TestStateRequest {
  readonly definition: string;
  readonly roleArn?: string;
  readonly input?: string;
  readonly inspectionLevel?: InspectionLevel;
  readonly revealSecrets?: boolean;
  readonly variables?: string;
  readonly stateName?: string;
  readonly mock?: MockInput;
  readonly context?: string;
  readonly stateConfiguration?: TestStateConfiguration;
}

/** How the tested state ended (TestExecutionStatus). */
export type TestExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** A TestState answer (TestStateOutput): JSON members as text. */
export interface TestStateResult {
  readonly status: TestExecutionStatus;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly nextState?: string;
  readonly inspectionData?: InspectionData;
}

/** The account a call runs in, and how its unmocked Tasks are run. */
export interface TestStateEnvironment {
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  /** Epoch ms of the call on the emulator's clock. */
  readonly startEpochMs: number;
  /** Tells this call's Context object and ARNs from others'. */
  readonly serial: number;
  readonly behaviour?: AslBehaviour;
  /** asl-validator's schema check of the definition (as CreateStateMachine's). */
  readonly aslSchemaCheck?: boolean;
  /** The Task handler that runs an unmocked Task as the role: the emulated SageMaker, authorized. */
  tasksFor(roleArn: string): TaskHandler;
}

/** A Map or Parallel state without a mock, in AWS's words (observed: LocalStack's recordings). */
const NEEDS_MOCK =
  'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]';

/** The error a Map gives when more iterations failed than it tolerates (observed: LocalStack's recordings). */
const THRESHOLD = {
  error: 'States.ExceedToleratedFailureThreshold',
  cause: 'The specified tolerated failure threshold was exceeded',
} as const;

/** The name a single state is run under (observed: its Context object's `State.Name`). */
const SINGLE_STATE_NAME = 'StateName';

/** The state a request tests: its name, definition and query language. */
interface TestedState {
  readonly name: string;
  readonly state: StateDefinition;
  readonly language: QueryLanguage;
}

const definitionError = (problems: readonly string[]) =>
  new TestStateRefusal('InvalidDefinition', problems.join(', '));

/** The states a single state names as its next: Next, Default, the Choices' and the catchers' Next. */
function transitionsOf(state: Record<string, unknown>): string[] {
  const named = [state.Next, state.Default];
  for (const list of [state.Choices, state.Catch])
    if (Array.isArray(list)) for (const item of list) if (isObject(item)) named.push(item.Next);
  return named.filter((n): n is string => typeof n === 'string');
}

/**
 * The state under test: with `stateName`, one of a whole machine's states (documented), the
 * machine checked as CreateStateMachine checks it; without, the definition is the state, checked
 * in a machine of its own whose other states stand for its transitions' targets.
 */
function testedState(text: string, stateName: string | undefined, aslSchema: boolean): TestedState {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (e) {
    throw definitionError([`INVALID_JSON_DESCRIPTION: ${(e as Error).message}`]);
  }
  if (!isObject(definition))
    throw definitionError(['INVALID_JSON_DESCRIPTION: the definition must be a JSON object']);
  if (stateName === undefined) {
    if ('States' in definition && !('Type' in definition))
      // Inferred wording: a machine's definition needs `stateName` to say which state.
      throw definitionError([
        'SCHEMA_VALIDATION_FAILED: the definition is a state machine; give stateName to test one of its states',
      ]);
    const targets = transitionsOf(definition).filter((n) => n !== SINGLE_STATE_NAME);
    const machine = {
      StartAt: SINGLE_STATE_NAME,
      States: {
        ...Object.fromEntries(targets.map((n) => [n, { Type: 'Succeed' }])),
        [SINGLE_STATE_NAME]: definition,
      },
    };
    const check = checkDefinition(machine, 'STANDARD', aslSchema);
    if (check.problems.length > 0) throw definitionError(check.problems);
    const state = definition as unknown as StateDefinition;
    const own = state.QueryLanguage;
    return { name: SINGLE_STATE_NAME, state, language: own === 'JSONata' ? 'JSONata' : 'JSONPath' };
  }
  const check = checkDefinition(definition, 'STANDARD', aslSchema);
  if (check.problems.length > 0) throw definitionError(check.problems);
  let found: TestedState | undefined;
  walkStates(definition, ({ name, state, queryLanguage }) => {
    if (found === undefined && name === stateName)
      found = { name, state: state as unknown as StateDefinition, language: queryLanguage };
  });
  // Observed: a name the definition does not have.
  if (!found) throw invalid('State not found in definition');
  return found;
}

/** The names of the states inside a Map's processor or a Parallel's branches. */
function innerStateNames(state: MapState | ParallelState): Set<string> {
  const machines: MachineDefinition[] =
    state.Type === 'Map'
      ? [state.ItemProcessor ?? state.Iterator].filter((m): m is MachineDefinition => m !== undefined)
      : [...(state.Branches ?? [])];
  const names = new Set<string>();
  for (const machine of machines)
    walkStates(machine as unknown as Record<string, unknown>, ({ name }) => {
      names.add(name);
    });
  return names;
}

/** Checks `stateConfiguration` against the tested state (inferred messages: no recording shows them). */
function checkConfiguration(
  config: TestStateConfiguration | undefined,
  state: StateDefinition,
  answer: MockedAnswer | undefined,
): void {
  if (!config) return;
  if (config.errorCausedByState !== undefined) {
    // Documented: the state an error mocked for a Map or Parallel state comes from.
    if ((state.Type !== 'Map' && state.Type !== 'Parallel') || answer?.kind !== 'error')
      throw invalid(
        'stateConfiguration.errorCausedByState is only valid when an error is mocked for a Map or Parallel state',
      );
    if (!innerStateNames(state).has(config.errorCausedByState))
      throw invalid(
        `stateConfiguration.errorCausedByState '${config.errorCausedByState}' is not a state of the ${state.Type === 'Map' ? "Map's item processor" : "Parallel's branches"}`,
      );
  }
  if (
    (config.mapIterationFailureCount !== undefined || config.mapItemReaderData !== undefined) &&
    state.Type !== 'Map'
  )
    throw invalid(
      'stateConfiguration.mapIterationFailureCount and mapItemReaderData are only valid for a Map state',
    );
  if (config.mapItemReaderData !== undefined && !('ItemReader' in state))
    throw invalid('stateConfiguration.mapItemReaderData is only valid for a Map state with an ItemReader');
}

/** A JSON member of the request, parsed; `refuse` words the refusal of text that is not JSON. */
function parsed(text: string, refuse: (why: string) => TestStateRefusal): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw refuse((e as Error).message);
  }
}

/**
 * The handler of an unmocked Task: SageMaker's request-response resources, as the role. Documented:
 * without a mock, the role is required and `.sync`, `.waitForTaskToken` and Activity tasks are not
 * supported (the messages are inferred).
 */
function unmockedTasks(
  state: TaskState,
  name: string,
  roleArn: string | undefined,
  env: TestStateEnvironment,
): TaskHandler {
  const resource = String(state.Resource);
  if (taskEventFamily(resource) === 'Activity')
    throw invalid('TestState supports an Activity task only when a mock is specified');
  if (hasTaskToken(resource))
    throw invalid(
      'TestState supports the .sync and .waitForTaskToken service integration patterns only when a mock is specified',
    );
  if (roleArn === undefined)
    throw invalid('RoleArn must be specified when testing a Task state without a mock');
  const tasks = env.tasksFor(roleArn);
  if (!tasks.describe(resource, name))
    throw invalid(
      `The emulator does not run the resource '${resource}' without a mock: it runs SageMaker's request-response tasks; give the state a mock`,
    );
  return tasks;
}

/** The mock's answer as the state's result, or its error. */
function answered(answer: MockedAnswer, task: boolean): unknown {
  if (answer.kind === 'result') return structuredClone(answer.value);
  throw task ? new TaskFailure(answer.error, answer.cause) : new StatesError(answer.error, answer.cause);
}

/** What one run of the state needs beyond its execution. */
interface RunParts {
  readonly answer: MockedAnswer | undefined;
  readonly retryCount: number;
  readonly config: TestStateConfiguration;
  readonly map: MapInspection;
}

/** A Map with its iterations mocked: items, selector and limits inspected, tolerated failures checked. */
async function runMockedMap(execution: StateExecution<MapState>, parts: RunParts): Promise<Step> {
  const { state, language, context } = execution;
  const { answer, config, map } = parts;
  const input = effectiveInput(execution);
  let items: unknown[] | undefined;
  if ('ItemReader' in state) {
    if (config.mapItemReaderData !== undefined) {
      const data = parsed(config.mapItemReaderData, (why) =>
        invalid(`stateConfiguration.mapItemReaderData must be JSON: ${why}`),
      );
      items = Array.isArray(data) ? data : [data];
    }
  } else {
    items = await itemsOf(execution, input);
    if (language === 'JSONPath') map.afterItemsPath = items;
  }
  if (items && (state.ItemSelector ?? state.Parameters) !== undefined) {
    const selected: unknown[] = [];
    for (const [index, value] of items.entries())
      selected.push(
        await selectedItem(
          { ...execution, context: { ...context, Map: { Item: { Index: index, Value: value } } } },
          input,
          value,
        ),
      );
    map.afterItemSelector = selected;
  }
  map.maxConcurrency = await writtenMaxConcurrency(execution, input);
  const count = await toleratedOf(execution, input, 'ToleratedFailureCount');
  const percent = await toleratedOf(execution, input, 'ToleratedFailurePercentage');
  if (count !== undefined) map.toleratedFailureCount = count;
  if (percent !== undefined) map.toleratedFailurePercentage = percent;
  const result = answered(answer!, false);
  const iterations = items?.length ?? (Array.isArray(result) ? result.length : 0);
  // Observed: failures count only against a tolerance the state gives.
  if (
    (count !== undefined || percent !== undefined) &&
    (config.mapIterationFailureCount ?? 0) > toleratedFailures(count, percent, iterations)
  )
    throw new StatesError(THRESHOLD.error, THRESHOLD.cause);
  return {
    output: await finishOutput(execution, result, 'result'),
    ...(execution.next ? { next: execution.next } : {}),
  };
}

/** One run of the tested state, by its type: its output and next state, or a StatesError. */
async function runOnce(execution: StateExecution, parts: RunParts): Promise<Step> {
  const { state, steps, next } = execution;
  const after = (output: unknown): Step => ({ output, ...(next ? { next } : {}) });
  switch (state.Type) {
    case 'Pass': {
      const step = await runPass({ ...execution, state });
      // Observed: a Pass state with Result shows its result, not its effective input.
      if (steps && 'Result' in state) delete steps.afterInputPath;
      return step;
    }
    case 'Succeed':
      return runSucceed({ ...execution, state });
    case 'Wait':
      return runWait({ ...execution, state });
    case 'Choice':
      return runChoice({ ...execution, state });
    case 'Fail':
      // Observed: a JSONPath Fail state's inspection shows its input as afterInputPath.
      if (steps && execution.language === 'JSONPath') steps.afterInputPath = execution.input;
      return runFail({ ...execution, state });
    case 'Map':
      return runMockedMap({ ...execution, state }, parts);
    case 'Task':
    case 'Parallel': {
      const input = effectiveInput(execution);
      const payload = await statePayload({ ...execution, state }, input);
      const result =
        parts.answer !== undefined
          ? answered(parts.answer, state.Type === 'Task')
          : await runTask({ ...execution, state: state as TaskState }, payload, parts.retryCount);
      if (steps) steps.result = result;
      return after(await finishOutput({ ...execution, state }, result, 'result'));
    }
  }
}

/** How the run ended, before it is answered as text. */
interface Ending {
  readonly status: TestExecutionStatus;
  readonly output?: unknown;
  readonly error?: StatesError;
  readonly next?: string;
}

/** An error of a state that retries and catches: RETRIABLE, CAUGHT_ERROR or FAILED. */
async function handled(
  execution: StateExecution<RetryingState>,
  error: StatesError,
  retryCount: number,
  details: ErrorDetails,
): Promise<Ending> {
  const { state, run } = execution;
  const rules = run.behaviour;
  const retriers = state.Retry ?? [];
  const catchers = state.Catch ?? [];
  const handles = (handler: { readonly ErrorEquals: readonly string[] }) =>
    rules.errorMatches(handler.ErrorEquals, error.error, error instanceof TaskFailure);
  const r = rules.matchingRetrier(retriers, handles);
  if (r >= 0) {
    details.retryIndex = r;
    const retrier = retriers[r]!;
    if (retryCount < rules.maxAttempts(retrier)) {
      details.retryBackoffIntervalSeconds = Math.round(rules.retryDelay(retrier, retryCount));
      return { status: 'RETRIABLE', error };
    }
  }
  const catcher = rules.matchingCatcher(catchers, handles);
  if (!catcher) return { status: 'FAILED', error };
  details.catchIndex = catchers.indexOf(catcher);
  try {
    const output = await caughtOutput(execution, catcher, error);
    return { status: 'CAUGHT_ERROR', output, error, next: catcher.Next };
  } catch (e) {
    return { status: 'FAILED', error: asStatesError(e) };
  }
}

const asStatesError = (e: unknown): StatesError =>
  e instanceof StatesError ? e : new StatesError('States.Runtime', (e as Error).message);

const RETRYING: ReadonlySet<string> = new Set(['Task', 'Map', 'Parallel']);

/** Runs a TestState request; a request AWS would refuse throws a TestStateRefusal. */
export async function runTestState(
  request: TestStateRequest,
  env: TestStateEnvironment,
): Promise<TestStateResult> {
  const { name, state, language } = testedState(
    request.definition,
    request.stateName,
    env.aslSchemaCheck ?? true,
  );
  const { mock } = request;
  if (!mock && (state.Type === 'Map' || state.Type === 'Parallel'))
    throw new TestStateRefusal('InvalidDefinition', NEEDS_MOCK);
  const answer = mock ? mockedAnswer(mock, state, request.revealSecrets === true) : undefined;
  // Documented: a Context object only with a mock (the message is inferred).
  if (request.context !== undefined && !mock)
    throw invalid('A Context object may only be specified when a mock is specified');
  const config = request.stateConfiguration ?? {};
  checkConfiguration(config, state, answer);
  const input = parsed(
    request.input ?? '{}',
    (why) => new TestStateRefusal('InvalidExecutionInput', `Invalid State Input: '${why}'`),
  );
  const variables =
    request.variables === undefined
      ? {}
      : parsed(request.variables, (why) => invalid(`Invalid variables: ${why}`));
  if (!isObject(variables)) throw invalid('Invalid variables: they must be a JSON object of variable names');
  const tasks =
    state.Type === 'Task' && !answer ? unmockedTasks(state, name, request.roleArn, env) : undefined;
  const retryCount = config.retrierRetryCount ?? 0;
  const identity = testExecution(env);
  const context =
    request.context !== undefined
      ? givenContext(request.context, state)
      : madeContext({ ...identity, input, roleArn: request.roleArn, stateName: name, state, retryCount });
  const spec: ExecutionSpec = {
    definition: {},
    input,
    executionArn: identity.executionArn,
    executionName: identity.executionName,
    stateMachineArn: identity.stateMachineArn,
    stateMachineName: identity.stateMachineName,
    roleArn: request.roleArn ?? '',
    region: env.region,
    startEpochMs: env.startEpochMs,
    seed: env.serial,
    tasks: tasks ?? NO_TASKS,
    ...(env.behaviour ? { behaviour: env.behaviour } : {}),
  };
  const run = new SingleStateRun(spec, context);
  const thread = run.thread({ ...variables });
  const steps: DataFlowSteps = {};
  const map: MapInspection = {};
  const details: ErrorDetails = {};
  const execution: StateExecution = {
    run,
    name,
    state,
    input,
    context,
    enteredTime: new Date(env.startEpochMs).toISOString(),
    thread,
    language,
    next: state.End === true ? undefined : state.Next,
    steps,
  };
  const parts: RunParts = { answer, retryCount, config, map };
  let ending: Ending;
  try {
    const step = await run.run(() => runOnce(execution, parts));
    payloadJson(step.output, 'output', name);
    ending = { status: 'SUCCEEDED', output: step.output, ...(step.next ? { next: step.next } : {}) };
  } catch (e) {
    if (e instanceof TestStateRefusal) throw e;
    const error = asStatesError(e);
    ending = RETRYING.has(state.Type)
      ? await handled(execution as StateExecution<RetryingState>, error, retryCount, details)
      : { status: 'FAILED', error };
  }
  const inspection = inspectionData(request.inspectionLevel ?? 'INFO', {
    input,
    steps,
    errorDetails: details,
    map,
    variables: thread.variables,
  });
  const { error } = ending;
  return {
    status: ending.status,
    ...(ending.output !== undefined ? { output: JSON.stringify(ending.output) } : {}),
    ...(error && error.error !== '' ? { error: error.error } : {}),
    ...(error && error.causeText !== '' ? { cause: error.causeText } : {}),
    ...(ending.next !== undefined ? { nextState: ending.next } : {}),
    ...(inspection ? { inspectionData: inspection } : {}),
  };
}

/** The handler of a call whose state calls nothing (every Task is mocked or refused first). */
const NO_TASKS: TaskHandler = {
  describe: () => undefined,
  invoke: () => Promise.reject(new StatesError('States.Runtime', 'TestState calls no service here')),
};
