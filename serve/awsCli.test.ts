/**
 * `serve` driven by the AWS CLI (`aws ... --endpoint-url`): the caller's identity, an execution
 * role made with `aws iam`, one create, start and describe round with it; the training job an
 * execution ran, described and listed by `aws sagemaker`; a callback task answered with
 * `send-task-success`; errors the CLI names. Skipped, saying so, where `aws` is not installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

/** Whether the AWS CLI answers `aws --version`. */
function awsCliPresent(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const present = awsCliPresent();
if (!present) console.warn('serve with the AWS CLI: skipped, `aws` is not installed');

/** Whether the installed CLI has `test-state` with its November 2025 `--mock` option. */
function cliTestsStates(): boolean {
  if (!present) return false;
  try {
    const help = execFileSync('aws', ['stepfunctions', 'test-state', 'help'], {
      encoding: 'utf8',
      env: { ...process.env, PAGER: 'cat', AWS_PAGER: '' },
      timeout: 60_000,
    });
    return help.includes('--mock');
  } catch {
    return false;
  }
}

const testsStates = cliTestsStates();
if (present && !testsStates)
  console.warn('serve with the AWS CLI: test-state skipped, this `aws` has no `test-state --mock`');

const home = mkdtempSync(join(tmpdir(), 'serve-aws-cli-'));
/** Credentials and a region of their own: no profile or config of the machine is read. */
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(home, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
  // TestState's endpoint has the host prefix `sync-`: a local endpoint takes none.
  AWS_DISABLE_HOST_PREFIX_INJECTION: 'true',
};

describe.skipIf(!present)('serve: with the AWS CLI', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const cli = async (service: string, ...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      'aws',
      [service, ...args, '--endpoint-url', server.url, '--output', 'json'],
      { env },
    );
    // An operation with an empty answer (send-task-success) prints nothing.
    return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as Record<string, unknown>;
  };
  const aws = (...args: string[]) => cli('stepfunctions', ...args);
  /** The CLI's failure: its exit code and what it printed on stderr. */
  const failure = (...args: string[]) =>
    promisify(execFile)('aws', [...args, '--endpoint-url', server.url], { env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );

  it("answers sts get-caller-identity with the server's account", async () => {
    const who = await cli('sts', 'get-caller-identity');
    expect(who.Account).toBe('123456789012');
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/sfn-conformance-serve');
  });

  it('creates the execution role with aws iam create-role and put-role-policy', async () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    const created = (await cli(
      'iam',
      'create-role',
      '--role-name',
      'StepFunctionsExecutionRole',
      '--path',
      '/',
      '--assume-role-policy-document',
      JSON.stringify(trust),
      '--tags',
      'Key=team,Value=ml',
    )) as { Role: Record<string, unknown> };
    expect(created.Role.Arn).toBe('arn:aws:iam::123456789012:role/StepFunctionsExecutionRole');
    // The CLI decodes the URL-encoded document IAM returns back into JSON.
    expect(created.Role.AssumeRolePolicyDocument).toEqual(trust);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    await cli(
      'iam',
      'put-role-policy',
      '--role-name',
      'StepFunctionsExecutionRole',
      '--policy-name',
      'all',
      '--policy-document',
      JSON.stringify(policy),
    );
    const got = await cli(
      'iam',
      'get-role-policy',
      '--role-name',
      'StepFunctionsExecutionRole',
      '--policy-name',
      'all',
    );
    expect(got.PolicyDocument).toEqual(policy);
    const failed = await promisify(execFile)(
      'aws',
      ['iam', 'get-role', '--role-name', 'nobody', '--endpoint-url', server.url],
      { env },
    ).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.stderr).toMatch(
      /\(NoSuchEntity\) when calling the GetRole operation: The role with name nobody cannot be found/,
    );
  });

  // The role is the one `aws iam create-role` made above: serve refuses a role it does not have.
  it('creates a state machine, starts an execution and describes it: SUCCEEDED', async () => {
    const definition = JSON.stringify({
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', Seconds: 3, Next: 'Done' },
        Done: { Type: 'Pass', Result: { ok: true }, End: true },
      },
    });
    const created = await aws(
      'create-state-machine',
      '--name',
      'cli-machine',
      '--definition',
      definition,
      '--role-arn',
      'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole',
    );
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:cli-machine');
    const started = await aws(
      'start-execution',
      '--state-machine-arn',
      String(created.stateMachineArn),
      '--name',
      'cli-run',
      '--input',
      '{"from": "cli"}',
    );
    let described: Record<string, unknown>;
    do described = await aws('describe-execution', '--execution-arn', String(started.executionArn));
    while (described.status === 'RUNNING');
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(String(described.output))).toEqual({ ok: true });
    // Epoch seconds on the wire: CLI v1 prints them as they came, v2 as ISO 8601.
    expect(String(described.startDate)).toMatch(/^\d{10}(\.\d+)?$|^\d{4}-\d\d-\d\dT/);
  });

  it.skipIf(!testsStates)(
    'test-state: a Choice names its next state, a mocked error its retrier',
    async () => {
      const choice = await aws(
        'test-state',
        '--definition',
        JSON.stringify({
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }],
          Default: 'Small',
        }),
        '--input',
        '{"n": 5}',
      );
      expect(choice).toMatchObject({ status: 'SUCCEEDED', nextState: 'Big' });
      const retried = await aws(
        'test-state',
        '--definition',
        JSON.stringify({
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: { TrainingJobName: 'cli-job' },
          Retry: [{ ErrorEquals: ['SageMaker.ResourceLimitExceededException'], IntervalSeconds: 60 }],
          End: true,
        }),
        '--mock',
        JSON.stringify({
          errorOutput: { error: 'SageMaker.ResourceLimitExceededException', cause: 'limit' },
        }),
        '--inspection-level',
        'DEBUG',
      );
      expect(retried).toMatchObject({
        status: 'RETRIABLE',
        inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 60 } },
      });
    },
  );

  it('completes a callback task with send-task-success', async () => {
    const definition = JSON.stringify({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: {
            QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
            MessageBody: { 'token.$': '$$.Task.Token' },
          },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await aws(
      'create-state-machine',
      '--name',
      'cli-callback',
      '--definition',
      definition,
      '--role-arn',
      'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole',
    );
    const { executionArn } = await aws('start-execution', '--state-machine-arn', String(stateMachineArn));
    const { events } = (await aws('get-execution-history', '--execution-arn', String(executionArn))) as {
      events: { type: string; taskScheduledEventDetails?: { parameters: string } }[];
    };
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!;
    const token = (
      JSON.parse(scheduled.taskScheduledEventDetails!.parameters) as { MessageBody: { token: string } }
    ).MessageBody.token;
    expect((await aws('describe-execution', '--execution-arn', String(executionArn))).status).toBe('RUNNING');
    expect(await aws('send-task-success', '--task-token', token, '--task-output', '{"done": true}')).toEqual(
      {},
    );
    let described: Record<string, unknown>;
    do described = await aws('describe-execution', '--execution-arn', String(executionArn));
    while (described.status === 'RUNNING');
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(String(described.output))).toEqual({ done: true });
  });

  it('names the error of an unknown state machine', async () => {
    const failed = await failure(
      'stepfunctions',
      'describe-state-machine',
      '--state-machine-arn',
      'arn:aws:states:us-east-1:123456789012:stateMachine:nope',
    );
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toMatch(
      /\(StateMachineDoesNotExist\) when calling the DescribeStateMachine operation/,
    );
  });

  it('describes and lists the training job an execution ran, with aws sagemaker', async () => {
    const definition = JSON.stringify({
      StartAt: 'Train',
      States: {
        Train: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: {
            TrainingJobName: 'cli-training',
            RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
            AlgorithmSpecification: {
              TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
              TrainingInputMode: 'File',
            },
            OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
            ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
          End: true,
        },
      },
    });
    const created = await aws(
      'create-state-machine',
      '--name',
      'cli-train',
      '--definition',
      definition,
      '--role-arn',
      'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole',
    );
    const started = await aws('start-execution', '--state-machine-arn', String(created.stateMachineArn));
    let described: Record<string, unknown>;
    do described = await aws('describe-execution', '--execution-arn', String(started.executionArn));
    while (described.status === 'RUNNING');
    expect(described.status).toBe('SUCCEEDED');
    const job = await cli('sagemaker', 'describe-training-job', '--training-job-name', 'cli-training');
    expect(job).toMatchObject({
      TrainingJobName: 'cli-training',
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/cli-training',
      TrainingJobStatus: 'Completed',
    });
    const listed = await cli('sagemaker', 'list-training-jobs', '--name-contains', 'cli');
    expect(
      (listed.TrainingJobSummaries as { TrainingJobName: string }[]).map((j) => j.TrainingJobName),
    ).toEqual(['cli-training']);
    const tags = await cli('sagemaker', 'list-tags', '--resource-arn', String(job.TrainingJobArn));
    expect(tags.Tags).toContainEqual({
      Key: 'AWS_STEP_FUNCTIONS_EXECUTION_ARN',
      Value: started.executionArn,
    });
  });

  it('names the error of a model that does not exist', async () => {
    const failed = await failure('sagemaker', 'delete-model', '--model-name', 'nope');
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toMatch(
      /\(ValidationException\) when calling the DeleteModel operation: Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model\/nope"\./,
    );
  });
});
