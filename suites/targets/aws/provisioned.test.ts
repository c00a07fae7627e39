/** What the AWS target keeps from case to case: a role per policy, a state machine per definition and role. */
import { CreateRoleCommand, DeleteRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStateMachineCommand, DeleteStateMachineCommand } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../contracts/case.js';
import type { TargetContext } from './context.js';
import { noStats } from './options.js';
import { Provisioned } from './provisioned.js';
import { fakeClock, iam, mockSucceedingAws, sfn, theCase } from './testing/mockedAws.js';
import { bareClients } from './testing/bareClients.js';

beforeEach(() => {
  mockSucceedingAws();
  let n = 0;
  sfn
    .on(CreateStateMachineCommand)
    .callsFake(() => ({ stateMachineArn: `arn:sm:${n++}`, creationDate: new Date() }));
});

/** A context on the mocked clients: calls sent as they are, on AWS (the policy settles 10 s). */
function context(kind: 'aws' | 'endpoint' = 'aws') {
  const clock = fakeClock();
  const stats = noStats();
  const ctx: TargetContext = {
    options: { kind, region: 'us-east-1', runId: 'keep1' },
    clients: bareClients(),
    clock,
    stats,
    cleanupProblems: [],
    running: new Set(),
    interrupted: () => false,
    call: (_api, send) => send(),
  };
  return { ctx, clock, stats };
}

/** The case with another execution name, input or policy. */
const variant = (more: Partial<Case>): Case => ({ ...theCase, ...more });

/** Leases the case's role and state machine, as a case does, and releases them. */
async function run(kept: Provisioned, c: Case): Promise<string> {
  const lease = await kept.machine(await kept.role(c, '123456789012'), c);
  await lease.release();
  return lease.stateMachineArn;
}

describe('Provisioned', () => {
  it('creates a role per distinct policy and waits for its policy to settle once', async () => {
    const { ctx, clock, stats } = context();
    const kept = new Provisioned(ctx);
    await run(kept, theCase);
    await run(kept, variant({ executionName: 'other-name', input: { other: true } }));
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(1);
    expect(iam.commandCalls(PutRolePolicyCommand)).toHaveLength(1);
    expect(clock.slept).toEqual([10_000]);
    expect(stats.policySettleMs).toBe(10_000);
    await run(kept, variant({ policy: { ...theCase.policy, Id: 'another' } }));
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(2);
  });

  it('runs a definition again on its state machine, but never an execution name twice', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    const first = await run(kept, theCase);
    // Another name (the canary's runs, a shrink step): the same state machine.
    expect(await run(kept, variant({ executionName: 'second' }))).toBe(first);
    // The same name again (a shrink step that changed the input alone): a state machine of its own.
    const again = await run(kept, variant({ input: { changed: 1 } }));
    expect(again).not.toBe(first);
    // Another definition on the same role: a new state machine, the role kept.
    await run(kept, variant({ definition: { ...theCase.definition, Comment: 'other' } }));
    expect(sfn.commandCalls(CreateStateMachineCommand)).toHaveLength(3);
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(1);
    expect(kept.kept).toEqual({ roles: 1, stateMachines: 3 });
  });

  it('shares one creation among cases that ask at once', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    const arns = await Promise.all(
      ['a', 'b', 'c'].map((name) => run(kept, variant({ executionName: name }))),
    );
    expect(new Set(arns).size).toBe(1);
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(1);
    expect(sfn.commandCalls(CreateStateMachineCommand)).toHaveLength(1);
  });

  it('deletes everything at the end, and idle roles past keepRoles before it', async () => {
    const { ctx, stats } = context('endpoint');
    const kept = new Provisioned(ctx, 2);
    for (const id of ['p1', 'p2', 'p3'])
      await run(kept, variant({ policy: { ...theCase.policy, Id: id }, executionName: id }));
    // The least recently used role went, with its state machine.
    expect(kept.kept).toEqual({ roles: 2, stateMachines: 2 });
    expect(stats).toMatchObject({ rolesDeleted: 1, stateMachinesDeleted: 1 });
    await kept.finish();
    expect(kept.kept).toEqual({ roles: 0, stateMachines: 0 });
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(3);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(3);
  });

  it('a refused definition is not kept: the next case asks again', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    const refusal = Object.assign(new Error('Invalid State Machine Definition'), {
      name: 'InvalidDefinition',
    });
    sfn
      .on(CreateStateMachineCommand)
      .rejectsOnce(refusal)
      .resolves({ stateMachineArn: 'arn:sm:ok', creationDate: new Date() });
    await expect(run(kept, theCase)).rejects.toThrow('Invalid State Machine Definition');
    expect(await run(kept, variant({ executionName: 'next' }))).toBe('arn:sm:ok');
    expect(kept.kept).toEqual({ roles: 1, stateMachines: 1 });
  });

  it('once switched to a state machine per case, deletes each after its case and the idle ones kept', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    await run(kept, theCase);
    await kept.machinePerCase();
    expect(kept.kept.stateMachines).toBe(0);
    await run(kept, variant({ executionName: 'x' }));
    expect(kept.kept).toEqual({ roles: 1, stateMachines: 0 });
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(2);
  });

  it('deletes a shared state machine only once the last case on it is done', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    const one = await kept.machine(await kept.role(theCase, '123456789012'), theCase);
    const other = variant({ executionName: 'other' });
    const two = await kept.machine(await kept.role(other, '123456789012'), other);
    expect(two.stateMachineArn).toBe(one.stateMachineArn);
    await kept.machinePerCase();
    await one.release();
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(0);
    await two.release();
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
  });

  it('leases nothing once the run has finished', async () => {
    const { ctx } = context('endpoint');
    const kept = new Provisioned(ctx);
    await kept.finish();
    await expect(kept.role(theCase, '123456789012')).rejects.toThrow('the run has finished');
  });
});
