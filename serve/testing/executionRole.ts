/**
 * Test support: an execution role in a served account, made over IAM's API as a client would make
 * it: trusting Step Functions, with one inline policy (by default, every action on every resource).
 */
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';

/** A policy that allows every call. */
export const ALLOW_ALL = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** The trust policy of an execution role: Step Functions may assume it. */
export const TRUSTS_STEP_FUNCTIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** An IAM client of the server at `endpoint`, with credentials of its own. */
export const iamClient = (endpoint: string): IAMClient =>
  new IAMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

/** Creates the role `name` trusting Step Functions, with `policy` as its inline policy `policy`; returns its ARN. */
export async function createExecutionRole(
  endpoint: string,
  name: string,
  policy: object = ALLOW_ALL,
): Promise<string> {
  const iam = iamClient(endpoint);
  try {
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUSTS_STEP_FUNCTIONS }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: name,
        PolicyName: 'policy',
        PolicyDocument: JSON.stringify(policy),
      }),
    );
    return Role!.Arn!;
  } finally {
    iam.destroy();
  }
}
