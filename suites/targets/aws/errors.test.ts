import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClients } from './clients.js';
import {
  describeError,
  isEntityAlreadyExists,
  isNoSuchEntity,
  isNoSuchExecution,
  isRolePropagation,
  isThrottle,
  isTransient,
  isUnreadable,
} from './errors.js';
import { sdkError } from './testing/sdkErrors.js';

/** A loopback endpoint answering every call with one status and body. */
const answer = { status: 400, body: '' };
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(answer.body);
  });
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function failure(): Promise<unknown> {
  const { sfn } = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint });
  try {
    await sfn.send(new ListStateMachinesCommand({}));
  } catch (e) {
    return e;
  }
  throw new Error('the call did not fail');
}

describe('answers the SDK cannot read', () => {
  it('quotes the message of an error without a code (as moto answers an ASL it cannot parse)', async () => {
    answer.status = 400;
    answer.body = '{"__type": null, "message": "ASLParserException line 1:1, at }"}';
    const e = await failure();
    expect(isUnreadable(e)).toBe(true);
    expect(describeError(e)).toBe('unreadable answer (HTTP 400): ASLParserException line 1:1, at }');
  });

  it('quotes the text of an HTML error page, without its tags', async () => {
    answer.status = 502;
    answer.body = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const e = await failure();
    expect(describeError(e)).toBe('unreadable answer (HTTP 502): 502 Bad Gateway');
  });

  it('leaves a readable error as the SDK names it', async () => {
    answer.status = 400;
    answer.body = '{"__type": "com.amazonaws.swf.service.v2.model#InvalidToken", "message": "bad token"}';
    expect(describeError(await failure())).toBe('InvalidToken: bad token');
  });
});

describe('IAM propagation or a real denial', () => {
  const denied = (message: string, name = 'AccessDeniedException') => sdkError('sfn', name, message);
  const managedRule = denied(
    "'arn:aws:iam::123456789012:role/sfnc-run-1' is not authorized to create managed-rule.",
  );

  it('a role Step Functions cannot assume yet is waited for', () => {
    const trust = denied(
      'Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.',
    );
    expect(isRolePropagation(trust)).toBe(true);
    expect(isRolePropagation(trust, { managedRuleGranted: false })).toBe(true);
    expect(
      isRolePropagation(denied('Invalid Role Arn: arn:aws:iam::123456789012:role/x', 'InvalidArn')),
    ).toBe(true);
  });

  it('a managed-rule denial is waited out only where the policy grants the rule; where it does not, it is the answer', () => {
    expect(isRolePropagation(managedRule, { managedRuleGranted: true })).toBe(true);
    // The role's ARN in the message ("role/...") does not make it propagation.
    expect(isRolePropagation(managedRule, { managedRuleGranted: false })).toBe(false);
  });

  it('other denials are answers', () => {
    expect(
      isRolePropagation(
        denied(
          'User: arn:aws:sts::1:assumed-role/x/y is not authorized to perform: states:CreateStateMachine',
        ),
      ),
    ).toBe(false);
    expect(isRolePropagation(denied('role is bad', 'ValidationException'))).toBe(false);
  });
});

describe("errors are told apart by the SDK's classes and classification", () => {
  it('an error merely named like an SDK one is not the service answering', () => {
    const lookalike = Object.assign(new Error('... is not authorized to assume the provided role'), {
      name: 'AccessDeniedException',
    });
    expect(isRolePropagation(lookalike)).toBe(false);
    expect(
      isRolePropagation(
        sdkError('sfn', 'AccessDeniedException', 'not authorized to assume the provided role'),
      ),
    ).toBe(true);
    expect(isNoSuchEntity(sdkError('iam', 'NoSuchEntity', 'gone'))).toBe(true);
    expect(isNoSuchEntity(Object.assign(new Error('gone'), { name: 'NoSuchEntity' }))).toBe(false);
    expect(isNoSuchExecution(sdkError('sfn', 'ExecutionDoesNotExist', 'gone'))).toBe(true);
    expect(isEntityAlreadyExists(sdkError('iam', 'EntityAlreadyExists', 'exists'))).toBe(true);
  });

  it("throttles and transient failures as the SDK's retry strategy sees them; an IAM quota is neither", () => {
    expect(isThrottle(sdkError('sfn', 'ThrottlingException', 'Rate exceeded'))).toBe(true);
    expect(isThrottle(sdkError('iam', 'Throttling', 'Rate exceeded'))).toBe(true);
    expect(isThrottle(sdkError('sfn', 'Whatever', 'slow down', 429))).toBe(true);
    expect(
      isThrottle(sdkError('iam', 'LimitExceeded', 'Cannot exceed quota for RolesPerAccount: 1000')),
    ).toBe(false);
    expect(isTransient(sdkError('sagemaker', 'InternalFailure', 'boom', 500))).toBe(true);
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(sdkError('sfn', 'InvalidDefinition', 'bad'))).toBe(false);
  });
});
