import { definitionCalls, type PredictedCall } from '../calls/taskCalls.js';
import type { DefinitionProblem, UnmodelledTask } from '../definition/sagemakerTasks.js';
import type { PredictionOptions } from '../options.js';
import { mergeGrants, type Grant, type MergedPolicy } from './mergeStatements.js';

export interface PolicyPrediction extends MergedPolicy {
  readonly calls: readonly PredictedCall[];
  readonly unmodelled: readonly UnmodelledTask[];
  readonly warnings: readonly string[];
}

export type PredictPolicyResult =
  | ({ readonly ok: true } & PolicyPrediction)
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/**
 * The IAM policy Step Functions would generate for every SageMaker Task state of a definition
 * (spec §2, §3): the template statements of each task, merged without duplicates, each statement
 * with its provenance.
 */
export function predictPolicy(definition: unknown, options: PredictionOptions): PredictPolicyResult {
  const found = definitionCalls(definition, options);
  if (!found.ok) return found;
  const { calls, warnings, unmodelled } = found;
  const grants: Grant[] = calls.flatMap((c) =>
    c.grant === undefined
      ? []
      : [
          {
            action: c.action,
            resource: c.grant,
            provenance: c.provenance,
            state: c.state,
            ...(c.condition ? { condition: c.condition } : {}),
          },
        ],
  );
  return { ok: true, ...mergeGrants(grants), calls, unmodelled, warnings };
}
