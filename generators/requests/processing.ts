/** CreateProcessingJob requests: the cluster, the container, and the inputs and output it reads and writes. */
import fc from 'fast-check';
import { enumAt } from '../../apimodel/lookup.js';
import {
  compact,
  enumArb,
  environmentArb,
  imageUriArb,
  nameFor,
  roleArnArb,
  s3UriArb,
  tagsArb,
} from '../values.js';
import { CHEAP_INSTANCE_TYPES, optional, type SageMakerRequest } from './common.js';

/** The instance types CreateProcessingJob's model allows. */
const PROCESSING_TYPES = enumAt(
  'CreateProcessingJob',
  'ProcessingResources',
  'ClusterConfig',
  'InstanceType',
);

/** Up to two S3 inputs, and now and then an S3 output. */
const processingIoArb = fc.integer({ min: 0, max: 2 }).chain((inputs) =>
  fc.tuple(
    fc.tuple(
      ...Array.from({ length: inputs }, (_, i) =>
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

/** A valid CreateProcessingJob request. */
export const createProcessingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    ProcessingJobName: nameFor('CreateProcessingJob', 'ProcessingJobName'),
    ProcessingResources: fc.record({
      ClusterConfig: fc.record({
        InstanceCount: fc.integer({ min: 1, max: 4 }),
        InstanceType: enumArb(PROCESSING_TYPES, CHEAP_INSTANCE_TYPES),
        VolumeSizeInGB: fc.integer({ min: 1, max: 100 }),
      }),
    }),
    AppSpecification: fc
      .record({
        ImageUri: imageUriArb,
        entry: optional(fc.constant(['python3', '/opt/ml/processing/code/preprocess.py'])),
      })
      .map(({ ImageUri, entry }) => compact({ ImageUri, ContainerEntrypoint: entry })),
    RoleArn: roleArnArb,
    StoppingCondition: optional(
      fc.integer({ min: 60, max: 777_600 }).map((MaxRuntimeInSeconds) => ({ MaxRuntimeInSeconds })),
    ),
    io: processingIoArb,
    Environment: optional(environmentArb, 0.3),
    Tags: optional(tagsArb),
  })
  .map(({ io: [inputs, outputs], ...request }) =>
    compact({
      ...request,
      ProcessingInputs: inputs.length > 0 ? inputs : undefined,
      ProcessingOutputConfig: outputs,
    }),
  );
