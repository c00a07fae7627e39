/**
 * Whether CreateStateMachine accepts a case's definition, and why not where it refuses: a definition
 * Step Functions checks and rejects (invalid ASL, unknown request fields, an unsupported resource), or
 * a `.sync` task's managed rule the role may not create.
 */
import { weakest } from '../../catalog/provenance.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import type { Breakage, TaskPlan } from '../../contracts/casePlan.js';
import type { CaseForPrediction, Prediction, RuleAt, Trace } from '../../contracts/prediction.js';
import { RULES } from './rules.js';
import { primaryRule } from './timeline.js';
import type { World } from './world.js';

/** Nothing ran: no jobs, no create errors, no validation; creation decided by `creation`. */
const noTrace = (creation: RuleAt): Trace => ({
  jobs: [],
  createErrors: 0,
  validated: false,
  timeline: { creation, events: [], calls: [], failures: [], end: creation },
});

/** Whether Step Functions rejects the case at CreateStateMachine (sfn.parameters.field-names-checked-at-creation) rather than SageMaker at call time. */
function rejectedAtCreation(breaks: Breakage | undefined): boolean {
  if (!breaks) return false;
  return breaks.kind !== 'request' || breaks.constraint === 'unknown-field';
}

/** The prediction for a case whose definition CreateStateMachine rejects, if it does: InvalidDefinition, no calls. */
export function refusedDefinition(theCase: CaseForPrediction): Prediction | undefined {
  if (!theCase.validity || theCase.validity.valid || !rejectedAtCreation(theCase.validity.breaks))
    return undefined;
  const breaks = theCase.validity.breaks!;
  const refusal =
    breaks.kind === 'resource'
      ? RULES.unsupportedResource
      : breaks.kind === 'asl'
        ? RULES.invalidDefinition
        : RULES.fieldNames;
  return {
    created: { value: false, provenance: refusal },
    createError: { value: { includes: ['InvalidDefinition'] }, provenance: refusal },
    calls: { value: [], provenance: refusal },
    trace: noTrace({ rule: primaryRule(refusal) }),
  };
}

/** Creation: the managed rules of the `.sync` tasks, created with the role; whether each was allowed. */
export function createStateMachine(world: World, tasks: readonly TaskPlan[]): boolean {
  for (const task of tasks) {
    // Which calls creation makes (none but the managed rules of .sync) is the template's to say.
    world.used.push(SAGEMAKER_APIS[task.api].policyTemplate);
    if (task.pattern !== 'sync') continue;
    world.timeline.at = { state: task.name, api: task.api, pattern: task.pattern };
    for (const call of world.callsOf(task, undefined).filter((candidate) => candidate.phase === 'creation'))
      if (world.decide(call) !== 'allowed') {
        world.timeline.creation = world.timeline.ruleAt(call.necessity);
        return false;
      }
  }
  return true;
}

/** The prediction where the role may not create a managed rule: AccessDeniedException, the calls made. */
export function refusedManagedRule(world: World): Prediction {
  const creation = world.timeline.creation ?? { rule: primaryRule(RULES.invalidDefinition) };
  return {
    created: { value: false, provenance: weakest(world.used.list) },
    createError: {
      value: { includes: ['AccessDeniedException', 'managed-rule'] },
      provenance: weakest(world.used.list),
    },
    calls: { value: world.calls, provenance: weakest(world.used.list) },
    trace: { ...noTrace(creation), timeline: world.timeline.timeline(creation, creation) },
  };
}
