/** CreateTransformJob requests: input, output, resources, and the concurrency and payload limits. */
import fc from 'fast-check';
import { enumAt } from '../../apimodel/lookup.js';
import { compact, enumArb, environmentArb, nameFor, s3InputUriArb, s3UriArb, tagsArb } from '../values.js';
import { CHEAP_INSTANCE_TYPES, optional, type SageMakerRequest } from './common.js';

/** The instance types CreateTransformJob's model allows. */
const TRANSFORM_TYPES = enumAt('CreateTransformJob', 'TransformResources', 'InstanceType');

/** MaxConcurrentTransforms x MaxPayloadInMB <= 100 (the MaxPayloadInMB member documentation). */
const transformLimitsArb = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 100 }))
  .map(([concurrent, payload]) => ({
    MaxConcurrentTransforms: concurrent,
    MaxPayloadInMB: Math.max(1, Math.min(payload, Math.floor(100 / concurrent))),
  }));

/** A valid CreateTransformJob request. */
export const createTransformJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    TransformJobName: nameFor('CreateTransformJob', 'TransformJobName'),
    ModelName: nameFor('CreateTransformJob', 'ModelName'),
    limits: optional(transformLimitsArb),
    BatchStrategy: optional(fc.constantFrom('MultiRecord', 'SingleRecord')),
    Environment: optional(environmentArb, 0.3),
    TransformInput: fc
      .record({
        uri: s3InputUriArb,
        type: fc.constantFrom('S3Prefix', 'ManifestFile'),
        split: optional(fc.constantFrom('None', 'Line')),
        contentType: optional(fc.constantFrom('text/csv', 'application/jsonlines')),
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
      .record({ uri: s3UriArb, assemble: optional(fc.constantFrom('None', 'Line')) })
      .map(({ uri, assemble }) => compact({ S3OutputPath: uri, AssembleWith: assemble })),
    TransformResources: fc.record({
      InstanceType: enumArb(TRANSFORM_TYPES, CHEAP_INSTANCE_TYPES),
      InstanceCount: fc.integer({ min: 1, max: 3 }),
    }),
    Tags: optional(tagsArb),
  })
  .map(({ limits, ...request }) => compact({ ...request, ...(limits ?? {}) }));
