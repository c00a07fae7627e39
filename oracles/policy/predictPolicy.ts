/**
 * `policy`: the least-privilege execution role policy a definition needs, from the call model.
 */
import { definitionCalls, type Call } from '../calls/taskCalls.js';
import type { DefinitionProblem, UnmodelledTask } from '../definition/sagemakerTasks.js';
import type { PredictionOptions } from '../options.js';
import { mergeGrants, type Grant, type MergedPolicy } from './mergeStatements.js';

/** The policy a definition needs, with the calls behind it and what is not modelled. */
export interface PolicyPrediction extends MergedPolicy {
  readonly calls: readonly Call[];
  readonly unmodelled: readonly UnmodelledTask[];
  readonly warnings: readonly string[];
}

/** The predicted policy, or the problems of a definition that keep it from being predicted. */
export type PredictPolicyResult =
  | ({ readonly ok: true } & PolicyPrediction)
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/**
 * The template's statement order (as the connect-sagemaker page's templates list them): the job's
 * own actions, tagging, PassRole, the managed rule; each task's calls in that order, tasks in
 * document order.
 */
function templateRank(call: Call): number {
  if (call.action.startsWith('events:')) return 3;
  if (call.action === 'iam:PassRole') return 2;
  if (call.action === 'sagemaker:ListTags' || call.action === 'sagemaker:AddTags') return 1;
  return 0;
}

function inTemplateOrder(calls: readonly Call[]): Call[] {
  const tasks = new Map<string, number>();
  for (const c of calls) if (!tasks.has(c.pointer)) tasks.set(c.pointer, tasks.size);
  return calls
    .map((call, i) => ({ call, i, task: tasks.get(call.pointer)!, rank: templateRank(call) }))
    .sort((a, b) => a.task - b.task || a.rank - b.rank || a.i - b.i)
    .map((x) => x.call);
}

/**
 * The IAM policy Step Functions would generate for every SageMaker Task state of a definition
 * (sfn.template.documented, sfn.template.by-analogy): the template statements of each task, merged
 * without duplicates, each statement with its provenance.
 */
export function predictPolicy(definition: unknown, options: PredictionOptions): PredictPolicyResult {
  const found = definitionCalls(definition, options);
  if (!found.ok) return found;
  const { calls, unmodelled } = found;
  const warnings = [...found.warnings];
  // A documented gap (sfn.console.no-transform-policy): the console generates no policy for some APIs.
  for (const task of found.tasks) {
    const generates = task.facts.consoleGeneratesPolicy;
    if (!generates.value && generates.provenance.kind === 'documented')
      warnings.push(
        `state "${task.stateName}": Step Functions does not generate a policy for ${task.facts.api} (${generates.provenance.rules.map((r) => r.id).join(', ')}); attach this one to the role yourself`,
      );
  }
  return { ok: true, ...policyOfCalls(calls), calls, unmodelled, warnings };
}

/** The policy of the template statements of these calls (in the template's order, merged). */
export function policyOfCalls(calls: readonly Call[]): MergedPolicy {
  const grants: Grant[] = inTemplateOrder(calls).flatMap((c) =>
    !c.inTemplate
      ? []
      : [
          {
            action: c.action,
            resource: c.grant,
            provenance: c.grantProvenance,
            state: c.state,
            ...(c.condition ? { condition: c.condition } : {}),
          },
        ],
  );
  return mergeGrants(grants);
}
