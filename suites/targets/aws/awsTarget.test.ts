import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { AwsTarget } from './awsTarget.js';
import type { Clock } from './tokenBucket.js';

const sfn = mockClient(SFNClient);
const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);

/** A clock that never waits: sleeps advance it. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

const error = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

function target(kind: 'aws' | 'endpoint' = 'endpoint') {
  const clock = fakeClock();
  return {
    clock,
    t: new AwsTarget({
      kind,
      region: 'us-east-1',
      runId: 'test1',
      clock,
      clients: { sfn: new SFNClient({}), iam: new IAMClient({}), sts: new STSClient({}) },
    }),
  };
}

const theCase = withId(drawCase(validCaseArb({ pattern: 'requestResponse' }), 7, 0).value, {
  seed: 7,
  path: 'x:0',
});

beforeEach(() => {
  sfn.reset();
  iam.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012' });
  iam
    .on(CreateRoleCommand)
    .resolves({ Role: { Arn: 'arn:aws:iam::123456789012:role/sfn-conformance/x' } as never });
  iam.on(PutRolePolicyCommand).resolves({});
  iam.on(DeleteRolePolicyCommand).resolves({});
  iam.on(DeleteRoleCommand).resolves({});
  sfn.on(CreateStateMachineCommand).resolves({ stateMachineArn: 'arn:sm', creationDate: new Date() });
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:ex', startDate: new Date() });
  sfn.on(DeleteStateMachineCommand).resolves({});
  sfn.on(GetExecutionHistoryCommand).resolves({
    events: [
      { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
      { type: 'TaskStateEntered', id: 2, timestamp: new Date(), stateEnteredEventDetails: { name: 'T' } },
      { type: 'TaskScheduled', id: 3, timestamp: new Date() },
      { type: 'ExecutionSucceeded', id: 4, timestamp: new Date() },
    ],
  });
  sfn.on(DescribeExecutionCommand).resolves({ status: 'SUCCEEDED', output: '{"a":1}' } as never);
});

describe('AwsTarget', () => {
  it('creates the role and state machine tagged with the run id, maps the execution, deletes both', async () => {
    const { t } = target();
    const o = await t.execute(theCase);
    expect(o).toMatchObject({ created: true, status: 'SUCCEEDED', output: { a: 1 }, attempts: 1 });
    expect(o.historyTypes).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'ExecutionSucceeded',
    ]);
    const role = iam.commandCalls(CreateRoleCommand)[0]!.args[0].input;
    expect(role.Path).toBe('/sfn-conformance/');
    expect(role.Tags).toEqual([{ Key: 'sfn-conformance:run-id', Value: 'test1' }]);
    expect(JSON.parse(role.AssumeRolePolicyDocument!).Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
    });
    expect(JSON.parse(iam.commandCalls(PutRolePolicyCommand)[0]!.args[0].input.PolicyDocument!)).toEqual(
      theCase.policy,
    );
    expect(sfn.commandCalls(CreateStateMachineCommand)[0]!.args[0].input.tags).toEqual([
      { key: 'sfn-conformance:run-id', value: 'test1' },
    ]);
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.name).toBe(theCase.executionName);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
    expect(t.summary()).toMatchObject({
      rolesCreated: 1,
      rolesDeleted: 1,
      stateMachinesCreated: 1,
      stateMachinesDeleted: 1,
    });
  });

  it('waits out throttling and counts it; the case still gets its observation', async () => {
    const { t, clock } = target();
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(error('ThrottlingException', 'Rate exceeded'))
      .rejectsOnce(error('ThrottlingException', 'Rate exceeded'))
      .resolves({ executionArn: 'arn:ex', startDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.status).toBe('SUCCEEDED');
    expect(t.summary().throttles).toBe(2);
    expect(clock.slept.length).toBeGreaterThanOrEqual(2);
  });

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
    expect(clock.slept.slice(0, 2)).toEqual([1000, 2000]);
  });

  it('records a definition the service rejects as not created, and still deletes the role', async () => {
    const { t } = target();
    sfn.on(CreateStateMachineCommand).rejects(error('InvalidDefinition', 'Invalid State Machine Definition'));
    const o = await t.execute(theCase);
    expect(o).toEqual({ created: false, createError: 'InvalidDefinition: Invalid State Machine Definition' });
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(0);
  });

  it('a call failing mid-case with a server error is an observation, and everything is cleaned up', async () => {
    const { t } = target();
    sfn.on(StartExecutionCommand).rejects(error('InternalFailure', 'boom', 500));
    const o = await t.execute(theCase);
    expect(o.targetError).toBe('StartExecution: InternalFailure (HTTP 500): boom');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(3);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });

  it('an unreadable answer (an HTML error page) is recorded at `target`, not thrown', async () => {
    const { t } = target();
    const page = Object.assign(
      new Error(`Unexpected token '<', "<!doctype "... is not valid JSON
  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`),
      {
        name: 'SyntaxError',
      },
    );
    iam.on(PutRolePolicyCommand).rejects(page);
    const o = await t.execute(theCase);
    expect(o).toEqual({ created: false, targetError: 'PutRolePolicy: unreadable answer' });
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });

  it('counts a failed cleanup for sweep, and an unexpected error still deletes what was created', async () => {
    const { t } = target();
    sfn.on(DeleteStateMachineCommand).rejects(error('AccessDeniedException', 'not allowed to delete'));
    sfn.on(DescribeExecutionCommand).rejects(error('ValidationException', 'odd'));
    await expect(t.execute(theCase)).rejects.toThrow('odd');
    expect(t.summary().cleanupFailures).toBe(1);
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });

  it('after interrupt() it starts nothing new', async () => {
    const { t } = target();
    await t.interrupt();
    await expect(t.execute(theCase)).rejects.toThrow('interrupted');
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(0);
  });

  it('on a real account, does not run a case whose create call the policy allows (it would bill)', async () => {
    const { t } = target('aws');
    sts.on(GetCallerIdentityCommand).resolves({ Account: '210987654321' });
    await t.identify();
    let skipped = 0;
    let moved = 0;
    for (let i = 0; i < 30; i++) {
      const c = withId(drawCase(validCaseArb({}), 3, i).value, { seed: 3, path: `x:${i}` });
      const r = t.realise(c);
      if ('skipped' in r) {
        skipped++;
        expect(r.skipped).toMatch(/would be allowed to sagemaker:(Create|Update)/);
      } else {
        moved++;
        expect(JSON.stringify(r.case)).not.toContain('123456789012');
        expect(r.case.scenario).toEqual({ referencesExist: false });
      }
    }
    expect(skipped).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });
});
