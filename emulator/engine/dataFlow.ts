/**
 * Data in and out of states: JSONPath payload templates (`.$` keys, intrinsic functions, the
 * Context object `$$`, variables `$name`) and JSONata (`{% %}` expressions with `$states` and the
 * workflow variables), plus the payload size limit.
 */
import { PAYLOAD_MAX_BYTES } from '../../catalog/stepFunctionsLimits.js';
import jsonata from 'jsonata';
import { setOwn } from '../../syntax/json.js';
import { evaluateIntrinsic, isIntrinsic } from './intrinsics.js';
import { readValue, type PathScope } from './jsonPath.js';
import { stepFunctionsFunctions } from './jsonataFunctions.js';
import { alone, JSONATA_OPTIONS } from './jsonataLimits.js';
import { seededRandom } from './seededRandom.js';
import { StatesError } from './statesError.js';

export { readValue, type PathScope } from './jsonPath.js';

/**
 * A JSONPath payload template (Parameters, ItemSelector, ResultSelector, Assign). Its keys are
 * ordinary members, `__proto__` too (set as own members, never as the prototype).
 */
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
        setOwn(
          out,
          name,
          isIntrinsic(value) ? evaluateIntrinsic(value, scope) : readValue(value, scope, field),
        );
      } catch (e) {
        if (e instanceof StatesError && e.error === 'States.Runtime' && !isIntrinsic(value)) {
          throw new StatesError(
            'States.Runtime',
            // A `$$` path reads the Context object, which AWS's message then shows as the input.
            `The JSONPath '${value}' specified for the field '${key}' could not be found in the input '${JSON.stringify(value.startsWith('$$') ? scope.context : scope.input)}'`,
          );
        }
        throw e;
      }
    } else setOwn(out, key, applyTemplate(value, scope, field));
  }
  return out;
}

const compiled = new Map<string, ReturnType<typeof jsonata>>();

function expression(text: string): ReturnType<typeof jsonata> {
  let e = compiled.get(text);
  if (!e) {
    try {
      // Bounded in time and depth, its regular expressions too (jsonataLimits.ts).
      e = jsonata(text, JSONATA_OPTIONS);
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

/** What a JSONata expression sees: `$states` and the variables. */
export interface JsonataScope {
  /** `$states`: input, context, and where present result / errorOutput. */
  readonly states: Readonly<Record<string, unknown>>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** What `$random()` and `$uuid()` draw from; by default a generator seeded by the context and field. */
  readonly random?: () => number;
}

/** A generator seeded by a text (FNV-1a): the same state, field and expression draw the same. */
function randomOf(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return seededRandom(h >>> 0);
}

/** Whether a value is a JSONata expression: a string in `{% %}`. */
export const isJsonataExpression = (v: unknown): v is string =>
  typeof v === 'string' && v.startsWith('{%') && v.endsWith('%}');

/** Evaluates one `{% %}` expression; nothing (undefined) is an error, as in Step Functions. */
export async function evaluateJsonata(text: string, scope: JsonataScope, field: string): Promise<unknown> {
  const body = text.slice(2, -2).trim();
  let value: unknown;
  try {
    // Step Functions' own functions (jsonataFunctions.ts); the workflow's variables come after them.
    const random = scope.random ?? randomOf(`${JSON.stringify(scope.states.context) ?? ''}/${field}/${body}`);
    const compiledExpression = expression(body);
    value = await alone(() =>
      compiledExpression.evaluate(
        {},
        { ...stepFunctionsFunctions(random), ...scope.variables, states: scope.states },
      ),
    );
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
  // A function (`function($x){$x}`), which jsonata returns as a lambda object: no JSON value.
  if (
    typeof value === 'function' ||
    (typeof value === 'object' && value !== null && '_jsonata_lambda' in value)
  )
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${body}' specified for the field '${field}' returned an unsupported result type.`,
    );
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
  // A member's expression is named by its place: `Output/result`.
  for (const [k, v] of Object.entries(template as Record<string, unknown>))
    setOwn(out, k, await applyJsonataTemplate(v, scope, `${field}/${k}`));
  return out;
}

const PAYLOAD_LIMIT_BYTES = PAYLOAD_MAX_BYTES.value;

/** A payload past the limit fails the execution with States.DataLimitExceeded. */
export function checkPayload(value: unknown, what: string): void {
  payloadJson(value, what);
}

/** The payload as JSON (for the history), checked against the 256 KiB limit. */
export function payloadJson(value: unknown, what: string, state?: string): string {
  const text = JSON.stringify(value) ?? 'null';
  if (text.length * 3 < PAYLOAD_LIMIT_BYTES) return text; // no UTF-8 string of this length can exceed the limit
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new StatesError(
      'States.DataLimitExceeded',
      // A state's output past the limit, in AWS's words (recorded); other payloads say which and how big.
      state !== undefined
        ? `The state/task '${state}' returned a result with a size exceeding the maximum number of bytes service limit.`
        : `The ${what} has a size of ${bytes} bytes, more than the limit of ${PAYLOAD_LIMIT_BYTES} bytes.`,
    );
  }
  return text;
}
