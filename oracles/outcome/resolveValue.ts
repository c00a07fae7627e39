/**
 * The values of a plan's dynamic members and data-flow templates, read from the state's input, the
 * execution input and the context (asl.data-flow; the attempt's `State.RetryCount`: sfn.context.retry-count). Only the plan's forms: paths, `States.Format`, a
 * JSONata concatenation; an opaque expression or a missing path is unknown (undefined).
 */
import type { JsonPath, PlanValue, RequestPlan, Template, ValueSource } from '../../contracts/casePlan.js';
import { isObject, ownValue, setOwn } from '../../syntax/json.js';

type Obj = Record<string, unknown>;

/** What a value is read from: the state's input, the execution's input and name, the variables. */
export interface ValueScope {
  readonly input: unknown;
  readonly executionInput: unknown;
  readonly executionName: string;
  /** The workflow variables in scope (JSONata `$name`). */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The context object's `State.RetryCount` of the attempt (sfn.context.retry-count). */
  readonly retryCount?: number;
}

/**
 * The value at a path (undefined when a member on the way is missing). Members are own members:
 * `__proto__` or `constructor` is an ordinary key, as in JSON (syntax/json.ts, ownValue).
 */
export function getPath(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const segment of path) {
    if (typeof segment === 'number') v = Array.isArray(v) ? v[segment] : undefined;
    else v = isObject(v) ? ownValue(v, segment) : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * A copy of `target` with `value` at `path` (objects created on the way, as ResultPath does); every
 * member written as an own member, `__proto__` too.
 */
export function setPath(target: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number' && Array.isArray(target)) {
    const copy = [...target];
    copy[head] = setPath(copy[head], rest, value);
    return copy;
  }
  const base: Obj = isObject(target) ? { ...target } : {};
  setOwn(base, String(head), setPath(ownValue(base, String(head)), rest, value));
  return base;
}

/** The value a source names (undefined where it is missing). */
export function resolveSource(source: ValueSource, scope: ValueScope): unknown {
  if (source.from === 'executionName') return scope.executionName;
  if (source.from === 'context') return scope.retryCount;
  if (source.from === 'variable')
    return getPath(scope.variables && ownValue(scope.variables, source.name), source.path);
  return getPath(source.from === 'input' ? scope.input : scope.executionInput, source.path);
}

/**
 * An argument as States.Format writes it: text as it is, a number as JSON has it
 * (asl.intrinsic.format-number), true, false and null as words; undefined for an object or a list.
 */
function formatText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return JSON.stringify(v);
  if (typeof v === 'boolean' || v === null) return String(v);
  return undefined;
}

/**
 * `States.Format(template, args...)`: each `{}` an argument in turn, `\{`, `\}` and `\\` the
 * character itself (asl.intrinsic.format); undefined where an argument is unknown or the counts differ.
 */
function formatted(template: string, args: readonly unknown[]): string | undefined {
  const texts = args.map(formatText);
  let out = '';
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '\\') out += template[++i] ?? '';
    else if (c === '{' && template[i + 1] === '}') {
      const text = texts[next++];
      if (text === undefined) return undefined;
      out += text;
      i++;
    } else out += c;
  }
  return next === texts.length ? out : undefined;
}

/** The value of a dynamic member as Step Functions computes it (undefined where it cannot be known). */
export function resolveValue(value: PlanValue, scope: ValueScope): unknown {
  switch (value.given) {
    case 'path':
      return resolveSource(value.source, scope);
    case 'format':
      return formatted(
        value.template,
        value.args.map((a) => resolveSource(a, scope)),
      );
    case 'jsonata': {
      const parts = value.parts.map((p) => ('from' in p ? resolveSource(p, scope) : p.text));
      if (parts.length === 1) return parts[0];
      // `&` joins strings as JSONata's $string makes them: nothing is '', an object its JSON.
      return parts
        .map((p) => (p === undefined ? '' : typeof p === 'string' ? p : JSON.stringify(p)))
        .join('');
    }
    case 'parse': {
      const text = resolveSource(value.source, scope);
      if (typeof text !== 'string') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    }
    case 'opaque':
      return undefined;
  }
}

/** The request as SageMaker receives it; undefined when a dynamic member cannot be resolved. */
export function resolveRequest(request: RequestPlan, scope: ValueScope): Obj | undefined {
  // setPath copies what it changes: the literal parts are shared, never written.
  let out: unknown = request.literal;
  for (const { at, value } of request.dynamic) {
    const v = resolveValue(value, scope);
    if (v === undefined) return undefined;
    out = setPath(out, at, v);
  }
  return out as Obj;
}

/** A data-flow template (ResultSelector, Output, Assign) over the state's result and input. */
export function evaluateTemplate(template: Template, data: { result?: unknown; input: unknown }): unknown {
  if ('ref' in template) return getPath(template.ref === 'result' ? data.result : data.input, template.path);
  return Object.fromEntries(Object.entries(template.fields).map(([k, t]) => [k, evaluateTemplate(t, data)]));
}
