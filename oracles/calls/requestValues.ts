/**
 * Reading a request's members as the call model needs them: given literally, at run time, or not
 * at all, whether the request is as planned or as an execution resolved it.
 */
import type { JsonPath, RequestPlan } from '../../contracts/casePlan.js';
import { isObject } from '../../syntax/json.js';

/**
 * How a request member is given (sfn.template.documented): `static` when the Task writes its value
 * literally (or, for a resolved request, once Step Functions has computed it), `dynamic` when Step
 * Functions computes it at run time (a JSONPath `.$` key, an intrinsic function, a JSONata `{% %}`
 * expression), `absent` when the request does not have it.
 */
export type FieldValue =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'absent' };

/** The request a call model reads: as planned (members may be dynamic), or resolved (every value concrete). */
export type RequestView =
  { readonly plan: RequestPlan } | { readonly resolved: Readonly<Record<string, unknown>> };

/** Whether `at` (a dynamic member's place) covers a path that may contain `[]` wildcards, or lies on its way. */
function covers(at: JsonPath, path: readonly string[]): boolean {
  if (at.length > path.length) return false;
  return at.every((segment, i) => (path[i] === '[]' ? typeof segment === 'number' : path[i] === segment));
}

function literalValues(node: unknown, path: readonly string[]): FieldValue[] {
  if (path.length === 0) {
    if (node === undefined) return [];
    return typeof node === 'string' ? [{ kind: 'static', value: node }] : [{ kind: 'dynamic' }];
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]') return Array.isArray(node) ? node.flatMap((item) => literalValues(item, rest)) : [];
  return isObject(node) ? literalValues(node[head], rest) : [];
}

/** Every value at `path` in the request (`[]` walks each list element); a dynamic container yields one dynamic value. */
export function valuesAt(request: RequestView, path: readonly string[]): FieldValue[] {
  if (path.length === 0) return [];
  if ('resolved' in request) return literalValues(request.resolved, path);
  const dynamic = request.plan.dynamic.filter((d) => covers(d.at, path));
  const dynamicValues: FieldValue[] = dynamic.length > 0 ? [{ kind: 'dynamic' }] : [];
  // A whole container given at run time hides the members written below it.
  if (dynamic.some((d) => d.at.length < path.length && !path.slice(0, d.at.length).includes('[]')))
    return dynamicValues;
  return [...literalValues(request.plan.literal, path), ...dynamicValues];
}

/** The one value at a top-level member. */
export function valueAt(request: RequestView, field: string): FieldValue {
  return valuesAt(request, [field])[0] ?? { kind: 'absent' };
}

/** Whether the request passes the member, literally or at run time. */
export function hasMember(request: RequestView, field: string): boolean {
  return valueAt(request, field).kind !== 'absent';
}

/** Whether the request tags the resource it creates: Tags with at least one tag, or Tags given at run time. */
export function tagsGiven(request: RequestView): boolean {
  if (literalTags(request).length > 0) return true;
  return 'plan' in request && request.plan.dynamic.some((d) => d.at.length === 0 || d.at[0] === 'Tags');
}

/** The request's literal Tags (keys and values written in it, or resolved). */
export function literalTags(request: RequestView): { Key: string; Value?: string }[] {
  const tags = 'resolved' in request ? request.resolved.Tags : request.plan.literal.Tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((t) =>
    isObject(t) && typeof t.Key === 'string'
      ? [{ Key: t.Key, ...(typeof t.Value === 'string' ? { Value: t.Value } : {}) }]
      : [],
  );
}
