/**
 * TestState on the emulator (emulator/testState.ts), case by case from AWS's pages: each test names
 * the page whose example or rule it follows. The states are the pages' own examples where a page
 * gives one; the TestState members (mock, stateConfiguration, context, inspectionLevel) are those of
 * the API reference, https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import { EmulatedStepFunctions, StepFunctionsError } from './stepFunctions.js';
import type { TestStateRequest } from './testState.js';

type Request = Omit<TestStateRequest, 'definition'> & { readonly definition: unknown };

const sfn = new EmulatedStepFunctions();
const ROLE = 'arn:aws:iam::123456789012:role/TestStateRole';

/** One TestState call; the definition as an object, sent as text. */
const testState = (request: Request, policy?: PolicyDocument) =>
  sfn.testState({ ...request, definition: JSON.stringify(request.definition) }, policy ? { policy } : {});

/** The refusal of a call (it must be refused). */
async function refusal(request: Request): Promise<StepFunctionsError> {
  const answer = await testState(request).then(
    (result) => result,
    (e: unknown) => e,
  );
  if (!(answer instanceof StepFunctionsError)) throw new Error(`not refused: ${JSON.stringify(answer)}`);
  return answer;
}

const parse = (text: string | undefined): unknown => JSON.parse(text ?? 'null');

/** The training job of the SageMaker integration page (connect-sagemaker.html), as examples/ has it. */
const TRAIN = {
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: {
    TrainingJobName: 'search-model',
    ResourceConfig: { InstanceCount: 4, InstanceType: 'ml.c4.8xlarge', VolumeSizeInGB: 20 },
    AlgorithmSpecification: {
      TrainingImage: '811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:latest',
      TrainingInputMode: 'File',
    },
    OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-destination-bucket1/doc-search/model' },
    StoppingCondition: { MaxRuntimeInSeconds: 100000 },
    RoleArn: 'arn:aws:iam::123456789012:role/docs-sagemaker',
  },
  Next: 'ValidateOutput',
};

/** A DescribeTrainingJob response (the SageMaker API's required members). */
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

describe('TestState: input and output processing', () => {
  it('Pass state page (amazon-states-language-pass-state.html): Result at ResultPath', async () => {
    const answer = await testState({
      definition: {
        Type: 'Pass',
        Result: { 'x-datum': 0.381018, 'y-datum': 622.2269926397355 },
        ResultPath: '$.coords',
        Next: 'End',
      },
      input: JSON.stringify({ georefOf: 'Home' }),
      inspectionLevel: 'DEBUG',
    });
    expect(answer.status).toBe('SUCCEEDED');
    expect(answer.nextState).toBe('End');
    expect(parse(answer.output)).toEqual({
      georefOf: 'Home',
      coords: { 'x-datum': 0.381018, 'y-datum': 622.2269926397355 },
    });
    expect(Object.keys(answer.inspectionData ?? {}).sort()).toEqual([
      'afterResultPath',
      'afterResultSelector',
      'input',
      'result',
    ]);
  });

  it('InputPath and Parameters (input-output-inputpath-params.html): each step inspected at DEBUG only', async () => {
    const definition = {
      Type: 'Pass',
      InputPath: '$.product',
      Parameters: {
        comment: 'Selecting what I care about.',
        MyDetails: { 'size.$': '$.details.size', 'exists.$': '$.availability', StaticValue: 'foo' },
      },
      End: true,
    };
    const input = JSON.stringify({
      comment: 'Example for Parameters.',
      product: {
        details: { color: 'blue', size: 'small', material: 'cotton' },
        availability: 'in stock',
        sku: '2317',
        cost: '$23',
      },
    });
    const debug = await testState({ definition, input, inspectionLevel: 'DEBUG' });
    const selected = {
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' },
    };
    expect(parse(debug.output)).toEqual(selected);
    expect(debug.nextState).toBeUndefined();
    const data = debug.inspectionData!;
    expect(parse(data.afterInputPath as string)).toEqual(parse(input) && JSON.parse(input).product);
    expect(parse(data.afterParameters as string)).toEqual(selected);
    expect(parse(data.input as string)).toEqual(JSON.parse(input));
    const info = await testState({ definition, input });
    expect(info.inspectionData).toBeUndefined();
    expect(parse(info.output)).toEqual(selected);
  });

  it('ResultSelector (input-output-inputpath-params.html): a mocked EMR result, selected then placed', async () => {
    const answer = await testState({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync',
        Parameters: { Name: 'MyWorkflowCluster' },
        ResultSelector: { 'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType' },
        ResultPath: '$.EMROutput',
        Next: 'Next state',
      },
      input: JSON.stringify({ comment: 'cluster' }),
      inspectionLevel: 'TRACE',
      mock: {
        result: JSON.stringify({
          resourceType: 'elasticmapreduce',
          resource: 'createCluster.sync',
          output: { SdkHttpMetadata: { HttpStatusCode: 200 }, ClusterId: 'AKIAIOSFODNN7EXAMPLE' },
        }),
      },
    });
    expect(answer.status).toBe('SUCCEEDED');
    const selected = { ClusterId: 'AKIAIOSFODNN7EXAMPLE', ResourceType: 'elasticmapreduce' };
    expect(parse(answer.output)).toEqual({ comment: 'cluster', EMROutput: selected });
    expect(parse(answer.inspectionData!.afterResultSelector as string)).toEqual(selected);
    expect(answer.nextState).toBe('Next state');
  });

  it('ResultPath (input-output-resultpath.html): the result at $.taskresult, or discarded with null', async () => {
    const input = JSON.stringify({
      comment: 'This is a test of the input and output of a Task state.',
      details: 'Default example',
      who: 'AWS Step Functions',
    });
    const hello = (resultPath: string | null) =>
      testState({
        definition: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:HelloFunction',
          ResultPath: resultPath,
          End: true,
        },
        input,
        mock: { result: JSON.stringify('Hello, AWS Step Functions!') },
      });
    expect(parse((await hello('$.taskresult')).output)).toEqual({
      ...(JSON.parse(input) as object),
      taskresult: 'Hello, AWS Step Functions!',
    });
    expect(parse((await hello(null)).output)).toEqual(JSON.parse(input));
  });
});

describe('TestState: flow states', () => {
  /** The Choice state page's example (amazon-states-language-choice-state.html). */
  const CHOICE = {
    Type: 'Choice',
    Choices: [
      { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
      { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
      {
        And: [
          { Variable: '$.value', NumericGreaterThanEquals: 20 },
          { Variable: '$.value', NumericLessThan: 30 },
        ],
        Next: 'ValueInTwenties',
      },
    ],
    Default: 'DefaultState',
  };

  it('Choice state page (amazon-states-language-choice-state.html): nextState is the rule that matched', async () => {
    const next = async (input: object) =>
      (await testState({ definition: CHOICE, input: JSON.stringify(input) })).nextState;
    expect(await next({ type: 'Private', value: 22 })).toBe('ValueInTwenties');
    expect(await next({ type: 'Public', value: 22 })).toBe('Public');
    expect(await next({ type: 'Private', value: 0 })).toBe('ValueIsZero');
    expect(await next({ type: 'Private', value: 42 })).toBe('DefaultState');
    const noDefault = await testState({
      definition: { ...CHOICE, Default: undefined },
      input: JSON.stringify({ type: 'Private', value: 42 }),
    });
    expect(noDefault).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('Fail state page (amazon-states-language-fail-state.html): FAILED with its error and cause', async () => {
    const answer = await testState({
      definition: { Type: 'Fail', Error: 'ErrorA', Cause: 'Kaiju attack' },
      inspectionLevel: 'DEBUG',
    });
    expect(answer).toMatchObject({ status: 'FAILED', error: 'ErrorA', cause: 'Kaiju attack' });
    expect(answer.output).toBeUndefined();
  });

  it('Wait state page (amazon-states-language-wait-state.html): a day on the virtual clock, then Next', async () => {
    const answer = await testState({
      definition: { Type: 'Wait', Seconds: 86_400, Next: 'NextState' },
      input: JSON.stringify({ waited: true }),
    });
    expect(answer).toMatchObject({ status: 'SUCCEEDED', nextState: 'NextState', output: '{"waited":true}' });
  });

  it('test-state-isolation.html: stateName picks one state of a whole state machine', async () => {
    const machine = {
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Next: 'Pick' },
        Pick: CHOICE,
        Public: { Type: 'Succeed' },
        ValueIsZero: { Type: 'Succeed' },
        ValueInTwenties: { Type: 'Succeed' },
        DefaultState: { Type: 'Fail', Error: 'ErrorA', Cause: 'Kaiju attack' },
      },
    };
    const picked = await testState({
      definition: machine,
      stateName: 'Pick',
      input: JSON.stringify({ type: 'Public', value: 1 }),
    });
    expect(picked.nextState).toBe('Public');
    const failed = await testState({ definition: machine, stateName: 'DefaultState' });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'ErrorA' });
    expect((await refusal({ definition: machine, stateName: 'Nowhere' })).message).toBe(
      'State not found in definition',
    );
  });
});

describe('TestState: Retry and Catch with a mocked error', () => {
  /** The retrier and catchers of the error handling page (concepts-error-handling.html). */
  const HANDLED = {
    Type: 'Task',
    Resource: 'arn:aws:lambda:us-east-1:123456789012:function:FailFunction',
    Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 }],
    Catch: [
      { ErrorEquals: ['java.lang.Exception'], ResultPath: '$.error-info', Next: 'RecoveryState' },
      { ErrorEquals: ['States.ALL'], Next: 'EndState' },
    ],
    End: true,
  };
  const timeout = { errorOutput: { error: 'States.Timeout', cause: 'the task timed out' } };

  it('concepts-error-handling.html: a retrier with attempts left makes it RETRIABLE, with its backoff', async () => {
    const answer = await testState({ definition: HANDLED, mock: timeout, inspectionLevel: 'DEBUG' });
    expect(answer).toMatchObject({
      status: 'RETRIABLE',
      error: 'States.Timeout',
      cause: 'the task timed out',
    });
    expect(answer.output).toBeUndefined();
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 3 });
    // IntervalSeconds × BackoffRate^retries: 3 × 1.5 = 4.5, the second retry's wait.
    const second = await testState({
      definition: { ...HANDLED, Retry: [{ ...HANDLED.Retry[0], BackoffRate: 2 }] },
      mock: timeout,
      stateConfiguration: { retrierRetryCount: 1 },
      inspectionLevel: 'DEBUG',
    });
    expect(second.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 6 });
  });

  it('concepts-error-handling.html: retries spent, States.ALL catches it (CAUGHT_ERROR, catchIndex 1)', async () => {
    const answer = await testState({
      definition: HANDLED,
      mock: timeout,
      stateConfiguration: { retrierRetryCount: 2 },
      input: JSON.stringify({ job: 1 }),
      inspectionLevel: 'DEBUG',
    });
    expect(answer).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'EndState', error: 'States.Timeout' });
    expect(parse(answer.output)).toEqual({ Error: 'States.Timeout', Cause: 'the task timed out' });
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, catchIndex: 1 });
  });

  it('concepts-error-handling.html: java.lang.Exception is caught at $.error-info (catchIndex 0)', async () => {
    const answer = await testState({
      definition: HANDLED,
      mock: { errorOutput: { error: 'java.lang.Exception', cause: 'boom' } },
      input: JSON.stringify({ job: 1 }),
    });
    expect(answer).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'RecoveryState' });
    expect(parse(answer.output)).toEqual({
      job: 1,
      'error-info': { Error: 'java.lang.Exception', Cause: 'boom' },
    });
    expect(answer.inspectionData).toBeUndefined();
  });

  it('concepts-error-handling.html: no catcher, no retrier: FAILED', async () => {
    const answer = await testState({
      definition: { ...HANDLED, Catch: [HANDLED.Catch[0]] },
      mock: { errorOutput: { error: 'Custom.Error', cause: 'why' } },
    });
    expect(answer).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'why' });
    expect(answer.nextState).toBeUndefined();
  });

  it('API_TestState.html: a JSONata Task, its Arguments inspected and the retrier named', async () => {
    const answer = await testState({
      definition: {
        QueryLanguage: 'JSONata',
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'foo', Payload: '{% $states.input.value %}' },
        Retry: [{ ErrorEquals: ['MockException'], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2 }],
        End: true,
      },
      input: JSON.stringify({ value: 'bar' }),
      mock: { errorOutput: { error: 'MockException', cause: 'Mock the cause of the error.' } },
      stateConfiguration: { retrierRetryCount: 4 },
      inspectionLevel: 'DEBUG',
    });
    expect(answer.status).toBe('RETRIABLE');
    expect(parse(answer.inspectionData?.afterArguments as string)).toEqual({
      FunctionName: 'foo',
      Payload: 'bar',
    });
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 16 });
  });
});

describe('TestState: mocks (API_MockInput.html)', () => {
  it('a .sync SageMaker Task with a mocked Describe result: SUCCEEDED through ResultSelector and ResultPath', async () => {
    const answer = await testState({
      definition: {
        ...TRAIN,
        ResultSelector: { 'arn.$': '$.TrainingJobArn', 'status.$': '$.TrainingJobStatus' },
        ResultPath: '$.training',
      },
      input: JSON.stringify({ run: 7 }),
      mock: { result: JSON.stringify(DESCRIBED) },
    });
    expect(answer.status).toBe('SUCCEEDED');
    expect(parse(answer.output)).toEqual({
      run: 7,
      training: { arn: DESCRIBED.TrainingJobArn, status: 'Completed' },
    });
    expect(answer.nextState).toBe('ValidateOutput');
  });

  it('fieldValidationMode: STRICT checks the Describe shape, PRESENT the fields given, NONE nothing', async () => {
    const strict = (result: object, fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE') =>
      refusal({
        definition: TRAIN,
        mock: { result: JSON.stringify(result), ...(fieldValidationMode ? { fieldValidationMode } : {}) },
      });
    const { TrainingJobArn: _arn, ...noArn } = DESCRIBED;
    expect((await strict(noArn)).message).toBe(
      "Mock result schema validation error: Required field 'TrainingJobArn' is missing",
    );
    expect((await strict({ ...DESCRIBED, TrainingJobStatus: 'Done' })).message).toBe(
      "Mock result schema validation error: Field 'TrainingJobStatus' is not an expected value",
    );
    expect((await strict({ ...DESCRIBED, CreationTime: 1767225600000 })).message).toBe(
      "Mock result schema validation error: Field 'CreationTime' must be a string",
    );
    expect((await strict({ ...DESCRIBED, ModelArtifacts: [] })).message).toBe(
      "Mock result schema validation error: Field 'ModelArtifacts' must be an object",
    );
    expect((await strict({ TrainingJobName: 3 }, 'PRESENT')).message).toBe(
      "Mock result schema validation error: Field 'TrainingJobName' must be a string",
    );
    expect((await strict(noArn)).code).toBe('ValidationException');
    // Fields the API does not have are not checked; PRESENT needs no required field; NONE checks nothing.
    const passes = (result: object, fieldValidationMode?: 'PRESENT' | 'NONE') =>
      testState({ definition: TRAIN, mock: { result: JSON.stringify(result), fieldValidationMode } });
    expect((await passes({ ...DESCRIBED, Tags: { team: 'ml' } })).status).toBe('SUCCEEDED');
    expect((await passes({ TrainingJobName: 'x' }, 'PRESENT')).status).toBe('SUCCEEDED');
    expect((await passes({ TrainingJobName: 3 }, 'NONE')).status).toBe('SUCCEEDED');
    // A request-response Task's result is its Create response: the ARN alone is required.
    const created = { ...TRAIN, Resource: 'arn:aws:states:::sagemaker:createTrainingJob' };
    expect(
      (await refusal({ definition: created, mock: { result: JSON.stringify({ TrainingJobName: 'x' }) } }))
        .message,
    ).toBe("Mock result schema validation error: Required field 'TrainingJobArn' is missing");
    const arn = { TrainingJobArn: DESCRIBED.TrainingJobArn };
    expect((await testState({ definition: created, mock: { result: JSON.stringify(arn) } })).status).toBe(
      'SUCCEEDED',
    );
  });

  it('a mock only for Task, Map and Parallel; one of result and errorOutput; no revealSecrets', async () => {
    const pass = await refusal({ definition: { Type: 'Pass', End: true }, mock: { result: '{}' } });
    expect(pass).toMatchObject({
      code: 'ValidationException',
      message: "State type 'Pass' is not supported when a mock is specified",
    });
    const both = await refusal({
      definition: TRAIN,
      mock: { result: '{}', errorOutput: { error: 'E' } },
    });
    expect(both.message).toBe(
      'A test mock should have only one of the following fields: [result, errorOutput].',
    );
    const secrets = await refusal({ definition: TRAIN, mock: { result: '{}' }, revealSecrets: true });
    expect(secrets.message).toBe('TestState does not support RevealSecrets when a mock is specified.');
    const map = await refusal({
      definition: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    });
    expect(map.code).toBe('InvalidDefinition');
  });

  it('API_TestStateConfiguration.html: a Map past its tolerated failures, a Parallel of one item per branch', async () => {
    const map = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemSelector: { 'value.$': '$$.Map.Item.Value' },
      ToleratedFailureCount: 1,
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      Next: 'After',
    };
    const items = JSON.stringify({ items: [1, 2, 3] });
    const within = await testState({
      definition: map,
      input: items,
      mock: { result: '[1,2,3]' },
      stateConfiguration: { mapIterationFailureCount: 1 },
      inspectionLevel: 'DEBUG',
    });
    expect(within).toMatchObject({ status: 'SUCCEEDED', output: '[1,2,3]', nextState: 'After' });
    expect(within.inspectionData).toMatchObject({
      afterItemsPath: '[1,2,3]',
      afterItemSelector: '[{"value":1},{"value":2},{"value":3}]',
      maxConcurrency: 0,
      toleratedFailureCount: 1,
    });
    const past = await testState({
      definition: map,
      input: items,
      mock: { result: '[1,2,3]' },
      stateConfiguration: { mapIterationFailureCount: 2 },
    });
    expect(past).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const parallel = {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
      ],
      End: true,
    };
    expect((await testState({ definition: parallel, mock: { result: '[1,2]' } })).output).toBe('[1,2]');
    expect((await refusal({ definition: parallel, mock: { result: '[1]' } })).message).toBe(
      'Mocked result must contain the same number of items as number of Parallel branches.',
    );
  });

  it('API_TestState.html context: the given Context object is $$, only with a mock', async () => {
    const context = {
      Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:M:e', Name: 'e' },
      State: { Name: 'Given', RetryCount: 0 },
    };
    const answer = await testState({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { 'FunctionName.$': '$$.Execution.Name' },
        ResultSelector: { 'state.$': '$$.State.Name' },
        End: true,
      },
      mock: { result: '{}' },
      context: JSON.stringify(context),
      inspectionLevel: 'DEBUG',
    });
    expect(parse(answer.output)).toEqual({ state: 'Given' });
    expect(parse(answer.inspectionData?.afterParameters as string)).toEqual({ FunctionName: 'e' });
    const noMock = await refusal({ definition: { Type: 'Pass', End: true }, context: '{}' });
    expect(noMock.code).toBe('ValidationException');
    const foreign = await refusal({
      definition: TRAIN,
      mock: { result: JSON.stringify(DESCRIBED) },
      context: '{"Pokedex":{}}',
    });
    expect(foreign.message).toBe("Invalid Context object provided: Field 'Pokedex' is not allowed");
  });
});

describe('TestState: an unmocked SageMaker Task runs as the role', () => {
  const MODEL = {
    Type: 'Task',
    Resource: 'arn:aws:states:::sagemaker:createModel',
    Parameters: {
      'ModelName.$': '$.name',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
      PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1' },
    },
    Next: 'Deploy',
  };
  const allow = (...actions: string[]): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  });

  it('connect-sagemaker.html: CreateModel is called as the role; its policy is enforced', async () => {
    const made = await testState(
      { definition: MODEL, roleArn: ROLE, input: '{"name":"model-a"}' },
      allow('sagemaker:CreateModel', 'iam:PassRole'),
    );
    expect(made.status).toBe('SUCCEEDED');
    expect(parse(made.output)).toEqual({
      ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/model-a',
    });
    const denied = await testState(
      { definition: MODEL, roleArn: ROLE, input: '{"name":"model-b"}' },
      allow('sagemaker:CreateModel'),
    );
    expect(denied).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(denied.cause).toMatch(/not authorized to perform: iam:PassRole/);
  });

  it('API_TestState.html: without a mock, a role is needed and .sync, Lambda and Map are refused', async () => {
    expect((await refusal({ definition: MODEL })).message).toMatch(/RoleArn must be specified/);
    expect((await refusal({ definition: TRAIN, roleArn: ROLE })).message).toMatch(
      /only when a mock is specified/,
    );
    const lambda = await refusal({
      definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
      roleArn: ROLE,
    });
    expect(lambda.message).toMatch(/does not run the resource/);
  });
});

describe('TestState: variables (workflow-variables.html)', () => {
  it('variables set by the request are read, and those the state assigns are inspected', async () => {
    const answer = await testState({
      definition: {
        QueryLanguage: 'JSONata',
        Type: 'Pass',
        Output: '{% $greeting & ", " & $states.input.who %}',
        Assign: { said: '{% $greeting %}' },
        End: true,
      },
      input: JSON.stringify({ who: 'world' }),
      variables: JSON.stringify({ greeting: 'hello' }),
      inspectionLevel: 'DEBUG',
    });
    expect(parse(answer.output)).toBe('hello, world');
    expect(parse(answer.inspectionData?.variables as string)).toEqual({ greeting: 'hello', said: 'hello' });
  });
});
