import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHEAPEST_INSTANCE_TYPES } from '../../suites/targets/aws/billableJobs.js';
import { AwsConfigSchema, billableJobsOf } from './config.js';

const page = readFileSync(new URL('../../docs/aws-target.md', import.meta.url), 'utf8');
const example = JSON.parse(/## Billable jobs[\s\S]*?```json\n([\s\S]*?)```/.exec(page)![1]!) as unknown;

describe('the AWS config file', () => {
  it('accepts the example of docs/aws-target.md', () => {
    expect(AwsConfigSchema.safeParse(example).success).toBe(true);
  });

  it('the options win over the file; without either, one job of at most 600 s on the cheapest types', () => {
    const config = AwsConfigSchema.parse(example);
    expect(billableJobsOf({ allowBillableJobs: true }, config)).toMatchObject({
      maxJobs: 2,
      instanceTypes: ['ml.m5.large'],
      maxRuntimeInSeconds: 300,
    });
    expect(
      billableJobsOf(
        { allowBillableJobs: true, maxBillableJobs: '5', instanceType: ['ml.c5.xlarge'], maxRuntime: '120' },
        config,
      ),
    ).toMatchObject({ maxJobs: 5, instanceTypes: ['ml.c5.xlarge'], maxRuntimeInSeconds: 120 });
    const bare = AwsConfigSchema.parse({
      billableJobs: {
        sagemakerRoleArn: 'arn:aws:iam::123456789012:role/R',
        trainingImage: 'registry.example.com/img:1',
        inputS3Uri: 's3://my-bucket/in',
        outputS3Uri: 's3://my-bucket/out',
      },
    });
    expect(billableJobsOf({ allowBillableJobs: true }, bare)).toMatchObject({
      maxJobs: 1,
      instanceTypes: CHEAPEST_INSTANCE_TYPES,
      maxRuntimeInSeconds: 600,
    });
    expect(billableJobsOf({}, config)).toBeUndefined();
  });
});
