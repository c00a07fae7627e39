/**
 * `check`: how an execution role's policy decides every call a definition needs, which calls a
 * name given at run time decides, and the statements that would grant what is missing.
 */
import { weakest, type Provenance } from '../../catalog/provenance.js';
import { RequestContext } from '../../iam/context.js';
import type { Decision, PolicySet, StatementExplanation } from '../../iam/evaluate.js';
import { IamPattern } from '../../iam/pattern.js';
import type { PolicyDocument } from '../../contracts/iamPolicy.js';
import type { DefinitionProblem, UnmodelledTask } from '../definition/sagemakerTasks.js';
import type { PredictionOptions } from '../options.js';
import { mergeGrants } from '../policy/mergeStatements.js';
import { arnName, definitionCalls, resourceMatches, type Call, type RequirementLevel } from './taskCalls.js';

/** A statement that decided a requirement, or (for an implicit deny) one that named the action but did not apply. */
export interface StatementRef {
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly reason: string;
}

/**
 * A requirement whose resource is named at run time, decided differently for different names: the
 * resource patterns of the policy under which a name is allowed, and those under which it is denied.
 */
export interface NameDependence {
  /** The member whose value names the resource, e.g. `TrainingJobName`. */
  readonly field: string;
  /** Patterns a name may match to be allowed (`arn:...:training-job/ade-*`). */
  readonly allowedWhere: readonly string[];
  /** Patterns (or `any other name`) under which it is denied. */
  readonly deniedWhere: readonly string[];
}

/** One call a definition needs, and how the checked policy decides it. */
export interface Requirement {
  readonly state: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly level: RequirementLevel;
  /** That the call is made, and that a denial costs what it says: the weakest of the rules of both. */
  readonly provenance: Provenance;
  readonly reason: string;
  /** `dependsOnName`: the resource is named at run time, and the policy allows some names and not others. */
  readonly decision: Decision | 'dependsOnName';
  readonly byName?: NameDependence;
  readonly statements: readonly StatementRef[];
}

/** What `check` finds of a policy against a definition: every call decided, what is missing. */
export interface PolicyCheck {
  /** Every `required` call is allowed. */
  readonly sufficient: boolean;
  /** No required call is denied, but some are decided by the names given at run time. */
  readonly dependsOnNames: boolean;
  readonly requirements: readonly Requirement[];
  /** The generated-policy statements that would grant the implicitly denied required calls. */
  readonly missing?: PolicyDocument;
  readonly unmodelled: readonly UnmodelledTask[];
  readonly warnings: readonly string[];
}

/** The check of a policy, or the problems of a definition that keep it from being checked. */
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

const NO_CONTEXT = new RequestContext();

/** An IAM resource pattern (`*` any text, `?` one character), matched as the IAM evaluator matches it. */
export function resourcePattern(pattern: string): { test(resource: string): boolean } {
  const compiled = new IamPattern(pattern, { wildcards: true, variables: false });
  return { test: (resource) => compiled.test(resource, NO_CONTEXT) === true };
}

/**
 * Names a resource named at run time (`<prefix>${Field}<suffix>`) may take that a policy's resource
 * pattern matches: the pattern's own name part (after its last `/` or `:`, after the representative's
 * prefix), wildcards as `x`, lower-cased where SageMaker writes names in ARNs lower-cased. A pattern
 * no name fits (another type, another account, capitals SageMaker never sends) gives none.
 */
function witnessesOf(representative: string, pattern: string): string[] {
  const at = representative.indexOf('${');
  const prefix = representative.slice(0, at);
  const suffix = representative.slice(representative.indexOf('}', at) + 1);
  const lowered = prefix.includes(':sagemaker:');
  const parts = [
    pattern.slice(pattern.lastIndexOf('/') + 1),
    pattern.slice(pattern.lastIndexOf(':') + 1),
    ...(pattern.startsWith(prefix) ? [pattern.slice(prefix.length)] : []),
  ];
  const matches = resourcePattern(pattern);
  const out = new Set<string>();
  for (const part of parts) {
    let name = part.replace(/[*?]/g, 'x');
    if (suffix && name.endsWith(suffix)) name = name.slice(0, -suffix.length);
    if (lowered) name = arnName(name);
    const resource = `${prefix}${name}${suffix}`;
    if (name !== '' && resourceMatches(representative, resource) && matches.test(resource)) out.add(resource);
  }
  return [...out];
}

/**
 * How a call on a resource named at run time is decided for the names it may take: the
 * representative (`training-job/${TrainingJobName}`, which only wildcard grants match) and a name
 * under each resource pattern of the policies that some name fits. One decision for all: that
 * decision; several: the name decides.
 */
function decideByName(call: Call, policies: PolicySet) {
  const evaluate = (resource: string) =>
    policies.evaluate({ action: call.action, resource, context: call.context });
  const base = evaluate(call.resource);
  if (!call.resource.includes('${')) return { evaluation: base };
  const field = /\$\{([A-Za-z]+)\}/.exec(call.resource)?.[1] ?? 'name';
  const allowedWhere: string[] = [];
  const deniedWhere: string[] = [];
  const patterns = new Set<string>();
  for (const policy of policies.policies)
    for (const s of policy.statements)
      if (s.resourceKind === 'Resource') for (const r of s.resources) if (r !== '*') patterns.add(r);
  for (const pattern of patterns) {
    const witnesses = witnessesOf(call.resource, pattern);
    if (witnesses.length === 0) continue;
    const allowed = witnesses.some((w) => evaluate(w).decision === 'allowed');
    (allowed ? allowedWhere : deniedWhere).push(pattern);
  }
  if (base.decision === 'allowed' ? deniedWhere.length === 0 : allowedWhere.length === 0)
    return { evaluation: base };
  (base.decision === 'allowed' ? allowedWhere : deniedWhere).push('any other name');
  return { evaluation: base, byName: { field, allowedWhere, deniedWhere } };
}

/**
 * What to grant for a denied call: the template's grant where it matches the call's resource; where
 * it does not (a static name with capitals, which SageMaker lower-cases in the ARN), the resource
 * as SageMaker names it, with the template's `*`.
 */
const grantFor = (c: Call): string =>
  resourcePattern(c.grant).test(c.resource) || c.resource.includes('${') ? c.grant : `${c.resource}*`;

/**
 * Is the policy enough for the definition? Derives the calls each SageMaker Task makes as the
 * execution role and decides each one with the IAM evaluator: the calls that are made, never the
 * template's statements that no call needs. With `resolved` (each state's request as an execution
 * computed it, by state name), names given at run time are decided as that execution gives them.
 */
export function checkPolicy(
  definition: unknown,
  policies: PolicySet,
  options: PredictionOptions,
  resolved?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): CheckPolicyResult {
  const found = definitionCalls(definition, options, resolved);
  if (!found.ok) return found;
  const { warnings, unmodelled } = found;
  const calls = found.calls.filter((c) => c.phase !== 'template');
  const requirements: Requirement[] = calls.map((call) => {
    const { evaluation, byName } = decideByName(call, policies);
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
      provenance: weakest([call.provenance, call.necessity]),
      reason: call.reason,
      decision: byName ? 'dependsOnName' : evaluation.decision,
      ...(byName ? { byName } : {}),
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
            resource: grantFor(c),
            provenance: c.grantProvenance,
            state: c.state,
            ...(c.condition ? { condition: c.condition } : {}),
          })),
        ).document;
  const required = requirements.filter((r) => r.level === 'required');
  const sufficient = required.every((r) => r.decision === 'allowed');
  const dependsOnNames =
    !sufficient && required.every((r) => r.decision === 'allowed' || r.decision === 'dependsOnName');
  return {
    ok: true,
    sufficient,
    dependsOnNames,
    requirements,
    ...(missing ? { missing } : {}),
    unmodelled,
    warnings,
  };
}
