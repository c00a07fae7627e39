import { splitArnFields, splitArnPatternFields } from './arn.js';
import { CompiledCondition, type ConditionExplanation } from './conditions.js';
import { RequestContext, type ContextInput } from './context.js';
import { IamPattern, isUnresolved } from './pattern.js';
import type { NormalizedPolicy, NormalizedStatement } from './policy.js';

/** One call to authorize: an action on a resource, with its request context. */
export interface AuthorizationRequest {
  /** `service:Action`, e.g. `sagemaker:CreateTrainingJob`. */
  readonly action: string;
  /** The resource ARN (or `*` for actions without a resource). */
  readonly resource: string;
  readonly context?: ContextInput;
}

/** The outcome of identity-based policy evaluation: explicit deny wins, then any allow, else implicit deny. */
export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

export interface ElementMatch {
  readonly matched: boolean;
  /** The pattern that decided it (the matching one; for Not* elements, the one that excluded the request). */
  readonly by?: string;
  /** A policy variable that had no single value, so its pattern matched nothing. */
  readonly unresolved?: string;
}

/** Why one statement did or did not apply to the request. */
export interface StatementExplanation {
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly applies: boolean;
  readonly action: ElementMatch;
  /** Absent when the action did not match (the rest was not needed to decide). */
  readonly resource?: ElementMatch;
  readonly conditions?: readonly ConditionExplanation[];
  /** One line: why it applies or which element kept it from applying. */
  readonly reason: string;
}

export interface Evaluation {
  readonly decision: Decision;
  /** The statements that decided: the denying ones for explicitDeny, the allowing ones for allowed. */
  readonly decisive: readonly StatementExplanation[];
  /** Every statement of every policy, in order. */
  readonly statements: readonly StatementExplanation[];
}

type Matcher = (value: string, context: RequestContext) => boolean | { unresolved: string };

function actionMatcher(pattern: string): Matcher {
  if (pattern === '*') return () => true;
  const colon = pattern.indexOf(':');
  const service = pattern.slice(0, colon).toLowerCase();
  const name = new IamPattern(pattern.slice(colon + 1), {
    wildcards: true,
    variables: false,
    ignoreCase: true,
  });
  return (action, context) => {
    const c = action.indexOf(':');
    if (c < 0 || action.slice(0, c).toLowerCase() !== service) return false;
    return name.test(action.slice(c + 1), context) === true;
  };
}

function resourceMatcher(pattern: string, variables: boolean): Matcher {
  if (pattern === '*') return () => true;
  const fields = splitArnPatternFields(pattern);
  if (!fields) return () => false;
  const matchers = fields.map((f) => new IamPattern(f, { wildcards: true, variables }));
  return (resource, context) => {
    const actual = splitArnFields(resource);
    if (!actual) return false;
    for (let i = 0; i < matchers.length; i++) {
      const r = matchers[i]!.test(actual[i]!, context);
      if (isUnresolved(r)) return { unresolved: r.variable };
      if (!r) return false;
    }
    return true;
  };
}

interface CompiledStatement {
  readonly source: NormalizedStatement;
  readonly policy: string;
  readonly actions: readonly { readonly raw: string; readonly test: Matcher }[];
  readonly resources: readonly { readonly raw: string; readonly test: Matcher }[];
  readonly conditions: readonly CompiledCondition[];
}

function matchElement(
  patterns: CompiledStatement['actions'],
  negated: boolean,
  value: string,
  context: RequestContext,
): ElementMatch {
  let unresolved: string | undefined;
  for (const p of patterns) {
    const r = p.test(value, context);
    if (r === true) return negated ? { matched: false, by: p.raw } : { matched: true, by: p.raw };
    if (r !== false && unresolved === undefined) unresolved = r.unresolved;
  }
  // A pattern whose variable has no value is neither a match nor a non-match: a Not* element does
  // not apply either (the safe reading; the IAM guide's "no value" rule).
  if (unresolved !== undefined) return { matched: false, unresolved };
  return { matched: negated };
}

/**
 * A set of identity-based policies compiled for repeated evaluation. Compile once, evaluate many
 * requests: patterns become regular expressions once, not per call.
 */
export class PolicySet {
  private readonly statements: readonly CompiledStatement[];

  constructor(readonly policies: readonly NormalizedPolicy[]) {
    const compiled: CompiledStatement[] = [];
    for (const policy of policies) {
      const variables = policy.version === '2012-10-17';
      for (const s of policy.statements) {
        compiled.push({
          source: s,
          policy: policy.name,
          actions: s.actions.map((raw) => ({ raw, test: actionMatcher(raw) })),
          resources: s.resources.map((raw) => ({ raw, test: resourceMatcher(raw, variables) })),
          conditions: s.conditions.map((c) => new CompiledCondition(c, variables)),
        });
      }
    }
    this.statements = compiled;
  }

  private explain(
    s: CompiledStatement,
    request: AuthorizationRequest,
    context: RequestContext,
  ): StatementExplanation {
    const { source } = s;
    const head = {
      policy: s.policy,
      index: source.index,
      ...(source.sid === undefined ? {} : { sid: source.sid }),
      effect: source.effect,
    };
    const action = matchElement(s.actions, source.actionKind === 'NotAction', request.action, context);
    if (!action.matched) {
      const reason =
        source.actionKind === 'NotAction'
          ? `${request.action} is excluded by NotAction ${action.by}`
          : `${request.action} is not in Action`;
      return { ...head, applies: false, action, reason };
    }
    const resource = matchElement(
      s.resources,
      source.resourceKind === 'NotResource',
      request.resource,
      context,
    );
    if (!resource.matched) {
      let reason: string;
      if (resource.unresolved)
        reason = `policy variable \${${resource.unresolved}} has no single value in the request`;
      else if (source.resourceKind === 'NotResource')
        reason = `${request.resource} is excluded by NotResource ${resource.by}`;
      else reason = `${request.resource} matches no Resource (${source.resources.join(', ')})`;
      return { ...head, applies: false, action, resource, reason };
    }
    const conditions = s.conditions.map((c) => c.evaluate(context));
    const failed = conditions.find((c) => !c.matched);
    if (failed) {
      const reason = `condition ${failed.operator} ${failed.key} does not hold: ${failed.reason}`;
      return { ...head, applies: false, action, resource, conditions, reason };
    }
    return { ...head, applies: true, action, resource, conditions, reason: `${source.effect} applies` };
  }

  evaluate(request: AuthorizationRequest): Evaluation {
    const context = new RequestContext(request.context);
    const statements = this.statements.map((s) => this.explain(s, request, context));
    const denies = statements.filter((s) => s.applies && s.effect === 'Deny');
    if (denies.length > 0) return { decision: 'explicitDeny', decisive: denies, statements };
    const allows = statements.filter((s) => s.applies && s.effect === 'Allow');
    if (allows.length > 0) return { decision: 'allowed', decisive: allows, statements };
    return { decision: 'implicitDeny', decisive: [], statements };
  }
}
