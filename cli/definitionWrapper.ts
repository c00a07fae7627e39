/**
 * A definition file may hold a CreateStateMachine request or a DescribeStateMachine answer (as
 * `aws stepfunctions describe-state-machine` prints it) around the definition. Its fields are
 * checked as those APIs have them: an unknown field, or a `type` that is neither STANDARD nor
 * EXPRESS, is one line naming it, never silently ignored (a misspelled type would run as STANDARD).
 */
import type { StateMachineType } from '../catalog/api.js';
import { UsageError } from '../contracts/usageError.js';
import type { JsonObject } from '../syntax/json.js';

/** What a field holds, as JSON. */
type Kind = 'string' | 'object' | 'array' | 'boolean' | 'timestamp';

/**
 * The fields of CreateStateMachine's request and DescribeStateMachine's answer (Step Functions
 * API Reference), and the envelope an SDK adds when its answer is saved whole.
 */
const FIELDS: Readonly<Record<string, Kind>> = {
  definition: 'string',
  type: 'string',
  name: 'string',
  roleArn: 'string',
  loggingConfiguration: 'object',
  tracingConfiguration: 'object',
  encryptionConfiguration: 'object',
  tags: 'array',
  publish: 'boolean',
  versionDescription: 'string',
  stateMachineArn: 'string',
  status: 'string',
  creationDate: 'timestamp',
  label: 'string',
  revisionId: 'string',
  description: 'string',
  variableReferences: 'object',
  ResponseMetadata: 'object',
  $metadata: 'object',
};

/** A kind of value as a message says it. */
const SAID: Readonly<Record<Kind, string>> = {
  string: 'a string',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  timestamp: 'a date',
};

function holds(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'timestamp':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return typeof value === kind;
  }
}

/**
 * The state machine type a CreateStateMachine / DescribeStateMachine shape names (any case, as
 * `--type` takes it), its other fields checked; `definition` itself is read by the caller (a JSON
 * string, or the definition as an object).
 */
export function checkedWrapper(raw: JsonObject, path: string): { type?: StateMachineType } {
  const where = `definition file "${path}"`;
  for (const [field, value] of Object.entries(raw)) {
    const kind = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
    if (kind === undefined)
      throw new UsageError(
        'bad-definition',
        `${where}: unknown field "${field}" beside "definition" (a CreateStateMachine or DescribeStateMachine shape has ${Object.keys(FIELDS).join(', ')}); remove it, or give the definition alone`,
      );
    // The definition may be the object itself rather than its JSON text.
    if (field !== 'definition' && !holds(value, kind))
      throw new UsageError(
        'bad-definition',
        `${where}: "${field}" must be ${SAID[kind]} (got ${JSON.stringify(value).slice(0, 40)})`,
      );
  }
  if (raw.type === undefined) return {};
  const type = (raw.type as string).toUpperCase();
  if (type !== 'STANDARD' && type !== 'EXPRESS')
    throw new UsageError(
      'bad-definition',
      `${where}: "type" is "${raw.type as string}", not a state machine type; use STANDARD or EXPRESS`,
    );
  return { type };
}
