import { describe, expect, it } from 'vitest';
import type { WorldScenario } from '../catalog/scenario.js';
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import { sagemakerValidator } from '../validation/validateRequest.js';
import { EmulatedStepFunctions, StepFunctionsError } from './stepFunctions.js';
import type { MutantName } from './mutants/index.js';

type Obj = Record<string, unknown>;
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const training = (extra: Obj = {}) => ({
  TrainingJobName: 'train-1',
  RoleArn: ROLE,
  AlgorithmSpecification: {
    TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1',
    TrainingInputMode: 'File',
  },
  OutputDataConfig: { S3OutputPath: 's3://amzn-s3-demo-bucket/out' },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  ...extra,
});
const task = (resource: string, parameters: Obj, extra: Obj = {}) => ({
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: `arn:aws:states:::sagemaker:${resource}`,
      Parameters: parameters,
      End: true,
      ...extra,
    },
  },
});
const ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const without = (...actions: string[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: '*', Resource: '*' },
    { Effect: 'Deny', Action: actions, Resource: '*' },
  ],
});

async function execute(
  definition: Obj,
  options: {
    policy?: PolicyDocument;
    scenario?: WorldScenario;
    input?: unknown;
    sfn?: EmulatedStepFunctions;
  } = {},
) {
  const sfn = options.sfn ?? new EmulatedStepFunctions({ aslSchemaCheck: false });
  const { stateMachineArn } = sfn.createStateMachine({
    definition,
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    input: options.input ?? {},
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  const result = await sfn.awaitExecution(executionArn);
  return { ...result, sfn, actions: result.calls.map((c) => `${c.action} ${c.decision}`) };
}
const seconds = (r: { startEpochMs: number; stopEpochMs: number }) => (r.stopEpochMs - r.startEpochMs) / 1000;

describe('request-response', () => {
  it('returns the Create response and makes the create calls as the role', async () => {
    const r = await execute(task('createTrainingJob', training()), { policy: ALL });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual({
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train-1',
    });
    expect(r.actions).toEqual(['sagemaker:CreateTrainingJob allowed', 'iam:PassRole allowed']);
    expect(r.calls[1]!.context['iam:PassedToService']).toBe('sagemaker.amazonaws.com');
  });

  it('a denied call fails the task with SageMaker.AmazonSageMakerException and an AccessDenied cause', async () => {
    const r = await execute(task('createTrainingJob', training()), { policy: without('iam:PassRole') });
    expect(r).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(r.cause).toMatch(
      /is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role\/SageMakerRole with an explicit deny.*Error Code: AccessDeniedException/,
    );
    expect(r.actions).toEqual(['sagemaker:CreateTrainingJob allowed', 'iam:PassRole explicitDeny']);
  });

  it("a Map over jobs meets the account's job quota as its MaxConcurrency and the jobs' lives make it (sagemaker.quota.concurrent-jobs)", async () => {
    const { TrainingJobName: _named, ...rest } = training();
    const overJobs = (resource: string, maxConcurrency: number) => ({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: maxConcurrency,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            ...task(resource, { ...rest, 'TrainingJobName.$': '$.name' }),
          },
          End: true,
        },
      },
    });
    const input = { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] };
    const scenario = (jobQuota: number): WorldScenario => ({
      referencesExist: true,
      job: { polls: 1, outcome: 'Completed', durationSeconds: 120 },
      jobQuota,
    });
    // .sync one at a time: each job has ended before the next Create.
    expect(
      (await execute(overJobs('createTrainingJob.sync', 1), { input, scenario: scenario(1) })).status,
    ).toBe('SUCCEEDED');
    // Two at once with a quota of one: the second Create is refused.
    const twoAtOnce = await execute(overJobs('createTrainingJob.sync', 2), { input, scenario: scenario(1) });
    expect(twoAtOnce).toMatchObject({ status: 'FAILED', error: 'SageMaker.ResourceLimitExceededException' });
    expect(twoAtOnce.cause).toMatch(/Error Code: ResourceLimitExceeded/);
    // Request-response jobs run on: the third Create meets a quota of two, one at a time too.
    const rr = await execute(overJobs('createTrainingJob', 1), { input, scenario: scenario(2) });
    expect(rr).toMatchObject({ status: 'FAILED', error: 'SageMaker.ResourceLimitExceededException' });
    expect((await execute(overJobs('createTrainingJob', 1), { input, scenario: scenario(3) })).status).toBe(
      'SUCCEEDED',
    );
  });

  it('names are unique per account and region: the second create is ResourceInUse', async () => {
    const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
    await execute(task('createTrainingJob', training()), { sfn });
    const second = await execute(task('createTrainingJob', training()), { sfn });
    expect(second).toMatchObject({ status: 'FAILED', error: 'SageMaker.ResourceInUseException' });
  });

  it('labeling job names collide case-insensitively; training job names do not', async () => {
    const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
    await execute(task('createTrainingJob', training({ TrainingJobName: 'Job' })), { sfn });
    expect(
      (await execute(task('createTrainingJob', training({ TrainingJobName: 'job' })), { sfn })).status,
    ).toBe('SUCCEEDED');
    const labeling = (name: string) => ({
      LabelingJobName: name,
      LabelAttributeName: 'label',
      InputConfig: { DataSource: { S3DataSource: { ManifestS3Uri: 's3://b/in.manifest' } } },
      OutputConfig: { S3OutputPath: 's3://b/out' },
      RoleArn: ROLE,
      HumanTaskConfig: {
        WorkteamArn: 'arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/team',
        UiConfig: { UiTemplateS3Uri: 's3://b/t.liquid' },
        TaskTitle: 't',
        TaskDescription: 'd',
        NumberOfHumanWorkersPerDataObject: 1,
        TaskTimeLimitInSeconds: 60,
      },
    });
    await execute(task('createLabelingJob', labeling('Example-job')), { sfn });
    expect((await execute(task('createLabelingJob', labeling('example-job')), { sfn })).error).toBe(
      'SageMaker.ResourceInUseException',
    );
  });

  // sagemaker.missing.model: every public trace is a ValidationException "Could not find model", which
  // Step Functions names SageMaker.AmazonSageMakerException (not ResourceNotFound, which the model lists).
  it('a transform of a model that does not exist is a ValidationException, unless the world has it', async () => {
    const transform = {
      TransformJobName: 't',
      ModelName: 'missing-model',
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } },
      TransformOutput: { S3OutputPath: 's3://b/out' },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
    };
    const missing = await execute(task('createTransformJob', transform), {
      scenario: { referencesExist: false },
    });
    expect(missing).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(missing.cause).toMatch(
      /^Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model\/missing-model"\. .*Error Code: ValidationException/,
    );
    expect(
      (await execute(task('createTransformJob', transform), { scenario: { referencesExist: true } })).status,
    ).toBe('SUCCEEDED');
  });

  // sagemaker.missing.endpoint-config (CreateEndpoint's API reference: "this causes a validation error").
  it('an endpoint naming a configuration that does not exist is a ValidationException', async () => {
    const r = await execute(
      task('createEndpoint', { EndpointName: 'e', EndpointConfigName: 'no-such-config' }),
      {
        scenario: { referencesExist: false },
      },
    );
    expect(r).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(r.cause).toMatch(
      /^Could not find endpoint configuration ".*endpoint-config\/no-such-config"\. .*ValidationException/,
    );
  });

  // sagemaker.duplicate.model-config-endpoint: "Cannot create already existing ...", a ValidationException.
  it('a second model, endpoint configuration or endpoint of a name is a ValidationException', async () => {
    const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
    const model = {
      ModelName: 'm',
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1' },
    };
    const config = {
      EndpointConfigName: 'c',
      ProductionVariants: [
        { VariantName: 'v', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 },
      ],
    };
    const endpoint = { EndpointName: 'e', EndpointConfigName: 'c' };
    for (const [resource, request, noun] of [
      ['createModel', model, 'model'],
      ['createEndpointConfig', config, 'endpoint configuration'],
      ['createEndpoint', endpoint, 'endpoint'],
    ] as const) {
      expect((await execute(task(resource, request), { sfn })).status).toBe('SUCCEEDED');
      const second = await execute(task(resource, request), { sfn });
      expect(second).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
      expect(second.cause).toContain(`Cannot create already existing ${noun} "`);
      expect(second.cause).toContain('Error Code: ValidationException');
    }
  });

  // iam.passrole.same-account: a role of another account cannot be passed.
  it('a role of another account is refused, though the policy lets it be passed', async () => {
    const r = await execute(
      task('createTrainingJob', training({ RoleArn: 'arn:aws:iam::210987654321:role/SageMakerRole' })),
    );
    expect(r).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(r.cause).toContain('Cross-account pass role is not allowed');
    expect(r.actions).toContain('iam:PassRole allowed');
  });

  it('values are checked by SageMaker at call time: ValidationException naming the field', async () => {
    const r = await execute(task('createTrainingJob', { ...training(), 'ResourceConfig.$': '$.rc' }), {
      input: { rc: { InstanceType: 'ml.nope', InstanceCount: 1, VolumeSizeInGB: 1 } },
    });
    expect(r).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
    expect(r.cause).toContain('/ResourceConfig/InstanceType');
    expect(r.cause).toContain('Error Code: ValidationException');
  });

  it('a field unknown to the API that appears only at run time fails the state with States.Runtime', async () => {
    const r = await execute(task('createTrainingJob', { ...training(), 'OutputDataConfig.$': '$.out' }), {
      input: { out: { S3OutputPath: 's3://b/o' } },
    });
    expect(r.status).toBe('SUCCEEDED');
    const { AlgorithmSpecification: _a, ...rest } = training();
    const bad = await execute(task('createTrainingJob', { ...rest, 'AlgorithmSpecification.$': '$.spec' }), {
      input: { spec: { TrainingImage: 'img', TrainingInputMode: 'File', S3Operations: [] } },
    });
    expect(bad).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(bad.cause).toContain('[The field "S3Operations" is not supported by Step Functions]');
  });
});

describe('.sync', () => {
  const job = (outcome: 'Completed' | 'Failed' | 'Stopped', extra: Obj = {}): WorldScenario => ({
    referencesExist: true,
    job: {
      polls: 3,
      outcome,
      durationSeconds: 6 * 3600,
      ...(outcome === 'Failed' ? { failureReason: 'AlgorithmError: boom' } : {}),
      ...extra,
    },
  });

  it('a six-hour job polled 4 times: the output is the Describe result with the Tags map and epoch-ms times', async () => {
    const started = Date.now();
    const r = await execute(task('createTrainingJob.sync', training()), {
      policy: ALL,
      scenario: job('Completed'),
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.status).toBe('SUCCEEDED');
    expect(seconds(r)).toBe(6 * 3600);
    const output = r.output as Obj;
    expect(output).toMatchObject({
      TrainingJobStatus: 'Completed',
      TrainingJobName: 'train-1',
      CreationTime: Date.UTC(2026, 0, 1),
    });
    expect(output.Tags).toEqual({
      MANAGED_BY_AWS: 'STARTED_BY_STEP_FUNCTIONS',
      AWS_STEP_FUNCTIONS_EXECUTION_ARN: r.executionArn,
    });
    const { Tags: _tags, ...describe } = output;
    expect(sagemakerValidator.validateShape('DescribeTrainingJobResponse', describe)).toEqual([]);
    expect(r.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(r.actions.filter((a) => a.startsWith('sagemaker:Describe'))).toHaveLength(4);
    expect(r.actions.slice(0, 3)).toEqual([
      'events:PutTargets allowed',
      'events:PutRule allowed',
      'events:DescribeRule allowed',
    ]);
    expect(r.actions).toContain('sagemaker:AddTags allowed');
    expect(r.actions.at(-1)).toBe('sagemaker:ListTags allowed');
  });

  it('a Failed or Stopped job fails the task with States.TaskFailed and the Describe result as cause', async () => {
    const failed = await execute(task('createTrainingJob.sync', training()), { scenario: job('Failed') });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(JSON.parse(failed.cause!)).toMatchObject({
      TrainingJobStatus: 'Failed',
      FailureReason: 'AlgorithmError: boom',
    });
    const stopped = await execute(task('createTrainingJob.sync', training()), { scenario: job('Stopped') });
    expect(stopped).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
  });

  it('without sagemaker:AddTags (the legacy template) the .sync create is denied', async () => {
    const r = await execute(task('createTrainingJob.sync', training()), {
      policy: without('sagemaker:AddTags'),
      scenario: job('Completed'),
    });
    expect(r).toMatchObject({ status: 'FAILED', error: 'SageMaker.AmazonSageMakerException' });
  });

  it('without Describe permission completion is seen through the job event: it succeeds, after the job ends', async () => {
    const r = await execute(task('createTrainingJob.sync', training()), {
      policy: without('sagemaker:DescribeTrainingJob'),
      scenario: job('Completed'),
    });
    expect(r.status).toBe('SUCCEEDED');
    expect(seconds(r)).toBe(6 * 3600);
    expect(r.actions.filter((a) => a.startsWith('sagemaker:DescribeTrainingJob'))).toEqual([
      'sagemaker:DescribeTrainingJob explicitDeny',
    ]);
  });

  it('without ListTags the output has no Tags map', async () => {
    const r = await execute(task('createTrainingJob.sync', training()), {
      policy: without('sagemaker:ListTags'),
      scenario: job('Completed'),
    });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).not.toHaveProperty('Tags');
  });

  it('create errors the scenario injects are retried like any SageMaker error', async () => {
    const scenario: WorldScenario = {
      referencesExist: true,
      createError: { error: 'ResourceLimitExceeded', times: 2 },
    };
    const retried = await execute(
      task('createTrainingJob', training(), {
        Retry: [
          { ErrorEquals: ['SageMaker.ResourceLimitExceededException'], IntervalSeconds: 60, BackoffRate: 1 },
        ],
      }),
      { scenario },
    );
    expect(retried.status).toBe('SUCCEEDED');
    expect(seconds(retried)).toBe(120);
    const plain = await execute(task('createTrainingJob', training()), { scenario });
    expect(plain).toMatchObject({ status: 'FAILED', error: 'SageMaker.ResourceLimitExceededException' });
    expect(plain.cause).toMatch(
      /Error Code: ResourceLimitExceeded; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    );
  });

  it('StopExecution mid-job makes the best-effort Stop call; the job ends Stopped', async () => {
    const r = await execute(task('createTrainingJob.sync', training()), {
      policy: ALL,
      scenario: { ...job('Completed'), abortAfterPolls: 1 },
    });
    expect(r.status).toBe('ABORTED');
    expect(r.actions.at(-1)).toBe('sagemaker:StopTrainingJob allowed');
    expect(r.history.map((e) => e.type).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
  });

  it('a task TimeoutSeconds shorter than the job times the task out (no Stop call: undocumented, sfn.sync.no-stop-on-task-timeout)', async () => {
    const r = await execute(task('createTrainingJob.sync', training(), { TimeoutSeconds: 3600 }), {
      policy: ALL,
      scenario: job('Completed'),
    });
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(r.history.map((e) => e.type)).toContain('TaskTimedOut');
    expect(seconds(r)).toBe(3600);
    expect(r.actions).not.toContain('sagemaker:StopTrainingJob allowed');
  });

  it('DescribeExecution of a timed-out execution has no error or cause (sfn.timed-out-no-error)', async () => {
    const r = await execute(
      { ...task('createTrainingJob.sync', training()), TimeoutSeconds: 60 },
      { scenario: job('Completed') },
    );
    expect(r.status).toBe('TIMED_OUT');
    const d = r.sfn.describeExecution(r.executionArn);
    expect(d.status).toBe('TIMED_OUT');
    expect(d).not.toHaveProperty('error');
  });
});

describe('CreateStateMachine', () => {
  it('a definition over 1,048,576 characters, and an input over 256 KiB of UTF-8, are ValidationExceptions', () => {
    const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const overhead = JSON.stringify({ ...pass, Comment: '' }).length;
    const sized = (chars: number) => ({ ...pass, Comment: 'x'.repeat(chars - overhead) });
    const { stateMachineArn } = sfn.createStateMachine({ definition: sized(1_048_576) });
    expect(() => sfn.createStateMachine({ definition: sized(1_048_577) })).toThrow(
      expect.objectContaining({
        code: 'ValidationException',
        message:
          "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576",
      }),
    );
    expect(() =>
      sfn.createStateMachine({ definition: JSON.stringify(sized(1_048_577)).replace('{', '{ ') }),
    ).toThrow(expect.objectContaining({ code: 'ValidationException' }));
    // The length is checked before the request is read any further (JSON, the state machine).
    expect(() => sfn.createStateMachine({ definition: `{${'x'.repeat(1_048_576)}` })).toThrow(
      expect.objectContaining({ code: 'ValidationException' }),
    );
    const input = (bytes: number) => ({ d: 'é'.repeat((bytes - 8) / 2) }); // {"d":""} is 8 bytes, é is 2
    expect(() =>
      sfn.startExecution({ stateMachineArn: `${stateMachineArn}-none`, input: input(262_146) }),
    ).toThrow(expect.objectContaining({ code: 'ValidationException' }));
    expect(() => sfn.startExecution({ stateMachineArn, input: input(262_144) })).not.toThrow();
    expect(() => sfn.startExecution({ stateMachineArn, input: input(262_146) })).toThrow(
      expect.objectContaining({
        code: 'ValidationException',
        message: expect.stringContaining("at 'input'"),
      }),
    );
  });

  const create = (definition: Obj, extra: { policy?: PolicyDocument; type?: 'EXPRESS' } = {}) => {
    try {
      new EmulatedStepFunctions().createStateMachine({ definition, ...extra });
      return 'created';
    } catch (e) {
      return e instanceof StepFunctionsError ? `${e.code}: ${e.message}` : String(e);
    }
  };

  it('rejects what Step Functions rejects, in its message style', () => {
    expect(create(task('createTrainingJob.waitForTaskToken', training()))).toMatch(
      /^InvalidDefinition: SCHEMA_VALIDATION_FAILED: The resource provided .* is not recognized.* at \/States\/Train\/Resource$/,
    );
    expect(create(task('createModel.sync', { ModelName: 'm' }))).toMatch(/not recognized/);
    expect(create(task('createTrainingJob.sync', training()), { type: 'EXPRESS' })).toBe(
      "InvalidDefinition: SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/Train/Resource",
    );
    expect(create(task('createTrainingJob', { ...training(), roleArn: ROLE }))).toBe(
      'InvalidDefinition: SCHEMA_VALIDATION_FAILED: The field "roleArn" is not supported by Step Functions at /States/Train/Parameters',
    );
    expect(create({ StartAt: 'X', States: {} })).toMatch(/^InvalidDefinition: SCHEMA_VALIDATION_FAILED/);
    // Values are not checked at creation: SageMaker checks them at call time.
    expect(create(task('createTrainingJob', training({ TrainingJobName: 'bad_name' })))).toBe('created');
  });

  it('creates the managed rule of .sync tasks with the role: without events permissions it fails', () => {
    expect(create(task('createTrainingJob.sync', training()), { policy: without('events:PutRule') })).toBe(
      "AccessDeniedException: 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole' is not authorized to create managed-rule.",
    );
    expect(create(task('createTrainingJob', training()), { policy: without('events:PutRule') })).toBe(
      'created',
    );
  });
});

describe('state machines over their life: describe, update, list, tags, delete', () => {
  const pass = (result: string) => ({
    StartAt: 'P',
    States: { P: { Type: 'Pass', Result: result, End: true } },
  });
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof StepFunctionsError ? e.code : String(e);
    }
  };

  it('describes a machine with its definition as sent; an update changes the next executions only', async () => {
    const sfn = new EmulatedStepFunctions();
    const text = JSON.stringify(pass('one'));
    const { stateMachineArn } = sfn.createStateMachine({ name: 'm', definition: text });
    expect(sfn.describeStateMachine(stateMachineArn)).toMatchObject({
      name: 'm',
      status: 'ACTIVE',
      definition: text,
      type: 'STANDARD',
      creationDate: '2026-01-01T00:00:00.000Z',
    });
    const before = sfn.startExecution({ stateMachineArn }).executionArn;
    sfn.updateStateMachine({ stateMachineArn, definition: pass('two') });
    const after = sfn.startExecution({ stateMachineArn }).executionArn;
    expect((await sfn.awaitExecution(before)).output).toBe('one');
    expect((await sfn.awaitExecution(after)).output).toBe('two');
    expect(sfn.describeStateMachine(stateMachineArn).definition).toBe(JSON.stringify(pass('two')));
    expect(sfn.listExecutions(stateMachineArn).map((e) => e.executionArn)).toEqual([after, before]);
    expect(sfn.listExecutions(stateMachineArn, 'FAILED')).toEqual([]);
  });

  it('checks an update as a creation: the definition, and the managed rule with the policy', () => {
    const sfn = new EmulatedStepFunctions();
    const { stateMachineArn } = sfn.createStateMachine({
      definition: task('createTrainingJob', training()),
      policy: without('events:PutRule'),
    });
    expect(code(() => sfn.updateStateMachine({ stateMachineArn }))).toBe('MissingRequiredParameter');
    expect(code(() => sfn.updateStateMachine({ stateMachineArn, definition: '{' }))).toBe(
      'InvalidDefinition',
    );
    expect(
      code(() =>
        sfn.updateStateMachine({ stateMachineArn, definition: task('createTrainingJob.sync', training()) }),
      ),
    ).toBe('AccessDeniedException');
    expect(code(() => sfn.updateStateMachine({ stateMachineArn, roleArn: ROLE }))).toBe('ok');
    expect(sfn.describeStateMachine(stateMachineArn).roleArn).toBe(ROLE);
  });

  it('lists machines in creation order; tags them; a deleted machine is gone, its executions stay', async () => {
    const sfn = new EmulatedStepFunctions();
    const a = sfn.createStateMachine({ name: 'a', definition: pass('a') }).stateMachineArn;
    const b = sfn.createStateMachine({ name: 'b', definition: pass('b') }).stateMachineArn;
    expect(sfn.listStateMachines().map((m) => m.name)).toEqual(['a', 'b']);
    sfn.tagResource(a, [{ key: 'k', value: '1' }]);
    sfn.tagResource(a, [
      { key: 'k', value: '2' },
      { key: 'j', value: '3' },
    ]);
    expect(sfn.listTagsForResource(a)).toEqual([
      { key: 'k', value: '2' },
      { key: 'j', value: '3' },
    ]);
    expect(sfn.listTagsForResource(b)).toEqual([]);
    const { executionArn } = sfn.startExecution({ stateMachineArn: a });
    await sfn.awaitExecution(executionArn);
    sfn.deleteStateMachine(a);
    sfn.deleteStateMachine(a);
    expect(sfn.listStateMachines().map((m) => m.name)).toEqual(['b']);
    expect(code(() => sfn.describeStateMachine(a))).toBe('StateMachineDoesNotExist');
    expect(code(() => sfn.listTagsForResource(a))).toBe('ResourceNotFound');
    expect(code(() => sfn.tagResource(a, []))).toBe('ResourceNotFound');
    expect(sfn.describeExecution(executionArn).status).toBe('SUCCEEDED');
  });
});

describe('mutants', () => {
  it('several at once each take effect: ARN name as written, PassRole not checked, OutputPath ignored', async () => {
    const definition = task('createTrainingJob', training({ TrainingJobName: 'Train-1' }), {
      OutputPath: '$.TrainingJobArn',
    });
    const run = (mutants: readonly MutantName[]) =>
      execute(definition, {
        policy: ALL,
        sfn: new EmulatedStepFunctions({ aslSchemaCheck: false, mutants }),
      });
    const lowerArn = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train-1';
    const writtenArn = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/Train-1';
    const bothCalls = ['sagemaker:CreateTrainingJob allowed', 'iam:PassRole allowed'];
    const correct = await run([]);
    expect([correct.output, correct.actions]).toEqual([lowerArn, bothCalls]);
    // Each alone changes only its own part.
    const arnName = await run(['arn-name-not-lowercased']);
    expect([arnName.output, arnName.actions]).toEqual([writtenArn, bothCalls]);
    const passRole = await run(['passrole-not-checked']);
    expect([passRole.output, passRole.actions]).toEqual([lowerArn, bothCalls.slice(0, 1)]);
    const outputPath = await run(['outputpath-ignored']);
    expect([outputPath.output, outputPath.actions]).toEqual([{ TrainingJobArn: lowerArn }, bothCalls]);
    // Together, all three.
    const all = await run(['arn-name-not-lowercased', 'passrole-not-checked', 'outputpath-ignored']);
    expect([all.output, all.actions]).toEqual([{ TrainingJobArn: writtenArn }, bothCalls.slice(0, 1)]);
  });
});
