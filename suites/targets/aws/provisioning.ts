/**
 * What a case needs before its execution starts: its execution role with the case's policy and its
 * state machine, both tagged with the run id; calls that refer to the new role are retried while
 * IAM has not propagated it, and the role's policy is given time to take effect.
 */
import { randomInt } from 'node:crypto';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import type { Case } from '../../../contracts/case.js';
import type { TargetContext } from './context.js';
import {
  describeError,
  isEntityAlreadyExists,
  isRolePropagation,
  isTransient,
  isUnreadable,
  PropagationTimeout,
} from './errors.js';
import { CASE_POLICY_NAME, ROLE_PATH, TAG_KEY, trustPolicy } from './naming.js';
import { predictionOf } from './prediction.js';

/**
 * Creates an execution role named `created.name` (trusting Step Functions from this account,
 * tagged with the run id) and puts the case's policy on it; sets `created.role` as soon as the role
 * may exist. Returns the role's ARN.
 */
export async function createRole(
  context: TargetContext,
  created: { readonly name: string; role: boolean },
  theCase: Case,
  account: string,
): Promise<string> {
  const { options, clients } = context;
  const role = await context
    .call('CreateRole', () =>
      clients.iam.send(
        new CreateRoleCommand({
          RoleName: created.name,
          Path: ROLE_PATH,
          AssumeRolePolicyDocument: trustPolicy(account),
          Description: `sfn-sagemaker-conformance case ${theCase.id}`,
          Tags: [{ Key: TAG_KEY, Value: options.runId }],
          ...(options.permissionsBoundary ? { PermissionsBoundary: options.permissionsBoundary } : {}),
        }),
      ),
    )
    .catch((e: unknown) => {
      // A server error may have come after the role was made (a retry then finds it exists):
      // the name is this run's, so the role is ours to delete.
      if (isTransient(e) || isUnreadable(e) || isEntityAlreadyExists(e)) created.role = true;
      throw e;
    });
  created.role = true;
  context.stats.rolesCreated++;
  await context.call('PutRolePolicy', () =>
    clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: created.name,
        PolicyName: CASE_POLICY_NAME,
        PolicyDocument: JSON.stringify(theCase.policy),
      }),
    ),
  );
  return role.Role!.Arn!;
}

/**
 * Creates the case's state machine (tagged with the run id) once IAM lets the new role be used.
 * Returns the state machine's ARN.
 */
export async function createStateMachine(
  context: TargetContext,
  name: string,
  theCase: Case,
  roleArn: string,
): Promise<string> {
  // Where the oracle predicts creation fails (the policy lacks the managed rule), its denial is the answer.
  const managedRuleGranted = predictionOf(theCase).created.value;
  const created = await waitingForRole(
    context,
    'CreateStateMachine',
    () =>
      context.clients.sfn.send(
        new CreateStateMachineCommand({
          name,
          definition: JSON.stringify(theCase.definition),
          roleArn,
          type: theCase.stateMachineType,
          tags: [{ key: TAG_KEY, value: context.options.runId }],
        }),
      ),
    { managedRuleGranted },
  );
  context.stats.stateMachinesCreated++;
  return created.stateMachineArn!;
}

/**
 * IAM is eventually consistent: a new role's inline policy may not be in force yet, and a call it
 * allows would be refused. On a real account, it is given time (once per role) before an execution
 * relies on it.
 */
export async function settlePolicy(context: TargetContext): Promise<void> {
  const settle = context.options.policySettleMs ?? (context.options.kind === 'aws' ? 10_000 : 0);
  if (settle > 0) {
    context.stats.policySettleMs += settle;
    await context.clock.sleep(settle);
  }
}

/** A call that refers to the case's new role, retried with backoff while IAM has not propagated it. */
export async function waitingForRole<T>(
  context: TargetContext,
  api: string,
  send: () => Promise<T>,
  refusal: { managedRuleGranted: boolean } = { managedRuleGranted: true },
): Promise<T> {
  const { clock, options } = context;
  const started = clock.now();
  const limit = options.propagationTimeoutMs ?? (options.kind === 'aws' ? 120_000 : 5_000);
  for (let wait = 1000; ; wait = Math.min(wait * 2, 16_000)) {
    try {
      return await context.call(api, send);
    } catch (e) {
      if (!isRolePropagation(e, refusal)) throw e;
      if (clock.now() - started + wait > limit) {
        throw new PropagationTimeout(`the new role was still refused after ${limit} ms: ${describeError(e)}`);
      }
      context.stats.roleWaits++;
      // Half the wait, and up to as much again at random: propagation takes time, and roles
      // created together should not all come back together.
      await clock.sleep(Math.floor(wait / 2 + (randomInt(0, 1_000_000) / 1_000_000) * (wait / 2)));
    }
  }
}
