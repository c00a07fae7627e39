/**
 * The states of an ASL definition as the interpreter reads them: one interface per state type,
 * the fields of both query languages (JSONPath's paths, JSONata's `{% %}` expressions), Retry and
 * Catch. A definition is checked when the state machine is created (emulator/definitionChecks.ts);
 * the interpreter narrows each state once, by its Type, and reads typed fields from then on.
 */
import type { QueryLanguage } from '../../../catalog/api.js';
import { isObject, ownValue } from '../../../syntax/json.js';

/** A JSON template: Parameters, ResultSelector, Arguments, Output, Assign and the like. */
export type Template = unknown;

/** A number field: a literal, or a JSONata expression (`{% %}`) that evaluates to one. */
export type NumberField = number | string;

/** A state machine, or a Parallel branch, or a Map processor: its states and where to start. */
export interface MachineDefinition {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, unknown>>;
  readonly QueryLanguage?: QueryLanguage;
  /** The state machine's TimeoutSeconds (top level only). */
  readonly TimeoutSeconds?: number;
}

/** The fields every state may have. */
interface StateFields {
  readonly Comment?: string;
  readonly QueryLanguage?: QueryLanguage;
  readonly Next?: string;
  readonly End?: boolean;
  readonly InputPath?: string | null;
  readonly OutputPath?: string | null;
  /** JSONata: the state's output. */
  readonly Output?: Template;
  readonly Assign?: Template;
}

/** One retrier of a Retry list (asl.retry). */
export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

/** One catcher of a Catch list. */
export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
  /** JSONata: the output, over `$states.errorOutput`. */
  readonly Output?: Template;
  readonly Assign?: Template;
}

/** The fields of the states that make a result and can retry and catch: Task, Parallel, Map. */
interface ResultFields {
  readonly Parameters?: Template;
  /** JSONata's Parameters. */
  readonly Arguments?: Template;
  readonly ResultSelector?: Template;
  readonly ResultPath?: string | null;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
}

/** A Pass state. */
export interface PassState extends StateFields {
  readonly Type: 'Pass';
  readonly Result?: unknown;
  readonly Parameters?: Template;
  readonly ResultPath?: string | null;
}

/** A Task state. */
export interface TaskState extends StateFields, ResultFields {
  readonly Type: 'Task';
  readonly Resource: string;
  readonly TimeoutSeconds?: NumberField;
  readonly TimeoutSecondsPath?: string;
  readonly HeartbeatSeconds?: NumberField;
  readonly HeartbeatSecondsPath?: string;
  /** The role the task's request is made as (`RoleArn`, a path or an expression inside). */
  readonly Credentials?: Template;
}

/** A rule of a Choice state: a JSONPath comparison (emulator/engine/choice.ts) or a JSONata Condition. */
export interface ChoiceRule {
  readonly Next: string;
  /** JSONata: a `{% %}` expression, or a constant. */
  readonly Condition?: string | boolean;
  readonly Output?: Template;
  readonly Assign?: Template;
  /** JSONPath: Variable, the comparison operator, And / Or / Not. */
  readonly [comparison: string]: unknown;
}

/** A Choice state. */
export interface ChoiceState extends StateFields {
  readonly Type: 'Choice';
  readonly Choices?: readonly ChoiceRule[];
  readonly Default?: string;
}

/** A Wait state. */
export interface WaitState extends StateFields {
  readonly Type: 'Wait';
  readonly Seconds?: NumberField;
  readonly SecondsPath?: string;
  readonly Timestamp?: string;
  readonly TimestampPath?: string;
}

/** A Succeed state. */
export interface SucceedState extends StateFields {
  readonly Type: 'Succeed';
}

/** A Fail state. */
export interface FailState extends StateFields {
  readonly Type: 'Fail';
  readonly Error?: string;
  readonly Cause?: string;
  readonly ErrorPath?: string;
  readonly CausePath?: string;
}

/** A Parallel state. */
export interface ParallelState extends StateFields, ResultFields {
  readonly Type: 'Parallel';
  readonly Branches?: readonly MachineDefinition[];
}

/** A Map state (inline). */
export interface MapState extends StateFields, ResultFields {
  readonly Type: 'Map';
  readonly ItemProcessor?: MachineDefinition;
  /** The older name of ItemProcessor. */
  readonly Iterator?: MachineDefinition;
  readonly ItemsPath?: string;
  /** JSONata: the items, an array or a `{% %}` expression. */
  readonly Items?: unknown;
  readonly ItemSelector?: Template;
  readonly MaxConcurrency?: unknown;
  readonly MaxConcurrencyPath?: string;
  readonly ToleratedFailureCount?: unknown;
  readonly ToleratedFailurePercentage?: unknown;
  readonly ToleratedFailureCountPath?: string;
  readonly ToleratedFailurePercentagePath?: string;
}

/** A state of a definition, by its Type. */
export type StateDefinition =
  PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** The state types. */
export type StateType = StateDefinition['Type'];

/** A state of a type the interpreter does not run: it fails the execution with States.Runtime. */
export interface UnknownState extends StateFields {
  readonly Type: unknown;
}

const STATE_TYPES: ReadonlySet<unknown> = new Set<StateType>([
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
]);

/** Whether a state is of one of the eight types (the definition was checked when it was created). */
export function isKnownState(state: StateDefinition | UnknownState): state is StateDefinition {
  return STATE_TYPES.has(state.Type);
}

/** The state of a machine by name, read as a state definition; undefined when there is none. */
export function stateOf(
  machine: MachineDefinition,
  name: string,
): StateDefinition | UnknownState | undefined {
  const state = ownValue(machine.States, name);
  // The one place the definition's JSON is taken as typed: creation checked its shape.
  return isObject(state) ? (state as unknown as StateDefinition | UnknownState) : undefined;
}

/** The query language of a machine or state: its own where it names one, else the inherited one. */
export function languageOf(
  node: { readonly QueryLanguage?: unknown },
  inherited: QueryLanguage,
): QueryLanguage {
  return node.QueryLanguage === 'JSONata' || node.QueryLanguage === 'JSONPath'
    ? node.QueryLanguage
    : inherited;
}
