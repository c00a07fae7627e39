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
  type HistoryEvent,
  type HistoryEventType,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { predictExecution } from '../../../oracles/outcome/predictExecution.js';
import { AwsTarget, type AwsTargetOptions } from './awsTarget.js';
import type { BillableJobs } from './billableJobs.js';
import { bareClients } from './testing/bareClients.js';
import { sdkError } from './testing/sdkErrors.js';
import type { Clock } from './tokenBucket.js';

const sfn = mockClient(SFNClient);
const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);
const sagemaker = mockClient(SageMakerClient);

/** A clock that never waits: sleeps advance it. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

const error = (name: string, message: string, status = 400) => sdkError('sfn', name, message, status);

function target(kind: 'aws' | 'endpoint' = 'endpoint', more: Partial<AwsTargetOptions> = {}) {
  const clock = fakeClock();
  return {
    clock,
    t: new AwsTarget({
      kind,
      region: 'us-east-1',
      runId: 'test1',
      clock,
      clients: bareClients(),
      ...more,
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
  sagemaker.reset();
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

  it('waits out throttling longer than the attempts a server error gets, until the throttle time-out', async () => {
    const { t } = target();
    let throttled = sfn.on(StartExecutionCommand);
    for (let i = 0; i < 6; i++)
      throttled = throttled.rejectsOnce(error('ThrottlingException', 'Rate exceeded'));
    throttled.resolves({ executionArn: 'arn:ex', startDate: new Date() });
    expect((await t.execute(theCase)).status).toBe('SUCCEEDED');
    expect(t.summary().throttles).toBe(6);
    sfn.on(StartExecutionCommand).rejects(error('ThrottlingException', 'Rate exceeded'));
    const o = await t.execute(theCase).catch((e: Error) => e);
    expect((o as Error).name).toBe('ThrottlingException');
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
    await expect(t.execute(theCase)).rejects.toThrow('the new role was still refused after 5000 ms');
    expect(iam.commandCalls(DeleteRoleCommand)).toHaveLength(2);
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

  it('an execution whose history cannot be read is stopped before its state machine is deleted', async () => {
    const { t } = target();
    sfn.on(GetExecutionHistoryCommand).rejects(error('InternalFailure', 'boom', 500));
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.targetError).toBe('GetExecutionHistory: InternalFailure (HTTP 500): boom');
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
    expect(sfn.commandCalls(DeleteStateMachineCommand)).toHaveLength(1);
    expect(t.summary().executionsStopped).toBe(1);
  });

  it('a role created before a server error answered its CreateRole is deleted all the same', async () => {
    const { t } = target();
    iam
      .on(CreateRoleCommand)
      .rejectsOnce(sdkError('iam', 'ServiceFailure', 'boom', 500))
      .rejects(sdkError('iam', 'EntityAlreadyExists', 'Role with name sfnc-test1-0 already exists.'));
    await expect(t.execute(theCase)).rejects.toThrow('already exists');
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

  it('an execution the harness had to stop is reported as cut off, not with the status the stop gave it', async () => {
    const { t } = target('endpoint', { executionTimeoutMs: 5_000 });
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [{ type: 'ExecutionStarted', id: 1, timestamp: new Date() }],
    });
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const o = await t.execute(theCase);
    expect(o.status).toBeUndefined();
    expect(o.targetError).toMatch(
      /still running after 5 s of wall clock and the harness stopped it \(predicted: [\d.]+ s of virtual time\); give it longer with --execution-timeout/,
    );
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
  });

  it('takes how the execution ended from its terminal event: DescribeExecution may not know yet', async () => {
    const { t } = target();
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
        {
          type: 'ExecutionFailed',
          id: 2,
          timestamp: new Date(),
          executionFailedEventDetails: { error: 'States.TaskFailed', cause: 'the job failed' },
        },
      ],
    });
    // moto writes the event before the status: read now, the execution still runs.
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' } as never);
    const o = await t.execute(theCase);
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed', cause: 'the job failed' });
    expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(0);
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
        expect(r.skipped).toMatch(/would be allowed to sagemaker:(Create|Update)|computed at run time/);
      } else {
        moved++;
        expect(JSON.stringify(r.case)).not.toContain('123456789012');
        expect(r.case.scenario).toEqual({ referencesExist: false });
      }
    }
    expect(skipped).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });
  it('stops the jobs and deletes the models, configs and endpoints the execution created, only those', async () => {
    const { t } = target();
    const scheduled = (id: number, resource: string, parameters: object): HistoryEvent => ({
      type: 'TaskScheduled',
      id,
      previousEventId: id - 1,
      timestamp: new Date(),
      taskScheduledEventDetails: {
        resourceType: 'sagemaker',
        resource,
        region: 'us-east-1',
        parameters: JSON.stringify(parameters),
      },
    });
    const after = (id: number, type: HistoryEventType): HistoryEvent => ({
      type,
      id,
      previousEventId: id - 1,
      timestamp: new Date(),
    });
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { type: 'ExecutionStarted', id: 1, timestamp: new Date() },
        scheduled(2, 'createModel', { ModelName: 'Churn-1', ExecutionRoleArn: 'arn:r' }),
        after(3, 'TaskStarted'),
        after(4, 'TaskSucceeded'),
        scheduled(5, 'createEndpointConfig', { EndpointConfigName: 'cfg-1' }),
        after(6, 'TaskStarted'),
        after(7, 'TaskSucceeded'),
        scheduled(8, 'createEndpoint', { EndpointName: 'ep-1', EndpointConfigName: 'cfg-1' }),
        after(9, 'TaskStarted'),
        after(10, 'TaskSucceeded'),
        scheduled(11, 'createTrainingJob.sync', { TrainingJobName: 'train-1' }),
        after(12, 'TaskStarted'),
        after(13, 'TaskSubmitted'),
        // Ended already: not stopped.
        scheduled(18, 'createProcessingJob', { ProcessingJobName: 'done-1' }),
        after(19, 'TaskStarted'),
        after(20, 'TaskSucceeded'),
        // Refused: the model of this name may be someone else's.
        scheduled(14, 'createModel', { ModelName: 'not-ours' }),
        after(15, 'TaskStarted'),
        after(16, 'TaskFailed'),
        { type: 'ExecutionSucceeded', id: 17, previousEventId: 16, timestamp: new Date() },
      ],
    });
    sagemaker
      .on(DeleteEndpointCommand)
      .rejectsOnce(
        sdkError(
          'sagemaker',
          'ValidationException',
          'Cannot update in-progress endpoint "ep-1" (status Creating).',
        ),
      )
      .resolves({});
    sagemaker.on(DeleteEndpointConfigCommand).resolves({});
    sagemaker.on(DeleteModelCommand).resolves({});
    sagemaker.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: 'InProgress' } as never);
    sagemaker.on(StopTrainingJobCommand).resolves({});
    sagemaker.on(DescribeProcessingJobCommand).resolves({ ProcessingJobStatus: 'Completed' } as never);
    await t.execute(theCase);
    const order = sagemaker.calls().map((c) => c.args[0].constructor.name);
    expect(order).toEqual([
      'DescribeTrainingJobCommand',
      'StopTrainingJobCommand',
      'DescribeProcessingJobCommand',
      'DeleteEndpointCommand',
      'DeleteEndpointCommand',
      'DeleteEndpointConfigCommand',
      'DeleteModelCommand',
    ]);
    expect(sagemaker.commandCalls(DeleteModelCommand)[0]!.args[0].input).toEqual({ ModelName: 'Churn-1' });
    expect(sfn.commandCalls(GetExecutionHistoryCommand)[0]!.args[0].input.includeExecutionData).toBe(true);
    expect(sagemaker.commandCalls(StopProcessingJobCommand)).toHaveLength(0);
    expect(t.summary()).toMatchObject({ sagemakerResourcesCleaned: 4, cleanupFailures: 0 });
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
  it('with --allow-billable-jobs, runs creating cases inside the caps until --max-billable-jobs is reached', async () => {
    const billableJobs: BillableJobs = {
      maxJobs: 4,
      instanceTypes: ['ml.t3.medium', 'ml.t2.medium', 'ml.m5.large'],
      maxRuntimeInSeconds: 300,
      sagemakerRoleArn: 'arn:aws:iam::210987654321:role/MySageMaker',
      trainingImage: 'img',
      inputS3Uri: 's3://mine/in',
      outputS3Uri: 's3://mine/out',
    };
    const { t } = target('aws', { billableJobs });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '210987654321' });
    await t.identify();
    const reasons: string[] = [];
    let ran = 0;
    for (let i = 0; i < 40; i++) {
      const c = withId(drawCase(validCaseArb({ api: 'CreateTrainingJob' }), 3, i).value, {
        seed: 3,
        path: `x:${i}`,
      });
      const asCandidate = t.realise(c, 'shrink');
      if ('case' in asCandidate) continue;
      expect(asCandidate.skipped).toMatch(/^shrinking does not run billable jobs$|computed at run time/);
      const r = t.realise(c);
      if ('skipped' in r) reasons.push(r.skipped);
      else {
        ran++;
        expect(JSON.stringify(r.case.definition)).toContain('"MaxRuntimeInSeconds":300');
      }
    }
    expect(ran).toBeGreaterThan(0);
    expect(t.summary().billableCalls).toBeLessThanOrEqual(4);
    expect(reasons).toContain('the --max-billable-jobs cap (4) is reached');
    let updates = 0;
    for (let i = 0; i < 20; i++) {
      const c = withId(drawCase(validCaseArb({ api: 'UpdateEndpoint' }), 3, i).value, {
        seed: 3,
        path: `u:${i}`,
      });
      const r = t.realise(c);
      if ('skipped' in r && r.skipped.startsWith('UpdateEndpoint changes an existing endpoint')) updates++;
      // Never an update of an endpoint that may be the account's own.
      if ('case' in r)
        expect(predictExecution(r.case).calls.value).not.toContain('sagemaker:UpdateEndpoint allowed');
    }
    expect(updates).toBeGreaterThan(0);
  });

  it('without --allow-billable-jobs, a shrinking candidate is realised like a drawn case', () => {
    const { t } = target('aws');
    for (let i = 0; i < 20; i++) {
      const c = withId(drawCase(validCaseArb({}), 4, i).value, { seed: 4, path: `s:${i}` });
      expect(t.realise(c, 'shrink')).toEqual(t.realise(c, 'case'));
    }
  });
});
