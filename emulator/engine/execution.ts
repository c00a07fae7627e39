/**
 * An execution as the interpreter's parts share it: what it runs (ExecutionSpec), how it ended
 * (ExecutionOutcome), its threads (the main one, each Parallel branch, each Map iteration), and the
 * Run the state modules (engine/states/) are handed to record events, sleep and run nested machines.
 */
import type { ExecutionStatus, QueryLanguage } from '../../catalog/api.js';
import type { AslBehaviour } from './behaviour.js';
import type { ContextObject } from './contextObject.js';
import type { History, HistoryEvent } from './history.js';
import type { AbortScope, ClockKind, VirtualScheduler } from './scheduler.js';
import type { MachineDefinition, StateDefinition } from './states/definitions.js';
import type { TaskHandler } from './taskHandler.js';

export type { ExecutionStatus };

/** How an execution ended: status, output or error, history and times. */
export interface ExecutionOutcome {
  readonly status: ExecutionStatus;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly history: readonly HistoryEvent[];
  readonly startEpochMs: number;
  readonly stopEpochMs: number;
}

/** What an execution runs: the definition, input, identities, seed and the Task handler. */
export interface ExecutionSpec {
  readonly definition: Record<string, unknown>;
  readonly input: unknown;
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  readonly region: string;
  readonly startEpochMs: number;
  /** Seeds JitterStrategy FULL, States.UUID and States.MathRandom. */
  readonly seed: number;
  readonly tasks: TaskHandler;
  /** Aborting it stops the execution (StopExecution). */
  readonly stop?: AbortScope;
  /** The ASL rules asked by name (a deliberate deviation may change them); ASL's own by default. */
  readonly behaviour?: AslBehaviour;
  /** The execution's clock: virtual (the default) or real time. */
  readonly clock?: ClockKind;
}

/** Thrown inside a thread whose scope was aborted; never surfaces as a state error. */
export class TaskAborted extends Error {
  constructor(readonly reason: string) {
    super(`aborted: ${reason}`);
  }
}

/** A Map iteration's item, as `$$.Map.Item` has it. */
export interface MapItem {
  readonly Index: number;
  readonly Value: unknown;
}

/** A thread of the execution: the main one, a Parallel branch or a Map iteration. */
export interface Thread {
  readonly scope: AbortScope;
  variables: Record<string, unknown>;
  /** Id of this thread's last event (the next event's previousEventId). */
  last: number;
}

/** What running a state gives: its output, and the state to go to (none: the machine ends). */
export interface Step {
  readonly output: unknown;
  readonly next?: string;
}

/** What the state modules are handed: the execution's clock, history and rules. */
export interface Run {
  readonly spec: ExecutionSpec;
  readonly behaviour: AslBehaviour;
  readonly scheduler: VirtualScheduler;
  readonly history: History;
  /** Uniform in [0, 1), from the execution's seed. */
  readonly random: () => number;
  /** Records an event of a thread; returns its id. */
  event(thread: Thread, type: string, details?: Record<string, unknown>): number;
  /** The Context object of a state (a new task token for a Task of the token patterns). */
  contextObject(
    stateName: string,
    enteredTime: string,
    retryCount: number | undefined,
    thread: Thread,
    state?: StateDefinition,
  ): ContextObject;
  /** Waits in virtual time; throws TaskAborted when the thread's scope is aborted. */
  sleep(seconds: number, thread: Thread): Promise<void>;
  /** Runs a machine (a Parallel branch, a Map processor) to its end: its output. */
  runMachine(
    machine: MachineDefinition,
    input: unknown,
    thread: Thread,
    inherited: QueryLanguage,
  ): Promise<unknown>;
  /**
   * A thread for a branch or an iteration, a scope of its own: it reads the parent's variables
   * (copied), and what it assigns stays in it.
   */
  child(thread: Thread, scope: AbortScope): Thread;
}

/**
 * A state's data flow step by step, for whoever asks to see it (TestState's inspection data):
 * each value is recorded where the engine computes it. Executions record nothing.
 */
export interface DataFlowSteps {
  /** JSONPath: the effective input, after InputPath. */
  afterInputPath?: unknown;
  /** JSONPath: the payload after Parameters (the effective input where there is none). */
  afterParameters?: unknown;
  /** JSONata: the payload after Arguments (the state input where there is none). */
  afterArguments?: unknown;
  /** The state's result (a Task's answer, a Pass state's Result). */
  result?: unknown;
  /** JSONPath: the result after ResultSelector. */
  afterResultSelector?: unknown;
  /** JSONPath: the state input with the selected result at ResultPath. */
  afterResultPath?: unknown;
}

/** One state being run: the state, its input as it entered, its Context object and thread. */
export interface StateExecution<S extends { readonly Type: unknown } = StateDefinition> {
  readonly run: Run;
  readonly name: string;
  readonly state: S;
  /** The state's input as it entered (before InputPath). */
  readonly input: unknown;
  /** The Context object (`$$`); a retried attempt has its own. */
  readonly context: ContextObject;
  /** When the state was entered (ISO 8601), as `$$.State.EnteredTime` has it. */
  readonly enteredTime: string;
  readonly thread: Thread;
  readonly language: QueryLanguage;
  /** The state's Next; undefined where it ends its machine. */
  readonly next: string | undefined;
  /** Where the data flow's steps are recorded, when someone asks (TestState); absent in executions. */
  readonly steps?: DataFlowSteps;
}
