/**
 * Policy regression: the calls the integration makes as the execution role (per SageMaker task of
 * the definitions, or of generated cases), decided under the old and the new policy. Newly denied
 * calls are breaking; newly allowed ones (and probes just outside the calls: another resource
 * name, another service for PassRole) are widenings.
 */
import { weakest, type Provenance } from '../../catalog/provenance.js';
import { PolicySet, type Evaluation, type StatementExplanation } from '../../iam/evaluate.js';
import type { NormalizedPolicy } from '../../iam/policy.js';
import {
  taskCalls,
  type Call,
  type RequirementLevel,
  type ScenarioName,
} from '../../oracles/calls/taskCalls.js';
import { findTasks, type DefinitionProblem } from '../../oracles/definition/sagemakerTasks.js';
import type { PredictionOptions } from '../../oracles/options.js';

/** A call the integration makes (or a probe), as the regression compares it under both policies. */
export interface RegressionCall {
  readonly source: string;
  readonly state: string;
  readonly pattern: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly level: RequirementLevel;
  readonly provenance: Provenance;
  readonly scenarios: readonly ScenarioName[];
  /** What a denial of the call costs. */
  readonly consequence: string;
  /** A call the integration does not make: a probe of how far a grant reaches. */
  readonly probe?: string;
}

/** A statement of a policy that decides a call, and why. */
export interface StatementNote {
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly reason: string;
  /** The Resource patterns of the statement (for widening flags). */
  readonly resources?: readonly string[];
}

/** A call whose decision the policy change changes. */
export interface Change {
  readonly call: RegressionCall;
  readonly before: Evaluation['decision'];
  readonly after: Evaluation['decision'];
  /** Newly denied: the statements that allowed before; newly allowed: the statements that grant now. */
  readonly grantedBy: readonly StatementNote[];
  /** Newly denied: why the new policy does not allow it. */
  readonly why: string;
  readonly consequence?: string;
  readonly flags: readonly string[];
}

/** What a policy change does: the calls newly denied and newly allowed. */
export interface Regression {
  readonly newlyDenied: readonly Change[];
  readonly newlyAllowed: readonly Change[];
  readonly unchanged: number;
  readonly breaking: boolean;
}

/** A definition whose calls the regression checks, by name. */
export interface CallSource {
  readonly name: string;
  readonly definition: unknown;
}

function note(s: StatementExplanation, policy: NormalizedPolicy | undefined): StatementNote {
  const resources = policy?.statements[s.index]?.resources;
  return {
    policy: s.policy,
    index: s.index,
    ...(s.sid ? { sid: s.sid } : {}),
    effect: s.effect,
    reason: s.reason,
    ...(resources ? { resources } : {}),
  };
}

/** The calls of every SageMaker task of the sources; problems are returned, not thrown. */
export function collectCalls(
  sources: readonly CallSource[],
  options: PredictionOptions,
): { calls: RegressionCall[]; problems: { source: string; problem: DefinitionProblem }[] } {
  const calls: RegressionCall[] = [];
  const problems: { source: string; problem: DefinitionProblem }[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const found = findTasks(source.definition, options.type);
    for (const problem of found.problems) problems.push({ source: source.name, problem });
    for (const task of found.tasks) {
      for (const call of taskCalls(task.subject, options).calls) {
        const key = JSON.stringify([source.name, call.state, call.action, call.resource, call.context]);
        if (seen.has(key)) continue;
        seen.add(key);
        calls.push(toRegressionCall(source.name, task.pattern, call, call.scenarios));
        calls.push(...probes(source.name, task.pattern, call));
      }
    }
  }
  return { calls, problems };
}

function toRegressionCall(
  source: string,
  pattern: string,
  call: Call,
  scenarios: readonly ScenarioName[],
  probe?: string,
): RegressionCall {
  return {
    source,
    state: call.state,
    pattern,
    action: call.action,
    resource: call.resource,
    context: call.context,
    level: call.level,
    // As strong as the call and what its denial costs.
    provenance: weakest([call.provenance, call.necessity]),
    scenarios,
    consequence: call.consequence,
    ...(probe ? { probe } : {}),
  };
}

/** Calls just outside what the integration does: where a widening shows. */
function probes(source: string, pattern: string, call: Call): RegressionCall[] {
  const out: RegressionCall[] = [];
  if (call.action === 'iam:PassRole') {
    out.push(
      toRegressionCall(
        source,
        pattern,
        { ...call, context: { ...call.context, 'iam:PassedToService': 'ec2.amazonaws.com' } },
        [],
        'the role passed to another service (iam:PassedToService ec2.amazonaws.com)',
      ),
    );
  }
  const slash = call.resource.lastIndexOf('/');
  if (call.action.startsWith('sagemaker:Create') && slash > 0) {
    out.push(
      toRegressionCall(
        source,
        pattern,
        { ...call, resource: `${call.resource.slice(0, slash + 1)}zz-unrelated-resource` },
        [],
        'another resource of the same type',
      ),
    );
  }
  return out;
}

function whyNot(e: Evaluation): string {
  if (e.decision === 'explicitDeny')
    return e.decisive
      .map((s) => `denied by ${s.policy} statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}`)
      .join('; ');
  const near = e.statements.filter((s) => s.action.matched);
  return near.length > 0
    ? near
        .map((s) => `${s.policy} statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}: ${s.reason}`)
        .join('; ')
    : `no statement of ${e.statements[0]?.policy ?? 'the policy'} names the action`;
}

/** Decides every call under both policies and classifies the changes. */
export function regress(
  calls: readonly RegressionCall[],
  oldPolicies: readonly NormalizedPolicy[],
  newPolicies: readonly NormalizedPolicy[],
): Regression {
  const before = new PolicySet(oldPolicies);
  const after = new PolicySet(newPolicies);
  const byName = new Map([...oldPolicies, ...newPolicies].map((p) => [p.name, p]));
  const newlyDenied: Change[] = [];
  const newlyAllowed: Change[] = [];
  let unchanged = 0;
  for (const call of calls) {
    const request = { action: call.action, resource: call.resource, context: call.context };
    const b = before.evaluate(request);
    const a = after.evaluate(request);
    const wasAllowed = b.decision === 'allowed';
    const isAllowed = a.decision === 'allowed';
    if (wasAllowed === isAllowed) {
      if (!call.probe) unchanged++;
      continue;
    }
    if (wasAllowed && !call.probe) {
      newlyDenied.push({
        call,
        before: b.decision,
        after: a.decision,
        grantedBy: b.decisive.map((s) => note(s, byName.get(s.policy))),
        why: whyNot(a),
        consequence: call.consequence,
        flags: [],
      });
    } else if (!wasAllowed) {
      const grants = a.decisive.map((s) => note(s, byName.get(s.policy)));
      const flags: string[] = [];
      if (
        grants.some((g) => (g.resources ?? []).some((r) => r === '*' || r.endsWith(':*') || r.endsWith('/*')))
      )
        flags.push('widened to * resources');
      if (call.probe?.startsWith('the role passed to another service'))
        flags.push('drops the iam:PassedToService condition');
      newlyAllowed.push({ call, before: b.decision, after: a.decision, grantedBy: grants, why: '', flags });
    }
  }
  return {
    newlyDenied,
    newlyAllowed,
    unchanged,
    breaking: newlyDenied.some((c) => c.call.level === 'required'),
  };
}
