/**
 * One fast-check arbitrary per API of the optimized integration, producing requests that are valid
 * by construction: every required member, optional members at useful frequencies, realistic values
 * (enums from the API model), and the semantic rules the model does not encode (from SageMaker's
 * member documentation; each is checked by validation/semanticRules.ts). Each API family's
 * arbitraries are in requests/; this table adds every API's other optional members.
 */
import type fc from 'fast-check';
import type { Api } from '../catalog/api.js';
import type { SageMakerRequest } from './requests/common.js';
import {
  createEndpointArb,
  createEndpointConfigArb,
  createModelArb,
  updateEndpointArb,
} from './requests/hosting.js';
import { createLabelingJobArb } from './requests/labeling.js';
import { withOptional } from './requests/optionalMembers.js';
import { createProcessingJobArb } from './requests/processing.js';
import { createTrainingJobArb } from './requests/training.js';
import { createTransformJobArb } from './requests/transform.js';
import { createHyperParameterTuningJobArb } from './requests/tuning.js';

/** A valid request of each API, with now and then some of its other optional members. */
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
