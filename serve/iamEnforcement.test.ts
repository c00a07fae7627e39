/**
 * `serve` enforcing the execution role as `exec` does, with the roles made over its IAM API: a
 * state machine's role must exist and trust Step Functions; the role's inline and attached policies
 * decide the calls made as the role, at creation (the managed rule of `.sync`) and again at each
 * StartExecution, so that a policy changed between two executions changes the second's outcome.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteRolePolicyCommand,
  type IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SFNClient,
  type SFNServiceException,
  StartExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';
import { createExecutionRole, iamClient } from './testing/executionRole.js';

const ACCOUNT = '123456789012';
const SAGEMAKER_ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`;
const CANNOT_ASSUME =
  'Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.';

/** One SageMaker request-response task: CreateModel, passing the SageMaker role. */
const CREATE_MODEL = JSON.stringify({
  StartAt: 'Save model',
  States: {
    'Save model': {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        'ModelName.$': '$.name',
        ExecutionRoleArn: SAGEMAKER_ROLE,
        PrimaryContainer: {
          Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
          ModelDataUrl: 's3://bucket/model.tar.gz',
        },
      },
      End: true,
    },
  },
});

/** What CreateModel needs as the role: the call, and passing the SageMaker role. */
const MODEL_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'sagemaker:CreateModel', Resource: '*' },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: SAGEMAKER_ROLE },
  ],
};
/** CreateModel without PassRole. */
const NO_PASS_ROLE = { Version: '2012-10-17', Statement: [MODEL_POLICY.Statement[0]] };

let server: RunningServer;
let sfn: SFNClient;
let iam: IAMClient;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  iam = iamClient(server.url);
  sfn = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  sfn.destroy();
  iam.destroy();
  await server.close();
});

/** The error a send rejects with. */
async function errorOf(promise: Promise<unknown>): Promise<SFNServiceException> {
  try {
    await promise;
  } catch (e) {
    return e as SFNServiceException;
  }
  throw new Error('the call succeeded');
}

/** Starts an execution and waits for its end. */
async function run(stateMachineArn: string, name: string) {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ name }) }),
  );
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("serve: the execution role's policy enforced", () => {
  it('runs CreateModel to SUCCEEDED as a role whose policy allows it, and fails as one whose does not', async () => {
    const allowed = await createExecutionRole(server.url, 'models-allowed', MODEL_POLICY);
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'models-allowed', definition: CREATE_MODEL, roleArn: allowed }),
    );
    const ok = await run(stateMachineArn!, 'churn');
    expect(ok.status).toBe('SUCCEEDED');
    expect(JSON.parse(ok.output!)).toEqual({
      ModelArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model/churn`,
    });

    const denied = await createExecutionRole(server.url, 'models-denied', NO_PASS_ROLE);
    const machine = await sfn.send(
      new CreateStateMachineCommand({ name: 'models-denied', definition: CREATE_MODEL, roleArn: denied }),
    );
    const failed = await run(machine.stateMachineArn!, 'churn-2');
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('SageMaker.AmazonSageMakerException');
    expect(failed.cause).toContain('is not authorized to perform: iam:PassRole');
  });

  it('reads the role again at each StartExecution: changing its inline policy changes the next outcome', async () => {
    const roleArn = await createExecutionRole(server.url, 'changing', MODEL_POLICY);
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'changing', definition: CREATE_MODEL, roleArn }),
    );
    expect((await run(stateMachineArn!, 'first')).status).toBe('SUCCEEDED');

    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'changing',
        PolicyName: 'policy',
        PolicyDocument: JSON.stringify(NO_PASS_ROLE),
      }),
    );
    const second = await run(stateMachineArn!, 'second');
    expect(second.status).toBe('FAILED');
    expect(second.error).toBe('SageMaker.AmazonSageMakerException');

    // The permission back, from a managed policy attached to the role instead.
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'changing', PolicyName: 'policy' }));
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'model-maker', PolicyDocument: JSON.stringify(MODEL_POLICY) }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'changing', PolicyArn: Policy!.Arn }));
    expect((await run(stateMachineArn!, 'third')).status).toBe('SUCCEEDED');
  });

  it('refuses a role that does not exist, or does not trust Step Functions: AccessDeniedException', async () => {
    const missing = await errorOf(
      sfn.send(
        new CreateStateMachineCommand({
          name: 'no-role',
          definition: CREATE_MODEL,
          roleArn: `arn:aws:iam::${ACCOUNT}:role/nobody`,
        }),
      ),
    );
    expect(missing.name).toBe('AccessDeniedException');
    expect(missing.message).toBe(CANNOT_ASSUME);

    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: 'for-ec2',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const untrusted = await errorOf(
      sfn.send(
        new CreateStateMachineCommand({ name: 'ec2-role', definition: CREATE_MODEL, roleArn: Role!.Arn }),
      ),
    );
    expect(untrusted.name).toBe('AccessDeniedException');
    expect(untrusted.message).toBe(CANNOT_ASSUME);

    // UpdateStateMachine checks a new role the same way.
    const trusted = await createExecutionRole(server.url, 'trusted', MODEL_POLICY);
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'updated', definition: CREATE_MODEL, roleArn: trusted }),
    );
    const update = await errorOf(
      sfn.send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: Role!.Arn })),
    );
    expect(update.name).toBe('AccessDeniedException');
  });

  it('trusts the regional principal, and the conditions on the source account', async () => {
    const trust = (principal: string, account: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: principal },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': account } },
          },
        ],
      });
    const create = async (RoleName: string, doc: string) =>
      (await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: doc }))).Role!.Arn!;
    const regional = await create('regional', trust('states.us-east-1.amazonaws.com', ACCOUNT));
    await sfn.send(
      new CreateStateMachineCommand({ name: 'regional', definition: CREATE_MODEL, roleArn: regional }),
    );
    const otherAccount = await create('other-account', trust('states.amazonaws.com', '210987654321'));
    const e = await errorOf(
      sfn.send(
        new CreateStateMachineCommand({
          name: 'other-account',
          definition: CREATE_MODEL,
          roleArn: otherAccount,
        }),
      ),
    );
    expect(e.message).toBe(CANNOT_ASSUME);
  });

  it("checks a .sync task's managed rule against the role's policy at creation", async () => {
    const definition = readFileSync(new URL('../examples/training-job.json', import.meta.url), 'utf8');
    const noRule = await createExecutionRole(server.url, 'no-rule', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sagemaker:*', 'iam:PassRole'], Resource: '*' }],
    });
    const e = await errorOf(
      sfn.send(new CreateStateMachineCommand({ name: 'train', definition, roleArn: noRule })),
    );
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toMatch(/is not authorized to create managed-rule/);
    // The events permissions added to the role: the same request now creates the machine.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'no-rule',
        PolicyName: 'events',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'events:*', Resource: '*' }],
        }),
      }),
    );
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'train', definition, roleArn: noRule }),
    );
    expect(stateMachineArn).toBe(`arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:train`);
  });
});
