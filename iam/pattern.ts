import type { RequestContext } from './context.js';

/**
 * An IAM string pattern: text with optional `*` / `?` wildcards and `${key}` policy variables
 * (`${key, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`).
 */
type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  | { readonly kind: 'var'; readonly name: string; readonly fallback?: string };

/** How a pattern reads its text: wildcards, policy variables, case. */
export interface PatternOptions {
  /** `*` and `?` are wildcards (Resource, StringLike, ArnLike) rather than text (StringEquals). */
  readonly wildcards: boolean;
  /** `${...}` are policy variables (policy Version 2012-10-17). */
  readonly variables: boolean;
  /** Compare case-insensitively (actions). */
  readonly ignoreCase?: boolean;
}

/** Why a pattern could not be resolved against a request: a variable with no value. */
export interface Unresolved {
  readonly variable: string;
  readonly reason: 'missing' | 'multivalued';
}

function tokenize(raw: string, options: PatternOptions): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (options.variables && c === '$' && raw[i + 1] === '{') {
      const end = raw.indexOf('}', i + 2);
      if (end > 0) {
        const inner = raw.slice(i + 2, end);
        i = end;
        if (inner === '*' || inner === '?' || inner === '$') {
          text += inner;
          continue;
        }
        flush();
        const comma = inner.indexOf(',');
        if (comma >= 0) {
          const name = inner.slice(0, comma).trim();
          const def = inner.slice(comma + 1).trim();
          const fallback =
            def.length >= 2 && def.startsWith("'") && def.endsWith("'") ? def.slice(1, -1) : undefined;
          tokens.push(fallback === undefined ? { kind: 'var', name } : { kind: 'var', name, fallback });
        } else {
          tokens.push({ kind: 'var', name: inner.trim() });
        }
        continue;
      }
    }
    if (options.wildcards && (c === '*' || c === '?')) {
      flush();
      tokens.push(c === '*' ? { kind: 'star' } : { kind: 'one' });
      continue;
    }
    text += c;
  }
  flush();
  return tokens;
}

const STAR = -1;
const ONE = -2;

/** A pattern as code units to match: a character, {@link STAR} (`*`) or {@link ONE} (`?`). */
function unitsOf(tokens: readonly Token[], ignoreCase: boolean): number[] {
  const units: number[] = [];
  for (const t of tokens) {
    if (t.kind === 'star') units.push(STAR);
    else if (t.kind === 'one') units.push(ONE);
    else if (t.kind === 'text') {
      const text = ignoreCase ? t.text.toLowerCase() : t.text;
      for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
    }
    // A variable left in (read as any value) is a star: see IamPattern.test.
    else units.push(STAR);
  }
  return units;
}

/**
 * Wildcard matching in O(pattern × candidate) at worst, with no regular expression: a compiled
 * `^a.*a.*…b$` backtracks exponentially in its stars (seven stars against a long ARN took seconds).
 * The classic two-pointer match: on a mismatch it goes back only to the last `*`, which then takes
 * one more character; an earlier `*` never needs to take more, since the last one can.
 */
function globMatch(units: readonly number[], candidate: string, ignoreCase: boolean): boolean {
  const s = ignoreCase ? candidate.toLowerCase() : candidate;
  let p = 0;
  let c = 0;
  let starP = -1;
  let starC = 0;
  while (c < s.length) {
    const u = units[p];
    if (p < units.length && (u === ONE || u === s.charCodeAt(c))) {
      p++;
      c++;
    } else if (p < units.length && u === STAR) {
      starP = p++;
      starC = c;
    } else if (starP >= 0) {
      p = starP + 1;
      c = ++starC;
    } else {
      return false;
    }
  }
  while (p < units.length && units[p] === STAR) p++;
  return p === units.length;
}

/** A compiled IAM string pattern. Compile once per policy; match many times. */
export class IamPattern {
  readonly raw: string;
  private readonly options: PatternOptions;
  private tokenList?: readonly Token[];
  private readonly ignoreCase: boolean;
  private readonly isLiteral: boolean;
  private readonly hasVariables: boolean;
  /** Exact text when the pattern has neither wildcards nor variables. */
  private readonly literal?: string;
  /** The text before the one `*` that ends the pattern (`arn:...:training-job/name*`), when that is all it has. */
  private readonly prefix?: string;
  /** The pattern's units when it has no variables; with variables, each read as `*`: what it could match whatever they hold. */
  private staticUnits?: readonly number[];

  constructor(raw: string, options: PatternOptions) {
    this.raw = raw;
    this.options = options;
    this.ignoreCase = options.ignoreCase ?? false;
    // Most patterns are plain text or a prefix and `*`: decided without tokenizing.
    const star = options.wildcards ? raw.indexOf('*') : -1;
    const plain =
      !(options.wildcards && raw.includes('?')) &&
      !(options.variables && raw.includes('${')) &&
      (star < 0 || star === raw.length - 1);
    if (plain) {
      this.hasVariables = false;
      this.isLiteral = star < 0;
      const text = star < 0 ? raw : raw.slice(0, -1);
      if (star < 0) this.literal = this.ignoreCase ? text.toLowerCase() : text;
      else this.prefix = this.ignoreCase ? text.toLowerCase() : text;
      return;
    }
    this.hasVariables = this.tokens.some((t) => t.kind === 'var');
    this.isLiteral = this.tokens.every((t) => t.kind === 'text');
    const last = this.tokens.length - 1;
    if (this.isLiteral) {
      const text = this.tokens.map((t) => (t.kind === 'text' ? t.text : '')).join('');
      this.literal = this.ignoreCase ? text.toLowerCase() : text;
    } else if (
      this.tokens[last]?.kind === 'star' &&
      this.tokens.every((t, i) => i === last || t.kind === 'text')
    ) {
      // The common grant: a prefix and `*` (or `*` alone). No regex to build or run.
      const text = this.tokens.map((t) => (t.kind === 'text' ? t.text : '')).join('');
      this.prefix = this.ignoreCase ? text.toLowerCase() : text;
    }
  }

  private get tokens(): readonly Token[] {
    return (this.tokenList ??= tokenize(this.raw, this.options));
  }

  /** Replaces the variables with their values; reports the first variable without a single value. */
  private resolve(context: RequestContext): readonly Token[] | Unresolved {
    const out: Token[] = [];
    for (const t of this.tokens) {
      if (t.kind !== 'var') {
        out.push(t);
        continue;
      }
      const value = context.get(t.name);
      if (typeof value === 'string') out.push({ kind: 'text', text: value });
      else if (t.fallback !== undefined) out.push({ kind: 'text', text: t.fallback });
      else return { variable: t.name, reason: value === undefined ? 'missing' : 'multivalued' };
    }
    return out;
  }

  /**
   * Whether `candidate` matches. When a variable has no single value the answer is `false` if the
   * literal parts already rule the candidate out, else {@link Unresolved}: such a pattern matches
   * nothing, and a `Not*` element holding it does not apply either. Condition values pass
   * `ruleOutByLiterals = false`: a condition value with an unresolvable variable is unknown, and
   * the operator (negated or not) does not hold, as in iam-simulate.
   */
  test(candidate: string, context: RequestContext, ruleOutByLiterals = true): boolean | Unresolved {
    if (this.literal !== undefined)
      return (this.ignoreCase ? candidate.toLowerCase() : candidate) === this.literal;
    if (this.prefix !== undefined)
      return (this.ignoreCase ? candidate.toLowerCase() : candidate).startsWith(this.prefix);
    this.staticUnits ??= unitsOf(this.tokens, this.ignoreCase);
    if (!this.hasVariables) return globMatch(this.staticUnits, candidate, this.ignoreCase);
    const resolved = this.resolve(context);
    if (!Array.isArray(resolved)) {
      if (!ruleOutByLiterals) return resolved as Unresolved;
      // Literal parts that rule the candidate out decide it, whatever the variable would hold.
      return globMatch(this.staticUnits, candidate, this.ignoreCase) ? (resolved as Unresolved) : false;
    }
    return globMatch(unitsOf(resolved as readonly Token[], this.ignoreCase), candidate, this.ignoreCase);
  }

  /** The pattern with its variables replaced, for explanations. */
  resolvedText(context: RequestContext): string | Unresolved {
    if (!this.hasVariables) return this.raw;
    const resolved = this.resolve(context);
    if (!Array.isArray(resolved)) return resolved as Unresolved;
    return (resolved as readonly Token[])
      .map((t) => (t.kind === 'text' ? t.text : t.kind === 'star' ? '*' : '?'))
      .join('');
  }
}

/** Whether a value is a policy variable that had no single value (not a resolved string). */
export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && 'variable' in value;
}
