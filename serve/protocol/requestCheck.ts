/**
 * A request checked against its service's API model (required members, lengths, ranges, enums,
 * patterns, list sizes), with AWS's errors: ValidationException (`N validation error(s) detected:
 * Value at '<member>' failed to satisfy constraint: Member must ...`), SerializationException for a
 * value of the wrong JSON type. Members the model has and the emulator does not use are taken and
 * ignored; members the model lacks are ignored, as newer SDKs may send them. Each service words the
 * violation in its own way (`RequestWording`).
 */
import type { ApiModel, Shape } from '../../apimodel/shape.js';
import { RequestValidator, type Violation } from '../../validation/validateRequest.js';
import { AwsError } from './json.js';

/** How a service words a violated constraint. */
export interface RequestWording {
  /**
   * Whether the value is named (`Value 'my_job' at 'trainingJobName'`, `Value null at ...`) or not
   * (`Value at 'name'`).
   */
  readonly quotesValue: boolean;
  /** Whether a pattern is printed anchored (`^[a-zA-Z0-9]...`), as the service compiled it. */
  readonly anchorsPattern: boolean;
  /** The error's code (default `ValidationException`; IAM's is `ValidationError`). */
  readonly errorCode?: string;
}

/** The shape a JSON pointer into an operation's input reaches. */
function shapeAt(model: ApiModel, operation: string, pointer: string): Shape | undefined {
  let name = model.operations[operation]?.input;
  for (const segment of pointer.split('/').slice(1)) {
    if (name === undefined) return undefined;
    const shape = model.shapes[name]!;
    name =
      shape.type === 'list' ? shape.member : shape.type === 'map' ? shape.value : shape.members?.[segment];
  }
  return name === undefined ? undefined : model.shapes[name];
}

/**
 * The member's path as AWS names it: `tags.1.member.key` for `/tags/0/key`; each member's name
 * starting in lower case (`trainingJobName` for `/TrainingJobName`), as the services' messages have it.
 */
function memberPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `${Number(s) + 1}.member` : s.charAt(0).toLowerCase() + s.slice(1)))
    .join('.');
}

/** What a violated constraint says, in AWS's words. */
function constraintText(
  v: Violation,
  shape: Shape | undefined,
  value: unknown,
  wording: RequestWording,
): string {
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
    case 'pattern': {
      const pattern = shape?.pattern ?? '';
      const printed = wording.anchorsPattern && !pattern.startsWith('^') ? `^${pattern}` : pattern;
      return `Member must satisfy regular expression pattern: ${printed}`;
    }
    default:
      return v.message;
  }
}

/** The value a pointer reaches in the request. */
function valueAt(input: unknown, pointer: string): unknown {
  let v = input;
  for (const segment of pointer.split('/').slice(1))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[segment] : undefined;
  return v;
}

/** `Value 'x' at`, `Value null at` or `Value at`, as the service words it. */
function valueText(value: unknown, wording: RequestWording): string {
  if (!wording.quotesValue) return 'Value';
  if (value === undefined || value === null) return 'Value null';
  return `Value '${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}

/** The check of one service's requests: throws AWS's error for a request the model refuses. */
export function requestChecker(
  model: ApiModel,
  wording: RequestWording,
): (operation: string, input: Record<string, unknown>) => void {
  const validator = new RequestValidator(model);
  return (operation, input) => {
    const violations = validator.validate(operation, input).filter((v) => v.constraint !== 'unknown-field');
    if (violations.length === 0) return;
    const wrongType = violations.find((v) => v.constraint === 'type');
    if (wrongType)
      throw new AwsError(
        'SerializationException',
        `Value at '${memberPath(wrongType.path)}' ${wrongType.message}`,
      );
    const lines = violations.map((v) => {
      const value = valueAt(input, v.path);
      const shape = shapeAt(model, operation, v.path);
      return `${valueText(value, wording)} at '${memberPath(v.path)}' failed to satisfy constraint: ${constraintText(v, shape, value, wording)}`;
    });
    throw new AwsError(
      wording.errorCode ?? 'ValidationException',
      `${lines.length} validation error${lines.length > 1 ? 's' : ''} detected: ${lines.join('; ')}`,
    );
  };
}
