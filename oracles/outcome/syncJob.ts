/**
 * A `.sync` job as the outcome oracle runs it: polled with Describe until it ends, or until the task's
 * TimeoutSeconds or HeartbeatSeconds end the wait (no Stop: sfn.sync.no-stop-on-task-timeout), or the
 * execution stops meanwhile (aborted, or at its deadline: a best-effort Stop); then its tags read.
 */
import { pollIntervalMs } from '../../catalog/scenario.js';
import type { TaskPlan } from '../../contracts/casePlan.js';
import type { Call } from '../calls/taskCalls.js';
import { causeOf, type Attempt } from './outcomes.js';
import { RULES } from './rules.js';
import { syncResult } from './syncResult.js';
import type { World } from './world.js';

type Obj = Record<string, unknown>;

/**
 * A `.sync` job, and whether the prediction can stand: where the task's HeartbeatSeconds would
 * end it before its end in this model (which counts each successful poll as a heartbeat), the
 * outcome rests on whether Step Functions' polls reset the heartbeat clock, which is not known
 * (sfn.sync.heartbeat): the case is undecided.
 */
export function runJob(
  world: World,
  task: TaskPlan,
  calls: readonly Call[],
  arn: string,
  request: Obj,
): Attempt {
  const start = world.nowMs;
  const attempt = pollJob(world, task, calls, arn, request);
  const heartbeat = task.heartbeatSeconds === undefined ? Infinity : task.heartbeatSeconds * 1000;
  const timeout = task.timeoutSeconds === undefined ? Infinity : task.timeoutSeconds * 1000;
  if (heartbeat < timeout && world.nowMs - start > heartbeat)
    world.leaveUndecided(
      `state "${task.name}": the job runs past HeartbeatSeconds (${task.heartbeatSeconds} s) while it is polled; ` +
        "whether Step Functions' polls count as heartbeats is not known (sfn.sync.heartbeat)",
      RULES.heartbeat,
    );
  return attempt;
}

/** A `.sync` job: polled until it ends (or the task times out, or the execution stops), then its tags read. */
function pollJob(world: World, task: TaskPlan, calls: readonly Call[], arn: string, request: Obj): Attempt {
  const job = world.theCase.scenario.job;
  const describe = calls.find((call) => call.phase === 'poll')!;
  const stop = calls.find((call) => call.phase === 'abort')!;
  const listTags = calls.find((call) => call.phase === 'listTags')!;
  const interval = job ? pollIntervalMs(job.durationSeconds, job.polls) : 60_000;
  const endsAt = interval * (job ? job.polls + 1 : 1);
  const timeout = task.timeoutSeconds === undefined ? Infinity : task.timeoutSeconds * 1000;
  const heartbeat = task.heartbeatSeconds === undefined ? Infinity : task.heartbeatSeconds * 1000;
  const abortAfter = world.theCase.scenario.abortAfterPolls;
  const start = world.nowMs;
  /** Milliseconds since the attempt began. */
  let elapsed = 0;
  /** When the last heartbeat (a successful poll) came, since the attempt began. */
  let lastBeat = 0;
  let polling = true;
  /** The execution stops while the job runs: Step Functions' best-effort cancel. */
  const stopped = (how: 'aborted' | 'timedOut', at: number): Attempt => {
    world.nowMs = how === 'timedOut' ? world.deadlineMs : start + at;
    world.used.push(how === 'aborted' ? RULES.abort : RULES.timeoutStop, RULES.abortHistory);
    const decision = world.decide(stop);
    // The cancel is best effort: a denied Stop leaves the job running; one that ended is not stopped.
    world.jobStates[arn] =
      world.nowMs < start + endsAt
        ? decision === 'allowed'
          ? 'Stopping'
          : 'InProgress'
        : (job?.outcome ?? 'Completed');
    world.jobs.push(how === 'aborted' ? 'aborted' : 'timedOut');
    return { rule: how === 'aborted' ? RULES.abort : RULES.timeoutStop, stopped: how, submitted: true };
  };
  const timedOut = (limit: number): Attempt => {
    if (world.pastDeadline(start + limit)) return stopped('timedOut', limit);
    const rule = limit === timeout ? RULES.timeout : RULES.heartbeatError;
    world.used.push(rule, RULES.noStopOnTaskTimeout);
    world.nowMs = start + limit;
    world.timeline.waited(rule);
    world.jobs.push('timedOut');
    return { rule, error: 'States.Timeout', submitted: true, timedOut: true };
  };
  for (;;) {
    const limit = Math.min(timeout, lastBeat + heartbeat);
    if (polling) {
      if (elapsed + interval > limit) return timedOut(limit);
      if (world.pastDeadline(start + elapsed + interval)) return stopped('timedOut', elapsed + interval);
      elapsed += interval;
      const allowed = world.decide(describe) === 'allowed';
      world.describes++;
      if (abortAfter !== undefined && world.describes > abortAfter) return stopped('aborted', elapsed);
      if (!allowed) {
        // Completion is now seen only through the job's EventBridge event.
        world.used.push(RULES.eventsWhenPollingDenied);
        polling = false;
        continue;
      }
      lastBeat = elapsed;
      if (elapsed >= endsAt) break;
    } else {
      if (endsAt > limit) return timedOut(limit);
      if (world.pastDeadline(start + Math.max(elapsed, endsAt))) return stopped('timedOut', endsAt);
      elapsed = Math.max(elapsed, endsAt);
      break;
    }
  }
  world.nowMs = start + elapsed;
  world.timeline.waited(RULES.pollsDescribe);
  const tagsRead = world.decide(listTags) === 'allowed';
  const outcome = job?.outcome ?? 'Completed';
  world.jobs.push(outcome);
  if (outcome !== 'Completed') {
    world.used.push(RULES.jobFailed, RULES.causeFormat);
    return {
      rule: RULES.jobFailed,
      error: 'States.TaskFailed',
      cause: causeOf(outcome, ...(job?.failureReason ? [job.failureReason] : [])),
      submitted: true,
    };
  }
  world.used.push(RULES.syncOutput, RULES.describeEcho, RULES.jobTimes, RULES.epochMs);
  const times = { createdMs: start, endedMs: start + endsAt, jitterMs: world.jitterMs };
  return { rule: RULES.syncOutput, result: syncResult(task, request, arn, tagsRead, times), submitted: true };
}
