import type { Provenance } from '../../catalog/provenance.js';
import type { Decision, PolicySet, StatementExplanation } from '../../iam/evaluate.js';
import type { PolicyDocument } from '../../iam/policy.js';
import type { DefinitionProblem, UnmodelledTask } from '../definition/sagemakerTasks.js';
import type { PredictionOptions } from '../options.js';
import { mergeGrants } from '../policy/mergeStatements.js';
import { definitionCalls, type RequirementLevel } from './taskCalls.js';

/** A statement that decided a requirement, or (for an implicit deny) one that named the action but did not apply. */
export interface StatementRef {
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly reason: string;
}

export interface Requirement {
  readonly state: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly level: RequirementLevel;
  readonly provenance: Provenance;
  readonly reason: string;
  readonly decision: Decision;
  readonly statements: readonly StatementRef[];
}

export interface PolicyCheck {
  /** Every `required` call is allowed. */
  readonly sufficient: boolean;
  readonly requirements: readonly Requirement[];
  /** The generated-policy statements that would grant the implicitly denied required calls. */
  readonly missing?: PolicyDocument;
  readonly unmodelled: readonly UnmodelledTask[];
  readonly warnings: readonly string[];
}

export type CheckPolicyResult =
  | ({ readonly ok: true } & PolicyCheck)
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

function ref(s: StatementExplanation): StatementRef {
  return {
    policy: s.policy,
    index: s.index,
    ...(s.sid === undefined ? {} : { sid: s.sid }),
    effect: s.effect,
    reason: s.reason,
  };
}

/**
 * Is the policy enough for the definition? Derives the calls each SageMaker Task makes as the
 * execution role and decides each one with the IAM evaluator.
 */
export function checkPolicy(
  definition: unknown,
  policies: PolicySet,
  options: PredictionOptions,
): CheckPolicyResult {
  const found = definitionCalls(definition, options);
  if (!found.ok) return found;
  const { calls, warnings, unmodelled } = found;
  const requirements: Requirement[] = calls.map((call) => {
    const evaluation = policies.evaluate({
      action: call.action,
      resource: call.resource,
      context: call.context,
    });
    const statements =
      evaluation.decision === 'implicitDeny'
        ? evaluation.statements.filter((s) => s.action.matched).map(ref)
        : evaluation.decisive.map(ref);
    return {
      state: call.state,
      action: call.action,
      resource: call.resource,
      context: call.context,
      level: call.level,
      provenance: call.provenance,
      reason: call.reason,
      decision: evaluation.decision,
      statements,
    };
  });
  const missingCalls = calls.filter(
    (c, i) => c.level === 'required' && requirements[i]!.decision === 'implicitDeny' && c.grant,
  );
  const missing =
    missingCalls.length === 0
      ? undefined
      : mergeGrants(
          missingCalls.map((c) => ({
            action: c.action,
            resource: c.grant!,
            provenance: c.provenance,
            state: c.state,
            ...(c.condition ? { condition: c.condition } : {}),
          })),
        ).document;
  const sufficient = requirements.every((r) => r.level !== 'required' || r.decision === 'allowed');
  return {
    ok: true,
    sufficient,
    requirements,
    ...(missing ? { missing } : {}),
    unmodelled,
    warnings,
  };
}
