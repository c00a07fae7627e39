/** The AWS target's role and state machine: IAM's propagation waited out, a half-made role still deleted. */
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { error, iam, mockSucceedingAws, sfn, target, theCase } from './testing/mockedAws.js';
import { sdkError } from './testing/sdkErrors.js';

beforeEach(mockSucceedingAws);

describe('AwsTarget: provisioning', () => {
  it('retries a role that IAM has not propagated yet with backoff, and counts the waits', async () => {
    const { t, clock } = target('aws');
    sfn
      .on(CreateStateMachineCommand)
      .rejectsOnce(
        error(
          'AccessDeniedException',
          'Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.',
        ),
      )
      .rejectsOnce(
        error(
          'AccessDeniedException',
          'Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.',
        ),
      )
      .resolves({ stateMachineArn: 'arn:sm', creationDate: new Date() });
    await t.identify();
    expect((await t.execute(theCase)).created).toBe(true);
    expect(t.summary().roleWaits).toBe(2);
    // Each wait is half its step and up to as much again (jitter): 1 s, then 2 s steps; then the settle.
    const [first, second, settle] = clock.slept;
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1000);
    expect(second).toBeGreaterThanOrEqual(1000);
    expect(second).toBeLessThanOrEqual(2000);
    expect(settle).toBe(10_000);
    // The policy is given time to take effect before the execution starts.
    expect(t.summary().policySettleMs).toBe(10_000);
  });

  it('retries StartExecution while the role is still refused, and gives up after the propagation limit', async () => {
    const refused = error('AccessDeniedException', 'Unable to assume the provided role');
    const { t } = target('endpoint');
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(refused)
      .resolves({ executionArn: 'arn:ex', startDate: new Date() });
    expect((await t.execute(theCase)).status).toBe('SUCCEEDED');
    expect(t.summary()).toMatchObject({ roleWaits: 1, policySettleMs: 0 });
    sfn.on(StartExecutionCommand).rejects(refused);
    // Another run's target: in this one, the case's job name is the first run's (namesTaken.ts).
    const other = target('endpoint').t;
    await expect(other.execute(theCase)).rejects.toThrow('the new role was still refused after 5000 ms');
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    await other.finish();
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(2);
  });

  it('a role created before a server error answered its CreateRole is deleted all the same', async () => {
    const { t } = target();
    iam
      .on(CreateRoleCommand)
      .rejectsOnce(sdkError('iam', 'ServiceFailure', 'boom', 500))
      .rejects(sdkError('iam', 'EntityAlreadyExists', 'Role with name sfnc-test1-0 already exists.'));
    await expect(t.execute(theCase)).rejects.toThrow('already exists');
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });
});
