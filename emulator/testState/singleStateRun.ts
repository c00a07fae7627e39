/**
 * The engine's Run (engine/execution.ts) for a TestState call: one state on a virtual clock of its
 * own, outside any execution. A Wait waits on that clock (no real time passes); its events go to a
 * history the answer does not show; it runs no nested machine (a Map's iterations and a Parallel's
 * branches are answered by the mock); its Context object is the call's, on every attempt.
 */
import { ASL_BEHAVIOUR, type AslBehaviour } from '../engine/behaviour.js';
import type { ContextObject } from '../engine/contextObject.js';
import { TaskAborted, type ExecutionSpec, type Run, type Thread } from '../engine/execution.js';
import { History } from '../engine/history.js';
import { AbortScope, VirtualScheduler } from '../engine/scheduler.js';
import { seededRandom } from '../engine/seededRandom.js';
import { StatesError } from '../engine/statesError.js';

/** One state's run: the engine's clock, history and rules, with the call's Context object. */
export class SingleStateRun implements Run {
  readonly scheduler = new VirtualScheduler();
  readonly history: History;
  readonly random: () => number;
  readonly behaviour: AslBehaviour;

  constructor(
    readonly spec: ExecutionSpec,
    private readonly context: ContextObject,
  ) {
    this.behaviour = spec.behaviour ?? ASL_BEHAVIOUR;
    this.history = new History(spec.startEpochMs, () => this.scheduler.now);
    this.random = seededRandom(spec.seed);
  }

  /** The main thread of the call, with the variables the request sets. */
  thread(variables: Record<string, unknown>): Thread {
    return { scope: new AbortScope(this.spec.stop), variables, last: 0 };
  }

  event(thread: Thread, type: string, details?: Record<string, unknown>): number {
    // No history limit: the events are the engine's bookkeeping, not an answer.
    thread.last = this.history.add(type, thread.last, details, true);
    return thread.last;
  }

  contextObject(): ContextObject {
    return this.context;
  }

  async sleep(seconds: number, thread: Thread): Promise<void> {
    const woke = await this.scheduler.sleep(seconds * 1000, thread.scope);
    if (woke === 'aborted') throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
  }

  runMachine(): Promise<unknown> {
    return Promise.reject(
      new StatesError('States.Runtime', 'TestState runs one state: a nested machine is answered by a mock'),
    );
  }

  child(thread: Thread, scope: AbortScope): Thread {
    return { scope, variables: { ...thread.variables }, last: thread.last };
  }

  /** Runs the call's body on the virtual clock; a clock with nothing left to run fails it. */
  run<T>(body: () => Promise<T>): Promise<T> {
    return Promise.race([body(), this.scheduler.stalls()]);
  }
}
