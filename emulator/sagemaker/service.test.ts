/**
 * The emulated SageMaker's own API beyond the integration's calls: Describe and Delete of models,
 * endpoint configurations and endpoints, the List calls with their filters, order and defaults,
 * and one world seen under several scenarios.
 */
import { describe, expect, it } from 'vitest';
import { SageMakerError, SageMakerService } from './service.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecution';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

const training = (name: string) => ({
  TrainingJobName: name,
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});
const model = (name: string) => ({
  ModelName: name,
  ExecutionRoleArn: ROLE,
  PrimaryContainer: { Image: IMAGE, ModelDataUrl: 's3://bucket/model.tar.gz' },
});
const config = (name: string, modelName: string) => ({
  EndpointConfigName: name,
  ProductionVariants: [
    { VariantName: 'AllTraffic', ModelName: modelName, InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
  ],
});

const fresh = () =>
  new SageMakerService({ region: 'us-east-1', account: '123456789012', referencesExist: false });

/** The error a call throws (its code and message). */
function refusal(call: () => unknown): SageMakerError {
  try {
    call();
  } catch (e) {
    if (e instanceof SageMakerError) return e;
    throw e;
  }
  throw new Error('the call was not refused');
}

describe('SageMaker: models, endpoint configurations and endpoints', () => {
  it('describes what was created: the request, the ARN, the creation time; an endpoint InService', () => {
    const sm = fresh();
    sm.create('CreateModel', { ...model('churn'), Tags: [{ Key: 'k', Value: 'v' }] }, 1000);
    sm.create('CreateEndpointConfig', config('churn-config', 'churn'), 2000);
    sm.create('CreateEndpoint', { EndpointName: 'churn', EndpointConfigName: 'churn-config' }, 3000);
    expect(sm.describeResource('CreateModel', 'churn')).toEqual({
      ...model('churn'),
      ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/churn',
      CreationTime: 1000,
    });
    expect(sm.describeResource('CreateEndpointConfig', 'churn-config')).toMatchObject({
      EndpointConfigArn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/churn-config',
      ProductionVariants: config('x', 'churn').ProductionVariants,
      CreationTime: 2000,
    });
    expect(sm.describeResource('CreateEndpoint', 'churn')).toEqual({
      EndpointName: 'churn',
      EndpointArn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn',
      EndpointConfigName: 'churn-config',
      EndpointStatus: 'InService',
      CreationTime: 3000,
      LastModifiedTime: 3000,
    });
    // UpdateEndpoint: the new configuration, and when.
    sm.create('CreateEndpointConfig', config('churn-config-2', 'churn'), 4000);
    sm.create('UpdateEndpoint', { EndpointName: 'churn', EndpointConfigName: 'churn-config-2' }, 5000);
    expect(sm.describeResource('CreateEndpoint', 'churn')).toMatchObject({
      EndpointConfigName: 'churn-config-2',
      CreationTime: 3000,
      LastModifiedTime: 5000,
    });
  });

  it('deletes at once; a missing one is a ValidationException "Could not find ..."', () => {
    const sm = fresh();
    sm.create('CreateModel', model('churn'), 1000);
    sm.delete('CreateModel', 'churn');
    for (const call of [
      () => sm.delete('CreateModel', 'churn'),
      () => sm.describeResource('CreateModel', 'churn'),
    ])
      expect({ ...refusal(call) }).toMatchObject({ code: 'ValidationException' });
    expect(refusal(() => sm.delete('CreateModel', 'churn')).message).toBe(
      'Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model/churn".',
    );
    expect(refusal(() => sm.delete('CreateEndpointConfig', 'c')).message).toBe(
      'Could not find endpoint configuration "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c".',
    );
    expect(refusal(() => sm.describeResource('CreateEndpoint', 'E')).message).toBe(
      'Could not find endpoint "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e".',
    );
    // The name is free again, and the tags went with the model.
    sm.create('CreateModel', model('churn'), 2000);
    expect(sm.listTags('arn:aws:sagemaker:us-east-1:123456789012:model/churn')).toEqual([]);
  });

  it('finds endpoints regardless of case, as their names are unique so', () => {
    const sm = fresh();
    sm.create('CreateModel', model('m'), 0);
    sm.create('CreateEndpointConfig', config('c', 'm'), 0);
    sm.create('CreateEndpoint', { EndpointName: 'Churn', EndpointConfigName: 'c' }, 0);
    expect(sm.describeResource('CreateEndpoint', 'churn').EndpointName).toBe('Churn');
    sm.delete('CreateEndpoint', 'CHURN');
    expect(sm.list()).toHaveLength(2);
  });
});

describe('SageMaker: the List calls', () => {
  /** Three training jobs created at 1000, 2000, 3000 (60 s each), and two models. */
  function world(): SageMakerService {
    const sm = fresh();
    sm.create('CreateTrainingJob', training('alpha-one'), 1000);
    sm.create('CreateTrainingJob', training('beta'), 2000, {
      endsAt: 3000,
      outcome: 'Failed',
      failureReason: 'AlgorithmError: no',
    });
    sm.create('CreateTrainingJob', training('Alpha-two'), 3000);
    sm.create('CreateModel', model('m1'), 1000);
    sm.create('CreateModel', model('m2'), 2000);
    return sm;
  }
  const names = (rows: Record<string, unknown>[], member: string) => rows.map((r) => r[member]);

  it('gives each job as its summary: name, ARN, status, times (the summary shape only)', () => {
    const [first] = world().listResources('ListTrainingJobs', {}, 10_000);
    expect(first).toEqual({
      TrainingJobName: 'alpha-one',
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/alpha-one',
      TrainingJobStatus: 'InProgress',
      SecondaryStatus: 'Training',
      CreationTime: 1000,
      LastModifiedTime: 10_000,
    });
    const ended = world().listResources('ListTrainingJobs', {}, 100_000);
    expect(ended[0]).toMatchObject({ TrainingJobStatus: 'Completed', TrainingEndTime: 61_000 });
  });

  it('orders by creation, ascending for jobs and descending for models, unless asked', () => {
    const sm = world();
    expect(names(sm.listResources('ListTrainingJobs', {}, 10_000), 'TrainingJobName')).toEqual([
      'alpha-one',
      'beta',
      'Alpha-two',
    ]);
    expect(names(sm.listResources('ListModels', {}, 10_000), 'ModelName')).toEqual(['m2', 'm1']);
    expect(
      names(
        sm.listResources('ListTrainingJobs', { SortBy: 'Name', SortOrder: 'Descending' }, 10_000),
        'TrainingJobName',
      ),
    ).toEqual(['beta', 'alpha-one', 'Alpha-two']);
    expect(
      names(sm.listResources('ListTrainingJobs', { SortBy: 'Status' }, 10_000), 'TrainingJobName'),
    ).toEqual(['beta', 'alpha-one', 'Alpha-two']);
  });

  it('filters by name (any case), status and times', () => {
    const sm = world();
    const jobs = (query: object) =>
      names(sm.listResources('ListTrainingJobs', query, 10_000), 'TrainingJobName');
    expect(jobs({ NameContains: 'alpha' })).toEqual(['alpha-one', 'Alpha-two']);
    expect(jobs({ StatusEquals: 'Failed' })).toEqual(['beta']);
    expect(jobs({ StatusEquals: 'InProgress' })).toEqual(['alpha-one', 'Alpha-two']);
    // Jobs: created after the instant, not at it; models: at it too.
    expect(jobs({ CreationTimeAfter: 2000 })).toEqual(['Alpha-two']);
    expect(names(sm.listResources('ListModels', { CreationTimeAfter: 2000 }, 10_000), 'ModelName')).toEqual([
      'm2',
    ]);
    expect(jobs({ CreationTimeBefore: 2000 })).toEqual(['alpha-one']);
    expect(jobs({ LastModifiedTimeBefore: 5000 })).toEqual(['beta']);
    expect(jobs({ LastModifiedTimeAfter: 5000 })).toEqual(['alpha-one', 'Alpha-two']);
  });

  it('lists a labeling or tuning job with what its summary needs from deeper in the request', () => {
    const sm = fresh();
    sm.create(
      'CreateHyperParameterTuningJob',
      {
        HyperParameterTuningJobName: 'tune',
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 },
        },
        TrainingJobDefinition: {
          RoleArn: ROLE,
          AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
          ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      },
      0,
      undefined,
      [],
    );
    expect(sm.listResources('ListHyperParameterTuningJobs', {}, 0)[0]).toMatchObject({
      HyperParameterTuningJobName: 'tune',
      Strategy: 'Bayesian',
      ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 },
      TrainingJobStatusCounters: expect.any(Object),
      ObjectiveStatusCounters: expect.any(Object),
    });
  });
});

describe('SageMaker: one world, several scenarios', () => {
  it('a view finds what the world holds, and adds to it, with its own idea of references', () => {
    const sm = fresh();
    const trusting = sm.view({ referencesExist: true });
    // The view takes a configuration of a model nobody created; the world refuses it.
    trusting.create('CreateEndpointConfig', config('c', 'nowhere'), 0);
    expect(refusal(() => sm.create('CreateEndpointConfig', config('d', 'nowhere'), 0)).message).toMatch(
      /^Could not find model/,
    );
    expect(sm.describeResource('CreateEndpointConfig', 'c').EndpointConfigName).toBe('c');
    // Names in use for the view: a create of one is refused, and the name is then the world's.
    const rerun = sm.view({ referencesExist: false, namesInUse: true });
    expect(refusal(() => rerun.create('CreateModel', model('again'), 0)).code).toBe('ValidationException');
    expect(refusal(() => sm.create('CreateModel', model('again'), 0)).message).toMatch(
      /already existing model/,
    );
  });

  it('a view keeps its own job quota, counting the world’s jobs', () => {
    const sm = fresh();
    sm.create('CreateTrainingJob', training('one'), 0);
    const quota = sm.view({ referencesExist: false, jobQuota: 1 });
    expect(refusal(() => quota.create('CreateTrainingJob', training('two'), 0)).code).toBe(
      'ResourceLimitExceeded',
    );
    sm.create('CreateTrainingJob', training('two'), 0);
  });
});
