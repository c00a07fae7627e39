/**
 * A Task's request, Retry and Catch as a definition writes them, read into the plan's types
 * (contracts/casePlan.ts): literal members, members computed at run time (with their source where the
 * expression is a plain path, `States.Format` over paths, or a JSONata concatenation of them), and
 * anything else as an opaque expression.
 */
import type { QueryLanguage } from '../../catalog/api.js';
import type {
  CatcherPlan,
  DynamicMember,
  JsonPath,
  PlanValue,
  RequestPlan,
  RetrierPlan,
  ValueSource,
} from '../../contracts/casePlan.js';
import { isJsonata } from '../../validation/jsonata.js';
import { isObject } from '../../syntax/json.js';

/** A step of a JSONPath reference path: `.name`, `[0]`, `['name']`, `["name"]`. */
const JSONPATH_SEGMENT = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\['([^'\\]*)'\]|\["([^"\\]*)"\]/y;
/** A step of a JSONata path: `.name`, `` .`any name` ``, `[0]` (a bracket with anything else is a filter). */
const JSONATA_SEGMENT = /\.([A-Za-z_]\w*)|\.`([^`]*)`|\[(\d+)\]/y;

/** A path's steps as segments; undefined when it is not a plain path. */
function segments(text: string, grammar: RegExp = JSONPATH_SEGMENT): JsonPath | undefined {
  const out: (string | number)[] = [];
  grammar.lastIndex = 0;
  while (grammar.lastIndex < text.length) {
    const m = grammar.exec(text);
    if (!m) return undefined;
    const index = grammar === JSONPATH_SEGMENT ? m[2] : m[3];
    out.push(
      index !== undefined
        ? Number(index)
        : (grammar === JSONPATH_SEGMENT ? (m[1] ?? m[3] ?? m[4]) : (m[1] ?? m[2]))!,
    );
  }
  return out;
}

/** A reference path of JSONPath (`$.a`, `$$.Execution.Name`, `$$.Execution.Input.a`). */
export function parsePathSource(text: string): ValueSource | undefined {
  if (text === '$$.Execution.Name') return { from: 'executionName' };
  if (text === '$$.State.RetryCount') return { from: 'context', field: 'State.RetryCount' };
  if (text.startsWith('$$.Execution.Input')) {
    const path = segments(text.slice('$$.Execution.Input'.length));
    return path ? { from: 'executionInput', path } : undefined;
  }
  if (text.startsWith('$$')) return undefined;
  if (text === '$') return { from: 'input', path: [] };
  if (!text.startsWith('$')) return undefined;
  const path = segments(text.slice(1));
  return path ? { from: 'input', path } : undefined;
}

/** A JSONata operand (`$states.input.a`, `$states.context.Execution.Name`, ...). */
function parseJsonataSource(text: string): ValueSource | undefined {
  if (text === '$states.context.Execution.Name') return { from: 'executionName' };
  if (text === '$states.context.State.RetryCount') return { from: 'context', field: 'State.RetryCount' };
  if (text.startsWith('$states.context.Execution.Input')) {
    const path = segments(text.slice('$states.context.Execution.Input'.length), JSONATA_SEGMENT);
    return path ? { from: 'executionInput', path } : undefined;
  }
  const variable = /^\$([A-Za-z_]\w*)/.exec(text);
  if (variable && variable[1] !== 'states') {
    const path = segments(text.slice(variable[0].length), JSONATA_SEGMENT);
    return path ? { from: 'variable', name: variable[1]!, path } : undefined;
  }
  if (text === '$states.input') return { from: 'input', path: [] };
  if (!text.startsWith('$states.input')) return undefined;
  const path = segments(text.slice('$states.input'.length), JSONATA_SEGMENT);
  return path ? { from: 'input', path } : undefined;
}

/** A JSONPath `.$` value: a path, `States.Format` over paths, or opaque. */
export function parseJsonPathValue(expression: string): PlanValue {
  const source = parsePathSource(expression);
  if (source) {
    // Bracket notation: every step in brackets (`$['a']['b']`), as some write every path.
    const bracketed =
      (source.from === 'input' || source.from === 'executionInput') &&
      source.path.length > 0 &&
      expression ===
        `${source.from === 'input' ? '$' : '$$.Execution.Input'}${source.path
          .map((s) => (typeof s === 'number' ? `[${s}]` : `['${s}']`))
          .join('')}`;
    return bracketed ? { given: 'path', source, notation: 'bracket' } : { given: 'path', source };
  }
  const parsed = /^States\.StringToJson\(\s*([^,()]+?)\s*\)$/.exec(expression);
  const parsedSource = parsed ? parsePathSource(parsed[1]!) : undefined;
  if (parsedSource) return { given: 'parse', source: parsedSource };
  const m = /^States\.Format\('((?:[^'\\]|\\.)*)'((?:\s*,\s*[^,()]+)*)\)$/.exec(expression);
  if (m) {
    const args = m[2]!
      .split(',')
      .slice(1)
      .map((a) => parsePathSource(a.trim()));
    if (args.every((a): a is ValueSource => a !== undefined))
      // The template as States.Format reads it: the quote unescaped, `\{`, `\}`, `\\` kept.
      return { given: 'format', template: m[1]!.replace(/\\'/g, "'"), args };
  }
  return { given: 'opaque', expression };
}

/** A JSONata `{% %}` value: sources and string literals joined with `&`, or opaque. */
export function parseJsonataValue(expression: string): PlanValue {
  const body = expression.slice(2, -2).trim();
  const parsed = /^\$parse\((.+)\)$/.exec(body);
  const parsedSource = parsed ? parseJsonataSource(parsed[1]!.trim()) : undefined;
  if (parsedSource) return { given: 'parse', source: parsedSource };
  const parts: (ValueSource | { text: string })[] = [];
  for (const raw of body.split('&')) {
    const part = raw.trim();
    const literal = /^'([^'\\]*)'$/.exec(part) ?? /^"([^"\\]*)"$/.exec(part);
    if (literal) {
      parts.push({ text: literal[1]! });
      continue;
    }
    const source = parseJsonataSource(part);
    if (!source) return { given: 'opaque', expression };
    parts.push(source);
  }
  return { given: 'jsonata', parts };
}

/** A request template (Parameters or Arguments) as literal members and dynamic ones. */
export function parseRequest(template: unknown, language: QueryLanguage): RequestPlan {
  const dynamic: DynamicMember[] = [];
  const walk = (node: unknown, at: (string | number)[]): unknown => {
    if (language === 'JSONata' && isJsonata(node)) {
      dynamic.push({ at, value: parseJsonataValue(node) });
      return undefined;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...at, i]));
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (language === 'JSONPath' && key.endsWith('.$') && typeof value === 'string') {
        dynamic.push({ at: [...at, key.slice(0, -2)], value: parseJsonPathValue(value) });
        continue;
      }
      const literal = walk(value, [...at, key]);
      if (literal !== undefined) out[key] = literal;
    }
    return out;
  };
  if (language === 'JSONata' && isJsonata(template))
    return { literal: {}, dynamic: [{ at: [], value: parseJsonataValue(template) }] };
  const literal = walk(template, []);
  return { literal: isObject(literal) ? literal : {}, dynamic };
}

/** A number where the definition gives one, else undefined (malformed values are left to validation). */
const optionalNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const errorList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e) => typeof e === 'string') : []);

/** The Retry rules of a state; malformed entries are left to validation. */
export function parseRetry(retry: unknown): RetrierPlan[] {
  if (!Array.isArray(retry)) return [];
  return retry.filter(isObject).map((r) => {
    const plan: { -readonly [K in keyof RetrierPlan]: RetrierPlan[K] } = {
      errorEquals: errorList(r.ErrorEquals),
    };
    const interval = optionalNumber(r.IntervalSeconds);
    const attempts = optionalNumber(r.MaxAttempts);
    const rate = optionalNumber(r.BackoffRate);
    const delay = optionalNumber(r.MaxDelaySeconds);
    if (interval !== undefined) plan.intervalSeconds = interval;
    if (attempts !== undefined) plan.maxAttempts = attempts;
    if (rate !== undefined) plan.backoffRate = rate;
    if (delay !== undefined) plan.maxDelaySeconds = delay;
    if (r.JitterStrategy === 'FULL' || r.JitterStrategy === 'NONE') plan.jitterStrategy = r.JitterStrategy;
    return plan;
  });
}

/** The catchers of a state; their targets are states the plan does not model. */
export function parseCatch(catchers: unknown): CatcherPlan[] {
  if (!Array.isArray(catchers)) return [];
  return catchers.filter(isObject).map((c) => {
    const resultPath =
      c.ResultPath === null
        ? null
        : typeof c.ResultPath === 'string'
          ? (() => {
              const source = parsePathSource(c.ResultPath);
              return source?.from === 'input' ? source.path : undefined;
            })()
          : undefined;
    return {
      errorEquals: errorList(c.ErrorEquals),
      target: { kind: 'state', state: String(c.Next) },
      ...(resultPath === undefined ? {} : { resultPath }),
    };
  });
}

export { optionalNumber };
