/**
 * `serve` with a state directory, driven by the AWS SDK for JavaScript over loopback: what a
 * server made (a role with its policies and tags, a managed policy, a tagged state machine, a
 * finished execution with its history, the training job it ran) is there after a restart from the
 * same directory; an execution still running at the close comes back ABORTED; the clock goes on
 * from where it was.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { DescribeTrainingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListTagsForResourceCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createExecutionRole, iamClient } from './testing/executionRole.js';
import { startServer } from './server.js';
import { STATE_FILE } from './state.js';

const START = Date.UTC(2026, 0, 1);
const SAGEMAKER_ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecution';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** A `.sync` training job named by the input. */
const TRAIN = JSON.stringify({
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': '$.name',
        RoleArn: SAGEMAKER_ROLE,
        AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      End: true,
    },
  },
});

/** A callback task: the execution waits, RUNNING, for a token no one sends. */
const WAITS = JSON.stringify({
  StartAt: 'Wait',
  States: {
    Wait: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
});

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A server on the state directory, with its clients. */
async function serve(dir: string) {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    emulator: { startEpochMs: START },
    stateDir: dir,
  });
  const client = { endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { server, sfn: new SFNClient(client), sm: new SageMakerClient(client), iam: iamClient(server.url) };
}

async function close(s: Awaited<ReturnType<typeof serve>>): Promise<void> {
  s.sfn.destroy();
  s.sm.destroy();
  s.iam.destroy();
  await s.server.close();
}

/** What a client sees of the account: the role, the machine, the executions, the job. */
async function seen(s: Awaited<ReturnType<typeof serve>>, machineArn: string, done: string, running: string) {
  const role = (await s.iam.send(new GetRoleCommand({ RoleName: 'Pipeline' }))).Role!;
  return {
    role: { ...role, CreateDate: role.CreateDate!.toISOString() },
    inline: (await s.iam.send(new GetRolePolicyCommand({ RoleName: 'Pipeline', PolicyName: 'policy' })))
      .PolicyDocument,
    attached: (await s.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Pipeline' })))
      .AttachedPolicies,
    machine: strip(await s.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }))),
    tags: (await s.sfn.send(new ListTagsForResourceCommand({ resourceArn: machineArn }))).tags,
    done: strip(await s.sfn.send(new DescribeExecutionCommand({ executionArn: done }))),
    history: (await s.sfn.send(new GetExecutionHistoryCommand({ executionArn: done, maxResults: 1000 })))
      .events,
    job: strip(await s.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'churn' }))),
    running: strip(await s.sfn.send(new DescribeExecutionCommand({ executionArn: running }))),
  };
}

/** An SDK answer without its metadata (request ids differ). */
const strip = <T extends { $metadata?: unknown }>({ $metadata: _m, ...rest }: T) => rest;

describe('serve --state: the account survives a restart', () => {
  it('keeps roles, policies, state machines with tags, executions with history, jobs and the clock', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'serve-state-')), 'state');
    const first = await serve(dir);
    expect(first.server.loaded).toBeUndefined();
    const roleArn = await createExecutionRole(first.server.url, 'Pipeline');
    await first.iam.send(new TagRoleCommand({ RoleName: 'Pipeline', Tags: [{ Key: 'team', Value: 'ml' }] }));
    const { Policy } = await first.iam.send(
      new CreatePolicyCommand({
        PolicyName: 'extra',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      }),
    );
    await first.iam.send(new AttachRolePolicyCommand({ RoleName: 'Pipeline', PolicyArn: Policy!.Arn! }));
    const { stateMachineArn } = await first.sfn.send(
      new CreateStateMachineCommand({
        name: 'train',
        definition: TRAIN,
        roleArn,
        tags: [{ key: 'stage', value: 'prod' }],
      }),
    );
    const { executionArn: done } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'first', input: JSON.stringify({ name: 'churn' }) }),
    );
    for (;;) {
      const d = await first.sfn.send(new DescribeExecutionCommand({ executionArn: done }));
      if (d.status !== 'RUNNING') break;
    }
    const { stateMachineArn: waitsArn } = await first.sfn.send(
      new CreateStateMachineCommand({ name: 'waits', definition: WAITS, roleArn }),
    );
    const { executionArn: running } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn: waitsArn, name: 'waiting' }),
    );
    const before = await seen(first, stateMachineArn!, done!, running!);
    expect(before.done.status).toBe('SUCCEEDED');
    expect(before.job.TrainingJobStatus).toBe('Completed');
    expect(before.running.status).toBe('RUNNING');
    await close(first);
    expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'))).toMatchObject({ version: 1 });

    const second = await serve(dir);
    try {
      expect(second.server.loaded).toEqual({ stateMachines: 2, roles: 1 });
      const after = await seen(second, stateMachineArn!, done!, running!);
      // Everything as it was, but the execution left running: stopped by the close.
      expect({ ...after, running: undefined }).toEqual({ ...before, running: undefined });
      expect(after.tags).toEqual([{ key: 'stage', value: 'prod' }]);
      expect(after.role.Tags).toEqual([{ Key: 'team', Value: 'ml' }]);
      expect(after.attached).toEqual([{ PolicyName: 'extra', PolicyArn: Policy!.Arn! }]);
      expect(after.history!.at(-1)!.type).toBe('ExecutionSucceeded');
      expect(after.running).toMatchObject({ status: 'ABORTED', name: 'waiting' });
      const history = await second.sfn.send(new GetExecutionHistoryCommand({ executionArn: running }));
      expect(history.events!.at(-1)!.type).toBe('ExecutionAborted');
      // The clock goes on from where it was: a new execution starts no earlier than the last stop.
      const { executionArn: again } = await second.sfn.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: 'second',
          input: JSON.stringify({ name: 'churn-2' }),
        }),
      );
      const d = await second.sfn.send(new DescribeExecutionCommand({ executionArn: again }));
      expect(d.startDate!.getTime()).toBeGreaterThanOrEqual(after.done.stopDate!.getTime());
      expect(d.startDate!.getTime()).toBeGreaterThan(START);
    } finally {
      await close(second);
    }
  });
});
