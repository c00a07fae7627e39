/**
 * `serve` driven by boto3 (the AWS SDK for Python): testing/boto3Flow.py runs one flow against the
 * server (the caller's identity, an execution role made with IAM, a state machine that trains then
 * makes a model, its paged history, the training job, TestState with a mock, two errors) and prints
 * what it saw as one JSON object, asserted here. Skipped, saying so, where `python3` or its `boto3`
 * is absent.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

/** Whether `python3` imports `boto3`. */
function boto3Present(): boolean {
  try {
    execFileSync('python3', ['-c', 'import boto3'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const present = boto3Present();
if (!present) console.warn('serve with boto3: skipped, `python3` or its `boto3` module is not installed');

const SCRIPT = fileURLToPath(new URL('./testing/boto3Flow.py', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'serve-boto3-'));
/** No profile or config of the machine is read. */
const env = {
  ...process.env,
  AWS_CONFIG_FILE: join(home, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  // TestState's endpoint has the host prefix `sync-`: a local endpoint takes none.
  AWS_DISABLE_HOST_PREFIX_INJECTION: 'true',
};

/** What boto3Flow.py prints. */
interface Seen {
  boto3: string;
  botocore: string;
  account: string;
  roleArn: string;
  polls: number;
  status: string;
  modelArn: string | null;
  historyPages: number;
  eventTypes: string[];
  trainingJobStatus: string;
  testStateHasMock: boolean;
  testState?: { status: string; output: unknown };
  getRoleError: string | null;
  describeExecutionError: string | null;
}

describe.skipIf(!present)('serve: with boto3', () => {
  let server: RunningServer;
  let seen: Seen;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
    const { stdout } = await promisify(execFile)('python3', [SCRIPT, server.url], { env });
    seen = JSON.parse(stdout) as Seen;
  });
  afterAll(() => server.close());

  it("answers sts.get_caller_identity with the server's account", () => {
    expect(seen.account).toBe('123456789012');
  });

  it('creates the execution role with iam.create_role and put_role_policy', () => {
    expect(seen.roleArn).toBe('arn:aws:iam::123456789012:role/StepFunctionsExecutionRole');
  });

  it('runs a training job (.sync) then createModel: SUCCEEDED', () => {
    expect(seen.status).toBe('SUCCEEDED');
    expect(seen.modelArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model/boto3-training');
  });

  it('pages through the execution history with maxResults and nextToken', () => {
    expect(seen.historyPages).toBeGreaterThan(1);
    expect(seen.eventTypes).toEqual(expect.arrayContaining(['TaskSubmitted', 'TaskSucceeded']));
    // Each event once, in order, across pages: the .sync task is submitted, the request-response
    // createModel is not (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).
    const task = ['TaskStateEntered', 'TaskScheduled', 'TaskStarted'];
    expect(seen.eventTypes).toEqual([
      'ExecutionStarted',
      ...task,
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      ...task,
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('describes the training job with sagemaker.describe_training_job: Completed', () => {
    expect(seen.trainingJobStatus).toBe('Completed');
  });

  it('test_state with a mocked createModel result, DEBUG: SUCCEEDED', (ctx) => {
    if (!seen.testStateHasMock) {
      console.warn(`serve with boto3: test_state skipped, botocore ${seen.botocore} has no TestState mock`);
      ctx.skip();
    }
    expect(seen.testState).toEqual({
      status: 'SUCCEEDED',
      output: { ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/mocked' },
    });
  });

  it('gives errors boto3 parses: NoSuchEntity, InvalidArn', () => {
    expect(seen.getRoleError).toBe('NoSuchEntity');
    expect(seen.describeExecutionError).toBe('InvalidArn');
  });
});
