/**
 * Derives apimodel/sagemakerModel.generated.ts from the SageMaker API model (botocore service-2.json,
 * optionally gzipped): the nine Create/Update operations of the optimized integration, Describe and
 * Stop of the five job types, ListTags and AddTags, and every shape they reach, with the constraints
 * the validator and the generators need (required members, lengths, ranges, patterns, enums, list
 * and map sizes); besides, what `serve` answers of SageMaker (Describe and Delete of models,
 * endpoint configurations and endpoints, the List calls). Documentation strings are dropped. Given the Step Functions API model instead
 * (serviceId SFN), it derives apimodel/stepFunctionsModel.generated.ts: the operations `serve` answers.
 * Given the IAM API model (serviceId IAM, the query protocol), it derives apimodel/iamModel.generated.ts:
 * the role and policy operations `serve` answers, with the model's XML namespace and its errors'
 * codes and HTTP statuses (the `error` trait of its exception shapes).
 *
 *   npm run gen:model -- path/to/sagemaker/service-2.json.gz [output.ts]
 *   npm run gen:model -- path/to/stepfunctions/service-2.json.gz [output.ts]
 *   npm run gen:model -- path/to/iam/service-2.json.gz [output.ts]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ApiError, ApiModel, Operation, Shape, ShapeType } from '../apimodel/shape.js';

const OPERATIONS = [
  'CreateEndpoint',
  'CreateEndpointConfig',
  'CreateHyperParameterTuningJob',
  'CreateLabelingJob',
  'CreateModel',
  'CreateProcessingJob',
  'CreateTrainingJob',
  'CreateTransformJob',
  'UpdateEndpoint',
  'DescribeTrainingJob',
  'DescribeTransformJob',
  'DescribeProcessingJob',
  'DescribeLabelingJob',
  'DescribeHyperParameterTuningJob',
  'StopTrainingJob',
  'StopTransformJob',
  'StopProcessingJob',
  'StopLabelingJob',
  'StopHyperParameterTuningJob',
  'ListTags',
  'AddTags',
  // What `serve` answers besides: the models, endpoint configurations and endpoints described and
  // deleted, and every kind listed (what the AWS target's clean-up and `sweep` call).
  'DescribeModel',
  'DescribeEndpointConfig',
  'DescribeEndpoint',
  'DeleteModel',
  'DeleteEndpointConfig',
  'DeleteEndpoint',
  'ListTrainingJobs',
  'ListTransformJobs',
  'ListProcessingJobs',
  'ListLabelingJobs',
  'ListHyperParameterTuningJobs',
  'ListModels',
  'ListEndpointConfigs',
  'ListEndpoints',
];

/** What is derived from a model other than SageMaker's: its operations, and its file's names. */
interface Derivation {
  readonly operations: readonly string[];
  readonly constant: string;
  readonly file: string;
  readonly label: string;
  readonly scope: string;
}

/** The Step Functions operations `serve` answers, and what the SFN model's file is called. */
const SFN: Derivation = {
  operations: [
    'CreateStateMachine',
    'DescribeStateMachine',
    'UpdateStateMachine',
    'DeleteStateMachine',
    'ListStateMachines',
    'StartExecution',
    'DescribeExecution',
    'StopExecution',
    'ListExecutions',
    'GetExecutionHistory',
    'TagResource',
    'ListTagsForResource',
    'TestState',
    'SendTaskSuccess',
    'SendTaskFailure',
    'SendTaskHeartbeat',
  ],
  constant: 'STEP_FUNCTIONS_MODEL',
  file: '../apimodel/stepFunctionsModel.generated.ts',
  label: 'Step Functions API model',
  scope: 'Operations `serve` answers',
};

/** The IAM operations `serve` answers (roles, their inline and managed policies, tags). */
const IAM: Derivation = {
  operations: [
    'CreateRole',
    'GetRole',
    'DeleteRole',
    'ListRoles',
    'TagRole',
    'UntagRole',
    'ListRoleTags',
    'PutRolePolicy',
    'GetRolePolicy',
    'DeleteRolePolicy',
    'ListRolePolicies',
    'CreatePolicy',
    'GetPolicy',
    'DeletePolicy',
    'AttachRolePolicy',
    'DetachRolePolicy',
    'ListAttachedRolePolicies',
  ],
  constant: 'IAM_MODEL',
  file: '../apimodel/iamModel.generated.ts',
  label: 'IAM API model',
  scope: 'Operations `serve` answers',
};

/** The derivation of each model other than SageMaker's, by its serviceId. */
const DERIVATIONS: Readonly<Record<string, Derivation>> = { SFN, IAM };

interface BotocoreShape {
  type: ShapeType;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  /** An exception shape's code and HTTP status (the query protocol's models carry them). */
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

interface BotocoreModel {
  metadata: { apiVersion: string; uid?: string; serviceId: string; xmlNamespace?: string };
  operations: Record<
    string,
    { input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }
  >;
  shapes: Record<string, BotocoreShape>;
}

/** Java regex classes JavaScript lacks, rewritten to their ASCII meaning. */
function toJsPattern(pattern: string): string {
  return pattern.replace(/\\p\{Alnum\}/g, 'a-zA-Z0-9');
}

function main(): void {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: npm run gen:model -- <path to sagemaker service-2.json[.gz]> [output.ts]\n');
    process.exit(2);
  }
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const model = JSON.parse(text) as BotocoreModel;
  const derivation = DERIVATIONS[model.metadata.serviceId];
  const operations: Record<string, Operation> = {};
  const pending: string[] = [];
  const errorShapes = new Set<string>();
  for (const name of derivation ? derivation.operations : OPERATIONS) {
    const op = model.operations[name];
    if (!op) throw new Error(`operation ${name} is not in the model`);
    operations[name] = {
      ...(op.input ? { input: op.input.shape } : {}),
      ...(op.output ? { output: op.output.shape } : {}),
      errors: (op.errors ?? []).map((e) => e.shape),
    };
    if (op.input) pending.push(op.input.shape);
    if (op.output) pending.push(op.output.shape);
    for (const e of op.errors ?? []) errorShapes.add(e.shape);
  }
  const shapes: Record<string, Shape> = {};
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (shapes[name]) continue;
    const s = model.shapes[name];
    if (!s) throw new Error(`shape ${name} is not in the model`);
    const out: { -readonly [K in keyof Shape]: Shape[K] } = { type: s.type };
    if (s.members) {
      out.members = Object.fromEntries(Object.entries(s.members).map(([m, ref]) => [m, ref.shape]));
      pending.push(...Object.values(out.members));
    }
    if (s.required?.length) out.required = s.required;
    if (s.member) pending.push((out.member = s.member.shape));
    if (s.key) pending.push((out.key = s.key.shape));
    if (s.value) pending.push((out.value = s.value.shape));
    if (s.min !== undefined) out.min = s.min;
    if (s.max !== undefined) out.max = s.max;
    if (s.pattern !== undefined) out.pattern = toJsPattern(s.pattern);
    if (s.enum) out.enum = s.enum;
    shapes[name] = out;
  }
  // The errors' codes and statuses, where the model has them (IAM's; SFN's and SageMaker's do not).
  const errors: Record<string, ApiError> = {};
  for (const name of [...errorShapes].sort()) {
    const trait = model.shapes[name]?.error;
    if (trait?.code === undefined || trait.httpStatusCode === undefined) continue;
    errors[name] = {
      code: trait.code,
      status: trait.httpStatusCode,
      fault: trait.senderFault ? 'Sender' : 'Receiver',
    };
  }
  const sorted: ApiModel = {
    ...(Object.keys(errors).length > 0 && model.metadata.xmlNamespace
      ? { xmlNamespace: model.metadata.xmlNamespace }
      : {}),
    operations,
    shapes: Object.fromEntries(
      Object.keys(shapes)
        .sort()
        .map((k) => [k, shapes[k]!]),
    ),
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
  const digest = createHash('sha256').update(bytes).digest('hex');
  const header = [
    '// GENERATED FILE: do not edit. Regenerate with `npm run gen:model -- <service-2.json[.gz]>`.',
    `// Derived by scripts/gen-model.ts from the ${derivation ? derivation.label : 'SageMaker API model'} ${basename(path)}`,
    `// (${model.metadata.serviceId} ${model.metadata.apiVersion}, uid ${model.metadata.uid ?? 'n/a'}, sha256 ${digest}),`,
    `// botocore JSON, Apache-2.0. ${derivation ? derivation.scope : 'Operations of the Step Functions integration and of `serve`'} and every shape they reach.`,
  ].join('\n');
  const body = `${header}\nimport type { ApiModel } from './shape.js';\n\nexport const ${derivation ? derivation.constant : 'SAGEMAKER_MODEL'}: ApiModel = ${JSON.stringify(sorted, null, 1)};\n`;
  const target =
    process.argv[3] ??
    fileURLToPath(
      new URL(derivation ? derivation.file : '../apimodel/sagemakerModel.generated.ts', import.meta.url),
    );
  writeFileSync(target, body);
  process.stdout.write(
    `wrote ${target}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes\n`,
  );
}

main();
