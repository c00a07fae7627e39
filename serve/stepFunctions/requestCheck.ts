/**
 * A Step Functions request checked against the API model (required members, lengths, ranges, enums,
 * list sizes), with AWS's errors: ValidationException (`N validation error(s) detected: Value at
 * '<member>' failed to satisfy constraint: Member must ...`), SerializationException for a value of
 * the wrong JSON type. Members the model has and the emulator does not use are taken and ignored;
 * members the model lacks are ignored, as newer SDKs may send them.
 */
import { STEP_FUNCTIONS_MODEL } from '../../apimodel/stepFunctionsModel.generated.js';
import type { Shape } from '../../apimodel/shape.js';
import { RequestValidator, type Violation } from '../../validation/validateRequest.js';
import { AwsError } from '../protocol/json.js';

const validator = new RequestValidator(STEP_FUNCTIONS_MODEL);

/** The shape a JSON pointer into an operation's input reaches. */
function shapeAt(operation: string, pointer: string): Shape | undefined {
  let name = STEP_FUNCTIONS_MODEL.operations[operation]?.input;
  for (const segment of pointer.split('/').slice(1)) {
    if (name === undefined) return undefined;
    const shape = STEP_FUNCTIONS_MODEL.shapes[name]!;
    name =
      shape.type === 'list' ? shape.member : shape.type === 'map' ? shape.value : shape.members?.[segment];
  }
  return name === undefined ? undefined : STEP_FUNCTIONS_MODEL.shapes[name];
}

/** The member's path as AWS names it: `tags.1.member.key` for `/tags/0/key`. */
function memberPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `${Number(s) + 1}.member` : s))
    .join('.');
}

/** What a violated constraint says, in AWS's words. */
function constraintText(v: Violation, shape: Shape | undefined, value: unknown): string {
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
function valueAt(input: unknown, pointer: string): unknown {
  let v = input;
  for (const segment of pointer.split('/').slice(1))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[segment] : undefined;
  return v;
}

/** Throws AWS's error for a request the API model refuses; returns quietly otherwise. */
export function checkRequest(operation: string, input: Record<string, unknown>): void {
  const violations = validator.validate(operation, input).filter((v) => v.constraint !== 'unknown-field');
  if (violations.length === 0) return;
  const wrongType = violations.find((v) => v.constraint === 'type');
  if (wrongType)
    throw new AwsError(
      'SerializationException',
      `Value at '${memberPath(wrongType.path)}' ${wrongType.message}`,
    );
  const lines = violations.map(
    (v) =>
      `Value at '${memberPath(v.path)}' failed to satisfy constraint: ${constraintText(v, shapeAt(operation, v.path), valueAt(input, v.path))}`,
  );
  throw new AwsError(
    'ValidationException',
    `${lines.length} validation error${lines.length > 1 ? 's' : ''} detected: ${lines.join('; ')}`,
  );
}
