/**
 * The outcome oracle: for a case plan, what must happen: whether CreateStateMachine accepts it, the
 * calls made as the execution role with their IAM decisions, the execution's status, error, cause
 * and output, the attempts of the first SageMaker task, the virtual duration and the history event
 * types. A small model of the plan's vocabulary (tasks with Retry, Catch, timeouts and data flow,
 * output checks, Succeed, Map and Parallel), not an ASL interpreter: each rule is an entry of the
 * evidence table (catalog/evidence.ts, the RULES table of rules.ts); a prediction rests on every rule
 * it used, and is as strong as the weakest; every call comes from the one call model (taskCalls).
 *
 * The pieces: creation.ts (CreateStateMachine), world.ts (SageMaker's resources and answers, the
 * calls, the clock), syncJob.ts and syncResult.ts (`.sync` jobs), planWalk.ts (the flow plan).
 */
import type { ExecutionStatus } from '../../catalog/api.js';
import { rule, weakest } from '../../catalog/provenance.js';
import { planTasks } from '../../contracts/casePlan.js';
import {
  leaves,
  type CaseForPrediction,
  type CausePattern,
  type Prediction,
  type RuleAt,
} from '../../contracts/prediction.js';
import { createStateMachine, refusedDefinition, refusedManagedRule } from './creation.js';
import { PlanWalk, type TaskVisit } from './planWalk.js';
import { RULES } from './rules.js';
import { primaryRule } from './timeline.js';
import { World } from './world.js';

/** What must happen when the case runs; `onTask` is told of each task the execution reaches, with the input that reaches it. */
export function predictExecution(
  theCase: CaseForPrediction,
  onTask?: (visit: TaskVisit) => void,
): Prediction {
  const refused = refusedDefinition(theCase);
  if (refused) return refused;
  const world = new World(theCase);
  if (!createStateMachine(world, planTasks(theCase.plan.flow))) return refusedManagedRule(world);
  // Created: the definition is valid, and the calls of creation (the managed rules) allowed.
  const created = weakest(world.used.list);
  // A user's definition with states the plan does not model: creation alone is predicted.
  if (theCase.plan.unmodelled !== undefined) {
    const { createError: _error, ...calls } = refusedManagedRule(world);
    return {
      ...calls,
      created: { value: true, provenance: created },
      undecided: { value: theCase.plan.unmodelled, provenance: rule('harness.unmodelled-states') },
    };
  }
  const timeline = world.timeline;
  timeline.at = undefined;
  timeline.event(RULES.history, 'ExecutionStarted');
  const outcome = new PlanWalk(world, theCase, onTask).flow(theCase.plan.flow, theCase.input);
  const lastState = timeline.at;
  timeline.at = undefined;
  let status: ExecutionStatus;
  let error: string | null = null;
  let cause: CausePattern | undefined;
  let end: RuleAt;
  switch (outcome.kind) {
    case 'ok':
      status = 'SUCCEEDED';
      end = {
        rule: timeline.output?.rule ?? primaryRule(RULES.history),
        ...(lastState ? { at: lastState } : {}),
      };
      timeline.event(RULES.history, 'ExecutionSucceeded');
      break;
    case 'failed':
      status = 'FAILED';
      error = outcome.error;
      cause = outcome.cause;
      end = { rule: primaryRule(outcome.rule), ...(outcome.at ? { at: outcome.at } : {}) };
      timeline.event(outcome.rule, 'ExecutionFailed');
      break;
    case 'aborted':
      status = 'ABORTED';
      end = { rule: primaryRule(RULES.abort), ...(lastState ? { at: lastState } : {}) };
      timeline.event(RULES.abort, 'ExecutionAborted');
      break;
    case 'timedOut':
      // DescribeExecution has no error or cause for a timed-out execution (sfn.timed-out-no-error).
      status = 'TIMED_OUT';
      world.used.push(RULES.timedOutNoError);
      // At the state machine's TimeoutSeconds, or at the year an execution may run at most.
      world.nowMs = world.deadlineMs;
      end = { rule: primaryRule(RULES.machineTimeout), ...(lastState ? { at: lastState } : {}) };
      timeline.event(RULES.machineTimeout, 'ExecutionTimedOut');
      break;
  }
  const provenance = weakest(world.used.list);
  const duration = world.nowMs / 1000;
  const jitter = world.jitterMs / 1000;
  return {
    created: { value: true, provenance: created },
    calls: { value: world.calls, provenance },
    status: { value: status, provenance },
    error: { value: error, provenance },
    ...(cause && cause.includes.length > 0 ? { cause: { value: cause, provenance } } : {}),
    ...(outcome.kind === 'ok' ? { output: { value: leaves(outcome.output), provenance } } : {}),
    ...(world.firstAttempts !== undefined ? { attempts: { value: world.firstAttempts, provenance } } : {}),
    durationSeconds: {
      value: jitter > 0 && status !== 'TIMED_OUT' ? { min: duration - jitter, max: duration } : duration,
      provenance,
    },
    historyTypes: { value: timeline.types, provenance: weakest([provenance, RULES.history]) },
    taskFailures: { value: world.taskFailures, provenance },
    ...(Object.keys(world.jobStates).length > 0
      ? { jobStates: { value: world.jobStates, provenance: weakest([provenance, RULES.bestEffortStop]) } }
      : {}),
    ...(world.undecided !== undefined
      ? { undecided: { value: world.undecided.reason, provenance: world.undecided.provenance } }
      : {}),
    trace: {
      jobs: world.jobs,
      createErrors: world.createErrors,
      validated: world.validated,
      timeline: timeline.timeline(end, { rule: primaryRule(RULES.invalidDefinition) }),
    },
  };
}
