/**
 * A request's violations of its API model in AWS's words, as the services built on AWS's request
 * validation word them: `1 validation error detected: Value at 'name' failed to satisfy
 * constraint: Member must have length less than or equal to 80`; several joined by `; `. The
 * member is named by its path (`tags.1.member.key`); some services quote the value (`Value 'x' at
 * 'roleName'`, `Value null at ...` for a missing one), others do not.
 */
import type { ApiModel, Shape } from '../../apimodel/shape.js';
import type { Violation } from '../../validation/validateRequest.js';

/** How a service words the members and values of its violations. */
export interface ViolationStyle {
  /** A member's name as the message gives it (`RoleName` as `roleName`); default: as in the model. */
  readonly memberName?: (name: string) => string;
  /** Whether the message quotes the value (`Value 'x' at`, `Value null at`) or not (`Value at`). */
  readonly quoteValue: boolean;
}

/** The shape a JSON pointer into an operation's input reaches. */
export function shapeAt(model: ApiModel, operation: string, pointer: string): Shape | undefined {
  let name = model.operations[operation]?.input;
  for (const segment of pointer.split('/').slice(1)) {
    if (name === undefined) return undefined;
    const shape = model.shapes[name]!;
    name =
      shape.type === 'list' ? shape.member : shape.type === 'map' ? shape.value : shape.members?.[segment];
  }
  return name === undefined ? undefined : model.shapes[name];
}

/** The member's path as AWS names it: `tags.1.member.key` for `/tags/0/key`. */
export function memberPath(pointer: string, memberName: (name: string) => string = (n) => n): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `${Number(s) + 1}.member` : memberName(s)))
    .join('.');
}

/** What a violated constraint says, in AWS's words. */
export function constraintText(v: Violation, shape: Shape | undefined, value: unknown): string {
  const bound = (what: string) => {
    const measured =
      typeof value === 'number' ? value : Array.isArray(value) ? value.length : [...String(value)].length;
    return shape?.min !== undefined && measured < shape.min
      ? `Member must have ${what} greater than or equal to ${shape.min}`
      : `Member must have ${what} less than or equal to ${shape?.max}`;
  };
  switch (v.constraint) {
    case 'required':
      return 'Member must not be null';
    case 'length':
    case 'size':
      return bound('length');
    case 'range':
      return bound('value');
    case 'enum':
      return `Member must satisfy enum value set: [${(shape?.enum ?? []).join(', ')}]`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${shape?.pattern}`;
    default:
      return v.message;
  }
}

/** The value a pointer reaches in the request. */
export function valueAt(input: unknown, pointer: string): unknown {
  let v = input;
  for (const segment of pointer.split('/').slice(1))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[segment] : undefined;
  return v;
}

/** The message of a request's violations: `N validation error(s) detected: ...`. */
export function violationsMessage(
  model: ApiModel,
  operation: string,
  input: unknown,
  violations: readonly Violation[],
  style: ViolationStyle,
): string {
  const lines = violations.map((v) => {
    const value = valueAt(input, v.path);
    const quoted = !style.quoteValue
      ? ''
      : value === undefined
        ? ' null'
        : ` '${typeof value === 'string' ? value : JSON.stringify(value)}'`;
    return `Value${quoted} at '${memberPath(v.path, style.memberName)}' failed to satisfy constraint: ${constraintText(v, shapeAt(model, operation, v.path), value)}`;
  });
  return `${lines.length} validation error${lines.length > 1 ? 's' : ''} detected: ${lines.join('; ')}`;
}
