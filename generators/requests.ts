/**
 * One fast-check arbitrary per API of the optimized integration, producing requests that are valid
 * by construction: every required member, optional members at useful frequencies, realistic values
 * (enums from the API model), and the semantic rules the model does not encode (from SageMaker's
 * member documentation; each is checked by validation/semanticRules.ts).
 */
import fc from 'fast-check';
import { enumAt } from '../apimodel/lookup.js';
import type { Api } from '../catalog/api.js';
import {
  ACCOUNT,
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
  sometimes,
  tagsArb,
} from './values.js';

export type SageMakerRequest = Record<string, unknown>;

/** An optional member, present with probability `p`. */
const opt = <T>(arb: fc.Arbitrary<T>, p = 0.5) => sometimes(arb, p);

const TRAINING_TYPES = enumAt('CreateTrainingJob', 'ResourceConfig', 'InstanceType');
const TRANSFORM_TYPES = enumAt('CreateTransformJob', 'TransformResources', 'InstanceType');
const PROCESSING_TYPES = enumAt(
  'CreateProcessingJob',
  'ProcessingResources',
  'ClusterConfig',
  'InstanceType',
);
const VARIANT_TYPES = enumAt('CreateEndpointConfig', 'ProductionVariants', '[]', 'InstanceType');
const CHEAP = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.c5.xlarge',
  'ml.t3.medium',
  'ml.m4.xlarge',
  'ml.g4dn.xlarge',
];
const TRAINING_DAYS_28 = 2_419_200;

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
      distribution: opt(fc.constantFrom('FullyReplicated', 'ShardedByS3Key')),
      contentType: opt(
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

const resourceConfigArb = fc.record({
  InstanceType: enumArb(TRAINING_TYPES, CHEAP),
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
      metrics: opt(
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

export const createTrainingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({ mode: trainingInputModeArb, spot: fc.boolean(), channels: fc.integer({ min: 0, max: 2 }) })
  .chain(({ mode, spot, channels }) =>
    fc.record({
      TrainingJobName: nameFor('CreateTrainingJob', 'TrainingJobName'),
      AlgorithmSpecification: algorithmSpecificationArb(mode),
      RoleArn: roleArnArb,
      InputDataConfig: fc.tuple(
        ...['train', 'validation'].slice(0, channels).map((n) => channelArb(n, mode)),
      ),
      // The output encrypted with the account's key now and then, as regulated teams do.
      OutputDataConfig: fc
        .tuple(s3UriArb, opt(fc.constant('alias/sagemaker-output'), 0.1))
        .map(([S3OutputPath, KmsKeyId]) => compact({ S3OutputPath, KmsKeyId })),
      ResourceConfig: resourceConfigArb,
      StoppingCondition: stoppingConditionArb(spot),
      HyperParameters: opt(hyperParametersArb, 2 / 3),
      // Explicit `false` where people write it (CDK and the Data Science SDK render their defaults).
      EnableManagedSpotTraining: spot ? fc.constant(true) : opt(fc.constant(false), 0.15),
      CheckpointConfig: fc.constant(spot ? { S3Uri: `s3://amzn-s3-demo-bucket/checkpoints` } : undefined),
      Environment: opt(
        fc.oneof({ weight: 2, arbitrary: environmentArb }, { weight: 1, arbitrary: fc.constant({}) }),
        0.3,
      ),
      Tags: opt(tagsArb),
    }),
  )
  .map((r) =>
    compact({
      ...r,
      InputDataConfig: (r.InputDataConfig as unknown[]).length > 0 ? r.InputDataConfig : undefined,
    }),
  );

/** MaxConcurrentTransforms x MaxPayloadInMB <= 100 (the MaxPayloadInMB member documentation). */
const transformLimitsArb = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 100 }))
  .map(([concurrent, payload]) => ({
    MaxConcurrentTransforms: concurrent,
    MaxPayloadInMB: Math.max(1, Math.min(payload, Math.floor(100 / concurrent))),
  }));

export const createTransformJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    TransformJobName: nameFor('CreateTransformJob', 'TransformJobName'),
    ModelName: nameFor('CreateTransformJob', 'ModelName'),
    limits: opt(transformLimitsArb),
    BatchStrategy: opt(fc.constantFrom('MultiRecord', 'SingleRecord')),
    Environment: opt(environmentArb, 0.3),
    TransformInput: fc
      .record({
        uri: s3InputUriArb,
        type: fc.constantFrom('S3Prefix', 'ManifestFile'),
        split: opt(fc.constantFrom('None', 'Line')),
        contentType: opt(fc.constantFrom('text/csv', 'application/jsonlines')),
        gzip: fc.boolean(),
      })
      .map(({ uri, type, split, contentType, gzip }) =>
        compact({
          DataSource: { S3DataSource: { S3DataType: type, S3Uri: uri } },
          ContentType: contentType,
          SplitType: split,
          CompressionType: gzip ? 'Gzip' : 'None',
        }),
      ),
    TransformOutput: fc
      .record({ uri: s3UriArb, assemble: opt(fc.constantFrom('None', 'Line')) })
      .map(({ uri, assemble }) => compact({ S3OutputPath: uri, AssembleWith: assemble })),
    TransformResources: fc.record({
      InstanceType: enumArb(TRANSFORM_TYPES, CHEAP),
      InstanceCount: fc.integer({ min: 1, max: 3 }),
    }),
    Tags: opt(tagsArb),
  })
  .map(({ limits, ...r }) => compact({ ...r, ...(limits ?? {}) }));

const processingIoArb = fc.integer({ min: 0, max: 2 }).chain((n) =>
  fc.tuple(
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        s3UriArb.map((S3Uri) => ({
          InputName: `input-${i + 1}`,
          S3Input: {
            S3Uri,
            LocalPath: `/opt/ml/processing/input/${i + 1}`,
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
          },
        })),
      ),
    ),
    fc.boolean().chain((out) =>
      out
        ? s3UriArb.map((S3Uri) => ({
            Outputs: [
              {
                OutputName: 'output-1',
                S3Output: { S3Uri, LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' },
              },
            ],
          }))
        : fc.constant(undefined),
    ),
  ),
);

export const createProcessingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    ProcessingJobName: nameFor('CreateProcessingJob', 'ProcessingJobName'),
    ProcessingResources: fc.record({
      ClusterConfig: fc.record({
        InstanceCount: fc.integer({ min: 1, max: 4 }),
        InstanceType: enumArb(PROCESSING_TYPES, CHEAP),
        VolumeSizeInGB: fc.integer({ min: 1, max: 100 }),
      }),
    }),
    AppSpecification: fc
      .record({
        ImageUri: imageUriArb,
        entry: opt(fc.constant(['python3', '/opt/ml/processing/code/preprocess.py'])),
      })
      .map(({ ImageUri, entry }) => compact({ ImageUri, ContainerEntrypoint: entry })),
    RoleArn: roleArnArb,
    StoppingCondition: opt(
      fc.integer({ min: 60, max: 777_600 }).map((MaxRuntimeInSeconds) => ({ MaxRuntimeInSeconds })),
    ),
    io: processingIoArb,
    Environment: opt(environmentArb, 0.3),
    Tags: opt(tagsArb),
  })
  .map(({ io: [inputs, outputs], ...r }) =>
    compact({
      ...r,
      ProcessingInputs: inputs.length > 0 ? inputs : undefined,
      ProcessingOutputConfig: outputs,
    }),
  );

const lambda = (name: string) => `arn:aws:lambda:${REGION}:432418664414:function:${name}`;

export const createLabelingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    LabelingJobName: nameFor('CreateLabelingJob', 'LabelingJobName'),
    LabelAttributeName: fc.constantFrom('category', 'Categories', 'label', 'sentiment'),
    InputConfig: s3UriArb.map((uri) => ({
      DataSource: { S3DataSource: { ManifestS3Uri: `${uri}/input.manifest` } },
    })),
    OutputConfig: s3UriArb.map((S3OutputPath) => ({ S3OutputPath })),
    RoleArn: roleArnArb,
    LabelCategoryConfigS3Uri: s3UriArb.map((u) => `${u}/categories.json`),
    StoppingConditions: opt(
      fc.record({
        MaxHumanLabeledObjectCount: fc.integer({ min: 1, max: 10_000 }),
        MaxPercentageOfInputDatasetLabeled: fc.integer({ min: 1, max: 100 }),
      }),
    ),
    HumanTaskConfig: fc
      .record({
        workteam: fc.constantFrom('private-crowd/ExampleTesting', 'private-crowd/labelers'),
        ui: s3UriArb,
        title: fc.constantFrom('Classify the text', 'Label the sentiment'),
        keywords: opt(fc.constant(['tc', 'Labeling'])),
        workers: fc.integer({ min: 1, max: 9 }),
        seconds: fc.integer({ min: 30, max: 3600 }),
      })
      .map(({ workteam, ui, title, keywords, workers, seconds }) =>
        compact({
          WorkteamArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:workteam/${workteam}`,
          UiConfig: { UiTemplateS3Uri: `${ui}/template.liquid` },
          PreHumanTaskLambdaArn: lambda('PRE-TextMultiClass'),
          TaskKeywords: keywords,
          TaskTitle: title,
          TaskDescription: `${title} into one of the categories`,
          NumberOfHumanWorkersPerDataObject: workers,
          TaskTimeLimitInSeconds: seconds,
          AnnotationConsolidationConfig: { AnnotationConsolidationLambdaArn: lambda('ACS-TextMultiClass') },
        }),
      ),
    Tags: opt(tagsArb),
  })
  .map(compact);

/**
 * Grid search takes categorical ranges only; Bayesian and Random take every kind (SageMaker's
 * documentation of the tuning strategies).
 */
const tuningConfigArb = fc.constantFrom('Bayesian', 'Random', 'Grid').chain((Strategy) =>
  fc
    .record({
      objective: fc.record({
        Type: fc.constantFrom('Maximize', 'Minimize'),
        MetricName: fc.constantFrom('validation:auc', 'validation:rmse'),
      }),
      max: fc.integer({ min: 1, max: 20 }),
      parallel: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ objective, max, parallel }) => ({
      Strategy,
      HyperParameterTuningJobObjective: objective,
      ResourceLimits: { MaxNumberOfTrainingJobs: max, MaxParallelTrainingJobs: Math.min(parallel, max) },
      ParameterRanges:
        Strategy === 'Grid'
          ? { CategoricalParameterRanges: [{ Name: 'max_depth', Values: ['3', '5', '7'] }] }
          : {
              IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }],
              ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.01', MaxValue: '0.3' }],
            },
    })),
);

export const createHyperParameterTuningJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    HyperParameterTuningJobName: nameFor('CreateHyperParameterTuningJob', 'HyperParameterTuningJobName'),
    HyperParameterTuningJobConfig: tuningConfigArb,
    TrainingJobDefinition: fc.record({
      StaticHyperParameters: hyperParametersArb,
      AlgorithmSpecification: fc.record({
        TrainingImage: imageUriArb,
        TrainingInputMode: fc.constantFrom('File', 'Pipe'),
      }),
      RoleArn: roleArnArb,
      OutputDataConfig: s3UriArb.map((S3OutputPath) => ({ S3OutputPath })),
      ResourceConfig: resourceConfigArb,
      StoppingCondition: fc
        .integer({ min: 60, max: 86_400 })
        .map((MaxRuntimeInSeconds) => ({ MaxRuntimeInSeconds })),
    }),
    Tags: opt(tagsArb),
  })
  .map(compact);

const containerArb = fc
  .record({
    Image: imageUriArb,
    data: opt(
      s3InputUriArb.map((u) => `${u}/model.tar.gz`),
      0.75,
    ),
    env: opt(environmentArb, 0.3),
  })
  .map(({ Image, data, env }) => compact({ Image, ModelDataUrl: data, Environment: env }));

/**
 * One container, or (now and then) an inference pipeline: a preprocessing container before the
 * model's, run in sequence or invoked directly (InferenceExecutionConfig); the model's is last.
 */
export const createModelArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    ModelName: nameFor('CreateModel', 'ModelName'),
    containers: fc.oneof(
      { weight: 6, arbitrary: containerArb.map((PrimaryContainer) => ({ PrimaryContainer })) },
      {
        weight: 1,
        arbitrary: fc
          .record({
            pre: containerArb,
            model: containerArb,
            mode: opt(fc.constantFrom('Serial', 'Direct'), 0.7),
          })
          .map(({ pre, model, mode }) =>
            compact({
              Containers: [pre, model],
              InferenceExecutionConfig: mode === undefined ? undefined : { Mode: mode },
            }),
          ),
      },
    ),
    ExecutionRoleArn: opt(roleArnArb, 5 / 6),
    Tags: opt(tagsArb),
  })
  .map(({ containers, ...r }) => compact({ ...r, ...containers }));

export const createEndpointConfigArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    EndpointConfigName: nameFor('CreateEndpointConfig', 'EndpointConfigName'),
    model: nameFor('CreateEndpointConfig', 'ProductionVariants', '[]', 'ModelName'),
    variants: fc.integer({ min: 1, max: 2 }),
    type: enumArb(VARIANT_TYPES, CHEAP),
    count: fc.integer({ min: 1, max: 2 }),
    // Weights as people give them: all 1, a split of the traffic (a canary), or none (the default 1).
    weights: fc.constantFrom<readonly (number | undefined)[]>(
      [1, 1],
      [1, 1],
      [0.9, 0.1],
      [0.5, 0.5],
      [undefined, undefined],
    ),
    Tags: opt(tagsArb),
  })
  .map(({ EndpointConfigName, model, variants, type, count, weights, Tags }) =>
    compact({
      EndpointConfigName,
      ProductionVariants: Array.from({ length: variants }, (_, i) =>
        compact({
          VariantName: i === 0 ? 'AllTraffic' : `Variant${i + 1}`,
          ModelName: model,
          InitialInstanceCount: count,
          InstanceType: type,
          InitialVariantWeight: variants === 1 && weights[0] !== undefined ? 1 : weights[i],
        }),
      ),
      Tags,
    }),
  );

export const createEndpointArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    EndpointName: nameFor('CreateEndpoint', 'EndpointName'),
    EndpointConfigName: nameFor('CreateEndpoint', 'EndpointConfigName'),
    Tags: opt(tagsArb),
  })
  .map(compact);

export const updateEndpointArb: fc.Arbitrary<SageMakerRequest> = fc.record({
  EndpointName: nameFor('UpdateEndpoint', 'EndpointName'),
  EndpointConfigName: nameFor('UpdateEndpoint', 'EndpointConfigName'),
});

/** A VPC of the account: security groups and subnets by id. */
const vpcConfigArb = fc.record({
  SecurityGroupIds: fc.constantFrom(['sg-0a1b2c3d4e5f60718'], ['sg-0a1b2c3d4e5f60718', 'sg-01234abcd']),
  Subnets: fc.constantFrom(['subnet-0ab12cd34'], ['subnet-0ab12cd34', 'subnet-0ef56ab78']),
});
const experimentConfigArb = fc
  .tuple(nameFor('CreateTrainingJob', 'ExperimentConfig', 'ExperimentName'), fc.boolean())
  .map(([ExperimentName, trial]) =>
    compact({ ExperimentName, TrialName: trial ? `${ExperimentName}-trial` : undefined }),
  );
const kmsKeyArb = fc.constantFrom(
  `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  'alias/sagemaker-data',
);
const on = fc.constant(true);

/**
 * The optional members each API's request may carry besides those above, each now and then (the
 * Describe result echoes them; some name roles or keys). Members left out, and why, are listed in
 * generators/requests.test.ts.
 */
const OPTIONAL_MEMBERS: Readonly<Record<Api, Record<string, fc.Arbitrary<unknown>>>> = {
  CreateTrainingJob: {
    VpcConfig: vpcConfigArb,
    EnableNetworkIsolation: fc.boolean(),
    EnableInterContainerTrafficEncryption: fc.boolean(),
    ExperimentConfig: experimentConfigArb,
    RetryStrategy: fc.integer({ min: 1, max: 3 }).map((MaximumRetryAttempts) => ({ MaximumRetryAttempts })),
    TensorBoardOutputConfig: s3UriArb.map((S3OutputPath) => ({ S3OutputPath })),
    DebugHookConfig: s3UriArb.map((S3OutputPath) => ({ S3OutputPath })),
    ProfilerConfig: fc.constant({ DisableProfiler: true }),
  },
  CreateTransformJob: {
    DataProcessing: fc
      .constantFrom('None', 'Input')
      .map((JoinSource) => ({ InputFilter: '$', OutputFilter: '$', JoinSource })),
    ModelClientConfig: fc.record({
      InvocationsTimeoutInSeconds: fc.integer({ min: 1, max: 3600 }),
      InvocationsMaxRetries: fc.integer({ min: 0, max: 3 }),
    }),
    DataCaptureConfig: s3UriArb.map((DestinationS3Uri) => ({ DestinationS3Uri })),
    ExperimentConfig: experimentConfigArb,
  },
  CreateProcessingJob: {
    NetworkConfig: fc
      .tuple(fc.boolean(), vpcConfigArb)
      .map(([isolated, VpcConfig]) => (isolated ? { EnableNetworkIsolation: true } : { VpcConfig })),
    ExperimentConfig: experimentConfigArb,
  },
  CreateLabelingJob: {
    LabelingJobAlgorithmsConfig: fc.constant({
      LabelingJobAlgorithmSpecificationArn: `arn:aws:sagemaker:${REGION}:027400017018:labeling-job-algorithm-specification/text-classification`,
    }),
  },
  CreateHyperParameterTuningJob: {
    Autotune: fc.constant({ Mode: 'Enabled' }),
  },
  CreateModel: {
    VpcConfig: vpcConfigArb,
    EnableNetworkIsolation: on,
  },
  CreateEndpointConfig: {
    KmsKeyId: kmsKeyArb,
    DataCaptureConfig: s3UriArb.map((DestinationS3Uri) => ({
      EnableCapture: true,
      InitialSamplingPercentage: 20,
      DestinationS3Uri,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
    })),
    AsyncInferenceConfig: s3UriArb.map((S3OutputPath) => ({ OutputConfig: { S3OutputPath } })),
    // The role SageMaker assumes for the endpoint: a PassRole of its own (sagemaker.passrole-checked).
    ExecutionRoleArn: roleArnArb,
    VpcConfig: vpcConfigArb,
    EnableNetworkIsolation: on,
  },
  CreateEndpoint: {},
  UpdateEndpoint: {
    RetainAllVariantProperties: on,
    RetainDeploymentConfig: on,
  },
};

/** The request with some of the API's other optional members. */
function withOptional(api: Api, arb: fc.Arbitrary<SageMakerRequest>): fc.Arbitrary<SageMakerRequest> {
  const members = Object.entries(OPTIONAL_MEMBERS[api]);
  if (members.length === 0) return arb;
  return fc
    .tuple(arb, fc.tuple(...members.map(([, m]) => opt(m, 0.12))))
    .map(([request, values]) =>
      compact({ ...request, ...Object.fromEntries(members.map(([k], i) => [k, values[i]])) }),
    );
}

export const REQUEST_ARBITRARIES: Readonly<Record<Api, fc.Arbitrary<SageMakerRequest>>> = {
  CreateTrainingJob: withOptional('CreateTrainingJob', createTrainingJobArb),
  CreateTransformJob: withOptional('CreateTransformJob', createTransformJobArb),
  CreateProcessingJob: withOptional('CreateProcessingJob', createProcessingJobArb),
  CreateLabelingJob: withOptional('CreateLabelingJob', createLabelingJobArb),
  CreateHyperParameterTuningJob: withOptional(
    'CreateHyperParameterTuningJob',
    createHyperParameterTuningJobArb,
  ),
  CreateModel: withOptional('CreateModel', createModelArb),
  CreateEndpointConfig: withOptional('CreateEndpointConfig', createEndpointConfigArb),
  CreateEndpoint: withOptional('CreateEndpoint', createEndpointArb),
  UpdateEndpoint: withOptional('UpdateEndpoint', updateEndpointArb),
};
