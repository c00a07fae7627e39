/**
 * The options of a real account or an endpoint, checked where they are given: refused on the
 * built-in emulator, a region checked as a region name wherever it comes from, credentials in an
 * endpoint URL refused without repeating them, an invalid URL named, and `run --plan --account`
 * printed without credentials.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from '../testing/runInProcess.js';
import { isolatedAwsEnvironment } from '../testing/awsEnvironment.js';

isolatedAwsEnvironment('sfnc-target-options-');
const dir = mkdtempSync(join(tmpdir(), 'sfnc-target-reports-'));
let reports = 0;

describe('options of aws and endpoint on the built-in emulator', () => {
  it.each([
    ['--profile', 'dev'],
    ['--request-timeout', 'abc'],
    ['--execution-timeout', '-5'],
    ['--account', '123456789012'],
  ])('run %s %s is refused, naming the option and the targets it is for', async (option, value) => {
    const report = join(dir, `report-${++reports}`);
    const result = await run('run', '--runs', '1', '--report', report, option, value);
    expectOneLine(result, new RegExp(`^sfn-conformance: ${option} is for --target aws or endpoint`));
    expect(existsSync(report)).toBe(false);
  });

  it('replay refuses them too', async () => {
    expectOneLine(
      await run('replay', '--suite', 'outcome', '--seed', '1', '--path', '0', '--profile', 'dev'),
      /--profile is for --target aws or endpoint/,
    );
  });

  it('a region that is not a region name is refused, and never reaches a report', async () => {
    const report = join(dir, 'mars');
    expectOneLine(
      await run('run', '--runs', '1', '--region', 'Mars; 1', '--report', report),
      /--region "Mars; 1" is not a region name/,
    );
    expect(existsSync(report)).toBe(false);
    expectOneLine(
      await run('replay', '--suite', 'outcome', '--seed', '1', '--path', '0', '--region', 'Mars; 1'),
      /--region "Mars; 1" is not a region name/,
    );
  });
});

describe('the region of aws and endpoint', () => {
  it('--region and AWS_REGION are checked before any call', async () => {
    expectOneLine(
      await run('run', '--target', 'aws', '--allow-account', '123456789012', '--plan', '--region', 'Mars; 1'),
      /--region "Mars; 1" is not a region name/,
    );
    process.env.AWS_REGION = 'Mars; 1';
    expectOneLine(
      await run('run', '--target', 'aws', '--allow-account', '123456789012', '--plan'),
      /configured region \(AWS_REGION.*\) "Mars; 1" is not a region name/,
    );
  });
});

describe('endpoint URLs', () => {
  it('credentials in --endpoint are refused without being repeated', async () => {
    const result = await run(
      'run',
      '--target',
      'endpoint',
      '--endpoint',
      'http://alice:s3cr3t@127.0.0.1:1',
      '--plan',
    );
    expectOneLine(result, /--endpoint has credentials in its URL/);
    expect(result.stderr).not.toMatch(/alice|s3cr3t/);
  });

  it('credentials in AWS_ENDPOINT_URL are refused, or left out of the message, for either target', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://user:secret@127.0.0.1:1';
    const endpoint = await run('run', '--target', 'endpoint', '--plan');
    expectOneLine(endpoint, /AWS_ENDPOINT_URL has credentials in its URL/);
    expect(endpoint.stderr).not.toContain('secret');
    const aws = await run('run', '--target', 'aws', '--allow-account', '123456789012', '--plan');
    expectOneLine(aws, /--target aws must talk to AWS/);
    expect(aws.stderr).not.toContain('secret');
  });

  it.each(['http://exa mple:5000', 'http://127.0.0.1:99999', 'ftp://127.0.0.1:5000', 'http://'])(
    'an invalid URL %j is named, with how to fix it',
    async (url) => {
      expectOneLine(
        await run('run', '--target', 'endpoint', '--endpoint', url, '--plan'),
        /--endpoint ".*" is not an http\(s\) URL with a host.*give scheme, host and port, e\.g\. --endpoint http:\/\/127\.0\.0\.1:5000/,
      );
    },
  );
});

describe('run --plan --account', () => {
  it('prints the plan for the account without credentials (no call is made)', async () => {
    const result = await run(
      'run',
      '--target',
      'aws',
      '--account',
      '123456789012',
      '--plan',
      '--runs',
      '2',
      '--seed',
      '1',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^plan for AWS account 123456789012 \(us-east-1, partition aws\)/);
    expect(result.stdout).toContain('nothing was created.');
  });

  it('the account must be one --allow-account names, when it names any; --account goes with --plan', async () => {
    expectOneLine(
      await run(
        'run',
        '--target',
        'aws',
        '--allow-account',
        '111111111111',
        '--account',
        '123456789012',
        '--plan',
      ),
      /--account 123456789012, which --allow-account does not name/,
    );
    expectOneLine(
      await run('run', '--target', 'aws', '--allow-account', '123456789012', '--account', '123456789012'),
      /--account goes with --plan/,
    );
    expectOneLine(
      await run('run', '--target', 'aws', '--account', '1234', '--plan'),
      /--account "1234" is not a 12-digit AWS account id/,
    );
  });
});
