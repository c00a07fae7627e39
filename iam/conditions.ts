/**
 * IAM Condition blocks: the operators, set operators and IfExists, compiled once for repeated
 * evaluation, each decision explained.
 */
import { splitArnFields, splitArnPatternFields } from './arn.js';
import type { RequestContext } from './context.js';
import { CidrBlock } from './ip.js';
import { IamPattern, type Unresolved } from './pattern.js';
import { parseOperator, type ConditionClause } from './policy.js';

/** How one condition clause was decided, for explanations. */
export interface ConditionExplanation {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  /** The request's value of the key; absent when the key is not in the request context. */
  readonly contextValue?: string | readonly string[];
  readonly matched: boolean;
  /** Why, in words: `key missing (IfExists)`, `multivalued key needs ForAnyValue/ForAllValues`... */
  readonly reason: string;
}

/**
 * Tests one context value against one policy value; `undefined` when the policy value holds a
 * policy variable without a single value in the request (such a value never matches, and makes a
 * negated operator fail too, as iam-simulate and the IAM guide's "no value" rule have it).
 */
type ValueTest = (contextValue: string, context: RequestContext) => boolean | undefined;

const patternResult = (r: boolean | Unresolved): boolean | undefined =>
  typeof r === 'boolean' ? r : undefined;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text) : undefined;
}

/** Dates are ISO 8601 or epoch seconds (IAM condition operators reference). */
function parseDate(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function compareNumbers(cmp: (a: number, b: number) => boolean, parse: (t: string) => number | undefined) {
  return (policyValue: string): ValueTest => {
    const p = parse(policyValue);
    return (v) => {
      const c = parse(v);
      return p !== undefined && c !== undefined && cmp(c, p);
    };
  };
}

function arnTest(policyValue: string, variables: boolean): ValueTest {
  const fields = splitArnPatternFields(policyValue);
  if (!fields) {
    if (policyValue === '*') return () => true;
    return () => false;
  }
  const patterns = fields.map((f) => new IamPattern(f, { wildcards: true, variables }));
  return (v, context) => {
    const actual = splitArnFields(v);
    if (!actual) return false;
    let result: boolean | undefined = true;
    for (let i = 0; i < patterns.length && result; i++)
      result = patternResult(patterns[i]!.test(actual[i]!, context, false));
    return result;
  };
}

/** Compilers for the positive base operators; `Not` operators negate them. */
const POSITIVE: Record<string, (policyValue: string, variables: boolean) => ValueTest> = {
  stringequals: (p, variables) => {
    const pattern = new IamPattern(p, { wildcards: false, variables });
    return (v, ctx) => patternResult(pattern.test(v, ctx, false));
  },
  stringequalsignorecase: (p, variables) => {
    const pattern = new IamPattern(p, { wildcards: false, variables, ignoreCase: true });
    return (v, ctx) => patternResult(pattern.test(v, ctx, false));
  },
  stringlike: (p, variables) => {
    const pattern = new IamPattern(p, { wildcards: true, variables });
    return (v, ctx) => patternResult(pattern.test(v, ctx, false));
  },
  numericequals: compareNumbers((a, b) => a === b, parseNumber),
  numericlessthan: compareNumbers((a, b) => a < b, parseNumber),
  numericlessthanequals: compareNumbers((a, b) => a <= b, parseNumber),
  numericgreaterthan: compareNumbers((a, b) => a > b, parseNumber),
  numericgreaterthanequals: compareNumbers((a, b) => a >= b, parseNumber),
  dateequals: compareNumbers((a, b) => a === b, parseDate),
  datelessthan: compareNumbers((a, b) => a < b, parseDate),
  datelessthanequals: compareNumbers((a, b) => a <= b, parseDate),
  dategreaterthan: compareNumbers((a, b) => a > b, parseDate),
  dategreaterthanequals: compareNumbers((a, b) => a >= b, parseDate),
  bool: (p, variables) => {
    const pattern = new IamPattern(p, { wildcards: false, variables, ignoreCase: true });
    return (v, ctx) => {
      const resolved = pattern.resolvedText(ctx);
      if (typeof resolved !== 'string') return undefined;
      const lp = resolved.toLowerCase();
      const lv = v.toLowerCase();
      return (lp === 'true' || lp === 'false') && lp === lv;
    };
  },
  binaryequals: (p) => (v) => v === p,
  ipaddress: (p) => {
    const block = CidrBlock.parse(p);
    return (v) => block !== undefined && block.contains(v);
  },
  arnequals: (p, variables) => arnTest(p, variables),
  arnlike: (p, variables) => arnTest(p, variables),
};

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  numericnotequals: 'numericequals',
  datenotequals: 'dateequals',
  notipaddress: 'ipaddress',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
};

/** A condition clause compiled for repeated evaluation. */
export class CompiledCondition {
  private readonly setOperator?: 'ForAnyValue' | 'ForAllValues';
  private readonly ifExists: boolean;
  private readonly isNull: boolean;
  private readonly negated: boolean;
  private readonly tests: readonly ValueTest[];

  constructor(
    readonly clause: ConditionClause,
    variables: boolean,
  ) {
    const op = parseOperator(clause.operator);
    if (!op) throw new Error(`unknown condition operator ${clause.operator}`);
    if (op.setOperator) this.setOperator = op.setOperator;
    this.ifExists = op.ifExists;
    this.isNull = op.base === 'null';
    const positive = NEGATED[op.base] ?? op.base;
    this.negated = positive !== op.base;
    const compile = POSITIVE[positive];
    this.tests = this.isNull || !compile ? [] : clause.values.map((v) => compile(v, variables));
  }

  /** Base operator over one context value: any policy value matches (negated: none does). */
  private testValue(value: string, context: RequestContext): boolean {
    let unresolved = false;
    for (const t of this.tests) {
      const r = t(value, context);
      if (r === true) return !this.negated;
      if (r === undefined) unresolved = true;
    }
    return this.negated && !unresolved;
  }

  /** Whether the clause holds, and why in words. Both come from one decision so they cannot drift. */
  private decide(
    context: RequestContext,
    contextValue: string | readonly string[] | undefined,
  ): [boolean, string] {
    const { values } = this.clause;
    if (this.isNull) {
      const goal = contextValue === undefined ? 'true' : 'false';
      return [
        values.some((v) => v.toLowerCase() === goal),
        contextValue === undefined ? 'key absent' : 'key present',
      ];
    }
    if (this.setOperator) {
      if (contextValue === undefined) {
        return this.setOperator === 'ForAllValues'
          ? [true, 'key absent: ForAllValues matches']
          : [false, 'key absent: ForAnyValue does not match'];
      }
      const list = typeof contextValue === 'string' ? [contextValue] : contextValue;
      if (this.setOperator === 'ForAnyValue') {
        const matched = list.some((v) => this.testValue(v, context));
        return [matched, matched ? 'some request value matches' : 'no request value matches'];
      }
      const matched = list.every((v) => this.testValue(v, context));
      return [matched, matched ? 'every request value matches' : 'some request value does not match'];
    }
    if (contextValue === undefined) {
      if (this.ifExists) return [true, 'key absent: IfExists matches'];
      if (this.negated) return [true, 'key absent: a negated operator matches'];
      return [false, 'key absent from the request context'];
    }
    if (typeof contextValue !== 'string') {
      return [false, 'multivalued key: a single-valued operator needs ForAnyValue or ForAllValues'];
    }
    const matched = this.testValue(contextValue, context);
    return [matched, matched ? 'value matches' : 'value does not match'];
  }

  /** Whether the clause holds for the request (the fast path of policy evaluation). */
  holds(context: RequestContext): boolean {
    return this.decide(context, context.get(this.clause.key))[0];
  }

  /** The clause's decision with its explanation. */
  evaluate(context: RequestContext): ConditionExplanation {
    const { operator, key, values } = this.clause;
    const contextValue = context.get(key);
    const [matched, reason] = this.decide(context, contextValue);
    return contextValue === undefined
      ? { operator, key, values, matched, reason }
      : { operator, key, values, contextValue, matched, reason };
  }
}
