/**
 * `serve` driven by the AWS SDK for JavaScript (@aws-sdk/client-sfn) over loopback on a free port:
 * state machines, executions to their end, the history page by page, tags, and errors parsed by
 * the SDK into the operation's exception classes. Request shapes and error codes are those of the
 * Step Functions API model (apimodel/stepFunctionsModel.generated.ts).
 */
import type { SFNServiceException } from '@aws-sdk/client-sfn';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  InvalidArn,
  InvalidDefinition,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  MissingRequiredParameter,
  ResourceNotFound,
  SFNClient,
  StartExecutionCommand,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineCommand,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';
import { createExecutionRole } from './testing/executionRole.js';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
const MACHINE_ARN = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

/** Pass, Choice and Wait: 10 s of virtual time, the input's `n` decides the branch. */
const CONTROL_FLOW = JSON.stringify({
  StartAt: 'Pick',
  States: {
    Pick: {
      Type: 'Choice',
      Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Wait' }],
      Default: 'Small',
    },
    Wait: { Type: 'Wait', Seconds: 10, Next: 'Big' },
    Big: { Type: 'Pass', Result: 'big', ResultPath: '$.size', End: true },
    Small: { Type: 'Pass', Result: 'small', ResultPath: '$.size', End: true },
  },
});

/** One SageMaker request-response task: CreateModel. */
const CREATE_MODEL = JSON.stringify({
  StartAt: 'Save model',
  States: {
    'Save model': {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        'ModelName.$': '$.name',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
        PrimaryContainer: {
          Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
          ModelDataUrl: 's3://bucket/model.tar.gz',
        },
      },
      End: true,
    },
  },
});

let server: RunningServer;
let sfn: SFNClient;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  // The roles the state machines name: trusting Step Functions, every call allowed.
  await createExecutionRole(server.url, 'StepFunctionsExecutionRole');
  await createExecutionRole(server.url, 'PipelineRole');
  sfn = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  sfn.destroy();
  await server.close();
});

/** Polls DescribeExecution until the execution is no longer RUNNING. */
async function finished(executionArn: string) {
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every event of an execution's history, page by page; and the pages' sizes. */
async function allEvents(executionArn: string, maxResults: number, reverseOrder = false) {
  const events: HistoryEvent[] = [];
  const sizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults, reverseOrder, nextToken }),
    );
    events.push(...page.events!);
    sizes.push(page.events!.length);
    nextToken = page.nextToken;
  } while (nextToken);
  return { events, sizes };
}

/** The error a send rejects with. */
async function errorOf(promise: Promise<unknown>): Promise<SFNServiceException> {
  try {
    await promise;
  } catch (e) {
    return e as SFNServiceException;
  }
  throw new Error('the call succeeded');
}

describe('serve: Step Functions over JSON 1.0, with the JavaScript SDK', () => {
  it('listens on loopback, on the free port it was given', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('runs a Pass/Choice/Wait machine to SUCCEEDED, with its output and epoch timestamps', async () => {
    const created = await sfn.send(
      new CreateStateMachineCommand({ name: 'control-flow', definition: CONTROL_FLOW, roleArn: ROLE }),
    );
    expect(created.stateMachineArn).toBe(MACHINE_ARN('control-flow'));
    expect(created.creationDate).toBeInstanceOf(Date);
    const { executionArn, startDate } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: created.stateMachineArn,
        name: 'big-one',
        input: JSON.stringify({ n: 5 }),
      }),
    );
    expect(executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:control-flow:big-one');
    expect(startDate).toBeInstanceOf(Date);
    const d = await finished(executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual({ n: 5, size: 'big' });
    expect(JSON.parse(d.input!)).toEqual({ n: 5 });
    expect(d.name).toBe('big-one');
    expect(d.stateMachineArn).toBe(created.stateMachineArn);
    // The Wait's 10 s pass on the virtual clock.
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(10_000);
  });

  it('pages through GetExecutionHistory with maxResults and nextToken, in either order', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: MACHINE_ARN('control-flow'), input: '{"n": 2}' }),
    );
    await finished(executionArn!);
    const whole = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const types = whole.events!.map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(whole.nextToken).toBeUndefined();
    expect(whole.events![0]!.timestamp).toBeInstanceOf(Date);
    expect(whole.events!.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const paged = await allEvents(executionArn!, 3);
    expect(paged.sizes).toEqual([3, 3, 2]);
    expect(paged.events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const reversed = await allEvents(executionArn!, 5, true);
    expect(reversed.sizes).toEqual([5, 3]);
    expect(reversed.events.map((e) => e.id)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('refuses a token of another listing with InvalidToken', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: MACHINE_ARN('control-flow'), input: '{"n": 0}' }),
    );
    await finished(executionArn!);
    const first = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1 }));
    expect(first.nextToken).toBeDefined();
    const other = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: MACHINE_ARN('control-flow'), maxResults: 1 }),
    );
    const e = await errorOf(
      sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken: other.nextToken })),
    );
    expect(e).toBeInstanceOf(InvalidToken);
    const garbage = await errorOf(
      sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken: 'not-a-token' })),
    );
    expect(garbage).toBeInstanceOf(InvalidToken);
  });

  it('runs a SageMaker CreateModel request-response task as the role (its policy allows it)', async () => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'save-model',
        definition: CREATE_MODEL,
        roleArn: 'arn:aws:iam::123456789012:role/PipelineRole',
      }),
    );
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ name: 'churn-model' }) }),
    );
    const d = await finished(executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual({
      ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/churn-model',
    });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const scheduled = events!.find((e) => e.type === 'TaskScheduled')!;
    expect(scheduled.taskScheduledEventDetails).toMatchObject({
      resourceType: 'sagemaker',
      resource: 'createModel',
      region: 'us-east-1',
    });
    expect(events!.map((e) => e.type)).toContain('TaskSucceeded');
  });

  it('describes, updates, lists, tags and deletes state machines', async () => {
    const arn = MACHINE_ARN('to-change');
    await sfn.send(
      new CreateStateMachineCommand({
        name: 'to-change',
        definition: CONTROL_FLOW,
        roleArn: ROLE,
        tags: [{ key: 'team', value: 'ml' }],
      }),
    );
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(described).toMatchObject({
      stateMachineArn: arn,
      name: 'to-change',
      status: 'ACTIVE',
      definition: CONTROL_FLOW,
      roleArn: ROLE,
      type: 'STANDARD',
    });
    expect(described.creationDate).toBeInstanceOf(Date);

    const newDefinition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const updated = await sfn.send(
      new UpdateStateMachineCommand({ stateMachineArn: arn, definition: newDefinition }),
    );
    expect(updated.updateDate).toBeInstanceOf(Date);
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))).definition).toBe(
      newDefinition,
    );
    const nothing = await errorOf(sfn.send(new UpdateStateMachineCommand({ stateMachineArn: arn })));
    expect(nothing).toBeInstanceOf(MissingRequiredParameter);
    const invalid = await errorOf(
      sfn.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: '{"StartAt": "X"}' })),
    );
    expect(invalid).toBeInstanceOf(InvalidDefinition);

    await sfn.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'stage', value: 'dev' }] }));
    const { tags } = await sfn.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    expect(tags).toEqual([
      { key: 'team', value: 'ml' },
      { key: 'stage', value: 'dev' },
    ]);

    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines!.map((m) => m.name)).toContain('to-change');

    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    expect(await errorOf(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn })))).toBeInstanceOf(
      StateMachineDoesNotExist,
    );
    expect(await errorOf(sfn.send(new ListTagsForResourceCommand({ resourceArn: arn })))).toBeInstanceOf(
      ResourceNotFound,
    );
    // Deleting again succeeds: the operation is idempotent.
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
  });

  it('pages ListStateMachines and lists executions newest first, filtered by status', async () => {
    for (const i of [1, 2, 3])
      await sfn.send(
        new CreateStateMachineCommand({ name: `many-${i}`, definition: CONTROL_FLOW, roleArn: ROLE }),
      );
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      expect(page.stateMachines!.length).toBeLessThanOrEqual(2);
      names.push(...page.stateMachines!.map((m) => m.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names.filter((n) => n.startsWith('many-'))).toEqual(['many-1', 'many-2', 'many-3']);

    const stateMachineArn = MACHINE_ARN('many-1');
    for (const name of ['first', 'second'])
      await finished(
        (await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"n": 0}' })))
          .executionArn!,
      );
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(executions!.map((e) => [e.name, e.status])).toEqual([
      ['second', 'SUCCEEDED'],
      ['first', 'SUCCEEDED'],
    ]);
    expect(executions![0]!.stopDate).toBeInstanceOf(Date);
    const failed = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'FAILED' }));
    expect(failed.executions).toEqual([]);
    // Without `n` the Choice fails the execution (States.Runtime), with its error and cause.
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
    const d = await finished(executionArn!);
    expect(d.status).toBe('FAILED');
    expect(d.error).toBe('States.Runtime');
    expect(d.cause).toMatch(/\$\.n/);
    const failures = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'FAILED' }));
    expect(failures.executions!.map((e) => e.executionArn)).toEqual([executionArn]);
  });

  it('answers StopExecution with the stop date; an ended execution keeps its status', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: MACHINE_ARN('control-flow'), input: '{"n": 0}' }),
    );
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const d = await finished(executionArn!);
    expect(['SUCCEEDED', 'ABORTED']).toContain(d.status);
    expect(d.stopDate!.getTime()).toBe(stopped.stopDate!.getTime());
  });

  it('is idempotent on CreateStateMachine with the same request; another definition is StateMachineAlreadyExists', async () => {
    const again = await sfn.send(
      new CreateStateMachineCommand({ name: 'control-flow', definition: CONTROL_FLOW, roleArn: ROLE }),
    );
    expect(again.stateMachineArn).toBe(MACHINE_ARN('control-flow'));
    const other = await errorOf(
      sfn.send(
        new CreateStateMachineCommand({ name: 'control-flow', definition: CREATE_MODEL, roleArn: ROLE }),
      ),
    );
    expect(other).toBeInstanceOf(StateMachineAlreadyExists);
  });

  it.each([
    [
      'an unknown state machine',
      () => new DescribeStateMachineCommand({ stateMachineArn: MACHINE_ARN('nope') }),
      StateMachineDoesNotExist,
      400,
    ],
    [
      'an execution of an unknown state machine',
      () => new StartExecutionCommand({ stateMachineArn: MACHINE_ARN('nope') }),
      StateMachineDoesNotExist,
      400,
    ],
    [
      'an unknown execution',
      () =>
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:us-east-1:123456789012:execution:control-flow:nope',
        }),
      ExecutionDoesNotExist,
      400,
    ],
    [
      'a definition that is not JSON',
      () => new CreateStateMachineCommand({ name: 'bad', definition: '{', roleArn: ROLE }),
      InvalidDefinition,
      400,
    ],
    [
      'a definition without States',
      () => new CreateStateMachineCommand({ name: 'bad', definition: '{"StartAt": "A"}', roleArn: ROLE }),
      InvalidDefinition,
      400,
    ],
    [
      'a name of 81 characters',
      () => new CreateStateMachineCommand({ name: 'n'.repeat(81), definition: CONTROL_FLOW, roleArn: ROLE }),
      ValidationException,
      400,
    ],
    [
      'a missing required member',
      () => new CreateStateMachineCommand({ name: 'x', definition: CONTROL_FLOW } as never),
      ValidationException,
      400,
    ],
    [
      'maxResults above 1000',
      () => new ListStateMachinesCommand({ maxResults: 1001 }),
      ValidationException,
      400,
    ],
    [
      'a name with a space',
      () => new CreateStateMachineCommand({ name: 'has space', definition: CONTROL_FLOW, roleArn: ROLE }),
      InvalidName,
      400,
    ],
    [
      'an ARN that is not a state machine',
      () => new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:s3:::bucket' }),
      InvalidArn,
      400,
    ],
    [
      'a role ARN that is not a role',
      () => new CreateStateMachineCommand({ name: 'x', definition: CONTROL_FLOW, roleArn: 'role' }),
      InvalidArn,
      400,
    ],
    [
      'an input that is not JSON',
      () => new StartExecutionCommand({ stateMachineArn: MACHINE_ARN('control-flow'), input: '{' }),
      InvalidExecutionInput,
      400,
    ],
  ] as const)('refuses %s with its exception class', async (_what, command, type, status) => {
    const e = await errorOf(sfn.send(command() as never));
    expect(e).toBeInstanceOf(type);
    expect(e.$metadata.httpStatusCode).toBe(status);
    expect(e.message).not.toBe('');
  });

  it("says which member breaks which constraint, in AWS's words", async () => {
    const e = await errorOf(
      sfn.send(
        new CreateStateMachineCommand({ name: 'n'.repeat(81), definition: CONTROL_FLOW, roleArn: ROLE }),
      ),
    );
    expect(e.message).toBe(
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 80",
    );
    const missing = await errorOf(sfn.send(new DescribeExecutionCommand({} as never)));
    expect(missing.message).toBe(
      "1 validation error detected: Value at 'executionArn' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('serve: the wire itself', () => {
  const post = (body: string, target?: string) =>
    fetch(`${server.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        ...(target ? { 'x-amz-target': target } : {}),
      },
      body,
    });

  it('answers with the JSON 1.0 content type and a request id', async () => {
    const res = await post('{}', 'AWSStepFunctions.ListStateMachines');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an operation it does not answer, a missing target, and a body that is not JSON', async () => {
    const unknown = await post('{}', 'AWSStepFunctions.NoSuchOperation');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const untargeted = await post('{}');
    expect(await untargeted.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const proto = await post('{}', 'AWSStepFunctions.__proto__');
    expect(await proto.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const garbled = await post('{', 'AWSStepFunctions.ListStateMachines');
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ __type: 'SerializationException' });
    const wrongType = await post('{"maxResults": "ten"}', 'AWSStepFunctions.ListStateMachines');
    expect(await wrongType.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it('answers a body past its bound with a 413 error the SDK parses', async () => {
    const small = await startServer({ port: 0, host: '127.0.0.1', maxBodyBytes: 1024 });
    const client = new SFNClient({
      endpoint: small.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    try {
      const big = JSON.stringify({
        StartAt: 'P',
        States: { P: { Type: 'Pass', Result: 'x'.repeat(2000), End: true } },
      });
      const e = await errorOf(
        client.send(new CreateStateMachineCommand({ name: 'big', definition: big, roleArn: ROLE })),
      );
      expect(e.$metadata.httpStatusCode).toBe(413);
      expect(e.name).toBe('RequestEntityTooLargeException');
      expect(e.message).toMatch(/exceeds the server's limit of 1024 bytes/);
      // The server still answers after it.
      expect((await client.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
    } finally {
      client.destroy();
      await small.close();
    }
  });

  it('answers a request whose target is not a URL, and goes on answering', async () => {
    // fetch normalises its URL: the request line is written by hand.
    const { port } = server;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect((await post('{}', 'AWSStepFunctions.ListStateMachines')).status).toBe(200);
  });

  it('refuses a request a web page sends (an Origin header): the server checks no credentials', async () => {
    const r = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'Action=DeleteRole&Version=2010-05-08&RoleName=PipelineRole',
    });
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('<Code>AccessDeniedException</Code>');
    // The role is still there.
    const get = await post('{}', 'AWSStepFunctions.ListStateMachines');
    expect(get.status).toBe(200);
  });
});
