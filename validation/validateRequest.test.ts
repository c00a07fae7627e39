import { describe, expect, it } from 'vitest';
import { RequestValidator, validateRequest } from './validateRequest.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const training = (extra: Record<string, unknown> = {}) => ({
  TrainingJobName: 'train-1',
  RoleArn: ROLE,
  AlgorithmSpecification: {
    TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1',
    TrainingInputMode: 'File',
  },
  OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-bucket/out' },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  ...extra,
});

describe('validateRequest against the API model', () => {
  it('accepts a valid request', () => {
    expect(validateRequest('CreateTrainingJob', training())).toEqual([]);
  });

  it('names unknown and mis-cased fields, with the right spelling', () => {
    expect(validateRequest('CreateTrainingJob', training({ roleArn: ROLE }))).toEqual([
      {
        path: '/roleArn',
        constraint: 'unknown-field',
        message: 'unknown field "roleArn" (field names are case-sensitive: did you mean "RoleArn"?)',
      },
    ]);
    expect(
      validateRequest('CreateTrainingJob', training({ Tags: [{ key: 'a', value: 'b' }] })).map((v) => v.path),
    ).toEqual(['/Tags/0/key', '/Tags/0/value', '/Tags/0/Key', '/Tags/0/Value']);
  });

  it('checks required members, patterns (whole string), lengths in characters, enums, ranges, types', () => {
    const { RoleArn: _role, ...noRole } = training();
    expect(validateRequest('CreateTrainingJob', noRole)[0]).toMatchObject({
      path: '/RoleArn',
      constraint: 'required',
    });
    expect(validateRequest('CreateTrainingJob', training({ TrainingJobName: 'train_1' }))[0]).toMatchObject({
      constraint: 'pattern',
    });
    // The pattern matches a prefix of "a-" but not the whole string.
    expect(validateRequest('CreateTrainingJob', training({ TrainingJobName: 'a-' }))[0]).toMatchObject({
      constraint: 'pattern',
    });
    expect(
      validateRequest(
        'CreateTrainingJob',
        training({ ResourceConfig: { InstanceType: 'ml.m5.nano', VolumeSizeInGB: 1 } }),
      )[0],
    ).toMatchObject({
      path: '/ResourceConfig/InstanceType',
      constraint: 'enum',
    });
    expect(
      validateRequest('CreateTransformJob', {
        TransformJobName: 't',
        ModelName: 'm',
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k' } } },
        TransformOutput: { S3OutputPath: 's3://b/o' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 0 },
      }),
    ).toEqual([
      {
        path: '/TransformResources/InstanceCount',
        constraint: 'range',
        message: '0 is outside 1..∞',
        shape: 'TransformInstanceCount',
      },
    ]);
    expect(
      validateRequest(
        'CreateTrainingJob',
        training({ StoppingCondition: { MaxRuntimeInSeconds: '3600' } }),
      )[0],
    ).toMatchObject({ constraint: 'type' });
    // 128 letters outside the BMP are 128 characters (256 UTF-16 units): within TagKey's 128.
    expect(
      validateRequest('CreateTrainingJob', training({ Tags: [{ Key: '𝒜'.repeat(128), Value: 'v' }] })),
    ).toEqual([]);
    expect(
      validateRequest('CreateTrainingJob', training({ Tags: [{ Key: '𝒜'.repeat(129), Value: 'v' }] }))[0],
    ).toMatchObject({ constraint: 'length' });
  });

  it('checks a value against any shape; timestamps as text where asked', () => {
    const response = {
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/t',
    };
    expect(new RequestValidator().validateShape('CreateTrainingJobResponse', response)).toEqual([]);
    const transition = { Status: 'Training', StartTime: 1767225600 };
    expect(new RequestValidator().validateShape('SecondaryStatusTransition', transition)).toEqual([]);
    expect(
      new RequestValidator(undefined, false, true).validateShape('SecondaryStatusTransition', transition),
    ).toEqual([expect.objectContaining({ path: '/StartTime', constraint: 'type', shape: 'Timestamp' })]);
    expect(
      new RequestValidator(undefined, false, true).validateShape('SecondaryStatusTransition', {
        ...transition,
        StartTime: '2026-01-01T00:00:00Z',
      }),
    ).toEqual([]);
  });

  it('takes .$ keys and JSONata values as present but unchecked', () => {
    const { TrainingJobName: _n, RoleArn: _r, ...rest } = training();
    expect(
      validateRequest('CreateTrainingJob', {
        ...rest,
        'TrainingJobName.$': '$.name',
        'RoleArn.$': '$$.Execution.Input.role',
      }),
    ).toEqual([]);
    expect(
      validateRequest(
        'CreateTrainingJob',
        training({ TrainingJobName: '{% $states.input.name %}' }),
        'JSONata',
      ),
    ).toEqual([]);
    // In JSONPath a {% %} string is a literal value, and a bad one.
    expect(
      validateRequest('CreateTrainingJob', training({ TrainingJobName: '{% $states.input.name %}' }))[0],
    ).toMatchObject({ constraint: 'pattern' });
    expect(validateRequest('CreateTrainingJob', '{% $states.input.request %}', 'JSONata')).toEqual([]);
  });
});

describe('semantic rules the model does not encode', () => {
  const rule = (api: Parameters<typeof validateRequest>[0], request: unknown) =>
    validateRequest(api, request)
      .filter((v) => v.constraint === 'semantic')
      .map((v) => v.rule);

  it('training: AugmentedManifestFile and Gzip need Pipe mode; MaxWaitTime needs spot and >= MaxRuntime; 28 days', () => {
    const channel = (S3DataType: string, extra = {}) => [
      { ChannelName: 'train', DataSource: { S3DataSource: { S3DataType, S3Uri: 's3://b/k' } }, ...extra },
    ];
    expect(
      rule('CreateTrainingJob', training({ InputDataConfig: channel('AugmentedManifestFile') })),
    ).toEqual(['augmented-manifest-needs-pipe']);
    expect(
      rule(
        'CreateTrainingJob',
        training({ InputDataConfig: channel('AugmentedManifestFile', { InputMode: 'Pipe' }) }),
      ),
    ).toEqual([]);
    expect(
      rule(
        'CreateTrainingJob',
        training({ InputDataConfig: channel('S3Prefix', { CompressionType: 'Gzip' }) }),
      ),
    ).toEqual(['compression-needs-pipe']);
    expect(
      rule(
        'CreateTrainingJob',
        training({
          EnableManagedSpotTraining: true,
          StoppingCondition: { MaxRuntimeInSeconds: 100, MaxWaitTimeInSeconds: 99 },
        }),
      ),
    ).toEqual(['max-wait-at-least-runtime']);
    expect(
      rule(
        'CreateTrainingJob',
        training({ StoppingCondition: { MaxRuntimeInSeconds: 100, MaxWaitTimeInSeconds: 200 } }),
      ),
    ).toEqual(['max-wait-needs-spot']);
    expect(
      rule('CreateTrainingJob', training({ StoppingCondition: { MaxRuntimeInSeconds: 2_419_201 } })),
    ).toEqual(['max-runtime-28-days']);
    expect(
      rule('CreateTrainingJob', training({ AlgorithmSpecification: { TrainingInputMode: 'File' } })),
    ).toEqual(['training-image-or-algorithm']);
    expect(rule('CreateTrainingJob', training({ HyperParameters: { a: 'x'.repeat(257) } }))).toEqual([
      'hyperparameter-value-256',
    ]);
    expect(rule('CreateTrainingJob', training({ Tags: [{ Key: 'aws:team', Value: 'x' }] }))).toEqual([
      'reserved-tag-prefix',
    ]);
  });

  it('transform payload product, HPO definitions and Grid ranges, model containers', () => {
    const transform = { MaxConcurrentTransforms: 10, MaxPayloadInMB: 11 };
    expect(rule('CreateTransformJob', transform)).toEqual(['transform-payload-product']);
    expect(rule('CreateTransformJob', { MaxConcurrentTransforms: 10, MaxPayloadInMB: 10 })).toEqual([]);
    expect(rule('CreateHyperParameterTuningJob', {})).toEqual(['one-training-definition']);
    expect(
      rule('CreateHyperParameterTuningJob', {
        TrainingJobDefinition: {},
        HyperParameterTuningJobConfig: {
          Strategy: 'Grid',
          ParameterRanges: { IntegerParameterRanges: [{ Name: 'a', MinValue: '1', MaxValue: '2' }] },
        },
      }),
    ).toEqual(['grid-categorical-only']);
    expect(rule('CreateModel', { ModelName: 'm' })).toEqual(['model-container']);
  });
});
