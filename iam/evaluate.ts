/**
 * IAM policy evaluation for one request over a set of identity policies: an explicit deny wins, then
 * an allow, else an implicit deny; each statement's part in it explained.
 */
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

export type { Decision } from '../contracts/iamPolicy.js';
import type { Decision } from '../contracts/iamPolicy.js';

/** Whether one element of a statement (Action, Resource or their Not* forms) matched the request. */
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

/** The decision on one request, with every statement explained. */
export interface Evaluation {
  readonly decision: Decision;
  /** The statements that decided: the denying ones for explicitDeny, the allowing ones for allowed. */
  readonly decisive: readonly StatementExplanation[];
  /** Every statement of every policy, in order. */
  readonly statements: readonly StatementExplanation[];
}

type Matcher = (
  value: string,
  context: RequestContext,
  fields?: readonly string[],
) => boolean | { unresolved: string };

/** Matches an action lowercased once per request (`service:name`; IAM compares actions case-insensitively). */
function actionMatcher(pattern: string): Matcher {
  if (pattern === '*') return () => true;
  // The service prefix has no wildcards (the parser checks): the whole pattern, lowercased, decides.
  const whole = new IamPattern(pattern.toLowerCase(), { wildcards: true, variables: false });
  return (lowerAction, context) => whole.test(lowerAction, context) === true;
}

function resourceMatcher(pattern: string, variables: boolean): Matcher {
  if (pattern === '*') return () => true;
  const fields = splitArnPatternFields(pattern);
  if (!fields) return () => false;
  const matchers = fields.map((f) => new IamPattern(f, { wildcards: true, variables }));
  return (resource, context, split) => {
    const actual = split ?? splitArnFields(resource);
    if (!actual) return false;
    for (let i = 0; i < matchers.length; i++) {
      const r = matchers[i]!.test(actual[i]!, context);
      if (isUnresolved(r)) return { unresolved: r.variable };
      if (!r) return false;
    }
    return true;
  };
}

/**
 * A statement compiled as far as a request needs it: its actions at once, its resources and
 * conditions when a request's action first matches (most statements of a large policy are never
 * looked at further).
 */
class CompiledStatement {
  readonly actions: readonly { readonly raw: string; readonly test: Matcher }[];
  private resourceMatchers?: readonly { readonly raw: string; readonly test: Matcher }[];
  private conditionTests?: readonly CompiledCondition[];

  constructor(
    readonly source: NormalizedStatement,
    readonly policy: string,
    private readonly variables: boolean,
  ) {
    this.actions = source.actions.map((raw) => ({ raw, test: actionMatcher(raw) }));
  }

  get resources(): readonly { readonly raw: string; readonly test: Matcher }[] {
    return (this.resourceMatchers ??= this.source.resources.map((raw) => ({
      raw,
      test: resourceMatcher(raw, this.variables),
    })));
  }

  get conditions(): readonly CompiledCondition[] {
    return (this.conditionTests ??= this.source.conditions.map(
      (c) => new CompiledCondition(c, this.variables),
    ));
  }
}

function matchElement(
  patterns: CompiledStatement['actions'],
  negated: boolean,
  value: string,
  context: RequestContext,
  fields?: readonly string[],
): ElementMatch {
  let unresolved: string | undefined;
  for (const p of patterns) {
    const r = p.test(value, context, fields);
    if (r === true) return negated ? { matched: false, by: p.raw } : { matched: true, by: p.raw };
    if (r !== false && unresolved === undefined) unresolved = r.unresolved;
  }
  // A pattern whose variable has no value is neither a match nor a non-match: a Not* element does
  // not apply either (the safe reading; the IAM guide's "no value" rule).
  if (unresolved !== undefined) return { matched: false, unresolved };
  return negated ? MATCHED : NOT_MATCHED;
}

const MATCHED: ElementMatch = Object.freeze({ matched: true });
const NOT_MATCHED: ElementMatch = Object.freeze({ matched: false });

/** Whether a statement applies: the fast path of evaluation, without explanation objects. */
function applies(
  s: CompiledStatement,
  lowerAction: string,
  request: AuthorizationRequest,
  context: RequestContext,
  fields: readonly string[] | undefined,
): boolean {
  let action = false;
  for (const p of s.actions) {
    if (p.test(lowerAction, context) === true) {
      action = true;
      break;
    }
  }
  if (action === (s.source.actionKind === 'NotAction')) return false;
  let resource = false;
  let unresolved = false;
  for (const p of s.resources) {
    const r = p.test(request.resource, context, fields);
    if (r === true) {
      resource = true;
      break;
    }
    if (r !== false) unresolved = true;
  }
  // An unresolvable variable keeps Resource and NotResource alike from applying (see matchElement).
  if (!resource && unresolved) return false;
  if (resource === (s.source.resourceKind === 'NotResource')) return false;
  for (const c of s.conditions) if (!c.holds(context)) return false;
  return true;
}

function explanation(
  s: CompiledStatement,
  applies: boolean,
  action: ElementMatch,
  reason: string,
  resource?: ElementMatch,
  conditions?: readonly ConditionExplanation[],
): StatementExplanation {
  const e: { -readonly [K in keyof StatementExplanation]: StatementExplanation[K] } = {
    policy: s.policy,
    index: s.source.index,
    effect: s.source.effect,
    applies,
    action,
    reason,
  };
  if (s.source.sid !== undefined) e.sid = s.source.sid;
  if (resource) e.resource = resource;
  if (conditions) e.conditions = conditions;
  return e;
}

/** Why one statement does or does not apply: the slow path, built only when asked for. */
function explain(
  s: CompiledStatement,
  request: AuthorizationRequest,
  context: RequestContext,
  fields: readonly string[] | undefined,
): StatementExplanation {
  const { source } = s;
  const action = matchElement(
    s.actions,
    source.actionKind === 'NotAction',
    request.action.toLowerCase(),
    context,
  );
  if (!action.matched) {
    const reason =
      source.actionKind === 'NotAction'
        ? `${request.action} is excluded by NotAction ${action.by}`
        : `${request.action} is not in Action`;
    return explanation(s, false, action, reason);
  }
  const resource = matchElement(
    s.resources,
    source.resourceKind === 'NotResource',
    request.resource,
    context,
    fields,
  );
  if (!resource.matched) {
    let reason: string;
    if (resource.unresolved)
      reason = `policy variable \${${resource.unresolved}} has no single value in the request`;
    else if (source.resourceKind === 'NotResource')
      reason = `${request.resource} is excluded by NotResource ${resource.by}`;
    else reason = `${request.resource} matches no Resource (${source.resources.join(', ')})`;
    return explanation(s, false, action, reason, resource);
  }
  const conditions = s.conditions.map((c) => c.evaluate(context));
  const failed = conditions.find((c) => !c.matched);
  if (failed) {
    return explanation(
      s,
      false,
      action,
      `condition ${failed.operator} ${failed.key} does not hold: ${failed.reason}`,
      resource,
      conditions,
    );
  }
  return explanation(s, true, action, `${source.effect} applies`, resource, conditions);
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
        compiled.push(new CompiledStatement(s, policy.name, variables));
      }
    }
    this.statements = compiled;
  }

  /**
   * Decides a request: explicit deny wins, then any allow, else implicit deny. The decision is
   * computed at once; the explanations (`statements`, `decisive`) the first time they are read.
   */
  evaluate(request: AuthorizationRequest): Evaluation {
    const context = new RequestContext(request.context);
    const fields = splitArnFields(request.resource);
    let denied = false;
    let allowed = false;
    const lowerAction = request.action.toLowerCase();
    for (const s of this.statements) {
      if (!applies(s, lowerAction, request, context, fields)) continue;
      if (s.source.effect === 'Deny') {
        denied = true;
        break;
      }
      allowed = true;
    }
    const decision: Decision = denied ? 'explicitDeny' : allowed ? 'allowed' : 'implicitDeny';
    const compiled = this.statements;
    let explained: readonly StatementExplanation[] | undefined;
    const all = (): readonly StatementExplanation[] =>
      (explained ??= compiled.map((s) => explain(s, request, context, fields)));
    return {
      decision,
      get statements() {
        return all();
      },
      get decisive() {
        if (decision === 'implicitDeny') return [];
        const effect = decision === 'explicitDeny' ? 'Deny' : 'Allow';
        return all().filter((s) => s.applies && s.effect === effect);
      },
    };
  }
}
