/**
 * A role's trust policy (its `AssumeRolePolicyDocument`): read as IAM reads it when a role is
 * created or its trust changes (every statement names a Principal or NotPrincipal and none a
 * Resource; the rest as in an identity-based policy), and asked whether it lets a service principal
 * assume the role for a request context (`aws:SourceAccount`, `aws:SourceArn`, ...).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import { isObject, setOwn } from '../syntax/json.js';
import type { ContextInput } from './context.js';
import { PolicySet } from './evaluate.js';
import { parsePolicy, type NormalizedPolicy, type PolicyProblem } from './policy.js';

/** Who a statement's Principal (or NotPrincipal) names: `*`, or principals by kind (`Service`, `AWS`, ...). */
export type PrincipalSpec = '*' | Readonly<Record<string, readonly string[]>>;

/** One statement's principals; the rest of the statement is in the policy, at the same index. */
interface TrustStatement {
  readonly negated: boolean;
  readonly principal: PrincipalSpec;
}

/** A parsed trust policy: its principals, and its statements as a policy on `sts:AssumeRole*`. */
export interface TrustPolicy {
  readonly principals: readonly TrustStatement[];
  /** The statements without their principals, each with `Resource: "*"` (the role itself). */
  readonly policy: NormalizedPolicy;
}

/** A parsed trust policy, or what keeps it from being read. */
export type ParseTrustResult =
  | { readonly ok: true; readonly trust: TrustPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** A Principal element as principals by kind, or the problem with it. */
function principalOf(value: unknown, path: string, problems: PolicyProblem[]): PrincipalSpec | undefined {
  if (value === '*') return '*';
  if (!isObject(value) || Object.keys(value).length === 0) {
    problems.push({ path, message: 'Principal must be "*" or an object of principals by kind' });
    return undefined;
  }
  const out: Record<string, readonly string[]> = {};
  for (const [kind, names] of Object.entries(value)) {
    const list = Array.isArray(names) ? names : [names];
    if (list.length === 0 || !list.every((n) => typeof n === 'string' && n !== '')) {
      problems.push({ path: `${path}/${kind}`, message: 'principals must be non-empty strings' });
      return undefined;
    }
    // A member named `__proto__` is a principal kind like any other (an unknown one), never the prototype.
    setOwn(out, kind, list as string[]);
  }
  return out;
}

/** Parses and checks a trust policy document (already JSON-parsed). */
export function parseTrustPolicy(raw: unknown, name = 'trust policy'): ParseTrustResult {
  if (!isObject(raw))
    return { ok: false, problems: [{ path: '', message: 'a policy document must be a JSON object' }] };
  const problems: PolicyProblem[] = [];
  const statements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  const principals: TrustStatement[] = [];
  const stripped: unknown[] = [];
  if ('Statement' in raw)
    statements.forEach((s, i) => {
      const path = Array.isArray(raw.Statement) ? `/Statement/${i}` : '/Statement';
      if (!isObject(s)) {
        stripped.push(s);
        return;
      }
      const { Principal, NotPrincipal, Resource, NotResource, ...rest } = s;
      // IAM's wording for a Resource in a trust policy (observed: "Has prohibited field Resource").
      if (Resource !== undefined)
        problems.push({ path: `${path}/Resource`, message: 'Has prohibited field Resource' });
      if (NotResource !== undefined)
        problems.push({ path: `${path}/NotResource`, message: 'Has prohibited field NotResource' });
      const negated = NotPrincipal !== undefined;
      if ((Principal === undefined) === !negated)
        problems.push({
          path,
          message: 'a trust policy statement needs exactly one of Principal and NotPrincipal',
        });
      else {
        const principal = principalOf(
          negated ? NotPrincipal : Principal,
          `${path}/${negated ? 'NotPrincipal' : 'Principal'}`,
          problems,
        );
        if (principal) principals.push({ negated, principal });
      }
      stripped.push({ ...rest, Resource: '*' });
    });
  // The statements as written: a single statement stays single, so that the problems' paths are the document's.
  const Statement = Array.isArray(raw.Statement) ? stripped : stripped[0];
  const parsed = parsePolicy({ ...raw, ...('Statement' in raw ? { Statement } : {}) }, name);
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };
  return { ok: true, trust: { principals, policy: parsed.policy } };
}

/** Whether a statement's principals take in one of the service principals. */
function names(spec: PrincipalSpec, services: readonly string[]): boolean {
  if (spec === '*') return true;
  if (spec.AWS?.includes('*')) return true;
  const listed = (spec.Service ?? []).map((s) => s.toLowerCase());
  return services.some((s) => listed.includes(s.toLowerCase()));
}

/**
 * Whether the trust policy lets one of the service principals (`states.amazonaws.com`, or its
 * regional form) call `action` on the role: the statements naming it decide, as an identity policy
 * would (an explicit deny wins, then an allow, else no).
 */
export function trustsService(
  trust: TrustPolicy,
  services: readonly string[],
  roleArn: string,
  context: ContextInput = {},
  action = 'sts:AssumeRole',
): boolean {
  const statements = trust.policy.statements.filter((_, i) => {
    const p = trust.principals[i]!;
    return names(p.principal, services) !== p.negated;
  });
  const set = new PolicySet([{ ...trust.policy, statements }]);
  return set.evaluate({ action, resource: roleArn, context }).decision === 'allowed';
}
