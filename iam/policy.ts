/**
 * IAM identity-based policy documents: their JSON shape, and parsing into a normalised form with
 * every problem reported by its path (`/Statement/2/Condition/StringEquals`).
 */

export type { ConditionValue, PolicyDocument, PolicyStatement } from '../contracts/iamPolicy.js';
import { isObject } from '../syntax/json.js';

/** One `operator: { key: values }` entry of a statement's Condition block. */
export interface ConditionClause {
  /** Operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** One policy statement with its elements as lists (single strings made lists). */
export interface NormalizedStatement {
  /** Position in the policy's Statement list (0-based). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actionKind: 'Action' | 'NotAction';
  readonly actions: readonly string[];
  readonly resourceKind: 'Resource' | 'NotResource';
  readonly resources: readonly string[];
  readonly conditions: readonly ConditionClause[];
}

/** A parsed policy document, ready to evaluate. */
export interface NormalizedPolicy {
  /** A name for explanations (file name, `predicted`, ...). */
  readonly name: string;
  /** `2012-10-17` enables policy variables; `2008-10-17` (and a missing Version) treats `${...}` literally. */
  readonly version: '2012-10-17' | '2008-10-17';
  readonly statements: readonly NormalizedStatement[];
}

/** Something wrong (or worth a warning) in a policy document, where it is. */
export interface PolicyProblem {
  /** JSON pointer into the document, e.g. `/Statement/1/Effect`. */
  readonly path: string;
  readonly message: string;
}

/** A parsed policy with its warnings, or the problems that keep it from being read. */
export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: NormalizedPolicy; readonly warnings: readonly PolicyProblem[] }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const SET_OPERATORS = ['ForAnyValue', 'ForAllValues'];
const BASE_OPERATORS = new Set(
  [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'NotIpAddress',
    'ArnEquals',
    'ArnNotEquals',
    'ArnLike',
    'ArnNotLike',
    'Null',
  ].map((o) => o.toLowerCase()),
);

/**
 * Splits an operator such as `ForAllValues:StringLikeIfExists` into its parts.
 * Returns undefined for an operator IAM does not know.
 */
export function parseOperator(
  operator: string,
): { setOperator?: 'ForAnyValue' | 'ForAllValues'; base: string; ifExists: boolean } | undefined {
  let rest = operator;
  let setOperator: 'ForAnyValue' | 'ForAllValues' | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    const found = SET_OPERATORS.find((s) => s.toLowerCase() === prefix.toLowerCase());
    if (!found) return undefined;
    setOperator = found as 'ForAnyValue' | 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = rest.toLowerCase();
  if (!BASE_OPERATORS.has(base)) return undefined;
  if (base === 'null' && (ifExists || setOperator)) return undefined;
  return setOperator ? { setOperator, base, ifExists } : { base, ifExists };
}

function stringList(value: unknown, path: string, problems: PolicyProblem[]): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    problems.push({ path, message: 'must not be an empty list' });
    return undefined;
  }
  const out: string[] = [];
  list.forEach((item, i) => {
    if (typeof item !== 'string') {
      problems.push({ path: Array.isArray(value) ? `${path}/${i}` : path, message: 'must be a string' });
    } else {
      out.push(item);
    }
  });
  return out.length === list.length ? out : undefined;
}

function checkAction(action: string, path: string, problems: PolicyProblem[]): void {
  if (action === '*') return;
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1 || /[\s]/.test(action)) {
    problems.push({
      path,
      message: `action "${action}" must be "*" or "service:action" (e.g. "sagemaker:CreateTrainingJob")`,
    });
    return;
  }
  if (/[*?]/.test(action.slice(0, colon))) {
    problems.push({ path, message: `action "${action}": the service prefix cannot contain wildcards` });
  }
}

function checkResource(resource: string, path: string, problems: PolicyProblem[]): void {
  if (resource === '*' || resource.startsWith('arn:')) return;
  problems.push({ path, message: `resource "${resource}" must be "*" or an ARN starting with "arn:"` });
}

function parseStatement(
  raw: unknown,
  index: number,
  base: string,
  problems: PolicyProblem[],
): NormalizedStatement | undefined {
  if (!isObject(raw)) {
    problems.push({ path: base, message: 'a statement must be an object' });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (key === 'Principal' || key === 'NotPrincipal') {
      problems.push({ path: `${base}/${key}`, message: `${key} is not allowed in an identity-based policy` });
    } else if (!STATEMENT_KEYS.has(key)) {
      problems.push({ path: `${base}/${key}`, message: `unknown statement element "${key}"` });
    }
  }
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') {
    problems.push({ path: `${base}/Effect`, message: 'Effect must be "Allow" or "Deny"' });
  }
  const hasAction = 'Action' in raw;
  const hasNotAction = 'NotAction' in raw;
  if (hasAction === hasNotAction) {
    problems.push({ path: base, message: 'a statement needs exactly one of Action and NotAction' });
  }
  const hasResource = 'Resource' in raw;
  const hasNotResource = 'NotResource' in raw;
  if (hasResource === hasNotResource) {
    problems.push({
      path: base,
      message: 'an identity-based statement needs exactly one of Resource and NotResource',
    });
  }
  const actionKind = hasNotAction ? 'NotAction' : 'Action';
  const actions = stringList(raw[actionKind], `${base}/${actionKind}`, problems) ?? [];
  actions.forEach((a, i) => checkAction(a, `${base}/${actionKind}/${i}`, problems));
  const resourceKind = hasNotResource ? 'NotResource' : 'Resource';
  const resources = stringList(raw[resourceKind], `${base}/${resourceKind}`, problems) ?? [];
  resources.forEach((r, i) => checkResource(r, `${base}/${resourceKind}/${i}`, problems));

  const conditions: ConditionClause[] = [];
  if ('Condition' in raw) {
    const block = raw.Condition;
    if (!isObject(block)) {
      problems.push({ path: `${base}/Condition`, message: 'Condition must be an object of operators' });
    } else {
      for (const [operator, entries] of Object.entries(block)) {
        const opPath = `${base}/Condition/${operator}`;
        if (!parseOperator(operator)) {
          problems.push({ path: opPath, message: `unknown condition operator "${operator}"` });
          continue;
        }
        if (!isObject(entries)) {
          problems.push({ path: opPath, message: 'must be an object of condition keys' });
          continue;
        }
        for (const [key, value] of Object.entries(entries)) {
          const list = Array.isArray(value) ? value : [value];
          const values: string[] = [];
          list.forEach((v, i) => {
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
              values.push(String(v));
            else
              problems.push({
                path: Array.isArray(value) ? `${opPath}/${key}/${i}` : `${opPath}/${key}`,
                message: 'condition values must be strings, numbers or booleans',
              });
          });
          if (list.length === 0)
            problems.push({ path: `${opPath}/${key}`, message: 'must not be an empty list' });
          conditions.push({ operator, key, values });
        }
      }
    }
  }
  if (problems.length > before) return undefined;
  const sid = typeof raw.Sid === 'string' ? raw.Sid : undefined;
  return {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect: raw.Effect as 'Allow' | 'Deny',
    actionKind,
    actions,
    resourceKind,
    resources,
    conditions,
  };
}

/** Parses and validates an identity-based policy document. */
export function parsePolicy(raw: unknown, name = 'policy'): ParsePolicyResult {
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  if (!isObject(raw))
    return { ok: false, problems: [{ path: '', message: 'a policy document must be a JSON object' }] };
  let version: NormalizedPolicy['version'] = '2008-10-17';
  if (raw.Version === undefined) {
    warnings.push({
      path: '/Version',
      message:
        'no Version: IAM treats the policy as 2008-10-17, where ${...} policy variables are literal text',
    });
  } else if (raw.Version === '2012-10-17' || raw.Version === '2008-10-17') {
    version = raw.Version;
  } else {
    problems.push({ path: '/Version', message: 'Version must be "2012-10-17" (or the legacy "2008-10-17")' });
  }
  for (const key of Object.keys(raw)) {
    if (!['Version', 'Id', 'Statement'].includes(key))
      problems.push({ path: `/${key}`, message: `unknown policy element "${key}"` });
  }
  if (!('Statement' in raw)) {
    problems.push({ path: '/Statement', message: 'a policy needs a Statement' });
    return { ok: false, problems };
  }
  const rawStatements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  const statements: NormalizedStatement[] = [];
  rawStatements.forEach((s, i) => {
    const path = Array.isArray(raw.Statement) ? `/Statement/${i}` : '/Statement';
    const parsed = parseStatement(s, i, path, problems);
    if (parsed) statements.push(parsed);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy: { name, version, statements }, warnings };
}
