import { IAMClient } from '@aws-sdk/client-iam';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import type { AwsTargetOptions } from '../../suites/targets/aws/options.js';
import { CHEAPEST_INSTANCE_TYPES } from '../../suites/targets/aws/billableJobs.js';
import { bareClients } from '../../suites/targets/aws/testing/bareClients.js';
import { printPlan } from './plan.js';

const mocks = [
  mockClient(SFNClient),
  mockClient(IAMClient),
  mockClient(STSClient),
  mockClient(SageMakerClient),
];

function plan(more: Partial<AwsTargetOptions>) {
  const target = new AwsTarget({
    kind: 'aws',
    region: 'us-east-1',
    runId: 'plan1',
    clients: bareClients(),
    ...more,
  });
  let out = '';
  const code = printPlan(target, ['sufficiency', 'outcome'], 20, 1, {
    stdout: (t) => (out += t),
    stderr: () => undefined,
  });
  return { code, out, target };
}

describe('run --plan', () => {
  it('says what each case creates, what is not run and why, and calls nothing', () => {
    const { code, out } = plan({});
    expect(code).toBe(0);
    const run = Number(/(\d+) cases run/.exec(out)![1]);
    const notRun = [...out.matchAll(/(\d+) cases not run: (.*)/g)];
    expect(run + notRun.reduce((n, m) => n + Number(m[1]), 0)).toBe(40);
    expect(notRun.some((m) => /would be allowed to sagemaker:Create/.test(m[2]!))).toBe(true);
    expect(out).toContain('an IAM role /sfn-conformance/sfnc-plan1-N');
    expect(out).toContain('every resource tagged sfn-conformance:run-id=plan1');
    expect(out).not.toContain('billable');
    expect(out.trimEnd().endsWith('nothing was created.')).toBe(true);
    for (const m of mocks) expect(m.calls()).toHaveLength(0);
  });

  it('with billable jobs, names the caps and how many billable calls the run may make', () => {
    const { out, target } = plan({
      billableJobs: {
        maxJobs: 2,
        instanceTypes: CHEAPEST_INSTANCE_TYPES,
        maxRuntimeInSeconds: 300,
        sagemakerRoleArn: 'arn:aws:iam::123456789012:role/MySageMaker',
        trainingImage: 'img',
        inputS3Uri: 's3://mine/in',
        outputS3Uri: 's3://mine/out',
      },
    });
    const billable = Number(
      /billable: up to (\d+) SageMaker jobs or endpoints \(cap --max-billable-jobs 2/.exec(out)![1],
    );
    expect(billable).toBeLessThanOrEqual(2);
    expect(billable).toBeGreaterThan(0);
    // The plan counts on its own: the run's figures (what was called) stay at zero.
    expect(target.summary().billableCalls).toBe(0);
    expect(out).toContain('MaxRuntimeInSeconds <= 300');
    expect(out).toMatch(/\d+ cases not run: the --max-billable-jobs cap \(2\) is reached/);
  });
});
