/**
 * The AWS services mocked for the AWS target's tests (aws-sdk-client-mock): one mock per client,
 * answers a case's calls succeed with by default, a clock that never waits, and a target on them.
 */
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
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { validCaseArb } from '../../../../generators/case.js';
import { withId } from '../../../../generators/invalidCase.js';
import { drawCase } from '../../../../generators/sampleCases.js';
import { AwsTarget } from '../awsTarget.js';
import type { AwsTargetOptions } from '../options.js';
import type { Clock } from '../tokenBucket.js';
import { bareClients } from './bareClients.js';
import { sdkError } from './sdkErrors.js';

/** The mocked Step Functions client. */
export const sfn = mockClient(SFNClient);
/** The mocked IAM client. */
export const iam = mockClient(IAMClient);
/** The mocked STS client. */
export const sts = mockClient(STSClient);
/** The mocked SageMaker client. */
export const sagemaker = mockClient(SageMakerClient);

/** A clock that never waits: sleeps advance it. */
export function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

/** A Step Functions error as the SDK throws it. */
export const error = (name: string, message: string, status = 400) => sdkError('sfn', name, message, status);

/** A target of the kind on the mocked clients and a fake clock (run id `test1`). */
export function target(kind: 'aws' | 'endpoint' = 'endpoint', more: Partial<AwsTargetOptions> = {}) {
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

/** A valid request-response case (seed 7). */
export const theCase = withId(drawCase(validCaseArb({ pattern: 'requestResponse' }), 7, 0).value, {
  seed: 7,
  path: 'x:0',
});

/** Resets the mocks to a world where every call of a case succeeds (an execution that succeeds at once). */
export function mockSucceedingAws(): void {
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
}
