/**
 * The intrinsic functions of JSONPath states (`States.Format(...)` and the rest), parsed and
 * evaluated as the Developer Guide documents them (intrinsic-functions.html). Random results
 * (`States.UUID`, `States.MathRandom`) draw from the execution's seed.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type PathScope, readValue } from './jsonPath.js';
import { seededRandom } from './seededRandom.js';
import { StatesError } from './statesError.js';

type Expr =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] };

/** What an intrinsic's paths read: the input, the Context object (`$$`), the variables (`$name`). */
export type IntrinsicScope = PathScope;

const fail = (message: string): never => {
  throw new StatesError('States.IntrinsicFailure', message);
};

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  parse(): Expr {
    const e = this.expr();
    this.space();
    if (this.i !== this.text.length) fail(`unexpected "${this.text.slice(this.i)}" in ${this.text}`);
    return e;
  }

  private space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  private expr(): Expr {
    this.space();
    const rest = this.text.slice(this.i);
    if (rest.startsWith("'")) return this.string();
    if (rest.startsWith('$')) {
      const path = pathArgument(rest);
      this.i += path.length;
      return { kind: 'path', path: path.trim() };
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: 'literal', value: Number(num[0]) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (rest.startsWith(word)) {
        this.i += word.length;
        return { kind: 'literal', value };
      }
    }
    const fn = /^States\.[A-Za-z0-9]+/.exec(rest);
    if (!fn) return fail(`cannot read the argument "${rest}" in ${this.text}`);
    this.i += fn[0].length;
    this.space();
    if (this.text[this.i] !== '(') fail(`${fn[0]} needs its arguments in parentheses`);
    this.i++;
    const args: Expr[] = [];
    this.space();
    if (this.text[this.i] === ')') {
      this.i++;
      return { kind: 'call', name: fn[0], args };
    }
    for (;;) {
      args.push(this.expr());
      this.space();
      const c = this.text[this.i++];
      if (c === ')') break;
      if (c !== ',') fail(`expected "," or ")" in ${this.text}`);
    }
    return { kind: 'call', name: fn[0], args };
  }

  /** A quoted string; `\'`, `\\`, `\{` and `\}` keep their escapes for States.Format to read. */
  private string(): Expr {
    let out = '';
    this.i++;
    for (;;) {
      const c = this.text[this.i++];
      if (c === undefined) fail(`unterminated string in ${this.text}`);
      if (c === '\\') {
        const n = this.text[this.i++];
        // Only the reserved characters may follow a backslash; any other is an open escape, a
        // runtime error (Developer Guide, Intrinsic functions, "Reserved characters").
        if (n === undefined || !"'{}\\".includes(n)) fail(`open escape backslash in ${this.text}`);
        out += n === "'" ? "'" : `\\${n}`;
      } else if (c === "'") break;
      else out += c;
    }
    return { kind: 'literal', value: out };
  }
}

/**
 * A path argument: up to the `,` or `)` that ends it, brackets and their quoted names read whole,
 * so that `$['a,b']` and `$.abc.['def ghi']` are one argument.
 */
function pathArgument(text: string): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (depth > 0 && (c === "'" || c === '"')) quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0 && (c === ',' || c === ')')) return text.slice(0, i);
  }
  return text;
}

const cache = new Map<string, Expr>();
function parse(text: string): Expr {
  let e = cache.get(text);
  if (!e) {
    e = new Parser(text).parse();
    if (cache.size > 5000) cache.clear();
    cache.set(text, e);
  }
  return e;
}

/** A string literal's text with escapes resolved (outside of States.Format). */
const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

/**
 * A value as States.Format writes it (recorded on AWS): text as it is, a number as JSON has it (1,
 * 1.1), an object as `{k=v, k=v}`, a list as `[a, b]`, as Java writes its maps and lists
 * (asl.intrinsic.format).
 */
export function javaText(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(javaText).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${javaText(x)}`)
      .join(', ')}}`;
  return String(v);
}

function format(template: string, args: unknown[], text: (value: unknown) => string): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '\\') {
      out += template[++i] ?? '';
    } else if (c === '{' && template[i + 1] === '}') {
      if (next >= args.length) fail('States.Format has more {} than arguments');
      out += text(args[next++]);
      i++;
    } else out += c;
  }
  if (next !== args.length) fail('States.Format has more arguments than {}');
  return out;
}

const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function call(name: string, raw: unknown[], scope: IntrinsicScope): unknown {
  const args = name === 'States.Format' ? raw : raw.map((a) => (typeof a === 'string' ? unescape(a) : a));
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : fail(`${name} needs an array`));
  const int = (v: unknown): number =>
    typeof v === 'number' && Number.isInteger(v) ? v : fail(`${name} needs integers`);
  // "If you specify a non-integer value ..., Step Functions will round it off to the nearest
  // integer" (Developer Guide, Intrinsic functions: ArrayPartition, ArrayRange, MathRandom,
  // MathAdd). Half rounds up, as Java's Math.round.
  const rounded = (v: unknown): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fail(`${name} needs integers`);
  // Base64Encode, Base64Decode and Hash take "up to 10,000 characters".
  const limited = (v: unknown): string => {
    const s = str(v);
    return s.length <= 10_000 ? s : fail(`${name}: the string has more than 10000 characters`);
  };
  const str = (v: unknown): string => (typeof v === 'string' ? v : fail(`${name} needs a string`));
  switch (name) {
    case 'States.Format':
      return format(
        str(raw[0]),
        raw.slice(1).map((a) => (typeof a === 'string' ? unescape(a) : a)),
        scope.formatArgument ?? javaText,
      );
    case 'States.StringToJson':
      // An empty (or blank) string holds no JSON value: the parser reads none, which is null.
      if (str(args[0]).trim() === '') return null;
      try {
        return JSON.parse(str(args[0])) as unknown;
      } catch {
        return fail('States.StringToJson: the string is not JSON');
      }
    case 'States.JsonToString':
      return JSON.stringify(args[0]);
    case 'States.Array':
      return args;
    case 'States.ArrayPartition': {
      const a = arr(args[0]);
      const size = rounded(args[1]);
      if (size <= 0) fail('States.ArrayPartition: the chunk size must be positive');
      const out: unknown[][] = [];
      for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
      return out;
    }
    case 'States.ArrayContains':
      return arr(args[0]).some((v) => isDeepStrictEqual(v, args[1]));
    case 'States.ArrayRange': {
      const [start, end, step] = [rounded(args[0]), rounded(args[1]), rounded(args[2])];
      if (step === 0) fail('States.ArrayRange: the step must not be 0');
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push(v);
        if (out.length > 1000) fail('States.ArrayRange: more than 1000 items');
      }
      return out;
    }
    case 'States.ArrayGetItem': {
      const a = arr(args[0]);
      const i = int(args[1]);
      return i >= 0 && i < a.length ? a[i] : fail('States.ArrayGetItem: index out of range');
    }
    case 'States.ArrayLength':
      return arr(args[0]).length;
    case 'States.ArrayUnique': {
      const out: unknown[] = [];
      for (const v of arr(args[0])) if (!out.some((o) => isDeepStrictEqual(o, v))) out.push(v);
      return out;
    }
    case 'States.Base64Encode':
      return Buffer.from(limited(args[0]), 'utf8').toString('base64');
    case 'States.Base64Decode':
      return Buffer.from(limited(args[0]), 'base64').toString('utf8');
    case 'States.Hash': {
      const algorithm = HASHES[str(args[1])] ?? fail(`States.Hash: unknown algorithm ${String(args[1])}`);
      const data = typeof args[0] === 'string' ? limited(args[0]) : JSON.stringify(args[0]);
      return createHash(algorithm).update(data).digest('hex');
    }
    case 'States.JsonMerge': {
      const [a, b, deep] = args;
      if (deep !== false) fail('States.JsonMerge supports only a shallow merge (false)');
      if (!a || !b || typeof a !== 'object' || typeof b !== 'object')
        fail('States.JsonMerge needs two objects');
      return { ...(a as object), ...(b as object) };
    }
    case 'States.MathRandom': {
      // Start inclusive, end exclusive, bounds rounded to the nearest integer; the optional third
      // argument is a seed: the same seed gives the same number (Developer Guide, MathRandom).
      const [start, end] = [rounded(args[0]), rounded(args[1])];
      const random = args.length > 2 ? seededRandom(rounded(args[2])) : scope.random;
      return start + Math.floor(random() * (end - start));
    }
    case 'States.MathAdd': {
      // Integers in -2147483648..2147483647, non-integers rounded (Developer Guide, MathAdd).
      const [a, b] = [rounded(args[0]), rounded(args[1])];
      for (const v of [a, b])
        if (v < -2147483648 || v > 2147483647)
          fail(`States.MathAdd: ${v} is outside the range -2147483648 to 2147483647`);
      return a + b;
    }
    case 'States.StringSplit': {
      const s = str(args[0]);
      const delimiters = [...str(args[1])];
      return s
        .split(new RegExp(`[${delimiters.map((d) => d.replace(/[\\\]^-]/g, '\\$&')).join('')}]`))
        .filter((p) => p !== '');
    }
    case 'States.UUID':
      return uuid(scope.random);
    default:
      return fail(`unknown intrinsic function ${name}`);
  }
}

function evaluate(e: Expr, scope: IntrinsicScope): unknown {
  if (e.kind === 'literal') return e.value;
  if (e.kind === 'path') return readValue(e.path, scope, 'intrinsic');
  return call(
    e.name,
    e.args.map((a) => evaluate(a, scope)),
    scope,
  );
}

/** Whether a `.$` value is an intrinsic function call rather than a path. */
export const isIntrinsic = (value: string): boolean => value.startsWith('States.');

/** Evaluates an intrinsic function expression such as `States.Format('job-{}', $.id)`. */
export function evaluateIntrinsic(text: string, scope: IntrinsicScope): unknown {
  return evaluate(parse(text), scope);
}
