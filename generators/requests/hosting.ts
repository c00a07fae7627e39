/**
 * The hosting APIs' requests: CreateModel (one container or an inference pipeline),
 * CreateEndpointConfig (its production variants), CreateEndpoint and UpdateEndpoint.
 */
import fc from 'fast-check';
import { enumAt } from '../../apimodel/lookup.js';
import {
  compact,
  enumArb,
  environmentArb,
  imageUriArb,
  nameFor,
  roleArnArb,
  s3InputUriArb,
  tagsArb,
} from '../values.js';
import { CHEAP_INSTANCE_TYPES, optional, type SageMakerRequest } from './common.js';

/** The instance types a production variant may have. */
const VARIANT_TYPES = enumAt('CreateEndpointConfig', 'ProductionVariants', '[]', 'InstanceType');

/** A container: the image, now and then the model data and environment. */
const containerArb = fc
  .record({
    Image: imageUriArb,
    data: optional(
      s3InputUriArb.map((uri) => `${uri}/model.tar.gz`),
      0.75,
    ),
    env: optional(environmentArb, 0.3),
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
            mode: optional(fc.constantFrom('Serial', 'Direct'), 0.7),
          })
          .map(({ pre, model, mode }) =>
            compact({
              Containers: [pre, model],
              InferenceExecutionConfig: mode === undefined ? undefined : { Mode: mode },
            }),
          ),
      },
    ),
    ExecutionRoleArn: optional(roleArnArb, 5 / 6),
    Tags: optional(tagsArb),
  })
  .map(({ containers, ...request }) => compact({ ...request, ...containers }));

/** A valid CreateEndpointConfig request: one or two variants of one model. */
export const createEndpointConfigArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    EndpointConfigName: nameFor('CreateEndpointConfig', 'EndpointConfigName'),
    model: nameFor('CreateEndpointConfig', 'ProductionVariants', '[]', 'ModelName'),
    variants: fc.integer({ min: 1, max: 2 }),
    type: enumArb(VARIANT_TYPES, CHEAP_INSTANCE_TYPES),
    count: fc.integer({ min: 1, max: 2 }),
    // Weights as people give them: all 1, a split of the traffic (a canary), or none (the default 1).
    weights: fc.constantFrom<readonly (number | undefined)[]>(
      [1, 1],
      [1, 1],
      [0.9, 0.1],
      [0.5, 0.5],
      [undefined, undefined],
    ),
    Tags: optional(tagsArb),
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

/** A valid CreateEndpoint request. */
export const createEndpointArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    EndpointName: nameFor('CreateEndpoint', 'EndpointName'),
    EndpointConfigName: nameFor('CreateEndpoint', 'EndpointConfigName'),
    Tags: optional(tagsArb),
  })
  .map(compact);

/** A valid UpdateEndpoint request. */
export const updateEndpointArb: fc.Arbitrary<SageMakerRequest> = fc.record({
  EndpointName: nameFor('UpdateEndpoint', 'EndpointName'),
  EndpointConfigName: nameFor('UpdateEndpoint', 'EndpointConfigName'),
});
