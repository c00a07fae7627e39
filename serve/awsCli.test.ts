/**
 * `serve` driven by the AWS CLI (`aws stepfunctions ... --endpoint-url`): one create, start and
 * describe round, a callback task answered with `send-task-success`, and an error the CLI names.
 * Skipped, saying so, where `aws` is not installed.
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
};

describe.skipIf(!present)('serve: with the AWS CLI', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const aws = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      'aws',
      ['stepfunctions', ...args, '--endpoint-url', server.url, '--output', 'json'],
      { env },
    );
    // An operation with an empty answer (send-task-success) prints nothing.
    return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as Record<string, unknown>;
  };

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
    const failed = await promisify(execFile)(
      'aws',
      [
        'stepfunctions',
        'describe-state-machine',
        '--state-machine-arn',
        'arn:aws:states:us-east-1:123456789012:stateMachine:nope',
        '--endpoint-url',
        server.url,
      ],
      { env },
    ).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toMatch(
      /\(StateMachineDoesNotExist\) when calling the DescribeStateMachine operation/,
    );
  });
});
