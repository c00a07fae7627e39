/**
 * Rules SageMaker applies that its API model does not encode (from its member documentation).
 * Each rule has a stable id; a rule only looks at values written literally (a `.$` key or a JSONata
 * expression is computed at run time and cannot be judged here).
 */
import type { Api, QueryLanguage } from '../catalog/api.js';
import type { Violation } from './validateRequest.js';
import { isObject } from '../syntax/json.js';

type Obj = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && !(v.startsWith('{%') && v.endsWith('%}')) ? v : undefined;
const obj = (v: unknown): Obj | undefined => (isObject(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The longest training run SageMaker accepts: 28 days (the MaxRuntimeInSeconds member documentation). */
export const MAX_TRAINING_RUNTIME_SECONDS = 2_419_200;

interface Rule {
  readonly id: string;
  readonly apis: readonly Api[] | 'all';
  readonly check: (request: Obj) => { path: string; message: string }[];
}

function trainingRules(prefix: string, request: Obj): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const algorithm = obj(request.AlgorithmSpecification);
  const mode = str(algorithm?.TrainingInputMode);
  list(request.InputDataConfig).forEach((channel, i) => {
    const c = obj(channel);
    const channelMode = str(c?.InputMode) ?? mode;
    const s3 = obj(obj(c?.DataSource)?.S3DataSource);
    if (
      str(s3?.S3DataType) === 'AugmentedManifestFile' &&
      channelMode !== undefined &&
      channelMode !== 'Pipe'
    ) {
      out.push({
        path: `${prefix}/InputDataConfig/${i}/DataSource/S3DataSource/S3DataType`,
        message: 'augmented-manifest-needs-pipe: AugmentedManifestFile needs Pipe input mode',
      });
    }
    if (str(c?.CompressionType) === 'Gzip' && channelMode !== undefined && channelMode !== 'Pipe') {
      out.push({
        path: `${prefix}/InputDataConfig/${i}/CompressionType`,
        message: 'compression-needs-pipe: Gzip channels need Pipe input mode (File mode: None or unset)',
      });
    }
  });
  return out;
}

const RULES: readonly Rule[] = [
  {
    id: 'training-image-or-algorithm',
    apis: ['CreateTrainingJob'],
    check: (r) => {
      const a = obj(r.AlgorithmSpecification);
      if (
        !a ||
        'TrainingImage' in a ||
        'TrainingImage.$' in a ||
        'AlgorithmName' in a ||
        'AlgorithmName.$' in a
      )
        return [];
      return [
        {
          path: '/AlgorithmSpecification',
          message: 'training-image-or-algorithm: give TrainingImage or AlgorithmName',
        },
      ];
    },
  },
  {
    id: 'augmented-manifest-needs-pipe',
    apis: ['CreateTrainingJob'],
    check: (r) => trainingRules('', r).filter((v) => v.message.startsWith('augmented')),
  },
  {
    id: 'compression-needs-pipe',
    apis: ['CreateTrainingJob'],
    check: (r) => trainingRules('', r).filter((v) => v.message.startsWith('compression')),
  },
  {
    id: 'max-wait-at-least-runtime',
    apis: ['CreateTrainingJob'],
    check: (r) => {
      const s = obj(r.StoppingCondition);
      const runtime = num(s?.MaxRuntimeInSeconds);
      const wait = num(s?.MaxWaitTimeInSeconds);
      return runtime !== undefined && wait !== undefined && wait < runtime
        ? [
            {
              path: '/StoppingCondition/MaxWaitTimeInSeconds',
              message: `max-wait-at-least-runtime: MaxWaitTimeInSeconds ${wait} < MaxRuntimeInSeconds ${runtime}`,
            },
          ]
        : [];
    },
  },
  {
    id: 'max-wait-needs-spot',
    apis: ['CreateTrainingJob'],
    check: (r) =>
      num(obj(r.StoppingCondition)?.MaxWaitTimeInSeconds) !== undefined &&
      r.EnableManagedSpotTraining !== true &&
      !('EnableManagedSpotTraining.$' in r)
        ? [
            {
              path: '/StoppingCondition/MaxWaitTimeInSeconds',
              message: 'max-wait-needs-spot: MaxWaitTimeInSeconds is only for managed spot training',
            },
          ]
        : [],
  },
  {
    id: 'max-runtime-28-days',
    apis: ['CreateTrainingJob'],
    check: (r) => {
      const runtime = num(obj(r.StoppingCondition)?.MaxRuntimeInSeconds);
      return runtime !== undefined && runtime > MAX_TRAINING_RUNTIME_SECONDS
        ? [
            {
              path: '/StoppingCondition/MaxRuntimeInSeconds',
              message: `max-runtime-28-days: ${runtime} s is more than 28 days (${MAX_TRAINING_RUNTIME_SECONDS} s)`,
            },
          ]
        : [];
    },
  },
  {
    id: 'hyperparameter-value-256',
    apis: ['CreateTrainingJob', 'CreateHyperParameterTuningJob'],
    check: (r) => {
      const maps: [string, unknown][] = [
        ['/HyperParameters', r.HyperParameters],
        ['/TrainingJobDefinition/StaticHyperParameters', obj(r.TrainingJobDefinition)?.StaticHyperParameters],
      ];
      return maps.flatMap(([path, m]) =>
        Object.entries(obj(m) ?? {})
          .filter(([, v]) => typeof v === 'string' && v.length > 256)
          .map(([k]) => ({
            path: `${path}/${k}`,
            message:
              'hyperparameter-value-256: hyperparameter values are limited to 256 characters (member doc)',
          })),
      );
    },
  },
  {
    id: 'transform-payload-product',
    apis: ['CreateTransformJob'],
    check: (r) => {
      const c = num(r.MaxConcurrentTransforms);
      const p = num(r.MaxPayloadInMB);
      if (p !== undefined && p > 100)
        return [
          {
            path: '/MaxPayloadInMB',
            message: `transform-payload-product: MaxPayloadInMB ${p} is more than 100`,
          },
        ];
      return c !== undefined && p !== undefined && c * p > 100
        ? [
            {
              path: '/MaxPayloadInMB',
              message: `transform-payload-product: MaxConcurrentTransforms x MaxPayloadInMB = ${c * p} > 100`,
            },
          ]
        : [];
    },
  },
  {
    id: 'one-training-definition',
    apis: ['CreateHyperParameterTuningJob'],
    check: (r) => {
      const has = (k: string) => k in r || `${k}.$` in r;
      const n = Number(has('TrainingJobDefinition')) + Number(has('TrainingJobDefinitions'));
      return n === 1
        ? []
        : [
            {
              path: '/TrainingJobDefinition',
              message:
                'one-training-definition: give exactly one of TrainingJobDefinition and TrainingJobDefinitions',
            },
          ];
    },
  },
  {
    id: 'grid-categorical-only',
    apis: ['CreateHyperParameterTuningJob'],
    check: (r) => {
      const config = obj(r.HyperParameterTuningJobConfig);
      const ranges = obj(config?.ParameterRanges);
      if (str(config?.Strategy) !== 'Grid' || !ranges) return [];
      return ['IntegerParameterRanges', 'ContinuousParameterRanges', 'AutoParameters']
        .filter((k) => list(ranges[k]).length > 0)
        .map((k) => ({
          path: `/HyperParameterTuningJobConfig/ParameterRanges/${k}`,
          message: `grid-categorical-only: the Grid strategy takes categorical ranges only, not ${k}`,
        }));
    },
  },
  {
    id: 'model-container',
    apis: ['CreateModel'],
    check: (r) =>
      ['PrimaryContainer', 'Containers'].some((k) => k in r || `${k}.$` in r)
        ? []
        : [{ path: '/PrimaryContainer', message: 'model-container: give PrimaryContainer or Containers' }],
  },
  {
    id: 'reserved-tag-prefix',
    apis: 'all',
    check: (r) =>
      list(r.Tags).flatMap((t, i) => {
        const key = str(obj(t)?.Key);
        return key?.toLowerCase().startsWith('aws:')
          ? [
              {
                path: `/Tags/${i}/Key`,
                message: 'reserved-tag-prefix: tag keys starting with "aws:" are reserved',
              },
            ]
          : [];
      }),
  },
];

/** Violations of the rules the API model does not encode. */
export function semanticViolations(
  api: Api,
  request: unknown,
  language: QueryLanguage = 'JSONPath',
): Violation[] {
  if (!isObject(request)) return [];
  void language;
  return RULES.filter((rule) => rule.apis === 'all' || rule.apis.includes(api)).flatMap((rule) =>
    rule
      .check(request)
      .map((v) => ({ path: v.path, constraint: 'semantic' as const, rule: rule.id, message: v.message })),
  );
}

/** The ids of the semantic rules, in the order they are checked. */
export const SEMANTIC_RULE_IDS: readonly string[] = RULES.map((r) => r.id);
