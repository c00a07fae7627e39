/**
 * Negative requests: a valid request with one minimal edit that breaks exactly one constraint,
 * labelled with which (constraint and path, and the rule id for semantic rules).
 */
import fc from 'fast-check';
import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import type { Api } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { Constraint } from '../validation/validateRequest.js';
import { REQUEST_ARBITRARIES } from './requests.js';
import type { SageMakerRequest } from './requests/common.js';

/** How a negative request breaks its API's rules: the constraint, where, and the mistake it is. */
export interface RequestBreak {
  readonly constraint: Constraint;
  /** JSON pointer of the broken value in the request. */
  readonly path: string;
  readonly rule?: string;
  /** A mistake people make, where the edit is one (`null`, `role-name`, ...): for the counts of `sample --stats`. */
  readonly form?: string;
}

/** A request made invalid by one edit, and how it breaks. */
export interface NegativeRequest {
  readonly api: Api;
  readonly request: SageMakerRequest;
  readonly breaks: RequestBreak;
}

type Edit = (request: SageMakerRequest) => RequestBreak | undefined;

const clone = (r: SageMakerRequest): SageMakerRequest => structuredClone(r);

/** The object at a path of member names (creating nothing); undefined when absent. */
function at(
  request: SageMakerRequest,
  path: readonly (string | number)[],
): Record<string, unknown> | undefined {
  let cur: unknown = request;
  for (const step of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>) : undefined;
}

const pointer = (path: readonly (string | number)[]) => `/${path.join('/')}`;

/** Sets `parent[key]` when the parent exists; returns the label. */
function set(
  request: SageMakerRequest,
  path: readonly (string | number)[],
  value: unknown,
  label: Omit<RequestBreak, 'path'>,
): RequestBreak | undefined {
  const parent = at(request, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent || !(key in parent)) return undefined;
  parent[key] = value;
  return { ...label, path: pointer(path) };
}

const INSTANCE_TYPE_PATHS: Partial<Record<Api, (string | number)[]>> = {
  CreateTrainingJob: ['ResourceConfig', 'InstanceType'],
  CreateTransformJob: ['TransformResources', 'InstanceType'],
  CreateProcessingJob: ['ProcessingResources', 'ClusterConfig', 'InstanceType'],
  CreateEndpointConfig: ['ProductionVariants', 0, 'InstanceType'],
  CreateHyperParameterTuningJob: ['TrainingJobDefinition', 'ResourceConfig', 'InstanceType'],
};

/**
 * A value one past its maximum length. Names are not used: their patterns bound the length too, so
 * a long name breaks two constraints. These members' patterns do not.
 */
const LENGTH_EDITS: Partial<Record<Api, [(string | number)[], number]>> = {
  CreateTrainingJob: [['OutputDataConfig', 'S3OutputPath'], 1024],
  CreateTransformJob: [['TransformOutput', 'S3OutputPath'], 1024],
  CreateProcessingJob: [['AppSpecification', 'ImageUri'], 255],
  CreateLabelingJob: [['OutputConfig', 'S3OutputPath'], 1024],
  CreateHyperParameterTuningJob: [['TrainingJobDefinition', 'OutputDataConfig', 'S3OutputPath'], 1024],
  CreateModel: [['PrimaryContainer', 'Image'], 255],
  CreateEndpointConfig: [['Tags', 0, 'Key'], 128],
  CreateEndpoint: [['Tags', 0, 'Key'], 128],
};

/** A number one below the model minimum (or above the maximum), per API. */
const RANGE_EDITS: Partial<Record<Api, [(string | number)[], number]>> = {
  CreateTrainingJob: [['StoppingCondition', 'MaxRuntimeInSeconds'], 0],
  CreateTransformJob: [['TransformResources', 'InstanceCount'], 0],
  CreateProcessingJob: [['ProcessingResources', 'ClusterConfig', 'InstanceCount'], 101],
  CreateLabelingJob: [['HumanTaskConfig', 'NumberOfHumanWorkersPerDataObject'], 10],
  CreateHyperParameterTuningJob: [
    ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxParallelTrainingJobs'],
    0,
  ],
  CreateEndpointConfig: [['ProductionVariants', 0, 'InitialInstanceCount'], 0],
};

function edits(api: Api): readonly Edit[] & { readonly forms: number } {
  const facts = SAGEMAKER_APIS[api];
  const nameField = facts.nameField.value;
  const input = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[api]!.input!]!;
  // The mistakes people make, drawn more often than the rest (they come last in the list).
  const forms: Edit[] = [];
  const list: Edit[] = [
    (r) => set(r, [nameField], `${String(r[nameField]).replace(/-+/g, '-')}_v2`, { constraint: 'pattern' }),
    ...(input.required ?? []).map<Edit>((member) => (r) => {
      if (!(member in r)) return undefined;
      delete r[member];
      return { constraint: 'required', path: `/${member}` };
    }),
    (r) => {
      // A mis-cased copy of the name field, as the SCHEMA_VALIDATION_FAILED reports describe
      // (sfn.parameters.field-names-checked-at-creation).
      const miscased = nameField.charAt(0).toLowerCase() + nameField.slice(1);
      r[miscased] = r[nameField];
      return { constraint: 'unknown-field', path: `/${miscased}` };
    },
  ];
  const length = LENGTH_EDITS[api];
  if (length) {
    list.push((r) => {
      const [path, max] = length;
      if (path[0] === 'Tags') {
        r.Tags = [{ Key: 'k'.repeat(max + 1), Value: 'v' }];
        return { constraint: 'length', path: pointer(path) };
      }
      const current = String(at(r, path.slice(0, -1))?.[path[path.length - 1]!] ?? '');
      return set(r, path, current + 'x'.repeat(max + 1 - current.length), { constraint: 'length' });
    });
  }
  const typePath = INSTANCE_TYPE_PATHS[api];
  if (typePath) list.push((r) => set(r, typePath, 'ml.m3.nonexistent', { constraint: 'enum' }));
  const range = RANGE_EDITS[api];
  if (range) list.push((r) => set(r, range[0], range[1], { constraint: 'range' }));
  if (range)
    forms.push((r) =>
      set(r, range[0], String(at(r, range[0].slice(0, -1))?.[range[0][range[0].length - 1]!]), {
        constraint: 'type',
      }),
    );
  // Forms people write by mistake: null for a required value, a role by name, a bucket path without
  // a scheme, Tags where the API takes none.
  // (Not a member that names a resource or a role: those are the calls' resources, a separate matter.)
  const named = new Set([
    nameField,
    ...facts.relatedResources.value.map((r) => r.nameField),
    ...facts.roleFields.value.map((f) => f.path[0]),
  ]);
  const required = (input.required ?? []).find((m) => !named.has(m));
  if (required)
    forms.push((r) => set(r, [required], null, { constraint: 'type', form: 'null for a required value' }));
  const role = facts.roleFields.value.find((f) => f.path.length === 1)?.path[0];
  if (role)
    forms.push((r) =>
      typeof r[role] === 'string'
        ? set(r, [role], 'AmazonSageMaker-ExecutionRole', {
            constraint: 'pattern',
            form: 'a role that is not an ARN',
          })
        : undefined,
    );
  const s3 = LENGTH_EDITS[api]?.[0];
  if (s3 && s3.at(-1) === 'S3OutputPath')
    forms.push((r) =>
      set(r, s3, String(at(r, s3.slice(0, -1))?.S3OutputPath).replace(/^s3:\/\//, ''), {
        constraint: 'pattern',
        form: 'an S3 location that is not a URI',
      }),
    );
  if (!('Tags' in (input.members ?? {})))
    forms.push((r) => {
      r.Tags = [{ Key: 'team', Value: 'ml' }];
      return { constraint: 'unknown-field', path: '/Tags', form: 'Tags where the API takes none' };
    });
  if (api === 'CreateTrainingJob') {
    const gzipInFileMode: Edit = (r) => {
      // Gzip channels need Pipe mode (the CompressionType member documentation): the Data Science
      // SDK's File-mode default with Gzip data.
      const mode = at(r, ['AlgorithmSpecification']);
      if (!mode) return undefined;
      mode.TrainingInputMode = 'File';
      r.InputDataConfig = [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://amzn-s3-demo-bucket/train' } },
          CompressionType: 'Gzip',
        },
      ];
      return {
        constraint: 'semantic',
        form: 'Gzip input outside Pipe mode',
        rule: 'compression-needs-pipe',
        path: '/InputDataConfig/0/CompressionType',
      };
    };
    // Training has one edit of this kind among several; drawn as often as the other forms together.
    forms.push(gzipInFileMode, gzipInFileMode, gzipInFileMode, gzipInFileMode, gzipInFileMode);
    list.push((r) => {
      const mode = at(r, ['AlgorithmSpecification']);
      if (!mode) return undefined;
      mode.TrainingInputMode = 'File';
      r.InputDataConfig = [
        {
          ChannelName: 'train',
          DataSource: {
            S3DataSource: {
              S3DataType: 'AugmentedManifestFile',
              S3Uri: 's3://amzn-s3-demo-bucket/train.manifest',
              AttributeNames: ['source-ref'],
            },
          },
        },
      ];
      return {
        constraint: 'semantic',
        rule: 'augmented-manifest-needs-pipe',
        path: '/InputDataConfig/0/DataSource/S3DataSource/S3DataType',
      };
    });
    list.push((r) => {
      const s = at(r, ['StoppingCondition']);
      if (!s || typeof s.MaxRuntimeInSeconds !== 'number' || s.MaxRuntimeInSeconds < 2) return undefined;
      r.EnableManagedSpotTraining = true;
      r.CheckpointConfig = { S3Uri: 's3://amzn-s3-demo-bucket/checkpoints' };
      s.MaxWaitTimeInSeconds = s.MaxRuntimeInSeconds - 1;
      return {
        constraint: 'semantic',
        rule: 'max-wait-at-least-runtime',
        path: '/StoppingCondition/MaxWaitTimeInSeconds',
      };
    });
  }
  if (api === 'CreateTransformJob') {
    list.push((r) => {
      r.MaxConcurrentTransforms = 10;
      r.MaxPayloadInMB = 20;
      return { constraint: 'semantic', rule: 'transform-payload-product', path: '/MaxPayloadInMB' };
    });
  }
  return Object.assign([...list, ...forms], { forms: forms.length });
}

const EDITS: Readonly<Record<Api, readonly Edit[] & { readonly forms: number }>> = Object.fromEntries(
  Object.keys(REQUEST_ARBITRARIES).map((api) => [api, edits(api as Api)]),
) as Record<Api, readonly Edit[] & { readonly forms: number }>;

/**
 * The request with its resource names in lower case: their ARNs then keep them as written, and a
 * grant for the name matches (SageMaker lower-cases names in ARNs: sagemaker.arn.lower-case).
 */
export function lowerCaseNames(api: Api, request: SageMakerRequest): SageMakerRequest {
  const facts = SAGEMAKER_APIS[api];
  for (const field of [facts.nameField.value, ...facts.relatedResources.value.map((r) => r.nameField)])
    if (typeof request[field] === 'string') request[field] = (request[field] as string).toLowerCase();
  return request;
}

/**
 * A negative request for the API: one labelled minimal edit of a valid one. `lowerCase`: names in
 * lower case, so that only the edit stands between the call and SageMaker's validation.
 */
export function negativeRequestArb(api: Api, lowerCase = false): fc.Arbitrary<NegativeRequest> {
  const choices = EDITS[api];
  return fc
    .tuple(
      REQUEST_ARBITRARIES[api],
      choices.forms === 0
        ? fc.nat({ max: choices.length - 1 })
        : fc.oneof(
            { weight: 2, arbitrary: fc.nat({ max: choices.length - 1 }) },
            {
              weight: 1,
              arbitrary: fc.integer({ min: choices.length - choices.forms, max: choices.length - 1 }),
            },
          ),
    )
    .map(([valid, i]) => {
      const request = lowerCase ? lowerCaseNames(api, clone(valid)) : clone(valid);
      const breaks = choices[i]!(request);
      return breaks ? { api, request, breaks } : undefined;
    })
    .filter((n): n is NegativeRequest => n !== undefined);
}

/** How many kinds of edit each API has (for coverage checks). */
export const NEGATIVE_EDIT_COUNT: Readonly<Record<Api, number>> = Object.fromEntries(
  Object.entries(EDITS).map(([api, list]) => [api, new Set(list).size]),
) as Record<Api, number>;
