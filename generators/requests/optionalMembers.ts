/**
 * The optional members each API's request may carry besides those its own arbitrary draws (VPC,
 * network isolation, experiments, encryption keys, data capture ...), each now and then.
 */
import fc from 'fast-check';
import type { Api } from '../../catalog/api.js';
import { ACCOUNT, REGION, compact, nameFor, roleArnArb, s3UriArb } from '../values.js';
import { optional, type SageMakerRequest } from './common.js';

/** A VPC of the account: security groups and subnets by id. */
const vpcConfigArb = fc.record({
  SecurityGroupIds: fc.constantFrom(['sg-0a1b2c3d4e5f60718'], ['sg-0a1b2c3d4e5f60718', 'sg-01234abcd']),
  Subnets: fc.constantFrom(['subnet-0ab12cd34'], ['subnet-0ab12cd34', 'subnet-0ef56ab78']),
});
/** An experiment, now and then with a trial. */
const experimentConfigArb = fc
  .tuple(nameFor('CreateTrainingJob', 'ExperimentConfig', 'ExperimentName'), fc.boolean())
  .map(([ExperimentName, trial]) =>
    compact({ ExperimentName, TrialName: trial ? `${ExperimentName}-trial` : undefined }),
  );
/** A KMS key of the account, by ARN or alias. */
const kmsKeyArb = fc.constantFrom(
  `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  'alias/sagemaker-data',
);
/** A flag set. */
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
export function withOptional(api: Api, arb: fc.Arbitrary<SageMakerRequest>): fc.Arbitrary<SageMakerRequest> {
  const members = Object.entries(OPTIONAL_MEMBERS[api]);
  if (members.length === 0) return arb;
  return fc
    .tuple(arb, fc.tuple(...members.map(([, member]) => optional(member, 0.12))))
    .map(([request, values]) =>
      compact({ ...request, ...Object.fromEntries(members.map(([name], i) => [name, values[i]])) }),
    );
}
