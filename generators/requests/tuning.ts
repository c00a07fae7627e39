/** CreateHyperParameterTuningJob requests: the strategy with the ranges it takes, and the training job definition. */
import fc from 'fast-check';
import {
  compact,
  hyperParametersArb,
  imageUriArb,
  nameFor,
  roleArnArb,
  s3UriArb,
  tagsArb,
} from '../values.js';
import { optional, type SageMakerRequest } from './common.js';
import { resourceConfigArb } from './training.js';

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

/** A valid CreateHyperParameterTuningJob request. */
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
    Tags: optional(tagsArb),
  })
  .map(compact);
