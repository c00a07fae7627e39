/** CreateLabelingJob requests: a text classification job of a private work team, with its Lambdas. */
import fc from 'fast-check';
import { ACCOUNT, REGION, compact, nameFor, roleArnArb, s3UriArb, tagsArb } from '../values.js';
import { optional, type SageMakerRequest } from './common.js';

/** A Lambda function of Ground Truth's account (the pre-annotation and consolidation functions). */
const lambda = (name: string) => `arn:aws:lambda:${REGION}:432418664414:function:${name}`;

/** A valid CreateLabelingJob request. */
export const createLabelingJobArb: fc.Arbitrary<SageMakerRequest> = fc
  .record({
    LabelingJobName: nameFor('CreateLabelingJob', 'LabelingJobName'),
    LabelAttributeName: fc.constantFrom('category', 'Categories', 'label', 'sentiment'),
    InputConfig: s3UriArb.map((uri) => ({
      DataSource: { S3DataSource: { ManifestS3Uri: `${uri}/input.manifest` } },
    })),
    OutputConfig: s3UriArb.map((S3OutputPath) => ({ S3OutputPath })),
    RoleArn: roleArnArb,
    LabelCategoryConfigS3Uri: s3UriArb.map((uri) => `${uri}/categories.json`),
    StoppingConditions: optional(
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
        keywords: optional(fc.constant(['tc', 'Labeling'])),
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
    Tags: optional(tagsArb),
  })
  .map(compact);
