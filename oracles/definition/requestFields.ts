import type { QueryLanguage } from '../../catalog/api.js';

/**
 * How a request field is given (spec §3): `static` when the Task writes its value literally,
 * `dynamic` when Step Functions computes it at run time (a JSONPath `.$` key, an intrinsic
 * function, a JSONata `{% %}` expression), `absent` when the request does not have it.
 */
export type FieldValue =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'dynamic'; readonly expression: string }
  | { readonly kind: 'absent' };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSONata expression string: `{% ... %}`. */
export const isJsonata = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}');

function dynamicOf(value: unknown): FieldValue {
  return { kind: 'dynamic', expression: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** The value of one member of a request object, as written. */
export function fieldValue(container: unknown, field: string, language: QueryLanguage): FieldValue {
  if (isJsonata(container)) return dynamicOf(container);
  if (!isObject(container)) return { kind: 'absent' };
  if (`${field}.$` in container) return dynamicOf(container[`${field}.$`]);
  if (!(field in container)) return { kind: 'absent' };
  const value = container[field];
  if (language === 'JSONata' && isJsonata(value)) return dynamicOf(value);
  if (typeof value === 'string') return { kind: 'static', value };
  return dynamicOf(value);
}

/**
 * Every value at `path` in the request (`[]` walks each list element). A whole object or list given
 * dynamically (`"TrainingJobDefinition.$": "$.def"`) yields one dynamic value.
 */
export function valuesAt(request: unknown, path: readonly string[], language: QueryLanguage): FieldValue[] {
  if (path.length === 0) return [];
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    const v = fieldValue(request, head, language);
    return v.kind === 'absent' ? [] : [v];
  }
  if (isJsonata(request)) return [dynamicOf(request)];
  if (!isObject(request)) return [];
  if (`${head}.$` in request) return [dynamicOf(request[`${head}.$`])];
  const inner = request[head];
  if (language === 'JSONata' && isJsonata(inner)) return [dynamicOf(inner)];
  if (rest[0] === '[]') {
    return Array.isArray(inner) ? inner.flatMap((item) => valuesAt(item, rest.slice(1), language)) : [];
  }
  return valuesAt(inner, rest, language);
}
