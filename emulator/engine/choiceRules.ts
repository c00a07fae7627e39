/**
 * Choice rules of JSONPath states (the ASL specification, Choice State): comparisons, type tests
 * and And / Or / Not.
 */
import { pathExists } from './jsonPath.js';
import { ASL_BEHAVIOUR, type AslBehaviour } from './behaviour.js';
import { readValue, type PathScope } from './dataFlow.js';
import { StatesError } from './statesError.js';

type Rule = Record<string, unknown>;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = (v: unknown): number | undefined =>
  typeof v === 'string' && TIMESTAMP.test(v) ? Date.parse(v) : undefined;

function stringMatches(value: string, pattern: string): boolean {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') source += '[\\s\\S]*';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`).test(value);
}

type Compare = (a: unknown, b: unknown) => boolean;
const num =
  (f: (a: number, b: number) => boolean): Compare =>
  (a, b) =>
    typeof a === 'number' && typeof b === 'number' && f(a, b);
const str =
  (f: (a: string, b: string) => boolean): Compare =>
  (a, b) =>
    typeof a === 'string' && typeof b === 'string' && f(a, b);
const time =
  (f: (a: number, b: number) => boolean): Compare =>
  (a, b) => {
    const x = timestamp(a);
    const y = timestamp(b);
    return x !== undefined && y !== undefined && f(x, y);
  };

/** The numeric comparisons, which the run's rules answer (engine/behaviour.ts, compareNumbers). */
const NUMERIC = [
  'NumericEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
] as const;

const COMPARISONS: Record<string, Compare | (typeof NUMERIC)[number]> = {
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  ...Object.fromEntries(NUMERIC.map((op) => [op, op])),
  StringEquals: str((a, b) => a === b),
  StringGreaterThan: str((a, b) => a > b),
  StringGreaterThanEquals: str((a, b) => a >= b),
  StringLessThan: str((a, b) => a < b),
  StringLessThanEquals: str((a, b) => a <= b),
  StringMatches: str((a, b) => stringMatches(a, b)),
  TimestampEquals: time((a, b) => a === b),
  TimestampGreaterThan: time((a, b) => a > b),
  TimestampGreaterThanEquals: time((a, b) => a >= b),
  TimestampLessThan: time((a, b) => a < b),
  TimestampLessThanEquals: time((a, b) => a <= b),
};

const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  IsNull: (v) => v === null,
  IsBoolean: (v) => typeof v === 'boolean',
  IsNumeric: (v) => typeof v === 'number',
  IsString: (v) => typeof v === 'string',
  IsTimestamp: (v) => timestamp(v) !== undefined,
};

/**
 * Whether a Choice rule (or a nested boolean expression) holds for the state input; the numeric
 * comparisons as the run's rules answer them.
 */
export function ruleMatches(
  rule: Rule,
  scope: PathScope,
  rules: Pick<AslBehaviour, 'compareNumbers'> = ASL_BEHAVIOUR,
): boolean {
  if (Array.isArray(rule.And)) return (rule.And as Rule[]).every((r) => ruleMatches(r, scope, rules));
  if (Array.isArray(rule.Or)) return (rule.Or as Rule[]).some((r) => ruleMatches(r, scope, rules));
  if (rule.Not && typeof rule.Not === 'object') return !ruleMatches(rule.Not as Rule, scope, rules);
  const variable = rule.Variable;
  if (typeof variable !== 'string') throw new StatesError('States.Runtime', 'A Choice rule needs a Variable');
  if ('IsPresent' in rule) {
    const present = variable.startsWith('$$')
      ? pathExists(`$${variable.slice(2)}`, scope.context)
      : pathExists(variable, scope.input);
    return present === rule.IsPresent;
  }
  const value = readValue(variable, scope, 'Variable');
  for (const [op, test] of Object.entries(TYPE_TESTS)) if (op in rule) return test(value) === rule[op];
  for (const [op, comparison] of Object.entries(COMPARISONS)) {
    const compare =
      typeof comparison === 'function' ? comparison : num((a, b) => rules.compareNumbers(comparison, a, b));
    if (op in rule) return compare(value, rule[op]);
    const pathKey = `${op}Path`;
    if (pathKey in rule) return compare(value, readValue(String(rule[pathKey]), scope, pathKey));
  }
  throw new StatesError('States.Runtime', `Unsupported Choice rule ${JSON.stringify(rule)}`);
}
