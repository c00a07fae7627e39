/**
 * Running a definition on the interpreter in tests: a task handler whose resources say what it
 * does (`fail:<Error>` fails, `flaky:<n>` fails its first n attempts, `sleep:<s>` waits, others
 * echo), and helpers to read an outcome.
 */
import type { AslBehaviour } from '../engine/behaviour.js';
import { runExecution } from '../engine/interpreter.js';
import type { AbortScope } from '../engine/scheduler.js';
import { StatesError } from '../engine/statesError.js';
import type { TaskHandler, TaskInvocation } from '../engine/taskHandler.js';

type Obj = Record<string, unknown>;

/** A task handler for tests: `fail:<Error>` resources fail, `sleep:<s>` ones wait, others echo. */
export const tasks: TaskHandler = {
  describe: (resource) => ({ resourceType: 'test', resource }),
  async invoke(inv: TaskInvocation) {
    const [kind, arg] = inv.resource.split(':');
    if (kind === 'fail') throw new StatesError(arg!, `failed on attempt ${inv.retryCount}`);
    if (kind === 'flaky' && inv.retryCount < Number(arg))
      throw new StatesError('Flaky', `attempt ${inv.retryCount}`);
    if (kind === 'sleep') await inv.sleep(Number(arg));
    return { echo: inv.parameters, retryCount: inv.retryCount };
  },
};

/** Runs a definition with `tasks`, as execution run-1 of state machine sm. */
export function run(
  definition: Obj,
  input: unknown = {},
  extra: { stop?: AbortScope; seed?: number; behaviour?: AslBehaviour } = {},
) {
  return runExecution({
    definition,
    input,
    executionArn: 'arn:aws:states:us-east-1:123456789012:execution:sm:run-1',
    executionName: 'run-1',
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:sm',
    stateMachineName: 'sm',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    region: 'us-east-1',
    startEpochMs: Date.UTC(2026, 0, 1),
    seed: extra.seed ?? 1,
    tasks,
    ...(extra.stop ? { stop: extra.stop } : {}),
    ...(extra.behaviour ? { behaviour: extra.behaviour } : {}),
  });
}

/** A machine of one state, S, that ends it. */
export const one = (state: Obj, extra: Obj = {}) => ({
  StartAt: 'S',
  States: { S: { End: true, ...state } },
  ...extra,
});

/** An outcome's duration in virtual seconds. */
export const seconds = (o: { startEpochMs: number; stopEpochMs: number }) =>
  (o.stopEpochMs - o.startEpochMs) / 1000;

/** An outcome's history event types. */
export const types = (o: { history: readonly { type: string }[] }) => o.history.map((e) => e.type);
