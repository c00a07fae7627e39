/** `exec` takes the partition from the Task Resource ARNs (or --partition / --region), as `policy` does. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from '../testing/runInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'sfnc-exec-partition-'));
const definition = (partition: string) => {
  const path = join(dir, `${partition}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      StartAt: 'Model',
      States: {
        Model: {
          Type: 'Task',
          Resource: `arn:${partition}:states:::sagemaker:createModel`,
          Parameters: {
            ModelName: 'm1',
            ExecutionRoleArn: `arn:${partition}:iam::123456789012:role/SageMakerRole`,
            PrimaryContainer: { Image: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/img:1' },
          },
          End: true,
        },
      },
    }),
  );
  return path;
};
const calls = (stdout: string) =>
  (JSON.parse(stdout) as { calls: { resource: string }[] }).calls.map((c) => c.resource);

describe('exec in another partition', () => {
  it("makes the partition's ARNs, in its first region, from the Resource ARN", async () => {
    const r = await run('exec', definition('aws-cn'), '--account', '123456789012', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(calls(r.stdout)).toContain('arn:aws-cn:sagemaker:cn-north-1:123456789012:model/m1');
  });

  it('--region and --partition choose it; a region outside the partition is refused in one line', async () => {
    const r = await run(
      'exec',
      definition('aws-cn'),
      '--account',
      '123456789012',
      '--format',
      'json',
      '--region',
      'cn-northwest-1',
    );
    expect(calls(r.stdout)).toContain('arn:aws-cn:sagemaker:cn-northwest-1:123456789012:model/m1');
    const gov = await run(
      'exec',
      definition('aws'),
      '--account',
      '123456789012',
      '--format',
      'json',
      '--partition',
      'aws-us-gov',
    );
    expect(calls(gov.stdout)).toContain('arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:model/m1');
    expectOneLine(
      await run('exec', definition('aws'), '--region', 'eu-west-1', '--partition', 'aws-cn'),
      /--region eu-west-1 is in partition aws, not --partition aws-cn/,
    );
    expectOneLine(
      await run('exec', definition('aws'), '--partition', 'aws-mars'),
      /--partition "aws-mars" is not supported/,
    );
  });
});
