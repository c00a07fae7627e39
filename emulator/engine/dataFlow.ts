/**
 * Data in and out of states: JSONPath payload templates (`.$` keys, intrinsic functions, the
 * Context object `$$`, variables `$name`) and JSONata (`{% %}` expressions with `$states` and the
 * workflow variables), plus the payload size limit.
 */
import jsonata from 'jsonata';
import { evaluateIntrinsic, isIntrinsic } from './intrinsics.js';
import { readPath } from './jsonPath.js';
import { StatesError } from './statesError.js';

export interface PathScope {
  readonly input: unknown;
  readonly context: unknown;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly random: () => number;
}

const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/;

/** Reads a JSONPath value: `$...` from the input, `$$...` from the Context object, `$name...` from a variable. */
export function readValue(path: string, scope: PathScope, field: string): unknown {
  if (path.startsWith('$$')) return readPath(`$${path.slice(2)}`, scope.context, field);
  const v = VARIABLE.exec(path);
  if (v) {
    const [, name, rest] = v as unknown as [string, string, string];
    if (!Object.hasOwn(scope.variables, name))
      throw new StatesError(
        'States.Runtime',
        `The variable '$${name}' of the field '${field}' is not defined`,
      );
    return rest ? readPath(`$${rest}`, scope.variables[name], field) : scope.variables[name];
  }
  return readPath(path, scope.input, field);
}

/** A JSONPath payload template (Parameters, ItemSelector, ResultSelector, Assign). */
export function applyTemplate(template: unknown, scope: PathScope, field: string): unknown {
  if (Array.isArray(template)) return template.map((t) => applyTemplate(t, scope, field));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template as Record<string, unknown>)) {
    if (key.endsWith('.$')) {
      if (typeof value !== 'string')
        throw new StatesError(
          'States.Runtime',
          `The value of '${key}' in '${field}' must be a path or an intrinsic function`,
        );
      const name = key.slice(0, -2);
      try {
        out[name] = isIntrinsic(value) ? evaluateIntrinsic(value, scope) : readValue(value, scope, field);
      } catch (e) {
        if (e instanceof StatesError && e.error === 'States.Runtime' && !isIntrinsic(value)) {
          throw new StatesError(
            'States.Runtime',
            `The JSONPath '${value}' specified for the field '${key}' could not be found in the input`,
          );
        }
        throw e;
      }
    } else out[key] = applyTemplate(value, scope, field);
  }
  return out;
}

const compiled = new Map<string, ReturnType<typeof jsonata>>();

function expression(text: string): ReturnType<typeof jsonata> {
  let e = compiled.get(text);
  if (!e) {
    try {
      e = jsonata(text);
      // Step Functions' own JSONata functions (spec §5.2): $parse reads a JSON string.
      e.registerFunction(
        'parse',
        (s: unknown) => {
          if (typeof s !== 'string') throw new Error('$parse: the argument must be a string');
          return JSON.parse(s) as unknown;
        },
        '<s:x>',
      );
    } catch (err) {
      throw new StatesError(
        'States.QueryEvaluationError',
        `The JSONata expression '${text}' is invalid: ${(err as Error).message}`,
      );
    }
    if (compiled.size > 5000) compiled.clear();
    compiled.set(text, e);
  }
  return e;
}

export interface JsonataScope {
  /** `$states`: input, context, and where present result / errorOutput. */
  readonly states: Readonly<Record<string, unknown>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

export const isJsonataExpression = (v: unknown): v is string =>
  typeof v === 'string' && v.startsWith('{%') && v.endsWith('%}');

/** Evaluates one `{% %}` expression; nothing (undefined) is an error, as in Step Functions. */
export async function evaluateJsonata(text: string, scope: JsonataScope, field: string): Promise<unknown> {
  const body = text.slice(2, -2).trim();
  let value: unknown;
  try {
    value = await expression(body).evaluate({}, { ...scope.variables, states: scope.states });
  } catch (err) {
    if (err instanceof StatesError) throw err;
    throw new StatesError(
      'States.QueryEvaluationError',
      `An error occurred while evaluating the JSONata expression '${body}' specified for the field '${field}': ${(err as Error).message}`,
    );
  }
  if (value === undefined) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${body}' specified for the field '${field}' returned nothing (undefined).`,
    );
  }
  // jsonata marks its arrays with a non-enumerable flag; plain JSON from here on.
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** A JSONata template: every `{% %}` string, however deep, is evaluated. */
export async function applyJsonataTemplate(
  template: unknown,
  scope: JsonataScope,
  field: string,
): Promise<unknown> {
  if (isJsonataExpression(template)) return evaluateJsonata(template, scope, field);
  if (Array.isArray(template)) return Promise.all(template.map((t) => applyJsonataTemplate(t, scope, field)));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template as Record<string, unknown>))
    out[k] = await applyJsonataTemplate(v, scope, field);
  return out;
}

/** 256 KiB of UTF-8 (spec §7.2). */
export const PAYLOAD_LIMIT_BYTES = 262_144;

/** A payload past the limit fails the execution with States.DataLimitExceeded. */
export function checkPayload(value: unknown, what: string): void {
  payloadJson(value, what);
}

/** The payload as JSON (for the history), checked against the 256 KiB limit. */
export function payloadJson(value: unknown, what: string): string {
  const text = JSON.stringify(value) ?? 'null';
  if (text.length * 3 < PAYLOAD_LIMIT_BYTES) return text; // no UTF-8 string of this length can exceed the limit
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new StatesError(
      'States.DataLimitExceeded',
      `The ${what} has a size of ${bytes} bytes, more than the limit of ${PAYLOAD_LIMIT_BYTES} bytes.`,
    );
  }
  return text;
}
