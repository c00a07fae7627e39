/** The AWS target running a case on mocked services: what it creates, observes and deletes, throttled or failing. */
import { CreateRoleCommand, DeleteRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { invalidCaseArb, withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { evaluate } from '../../caseRun.js';
import { error, iam, mockSucceedingAws, sfn, target, theCase } from './testing/mockedAws.js';

beforeEach(mockSucceedingAws);

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
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
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

  it('waits out throttling longer than the attempts a server error gets, until the throttle time-out', async () => {
    const { t } = target();
    let throttled = sfn.on(StartExecutionCommand);
    for (let i = 0; i < 6; i++)
      throttled = throttled.rejectsOnce(error('ThrottlingException', 'Rate exceeded'));
    throttled.resolves({ executionArn: 'arn:ex', startDate: new Date() });
    expect((await t.execute(theCase)).status).toBe('SUCCEEDED');
    expect(t.summary().throttles).toBe(6);
    sfn.on(StartExecutionCommand).rejects(error('ThrottlingException', 'Rate exceeded'));
    // Another run's target: in this one, the case's job name is the first run's (namesTaken.ts).
    const o = await target()
      .t.execute(theCase)
      .catch((e: Error) => e);
    expect((o as Error).name).toBe('ThrottlingException');
  });

  it('records a definition the service rejects as not created, and still deletes the role', async () => {
    const { t } = target();
    sfn.on(CreateStateMachineCommand).rejects(error('InvalidDefinition', 'Invalid State Machine Definition'));
    const o = await t.execute(theCase);
    expect(o).toEqual({ created: false, createError: 'InvalidDefinition: Invalid State Machine Definition' });
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(0);
  });

  it('a call failing mid-case with a server error is an observation, and everything is cleaned up', async () => {
    const { t } = target();
    sfn.on(StartExecutionCommand).rejects(error('InternalFailure', 'boom', 500));
    const o = await t.execute(theCase);
    expect(o.targetError).toBe('StartExecution: InternalFailure (HTTP 500): boom');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(3);
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
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
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });

  it('after interrupt() it starts nothing new', async () => {
    const { t } = target();
    await t.interrupt();
    await expect(t.execute(theCase)).rejects.toThrow('interrupted');
    expect(iam.commandCalls(CreateRoleCommand)).toHaveLength(0);
  });

  it('halves the cases in flight when throttled and reports the lowest concurrency', async () => {
    const { t } = target('endpoint', { maxConcurrency: 4 });
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(error('ThrottlingException', 'Rate exceeded'))
      .resolves({ executionArn: 'arn:ex', startDate: new Date() });
    await Promise.all([0, 1, 2, 3, 4, 5].map(() => t.execute(theCase)));
    expect(t.summary()).toMatchObject({ throttles: 1, concurrencyCuts: 1, lowestConcurrency: 2 });
  });

  it('a throttled IAM call cuts the IAM calls in flight, not the cases in flight', async () => {
    const { t } = target('endpoint', { maxConcurrency: 4 });
    iam
      .on(CreateRoleCommand)
      .rejectsOnce(error('Throttling', 'Rate exceeded'))
      .resolves({ Role: { Arn: 'arn:aws:iam::123456789012:role/sfn-conformance/x' } as never });
    await t.execute(theCase);
    expect(t.summary()).toMatchObject({
      throttles: 1,
      concurrencyCuts: 0,
      iamConcurrencyCuts: 1,
      iamLowestConcurrency: 2,
    });
  });

  it('starts no execution where the oracle predicts the state machine is refused and the target accepts it', async () => {
    // AWS refuses `.waitForTaskToken` for SageMaker at CreateStateMachine; an endpoint that accepts
    // it would run an execution that waits forever for a token.
    const drawn = withId(drawCase(invalidCaseArb({}, ['resource']), 7, 1).value, { seed: 7, path: 'w:1' });
    expect(JSON.stringify(drawn.definition)).toContain('.waitForTaskToken');
    const { t } = target('endpoint');
    const realised = t.realise(drawn);
    if (!('case' in realised)) throw new Error(realised.skipped);
    // The target accepts the definition (mockSucceedingAws): the one finding is `created`.
    const result = await evaluate(t, 'patterns', realised.case);
    expect(result.prediction.created.value).toBe(false);
    expect(result.observation).toEqual({ created: true });
    expect(
      result.differences.map((d) => `${d.path}: ${String(d.predicted)} -> ${String(d.observed)}`),
    ).toEqual(['created: false -> true']);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    // What it created is deleted all the same.
    // The role and state machine are the run's: deleted when it ends.
    await t.finish();
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(1);
  });
});
