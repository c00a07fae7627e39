/**
 * `serve`'s SageMaker (JSON 1.1) driven by the AWS SDK for JavaScript (@aws-sdk/client-sagemaker)
 * over loopback on a free port, beside its Step Functions: what executions create is what
 * SageMaker's own calls find (one world), errors are parsed by the SDK into their classes, and the
 * world's scenario is the server's or, for a tagged state machine, its own.
 */
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
  DeleteEndpointCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  DescribeTrainingJobCommand,
  ListModelsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ResourceInUse,
  ResourceLimitExceeded,
  ResourceNotFound,
  SageMakerClient,
  SageMakerServiceException,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
  StartExecutionCommand,
  TagResourceCommand,
  ValidationException as SfnValidationException,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutionRole } from './testing/executionRole.js';
import type { WorldScenario } from '../catalog/scenario.js';
import { startServer, type RunningServer } from './server.js';

const START = Date.UTC(2026, 0, 1);
const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/StepFunctionsExecutionRole`;
const SAGEMAKER_ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`;
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const arn = (type: string, name: string) => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:${type}/${name}`;

const TRAINING = {
  RoleArn: SAGEMAKER_ROLE,
  AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
} as const;

/** Train (`.sync`, with a tag of the user's), then a model of the job's artifacts; names from the input. */
const TRAIN_THEN_MODEL = JSON.stringify({
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: { 'TrainingJobName.$': '$.name', ...TRAINING, Tags: [{ Key: 'team', Value: 'ml' }] },
      ResultPath: '$.training',
      Next: 'Model',
    },
    Model: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        'ModelName.$': '$.name',
        ExecutionRoleArn: SAGEMAKER_ROLE,
        PrimaryContainer: { Image: IMAGE, 'ModelDataUrl.$': '$.training.ModelArtifacts.S3ModelArtifacts' },
      },
      End: true,
    },
  },
});

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A server with its two clients. */
interface Served {
  server: RunningServer;
  sfn: SFNClient;
  sm: SageMakerClient;
}

async function serve(scenario?: WorldScenario): Promise<Served> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    emulator: { startEpochMs: START },
    ...(scenario ? { scenario } : {}),
  });
  // The executions' role, as IAM serves it (its ARN is ROLE).
  await createExecutionRole(server.url, 'StepFunctionsExecutionRole');
  const client = { endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { server, sfn: new SFNClient(client), sm: new SageMakerClient(client) };
}

async function close(s: Served): Promise<void> {
  s.sfn.destroy();
  s.sm.destroy();
  await s.server.close();
}

/** Creates the machine (with tags, if any), runs it on `input` and waits for its end. */
async function execute(
  { sfn }: Served,
  machine: string,
  input: unknown,
  tags: { key: string; value: string }[] = [],
): Promise<DescribeExecutionCommandOutput> {
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name: machine, definition: TRAIN_THEN_MODEL, roleArn: ROLE, tags }),
  );
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
  );
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
  }
}

/** What a call is refused with. */
async function refusal(call: Promise<unknown>): Promise<SageMakerServiceException> {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof SageMakerServiceException))
    throw new Error(`not refused as SageMaker refuses: ${String(e)}`);
  return e;
}

describe('serve: SageMaker (JSON 1.1) beside Step Functions, one world', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(() => close(s));

  it('finds what an execution created: the .sync job Completed with its tags, listed; the model', async () => {
    const done = await execute(s, 'train-then-model', { name: 'churn' });
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ ModelArn: arn('model', 'churn') });

    const job = await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'churn' }));
    expect(job).toMatchObject({
      TrainingJobName: 'churn',
      TrainingJobArn: arn('training-job', 'churn'),
      TrainingJobStatus: 'Completed',
      RoleArn: SAGEMAKER_ROLE,
      ModelArtifacts: { S3ModelArtifacts: 's3://bucket/out/churn/output/model.tar.gz' },
    });
    // Epoch seconds on the wire, dates in the SDK: created at the start, ended after one 60 s poll.
    expect(job.CreationTime).toEqual(new Date(START));
    expect(job.TrainingEndTime).toEqual(new Date(START + 60_000));
    const tags = await s.sm.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }));
    expect(tags.Tags).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: 'MANAGED_BY_AWS', Value: 'STARTED_BY_STEP_FUNCTIONS' },
      { Key: 'AWS_STEP_FUNCTIONS_EXECUTION_ARN', Value: done.executionArn },
    ]);

    const listed = await s.sm.send(new ListTrainingJobsCommand({ NameContains: 'churn' }));
    expect(listed.TrainingJobSummaries).toEqual([
      {
        TrainingJobName: 'churn',
        TrainingJobArn: arn('training-job', 'churn'),
        TrainingJobStatus: 'Completed',
        SecondaryStatus: 'Completed',
        CreationTime: new Date(START),
        TrainingEndTime: new Date(START + 60_000),
        LastModifiedTime: new Date(START + 60_000),
      },
    ]);
    expect(
      (await s.sm.send(new ListTrainingJobsCommand({ StatusEquals: 'InProgress' }))).TrainingJobSummaries,
    ).toEqual([]);
    const models = await s.sm.send(new ListModelsCommand({}));
    expect(models.Models?.map((m) => m.ModelName)).toEqual(['churn']);
    expect(await s.sm.send(new DescribeModelCommand({ ModelName: 'churn' }))).toMatchObject({
      ModelArn: arn('model', 'churn'),
      PrimaryContainer: { Image: IMAGE, ModelDataUrl: 's3://bucket/out/churn/output/model.tar.gz' },
    });
  });

  it('deletes a model; a second delete is the ValidationException AWS gives', async () => {
    await s.sm.send(
      new CreateModelCommand({
        ModelName: 'gone',
        ExecutionRoleArn: SAGEMAKER_ROLE,
        PrimaryContainer: { Image: IMAGE },
      }),
    );
    await s.sm.send(new DeleteModelCommand({ ModelName: 'gone' }));
    const again = await refusal(s.sm.send(new DeleteModelCommand({ ModelName: 'gone' })));
    expect(again.name).toBe('ValidationException');
    expect(again.message).toBe(`Could not find model "${arn('model', 'gone')}".`);
    expect(again.$metadata.httpStatusCode).toBe(400);
    expect((await s.sm.send(new ListModelsCommand({ NameContains: 'gone' }))).Models).toEqual([]);
  });

  it('creates an endpoint of a configuration of a model, InService; its configuration must exist', async () => {
    await s.sm.send(
      new CreateModelCommand({
        ModelName: 'm',
        ExecutionRoleArn: SAGEMAKER_ROLE,
        PrimaryContainer: { Image: IMAGE },
      }),
    );
    const variants = [
      {
        VariantName: 'AllTraffic',
        ModelName: 'm',
        InitialInstanceCount: 1,
        InstanceType: 'ml.m5.large' as const,
      },
    ];
    await s.sm.send(
      new CreateEndpointConfigCommand({ EndpointConfigName: 'c', ProductionVariants: variants }),
    );
    // A fresh account: a configuration of a model nobody created is refused.
    const missing = await refusal(
      s.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'c2',
          ProductionVariants: [{ ...variants[0]!, ModelName: 'nowhere' }],
        }),
      ),
    );
    expect(missing.message).toBe(`Could not find model "${arn('model', 'nowhere')}".`);
    const { EndpointArn } = await s.sm.send(
      new CreateEndpointCommand({ EndpointName: 'e', EndpointConfigName: 'c' }),
    );
    expect(EndpointArn).toBe(arn('endpoint', 'e'));
    expect(await s.sm.send(new DescribeEndpointCommand({ EndpointName: 'e' }))).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'c',
    });
    await s.sm.send(new DeleteEndpointCommand({ EndpointName: 'e' }));
    expect((await refusal(s.sm.send(new DescribeEndpointCommand({ EndpointName: 'e' })))).message).toBe(
      `Could not find endpoint "${arn('endpoint', 'e')}".`,
    );
  });

  it('pages a List call with MaxResults and NextToken, newest model first', async () => {
    for (const name of ['p1', 'p2', 'p3'])
      await s.sm.send(
        new CreateModelCommand({
          ModelName: name,
          ExecutionRoleArn: SAGEMAKER_ROLE,
          PrimaryContainer: { Image: IMAGE },
        }),
      );
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await s.sm.send(new ListModelsCommand({ NameContains: 'p', MaxResults: 2, NextToken }));
      expect(page.Models!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Models!.map((m) => m.ModelName!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual(['p3', 'p2', 'p1']);
    const foreign = await refusal(s.sm.send(new ListTrainingJobsCommand({ NextToken: 'not-ours' })));
    expect(foreign.name).toBe('ValidationException');
  });

  it('tags a resource, and answers errors the SDK parses into their classes', async () => {
    await s.sm.send(
      new AddTagsCommand({ ResourceArn: arn('model', 'churn'), Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect((await s.sm.send(new ListTagsCommand({ ResourceArn: arn('model', 'churn') }))).Tags).toEqual([
      { Key: 'k', Value: 'v' },
    ]);
    expect(
      await refusal(s.sm.send(new ListTagsCommand({ ResourceArn: arn('model', 'nope') }))),
    ).toBeInstanceOf(ResourceNotFound);
    // A job nobody created: what AWS answers (sagemaker.missing.job), not the model's ResourceNotFound.
    const job = await refusal(s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'nope' })));
    expect([job.name, job.message]).toEqual(['ValidationException', 'Requested resource not found.']);
    // A job name in use.
    const input: CreateTrainingJobCommandInput = { TrainingJobName: 'twice', ...TRAINING };
    await s.sm.send(new CreateTrainingJobCommand(input));
    expect(await refusal(s.sm.send(new CreateTrainingJobCommand(input)))).toBeInstanceOf(ResourceInUse);
    // Stopped on the virtual clock: Stopping at once.
    await s.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'twice' }));
    expect(
      (await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'twice' }))).TrainingJobStatus,
    ).toBe('Stopping');
    // The API model's constraints, in SageMaker's words.
    const bad = await refusal(
      s.sm.send(
        new CreateModelCommand({
          ModelName: 'bad_name',
          ExecutionRoleArn: SAGEMAKER_ROLE,
          PrimaryContainer: { Image: IMAGE },
        }),
      ),
    );
    expect(bad.name).toBe('ValidationException');
    expect(bad.message).toBe(
      "1 validation error detected: Value 'bad_name' at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?",
    );
    const two = await refusal(s.sm.send(new DescribeModelCommand({ ModelName: 'x'.repeat(64) + '_' })));
    expect(two.message).toMatch(
      /^2 validation errors detected: Value 'x{64}_' at 'modelName' failed to satisfy constraint: Member must have length less than or equal to 63; /,
    );
  });
});

describe("serve: the world scenario, the server's and a state machine's", () => {
  const FAILING: WorldScenario = {
    referencesExist: false,
    job: { outcome: 'Failed', polls: 1, durationSeconds: 120, failureReason: 'AlgorithmError: boom' },
    jobQuota: 1,
  };
  let s: Served;
  beforeAll(async () => {
    s = await serve(FAILING);
  });
  afterAll(() => close(s));

  it("fails a .sync state whose job fails as the server's scenario says: States.TaskFailed, the job as cause", async () => {
    const done = await execute(s, 'fails', { name: 'doomed' });
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('States.TaskFailed');
    expect(JSON.parse(done.cause!)).toMatchObject({
      TrainingJobName: 'doomed',
      TrainingJobStatus: 'Failed',
      FailureReason: 'AlgorithmError: boom',
    });
    const job = await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'doomed' }));
    expect(job.TrainingEndTime).toEqual(new Date(START + 120_000));
  });

  it("a tagged state machine runs in its own scenario, in the server's one world", async () => {
    const own = JSON.stringify({
      referencesExist: true,
      job: { outcome: 'Completed', polls: 0, durationSeconds: 30 },
    });
    expect(own.length).toBeLessThanOrEqual(256);
    const done = await execute(s, 'succeeds', { name: 'fine' }, [
      { key: 'sfn-conformance:scenario', value: own },
    ]);
    expect(done.status).toBe('SUCCEEDED');
    // Created under another scenario, found by SageMaker's own calls all the same.
    expect(
      (await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'fine' }))).TrainingJobStatus,
    ).toBe('Completed');
    expect(
      (await s.sm.send(new ListTrainingJobsCommand({ SortBy: 'Name' }))).TrainingJobSummaries?.map(
        (j) => j.TrainingJobName,
      ),
    ).toEqual(['doomed', 'fine']);
  });

  it("jobs created directly run as the server's scenario says: its quota, its outcome", async () => {
    await s.sm.send(new CreateTrainingJobCommand({ TrainingJobName: 'direct', ...TRAINING }));
    // One job running at once (the quota of the scenario): the clock has not moved since.
    const over = await refusal(
      s.sm.send(new CreateTrainingJobCommand({ TrainingJobName: 'more', ...TRAINING })),
    );
    expect(over).toBeInstanceOf(ResourceLimitExceeded);
    expect(
      (await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'direct' }))).TrainingJobStatus,
    ).toBe('InProgress');
  });

  it('refuses StartExecution of a machine whose scenario tag is not a scenario, naming the tag', async () => {
    for (const [value, says] of [
      ['{"jobs": {}}', /the tag sfn-conformance:scenario of .*: unknown field "jobs"/],
      ['not json', /the tag sfn-conformance:scenario of .* is not JSON/],
      ['[]', /the tag sfn-conformance:scenario of .* must hold a JSON object/],
    ] as const) {
      const { stateMachineArn } = await s.sfn.send(
        new CreateStateMachineCommand({
          name: `bad-${value.length}`,
          definition: TRAIN_THEN_MODEL,
          roleArn: ROLE,
        }),
      );
      await s.sfn.send(
        new TagResourceCommand({
          resourceArn: stateMachineArn,
          tags: [{ key: 'sfn-conformance:scenario', value }],
        }),
      );
      const e = await s.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"name":"x"}' })).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(e).toBeInstanceOf(SfnValidationException);
      expect((e as Error).message).toMatch(says);
    }
  });
});
