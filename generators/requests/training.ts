/**
 * CreateTrainingJob requests: channels by input mode, the image or an algorithm resource, spot
 * training with its wait and checkpoints, the resource configuration tuning jobs share.
 */
import fc from 'fast-check';
import { enumAt } from '../../apimodel/lookup.js';
import {
  REGION,
  compact,
  enumArb,
  environmentArb,
  hyperParametersArb,
  imageUriArb,
  nameFor,
  roleArnArb,
  s3InputUriArb,
  s3UriArb,
  tagsArb,
} from '../values.js';
import { CHEAP_INSTANCE_TYPES, optional, type SageMakerRequest } from './common.js';

/** The instance types CreateTrainingJob's model allows. */
const TRAINING_TYPES = enumAt('CreateTrainingJob', 'ResourceConfig', 'InstanceType');
/** The longest a training job may run (28 days, in seconds). */
const TRAINING_DAYS_28 = 2_419_200;

/** How the training container reads its input. */
const trainingInputModeArb = fc.constantFrom('File', 'File', 'Pipe', 'FastFile');

/**
 * A training channel; AugmentedManifestFile and Gzip only where the input mode is Pipe (the
 * S3DataType and CompressionType member documentation).
 */
const channelArb = (name: string, mode: string) =>
  fc
    .record({
      type: fc.constantFrom('S3Prefix', 'S3Prefix', 'ManifestFile', 'AugmentedManifestFile'),
      uri: s3InputUriArb,
      distribution: optional(fc.constantFrom('FullyReplicated', 'ShardedByS3Key')),
      contentType: optional(
        fc.constantFrom('text/csv', 'application/x-recordio-protobuf', 'application/jsonlines'),
      ),
      gzip: fc.boolean(),
    })
    .map(({ type, uri, distribution, contentType, gzip }) => {
      const pipe = mode === 'Pipe';
      const S3DataType = type === 'AugmentedManifestFile' && !pipe ? 'S3Prefix' : type;
      return compact({
        ChannelName: name,
        DataSource: {
          S3DataSource: compact({
            S3DataType,
            S3Uri: uri,
            S3DataDistributionType: distribution,
            ...(S3DataType === 'AugmentedManifestFile' ? { AttributeNames: ['source-ref', 'label'] } : {}),
          }),
        },
        ContentType: contentType,
        CompressionType: pipe && gzip ? 'Gzip' : undefined,
      });
    });

/** The run time, and with spot training the wait too (at least the run time). */
const stoppingConditionArb = (spot: boolean) =>
  fc
    .integer({ min: 60, max: TRAINING_DAYS_28 })
    .chain((runtime) =>
      spot
        ? fc
            .integer({ min: runtime, max: TRAINING_DAYS_28 })
            .map((wait) => ({ MaxRuntimeInSeconds: runtime, MaxWaitTimeInSeconds: wait }))
        : fc.constant({ MaxRuntimeInSeconds: runtime }),
    );

/** A training job's instances and storage (tuning jobs' training definitions have them too). */
export const resourceConfigArb = fc.record({
  InstanceType: enumArb(TRAINING_TYPES, CHEAP_INSTANCE_TYPES),
  InstanceCount: fc.integer({ min: 1, max: 4 }),
  VolumeSizeInGB: fc.integer({ min: 1, max: 100 }),
});

/** An algorithm resource of the account, or one subscribed to from AWS Marketplace (by ARN). */
const algorithmNameArb = fc.constantFrom(
  'churn-xgboost-algorithm',
  `arn:aws:sagemaker:${REGION}:865070037744:algorithm/scikit-decision-trees-15423055-57b73412d2e93e9239e4e16f83298b8f`,
);

/**
 * The training image, or (now and then) an algorithm resource instead (AlgorithmName: exactly one of
 * the two); metric definitions now and then, an explicit empty list among them.
 */
const algorithmSpecificationArb = (mode: string) =>
  fc
    .record({
      image: fc.oneof(
        { weight: 6, arbitrary: imageUriArb.map((TrainingImage) => ({ TrainingImage })) },
        {
          weight: 1,
          arbitrary: algorithmNameArb.map((AlgorithmName) => ({ AlgorithmName })),
        },
      ),
      metrics: optional(
        fc.constantFrom([{ Name: 'validation:auc', Regex: 'validation-auc:([0-9\\.]+)' }], []),
        0.3,
      ),
    })
    .map(({ image, metrics }) =>
      compact({
        ...image,
        TrainingInputMode: mode,
        MetricDefinitions: 'TrainingImage' in image ? metrics : undefined,
      }),
    );

/** A valid CreateTrainingJob request. */
export const createTrainingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({ mode: trainingInputModeArb, spot: fc.boolean(), channels: fc.integer({ min: 0, max: 2 }) })
  .chain(({ mode, spot, channels }) =>
    fc.record({
      TrainingJobName: nameFor('CreateTrainingJob', 'TrainingJobName'),
      AlgorithmSpecification: algorithmSpecificationArb(mode),
      RoleArn: roleArnArb,
      InputDataConfig: fc.tuple(
        ...['train', 'validation'].slice(0, channels).map((channel) => channelArb(channel, mode)),
      ),
      // The output encrypted with the account's key now and then, as regulated teams do.
      OutputDataConfig: fc
        .tuple(s3UriArb, optional(fc.constant('alias/sagemaker-output'), 0.1))
        .map(([S3OutputPath, KmsKeyId]) => compact({ S3OutputPath, KmsKeyId })),
      ResourceConfig: resourceConfigArb,
      StoppingCondition: stoppingConditionArb(spot),
      HyperParameters: optional(hyperParametersArb, 2 / 3),
      // Explicit `false` where people write it (CDK and the Data Science SDK render their defaults).
      EnableManagedSpotTraining: spot ? fc.constant(true) : optional(fc.constant(false), 0.15),
      CheckpointConfig: fc.constant(spot ? { S3Uri: `s3://amzn-s3-demo-bucket/checkpoints` } : undefined),
      Environment: optional(
        fc.oneof({ weight: 2, arbitrary: environmentArb }, { weight: 1, arbitrary: fc.constant({}) }),
        0.3,
      ),
      Tags: optional(tagsArb),
    }),
  )
  .map((request) =>
    compact({
      ...request,
      InputDataConfig:
        (request.InputDataConfig as unknown[]).length > 0 ? request.InputDataConfig : undefined,
    }),
  );
