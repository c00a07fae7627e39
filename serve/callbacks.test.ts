/**
 * `serve`'s callback tasks, mock test cases and clocks, driven by the AWS SDK for JavaScript over
 * loopback: a `.waitForTaskToken` task waits, RUNNING, until SendTaskSuccess or SendTaskFailure
 * answers its token (read from the history while it waits) or its HeartbeatSeconds pass; tokens
 * that are not, or no longer, a waiting task's are refused with Step Functions' errors; a
 * StartExecution ARN with `#TestCase` runs a Step Functions Local test case; `clock: 'real'` makes
 * a Wait take its time.
 */
import type { SFNServiceException } from '@aws-sdk/client-sfn';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  InvalidOutput,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMockConfig } from '../emulator/mock/mockConfig.js';
import { startServer, type RunningServer } from './server.js';
import { createExecutionRole } from './testing/executionRole.js';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

/** A Lambda callback task that hands its token to the function in the payload, then a Pass. */
const callbackMachine = (limits: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: 'approver',
          Payload: { 'token.$': '$$.Task.Token', 'order.$': '$.order' },
        },
        ResultPath: '$.approval',
        ...limits,
        Next: 'Done',
      },
      Done: { Type: 'Pass', End: true },
      ...extra,
    },
  });

const clientOf = (server: RunningServer) =>
  new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (e: unknown) => e as SFNServiceException,
  );

let server: RunningServer;
let sfn: SFNClient;
let machines = 0;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  await createExecutionRole(server.url, 'StepFunctionsExecutionRole');
  sfn = clientOf(server);
});
afterAll(async () => {
  sfn.destroy();
  await server.close();
});

/** Creates a machine and starts it; returns the execution's ARN. */
async function start(client: SFNClient, definition: string, input: unknown = { order: 7 }): Promise<string> {
  const { stateMachineArn } = await client.send(
    new CreateStateMachineCommand({ name: `callback-${++machines}`, definition, roleArn: ROLE }),
  );
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
  );
  return executionArn!;
}

const historyOf = async (client: SFNClient, executionArn: string): Promise<HistoryEvent[]> =>
  (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];

/** The token of the waiting task, read as its worker would: from the request the task sent (TaskScheduled). */
async function tokenOf(executionArn: string): Promise<string> {
  for (;;) {
    const scheduled = (await historyOf(sfn, executionArn)).find((e) => e.type === 'TaskScheduled');
    if (scheduled?.taskScheduledEventDetails?.parameters !== undefined) {
      const request = JSON.parse(scheduled.taskScheduledEventDetails.parameters) as {
        Payload: { token: string };
      };
      return request.Payload.token;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Polls DescribeExecution until the execution has ended. */
async function ended(client: SFNClient, executionArn: string) {
  for (;;) {
    const d = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const types = (events: readonly HistoryEvent[]) => events.map((e) => e.type);

describe('serve: a callback task waits for its token', () => {
  it('stays RUNNING with the history so far, then SendTaskSuccess gives the task its output', async () => {
    const executionArn = await start(sfn, callbackMachine());
    const token = await tokenOf(executionArn);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    expect(types(await historyOf(sfn, executionArn))).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
    ]);
    expect(
      await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' })),
    ).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    const done = await ended(sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ order: 7, approval: { approved: true } });
    const events = await historyOf(sfn, executionArn);
    expect(types(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
    });
    // A token answered once is answered: again, its task no longer exists.
    const again = await errorOf(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })));
    expect(again).toBeInstanceOf(TaskTimedOut);
    expect(again.message).toBe("Task Timed Out: 'Provided task does not exist anymore'");
  });

  it('SendTaskFailure fails the state with the error and cause sent', async () => {
    const executionArn = await start(sfn, callbackMachine());
    const token = await tokenOf(executionArn);
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'over budget' }));
    const done = await ended(sfn, executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'over budget' });
    const failed = (await historyOf(sfn, executionArn)).find((e) => e.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({ error: 'Rejected', cause: 'over budget' });
  });

  it('a failure sent is caught as a task error is', async () => {
    const executionArn = await start(
      sfn,
      callbackMachine(
        { Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.error', Next: 'Refused' }] },
        { Refused: { Type: 'Pass', End: true } },
      ),
    );
    const token = await tokenOf(executionArn);
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'no' }));
    const done = await ended(sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ order: 7, error: { Error: 'Rejected', Cause: 'no' } });
  });

  it('HeartbeatSeconds without a heartbeat times the task out, the virtual clock jumping by them', async () => {
    const executionArn = await start(sfn, callbackMachine({ HeartbeatSeconds: 1 }));
    const token = await tokenOf(executionArn);
    const done = await ended(sfn, executionArn);
    // AWS records a missed heartbeat as States.Timeout (rule asl.heartbeat-timeout-error).
    expect(done).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBe(1000);
    const events = await historyOf(sfn, executionArn);
    expect(types(events).slice(-2)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    expect(
      events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails?.heartbeatInSeconds,
    ).toBe(1);
    const late = await errorOf(sfn.send(new SendTaskHeartbeatCommand({ taskToken: token })));
    expect(late).toBeInstanceOf(TaskTimedOut);
  });

  it('heartbeats keep the task waiting past HeartbeatSeconds', async () => {
    const executionArn = await start(sfn, callbackMachine({ HeartbeatSeconds: 2 }));
    const token = await tokenOf(executionArn);
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '"yes"' }));
    expect(JSON.parse((await ended(sfn, executionArn)).output!)).toEqual({ order: 7, approval: 'yes' });
  });

  it('StopExecution aborts a waiting execution', async () => {
    const executionArn = await start(sfn, callbackMachine());
    const token = await tokenOf(executionArn);
    await sfn.send(new StopExecutionCommand({ executionArn }));
    expect((await ended(sfn, executionArn)).status).toBe('ABORTED');
    expect(types(await historyOf(sfn, executionArn)).slice(-2)).toEqual([
      'TaskStateAborted',
      'ExecutionAborted',
    ]);
    expect(
      await errorOf(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))),
    ).toBeInstanceOf(TaskTimedOut);
  });

  it('refuses a token that is none, one of no callback task, and an output that is not JSON', async () => {
    const bad = await errorOf(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    );
    expect(bad).toBeInstanceOf(InvalidToken);
    expect(bad.$metadata.httpStatusCode).toBe(400);
    expect(await errorOf(sfn.send(new SendTaskFailureCommand({ taskToken: 'not-a-token' })))).toBeInstanceOf(
      InvalidToken,
    );
    const foreign = Buffer.from(
      'arn:aws:states:us-east-1:123456789012:execution:nowhere:none#Ask#0',
    ).toString('base64');
    expect(await errorOf(sfn.send(new SendTaskHeartbeatCommand({ taskToken: foreign })))).toBeInstanceOf(
      TaskDoesNotExist,
    );
    const executionArn = await start(sfn, callbackMachine());
    const token = await tokenOf(executionArn);
    expect(
      await errorOf(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{' }))),
    ).toBeInstanceOf(InvalidOutput);
    // The task still waits for a valid answer.
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '1' }));
    expect((await ended(sfn, executionArn)).status).toBe('SUCCEEDED');
  });

  it('a request-response task of a service the emulator does not run fails as in exec', async () => {
    const executionArn = await start(
      sfn,
      JSON.stringify({
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'f' },
            End: true,
          },
        },
      }),
    );
    const done = await ended(sfn, executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(done.cause).toMatch(/does not run the resource 'arn:aws:states:::lambda:invoke'/);
  });
});

describe('serve --mock: a test case by the state machine ARN', () => {
  const MOCKS = {
    StateMachines: {
      Orders: { TestCases: { Happy: { Call: 'CallOk' }, Sad: { Call: 'CallFails' } } },
    },
    MockedResponses: {
      CallOk: { '0': { Return: { StatusCode: 200, Payload: { ok: true } } } },
      CallFails: { '0': { Throw: { Error: 'Lambda.ServiceException', Cause: 'down' } } },
    },
  };
  const ORDERS = JSON.stringify({
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'f' },
        OutputPath: '$.Payload',
        End: true,
      },
    },
  });
  let mocked: RunningServer;
  let client: SFNClient;
  let stateMachineArn: string;
  beforeAll(async () => {
    mocked = await startServer({
      port: 0,
      host: '127.0.0.1',
      mocks: { config: parseMockConfig(MOCKS, 'mock file "mocks.json"'), where: 'mock file "mocks.json"' },
    });
    await createExecutionRole(mocked.url, 'StepFunctionsExecutionRole');
    client = clientOf(mocked);
    ({ stateMachineArn } = (await client.send(
      new CreateStateMachineCommand({ name: 'Orders', definition: ORDERS, roleArn: ROLE }),
    )) as { stateMachineArn: string });
  });
  afterAll(async () => {
    client.destroy();
    await mocked.close();
  });

  it("answers the state from the test case the ARN names; the execution is the machine's", async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Happy`, name: 'happy' }),
    );
    expect(executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:Orders:happy');
    const done = await ended(client, executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ ok: true });
    const { executionArn: sad } = await client.send(
      new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Sad` }),
    );
    expect(await ended(client, sad!)).toMatchObject({
      status: 'FAILED',
      error: 'Lambda.ServiceException',
      cause: 'down',
    });
  });

  it('without a test case the state is not mocked', async () => {
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    expect(await ended(client, executionArn!)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('refuses a test case the file does not define, naming it', async () => {
    const e = await errorOf(
      client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Nope` })),
    );
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toMatch(
      /mock file "mocks\.json" has no test case ".*Orders#Nope"; give one of: Orders#Happy, Orders#Sad/,
    );
  });

  it('refuses a test case on a server without a mock file', async () => {
    const { stateMachineArn: plain } = await sfn.send(
      new CreateStateMachineCommand({ name: 'Orders', definition: ORDERS, roleArn: ROLE }),
    );
    const e = await errorOf(sfn.send(new StartExecutionCommand({ stateMachineArn: `${plain}#Happy` })));
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toMatch(/names the test case 'Happy', and no mock configuration is loaded/);
  });
});

describe('serve, clock real', () => {
  it('a Wait of 1 s takes a second of real time, the execution RUNNING with its history meanwhile', async () => {
    const real = await startServer({ port: 0, host: '127.0.0.1', clock: 'real' });
    await createExecutionRole(real.url, 'StepFunctionsExecutionRole');
    const client = clientOf(real);
    try {
      const began = performance.now();
      const executionArn = await start(
        client,
        JSON.stringify({
          StartAt: 'Wait',
          States: { Wait: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
        }),
      );
      const running = await client.send(new DescribeExecutionCommand({ executionArn }));
      if (performance.now() - began < 900) {
        expect(running.status).toBe('RUNNING');
        expect(types(await historyOf(client, executionArn))).toEqual([
          'ExecutionStarted',
          'WaitStateEntered',
        ]);
      }
      const done = await ended(client, executionArn);
      expect(done.status).toBe('SUCCEEDED');
      // A lower bound only: the clock's timer may wake late, never early.
      expect(performance.now() - began).toBeGreaterThanOrEqual(990);
      expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBeGreaterThanOrEqual(1000);
    } finally {
      client.destroy();
      await real.close();
    }
  });
});
