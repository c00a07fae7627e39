/**
 * The Task state's attempt: the TaskScheduled and TaskStarted events, the TaskHandler's run of the
 * resource with TimeoutSeconds and HeartbeatSeconds on the execution's clock, TaskSubmitted for
 * `.sync` and callbacks, a callback's wait, and TaskSucceeded, TaskFailed or TaskTimedOut. Retry
 * and Catch around it are errorHandling.ts's.
 */
import { applyJsonataTemplate, applyTemplate, payloadJson } from '../dataFlow.js';
import { TaskAborted, type StateExecution } from '../execution.js';
import { eventJson } from '../history.js';
import { StatesError, TaskFailure } from '../statesError.js';
import type { Callback, TaskInvocation } from '../taskHandler.js';
import type { TaskState } from './definitions.js';
import { taskEventFamily } from '../taskResource.js';
import { effectiveInput, inputStates, jsonataScope, numberField, pathScope } from './inputOutput.js';

/** The role a Task's request is made as, as its scheduled event records it (`taskCredentials`). */
async function taskCredentials(execution: StateExecution<TaskState>): Promise<unknown> {
  const { state, language, thread } = execution;
  if (state.Credentials === undefined) return undefined;
  const credentials =
    language === 'JSONata'
      ? await applyJsonataTemplate(
          state.Credentials,
          jsonataScope(inputStates(execution), thread),
          'Credentials',
        )
      : applyTemplate(state.Credentials, pathScope(execution, effectiveInput(execution)), 'Credentials');
  const roleArn = (credentials as { RoleArn?: unknown } | null)?.RoleArn;
  return roleArn === undefined ? undefined : { roleArn };
}

/** Runs one attempt of a Task state with its evaluated parameters: the task's result. */
export async function runTask(
  execution: StateExecution<TaskState>,
  parameters: unknown,
  retryCount: number,
): Promise<unknown> {
  const { run, state, name, thread } = execution;
  const { spec, scheduler, behaviour } = run;
  const resource = String(state.Resource);
  const timeout = await numberField(
    execution,
    'TimeoutSeconds',
    state.TimeoutSeconds,
    state.TimeoutSecondsPath,
  );
  const heartbeat = await numberField(
    execution,
    'HeartbeatSeconds',
    state.HeartbeatSeconds,
    state.HeartbeatSecondsPath,
  );
  const credentials = await taskCredentials(execution);
  // The state's fields are evaluated before its request is made.
  const described = spec.tasks.describe(resource, name);
  if (!described)
    throw new StatesError(
      'States.Runtime',
      `The emulator does not run the resource '${resource}' of the state '${name}'; mock the state with a Step Functions Local mock configuration (exec --mock)`,
    );
  const parametersJson = payloadJson(parameters, `parameters of the state '${name}'`);
  const family = taskEventFamily(resource);
  // A service integration's events name it; a Lambda function's or an activity's name the ARN once.
  const named = family === 'Task' ? described : {};
  const limits = {
    ...(timeout !== undefined ? { timeoutInSeconds: timeout } : {}),
    ...(heartbeat !== undefined && family !== 'LambdaFunction' ? { heartbeatInSeconds: heartbeat } : {}),
    ...(credentials !== undefined ? { taskCredentials: credentials } : {}),
  };
  run.event(
    thread,
    `${family}Scheduled`,
    family === 'Task'
      ? { ...described, region: spec.region, parameters: parametersJson, ...limits }
      : { resource, input: parametersJson, inputDetails: { truncated: false }, ...limits },
  );
  run.event(thread, `${family}Started`, family === 'Task' ? described : undefined);
  const started = scheduler.now;
  const deadline = behaviour.taskDeadline(started, timeout);
  let beat = started;
  const cleanups: ((reason: string) => Promise<void> | void)[] = [];
  const timedOut = (why: 'timeout' | 'heartbeat') =>
    new StatesError(
      behaviour.timeoutError(why),
      why === 'timeout'
        ? `The task ran past its TimeoutSeconds (${String(timeout)} s)`
        : `The task sent no heartbeat within HeartbeatSeconds (${String(heartbeat)} s)`,
    );
  const invocation: TaskInvocation = {
    stateName: name,
    resource,
    parameters,
    template: state.Arguments ?? state.Parameters,
    templateLanguage: 'Arguments' in state ? 'JSONata' : 'JSONPath',
    parametersJson,
    retryCount,
    executionArn: spec.executionArn,
    now: () => spec.startEpochMs + scheduler.now,
    random: run.random,
    sleep: async (seconds) => {
      const wake = scheduler.now + seconds * 1000;
      const heartbeatDeadline = heartbeat === undefined ? Infinity : beat + heartbeat * 1000;
      const limit = Math.min(deadline, heartbeatDeadline);
      await run.sleep((Math.min(wake, limit) - scheduler.now) / 1000, thread);
      if (wake > limit) throw timedOut(limit === deadline ? 'timeout' : 'heartbeat');
    },
    heartbeat: () => {
      beat = scheduler.now;
    },
    submitted: (output) => {
      if (!behaviour.recordsEvent('TaskSubmitted')) return;
      run.event(thread, 'TaskSubmitted', {
        ...described,
        ...(output === undefined ? {} : { output: eventJson(output), outputDetails: { truncated: false } }),
      });
    },
    onAbort: (cleanup) => {
      cleanups.push(cleanup);
    },
    ...(execution.context.Task ? { taskToken: execution.context.Task.Token } : {}),
    waitForCallback: async (connect) => {
      type Answer = { ok: true; output: unknown } | { ok: false; error?: string; cause?: string };
      const wait = scheduler.external<Answer>(thread.scope, {
        deadline,
        ...(heartbeat !== undefined ? { idleMs: heartbeat * 1000 } : {}),
      });
      const callback: Callback = {
        succeed: (output) => wait.answer({ ok: true, output }),
        fail: (error, cause) =>
          wait.answer({
            ok: false,
            ...(error !== undefined ? { error } : {}),
            ...(cause !== undefined ? { cause } : {}),
          }),
        heartbeat: () => wait.touch(),
      };
      connect(callback);
      const end = await wait.done;
      switch (end.kind) {
        case 'answered':
          if (end.value.ok) return end.value.output;
          // SendTaskFailure names the error and cause, or leaves them out (no error name, an empty cause).
          throw new StatesError(end.value.error ?? '', end.value.cause ?? '');
        case 'deadline':
          throw timedOut('timeout');
        case 'idle':
          throw timedOut('heartbeat');
        case 'aborted':
          throw new TaskAborted(thread.scope.abortReason ?? 'aborted');
      }
    },
  };
  try {
    const result = await spec.tasks.invoke(invocation);
    run.event(thread, `${family}Succeeded`, {
      ...named,
      output: eventJson(result),
      outputDetails: { truncated: false },
    });
    return result;
  } catch (e) {
    if (e instanceof TaskAborted) {
      for (const cleanup of cleanups) await cleanup(e.reason);
      throw e;
    }
    const thrown = e instanceof StatesError ? e : new StatesError('States.TaskFailed', (e as Error).message);
    // A task's failure is the task's: its cause is not an evaluation's.
    const se = new TaskFailure(thrown.error, thrown.causeText);
    const cause = behaviour.taskFailureCause(se.causeText);
    const expired = se.error === 'States.Timeout' || se.error === 'States.HeartbeatTimeout';
    run.event(thread, `${family}${expired ? 'TimedOut' : 'Failed'}`, {
      ...named,
      // A failure sent without an error name records none (inferred: no recording has one).
      ...(se.error === '' ? {} : { error: se.error }),
      ...(cause === undefined ? {} : { cause }),
    });
    throw se;
  }
}
