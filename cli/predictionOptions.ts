import { DOC_REVISIONS, isPartition, type DocRevision, type StateMachineType } from '../catalog/api.js';
import { EXAMPLE_ACCOUNT, type PredictionOptions } from '../oracles/options.js';
import { UsageError } from '../contracts/usageError.js';
import { checkAccount, checkRegion } from './values.js';
import type { Io } from './io.js';
import { DEFINITION_MAX_CHARS } from '../catalog/stepFunctionsLimits.js';
import { DEFINITION_LIMITS, parseJsonText, readJsonFile, type JsonLimits } from './io.js';
import { isObject } from '../syntax/json.js';
import { checkedWrapper } from './definitionWrapper.js';

/** The options `policy` and `check` share, as commander hands them over. */
export interface RawPredictionOptions {
  region?: string;
  account?: string;
  partition?: string;
  docRevision?: string;
  passRoleArn?: string;
  type?: string;
}

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * A state machine file: the definition itself, or a CreateStateMachine / DescribeStateMachine
 * shape that wraps it (`{ "definition": "<json string>" | {...}, "type": "EXPRESS" }`).
 */
export function readDefinition(path: string): { definition: unknown; type?: StateMachineType } {
  const raw = readJsonFile(path, 'definition file', DEFINITION_FILE_LIMITS);
  if (!isObject(raw))
    throw new UsageError(
      'bad-definition',
      `definition file "${path}" must hold a JSON object with StartAt and States`,
    );
  if (!('States' in raw) && 'definition' in raw) {
    const { type } = checkedWrapper(raw, path);
    const inner =
      typeof raw.definition === 'string' ? parseWrapped(raw.definition, path) : sent(raw.definition, path);
    return type ? { definition: inner, type } : { definition: inner };
  }
  return { definition: sent(raw, path) };
}

/** A file may be indented: what counts is the definition as CreateStateMachine receives it (compact JSON). */
const DEFINITION_FILE_LIMITS: JsonLimits = {
  maxChars: {
    limit: 4 * DEFINITION_MAX_CHARS.value,
    source: 'four times what CreateStateMachine takes, room for indentation',
  },
  protoKeys: 'ordinary',
};

/** The definition, refused when its compact JSON is longer than CreateStateMachine takes. */
function sent(definition: unknown, path: string): unknown {
  const { limit, source } = DEFINITION_LIMITS.maxChars!;
  const chars = JSON.stringify(definition).length;
  if (chars > limit)
    throw new UsageError(
      'too-large',
      `the definition in "${path}" has ${chars} characters as compact JSON, more than ${limit} (${source}); make it smaller`,
    );
  return definition;
}

function parseWrapped(text: string, path: string): unknown {
  return parseJsonText(text, `the "definition" string in "${path}"`, DEFINITION_LIMITS);
}

/** The prediction options the command line gives, checked (a warning when no --account is given). */
export function toPredictionOptions(
  raw: RawPredictionOptions,
  fileType: StateMachineType | undefined,
  io: Io,
): PredictionOptions {
  if (raw.region !== undefined) checkRegion(raw.region);
  if (raw.account !== undefined) checkAccount(raw.account);
  if (raw.partition !== undefined && !isPartition(raw.partition)) {
    throw new UsageError(
      'bad-option',
      `--partition "${raw.partition}" is not supported; use aws, aws-cn or aws-us-gov`,
    );
  }
  const docRevision = (raw.docRevision ?? 'current') as DocRevision;
  if (!DOC_REVISIONS.includes(docRevision)) {
    throw new UsageError(
      'bad-option',
      `--doc-revision "${raw.docRevision}" is unknown; use current or legacy`,
    );
  }
  if (raw.passRoleArn !== undefined && !ROLE_ARN.test(raw.passRoleArn)) {
    throw new UsageError(
      'bad-option',
      `--pass-role-arn "${raw.passRoleArn}" is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)`,
    );
  }
  let type: StateMachineType = fileType ?? 'STANDARD';
  if (raw.type !== undefined) {
    const upper = raw.type.toUpperCase();
    if (upper !== 'STANDARD' && upper !== 'EXPRESS') {
      throw new UsageError('bad-option', `--type "${raw.type}" is unknown; use standard or express`);
    }
    type = upper;
  }
  if (raw.account === undefined) {
    io.stderr(`warning: no --account given; using the documentation's example account ${EXAMPLE_ACCOUNT}\n`);
  }
  return {
    account: raw.account ?? EXAMPLE_ACCOUNT,
    docRevision,
    type,
    ...(raw.region === undefined ? {} : { region: raw.region }),
    ...(raw.partition === undefined
      ? {}
      : { partition: raw.partition as PredictionOptions['partition'] & string }),
    ...(raw.passRoleArn === undefined ? {} : { passRoleArn: raw.passRoleArn }),
  };
}
