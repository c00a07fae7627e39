/**
 * `serve`'s TestState driven by the AWS SDK for JavaScript (@aws-sdk/client-sfn, whose
 * TestStateCommand has the November 2025 members: mock, stateName, context, stateConfiguration)
 * over loopback. TestState's endpoint has the host prefix `sync-` (the Step Functions API model), so
 * a client of a local endpoint sets `disableHostPrefix`, or it would send to `sync-127.0.0.1`.
 */
import {
  InvalidArn,
  InvalidDefinition,
  SFNClient,
  TestStateCommand,
  type TestStateCommandInput,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;
let sfn: SFNClient;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  sfn = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    disableHostPrefix: true,
  });
});

afterAll(async () => {
  sfn.destroy();
  await server.close();
});

const testState = (input: Omit<TestStateCommandInput, 'definition'> & { definition: object }) =>
  sfn.send(new TestStateCommand({ ...input, definition: JSON.stringify(input.definition) }));

/** The SDK's exception of a call (it must fail). */
async function thrown(input: Parameters<typeof testState>[0]): Promise<Error> {
  const answer = await testState(input).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!answer) throw new Error('the call succeeded');
  return answer;
}

/** The training job of the SageMaker integration page (connect-sagemaker.html), with its Retry and Catch. */
const TRAIN = {
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: {
    'TrainingJobName.$': '$.name',
    ResourceConfig: { InstanceCount: 4, InstanceType: 'ml.c4.8xlarge', VolumeSizeInGB: 20 },
    AlgorithmSpecification: {
      TrainingImage: '811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:latest',
      TrainingInputMode: 'File',
    },
    OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-destination-bucket1/doc-search/model' },
    StoppingCondition: { MaxRuntimeInSeconds: 100000 },
    RoleArn: 'arn:aws:iam::123456789012:role/docs-sagemaker',
  },
  ResultSelector: { 'arn.$': '$.TrainingJobArn', 'status.$': '$.TrainingJobStatus' },
  ResultPath: '$.training',
  Retry: [
    {
      ErrorEquals: ['SageMaker.ResourceLimitExceededException'],
      IntervalSeconds: 60,
      MaxAttempts: 5000,
      BackoffRate: 1,
    },
  ],
  Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.cause', Next: 'Sagemaker Training Job Error' }],
  Next: 'ValidateOutput',
};

const DESCRIBED = {
  TrainingJobName: 'search-model',
  TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/search-model',
  ModelArtifacts: {
    S3ModelArtifacts: 's3://amzn-s3-demo-destination-bucket1/doc-search/model/output.tar.gz',
  },
  TrainingJobStatus: 'Completed',
  SecondaryStatus: 'Completed',
  StoppingCondition: { MaxRuntimeInSeconds: 100000 },
  CreationTime: '2026-01-01T00:00:00Z',
};

describe('serve: TestState with the SDK', () => {
  it('a mocked createTrainingJob.sync result: SUCCEEDED, through ResultSelector and ResultPath', async () => {
    const answer = await testState({
      definition: TRAIN,
      input: JSON.stringify({ name: 'search-model' }),
      inspectionLevel: 'DEBUG',
      mock: { result: JSON.stringify(DESCRIBED) },
    });
    expect(answer.status).toBe('SUCCEEDED');
    expect(answer.nextState).toBe('ValidateOutput');
    expect(JSON.parse(answer.output!)).toEqual({
      name: 'search-model',
      training: { arn: DESCRIBED.TrainingJobArn, status: 'Completed' },
    });
    expect(JSON.parse(answer.inspectionData!.afterParameters!)).toMatchObject({
      TrainingJobName: 'search-model',
    });
    expect(JSON.parse(answer.inspectionData!.result!)).toEqual(DESCRIBED);
  });

  it('a mocked error the Retry handles: RETRIABLE, with the retrier and its backoff', async () => {
    const answer = await testState({
      definition: TRAIN,
      input: JSON.stringify({ name: 'search-model' }),
      inspectionLevel: 'DEBUG',
      mock: {
        errorOutput: { error: 'SageMaker.ResourceLimitExceededException', cause: 'Limit exceeded' },
      },
      stateConfiguration: { retrierRetryCount: 2 },
    });
    expect(answer).toMatchObject({
      status: 'RETRIABLE',
      error: 'SageMaker.ResourceLimitExceededException',
      cause: 'Limit exceeded',
    });
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 60 });
  });

  it('a mocked error the Catch handles: CAUGHT_ERROR, its nextState and output', async () => {
    const answer = await testState({
      definition: TRAIN,
      input: JSON.stringify({ name: 'search-model' }),
      mock: { errorOutput: { error: 'SageMaker.AmazonSageMakerException', cause: 'Bad image' } },
    });
    expect(answer).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'Sagemaker Training Job Error' });
    expect(JSON.parse(answer.output!)).toEqual({
      name: 'search-model',
      cause: { Error: 'SageMaker.AmazonSageMakerException', Cause: 'Bad image' },
    });
  });

  it('STRICT validation of a bad mocked result: the ValidationException AWS gives', async () => {
    const { TrainingJobStatus: _status, ...incomplete } = DESCRIBED;
    const e = await thrown({
      definition: TRAIN,
      input: JSON.stringify({ name: 'search-model' }),
      mock: { result: JSON.stringify(incomplete), fieldValidationMode: 'STRICT' },
    });
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toBe(
      "Mock result schema validation error: Required field 'TrainingJobStatus' is missing",
    );
  });

  it('stateName picks one state out of a whole definition; a Choice names its nextState', async () => {
    const machine = {
      StartAt: 'Train',
      States: {
        Train: TRAIN,
        ValidateOutput: {
          Type: 'Choice',
          Choices: [{ Not: { Variable: '$.training.arn', StringEquals: '' }, Next: 'Succeeded' }],
          Default: 'Sagemaker Training Job Error',
        },
        Succeeded: { Type: 'Succeed' },
        'Sagemaker Training Job Error': { Type: 'Fail', Error: 'TrainingFailed' },
      },
    };
    const trained = await testState({
      definition: machine,
      stateName: 'Train',
      input: JSON.stringify({ name: 'search-model' }),
      mock: { result: JSON.stringify(DESCRIBED) },
    });
    expect(trained.nextState).toBe('ValidateOutput');
    const checked = await testState({
      definition: machine,
      stateName: 'ValidateOutput',
      input: trained.output!,
    });
    expect(checked).toMatchObject({ status: 'SUCCEEDED', nextState: 'Succeeded' });
    const empty = await testState({
      definition: machine,
      stateName: 'ValidateOutput',
      input: JSON.stringify({ training: { arn: '' } }),
    });
    expect(empty.nextState).toBe('Sagemaker Training Job Error');
  });

  it('refusals in the SDK classes: a bad role ARN, a Map without a mock', async () => {
    expect(await thrown({ definition: { Type: 'Pass', End: true }, roleArn: 'not-a-role' })).toBeInstanceOf(
      InvalidArn,
    );
    const map = {
      Type: 'Map',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      End: true,
    };
    expect(await thrown({ definition: map })).toBeInstanceOf(InvalidDefinition);
  });
});
