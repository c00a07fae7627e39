import { describe, expect, it } from 'vitest';
import { EmulatedStepFunctions } from '../stepFunctions.js';
import {
  checkMockedStates,
  MockConfigError,
  parseMockConfig,
  selectMockCase,
  type MockCase,
} from './mockConfig.js';
import { describeResource } from '../engine/taskResource.js';

type Obj = Record<string, unknown>;
const LAMBDA = 'arn:aws:states:::lambda:invoke';

/** One test case `Case` of machine `M`, mocking `states` (state → response name) with `responses`. */
function mockOf(states: Record<string, string>, responses: Obj): MockCase {
  const config = parseMockConfig(
    { StateMachines: { M: { TestCases: { Case: states } } }, MockedResponses: responses },
    'mocks.json',
  );
  return selectMockCase(config, 'Case', 'mocks.json');
}

async function execute(definition: Obj, mock: MockCase | undefined, input: unknown = {}) {
  const sfn = new EmulatedStepFunctions();
  const { stateMachineArn } = sfn.createStateMachine({ definition, name: 'M' });
  const { executionArn } = sfn.startExecution({ stateMachineArn, input, ...(mock ? { mock } : {}) });
  return sfn.awaitExecution(executionArn);
}

const returns = (value: unknown) => ({ Return: value });
const throws = (Error: string, Cause?: string) => ({ Throw: { Error, ...(Cause ? { Cause } : {}) } });

describe('mocked tasks in an execution', () => {
  it('one counter per state and execution: retries and Map iterations each take the next answer', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Call',
            States: {
              Call: {
                Type: 'Task',
                Resource: LAMBDA,
                Parameters: { FunctionName: 'f' },
                OutputPath: '$.Payload',
                Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 3 }],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const mock = mockOf(
      { Call: 'Seq' },
      {
        Seq: {
          '0': throws('Boom', 'attempt 0'),
          '1': returns({ Payload: 'idx1' }),
          '2': returns({ Payload: 'idx2' }),
        },
      },
    );
    const result = await execute(definition, mock, [1, 2]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: ['idx1', 'idx2'] });
    expect(result.calls).toEqual([]); // a mocked state makes no call as the role
  });

  it('a state entered again by a loop takes the next answer; a range answers several invocations', async () => {
    const definition = {
      StartAt: 'Poll',
      States: {
        Poll: {
          Type: 'Task',
          Resource: LAMBDA,
          ResultSelector: { 'done.$': '$.Payload.done' },
          Next: 'Done?',
        },
        'Done?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'End' }],
          Default: 'Poll',
        },
        End: { Type: 'Succeed' },
      },
    };
    const mock = mockOf(
      { Poll: 'NotYetTwice' },
      {
        NotYetTwice: {
          '0-1': returns({ Payload: { done: false } }),
          '2': returns({ Payload: { done: true } }),
        },
      },
    );
    const result = await execute(definition, mock);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.history.filter((e) => e.type === 'TaskScheduled')).toHaveLength(3);
  });

  it('a state invoked more often than its response answers fails the execution, saying which invocation', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 5 }],
          End: true,
        },
      },
    };
    const result = await execute(definition, mockOf({ Call: 'Once' }, { Once: { '0': throws('Boom') } }));
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain(
      "'Once' of test case 'M#Case' has no answer for invocation 1 of the state 'Call'",
    );
  });

  it('Throw is the task failing with that error and cause: Catch sees them', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: LAMBDA,
          Catch: [{ ErrorEquals: ['Lambda.ServiceException'], ResultPath: '$.err', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', OutputPath: '$.err', End: true },
      },
    };
    const result = await execute(
      definition,
      mockOf({ Call: 'Fails' }, { Fails: { '0': throws('Lambda.ServiceException', 'down') } }),
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { Error: 'Lambda.ServiceException', Cause: 'down' },
    });
    expect(result.history.find((e) => e.type === 'TaskFailed')).toMatchObject({
      taskFailedEventDetails: { error: 'Lambda.ServiceException', cause: 'down' },
    });
  });

  it('unmocked SageMaker states still call as the role; a mocked one returns its answer and calls nothing', async () => {
    const model = (name: string) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        ModelName: name,
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
        PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1' },
      },
    });
    const definition = {
      StartAt: 'Real',
      States: {
        Real: { ...model('real'), ResultPath: '$.real', Next: 'Fixed' },
        Fixed: { ...model('fixed'), ResultPath: '$.fixed', End: true },
      },
    };
    const result = await execute(
      definition,
      mockOf(
        { Fixed: 'Arn' },
        { Arn: { '0': returns({ ModelArn: 'arn:aws:sagemaker:us-east-1:1:model/x' }) } },
      ),
    );
    expect(result.output).toMatchObject({ fixed: { ModelArn: 'arn:aws:sagemaker:us-east-1:1:model/x' } });
    expect(result.calls.map((c) => c.action)).toEqual(['sagemaker:CreateModel', 'iam:PassRole']);
    expect(result.calls[0]!.resource).toMatch(/model\/real$/);
  });

  it('history events name the resource as Step Functions does', async () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: LAMBDA, Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:score', Next: 'C' },
        C: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Next: 'D' },
        D: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true },
      },
    };
    const ok = { '0': returns({}) };
    const result = await execute(definition, mockOf({ A: 'Ok', B: 'Ok', C: 'Ok', D: 'Ok' }, { Ok: ok }));
    expect(result.status).toBe('SUCCEEDED');
    // A Lambda function's ARN as Resource is scheduled as LambdaFunctionScheduled, which names
    // the ARN alone (API Reference, LambdaFunctionScheduledEventDetails).
    const scheduled = result.history
      .filter((e) => e.type === 'TaskScheduled' || e.type === 'LambdaFunctionScheduled')
      .map((e): Obj => ({
        type: e.type,
        ...((e.taskScheduledEventDetails ?? e.lambdaFunctionScheduledEventDetails) as Obj),
      }));
    expect(scheduled.map((d) => [d.type, d.resourceType, d.resource])).toEqual([
      ['TaskScheduled', 'lambda', 'invoke'],
      ['LambdaFunctionScheduled', undefined, 'arn:aws:lambda:us-east-1:123456789012:function:score'],
      ['TaskScheduled', 'aws-sdk:s3', 'getObject'],
      ['TaskScheduled', 'glue', 'startJobRun.sync'],
    ]);
    expect(describeResource('arn:aws-cn:states:::sns:publish')).toEqual({
      resourceType: 'sns',
      resource: 'publish',
    });
  });

  it('without a mock, a task of another service fails with States.Runtime that says how to mock it', async () => {
    const result = await execute(
      { StartAt: 'A', States: { A: { Type: 'Task', Resource: LAMBDA, End: true } } },
      undefined,
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(
      /does not run the resource 'arn:aws:states:::lambda:invoke' of the state 'A'; mock the state/,
    );
  });
});

describe('reading a mock configuration', () => {
  const refused = (config: unknown, selector = 'Case') => {
    try {
      selectMockCase(parseMockConfig(config, 'mocks.json'), selector, 'mocks.json');
    } catch (e) {
      expect(e).toBeInstanceOf(MockConfigError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  const one = (responses: Obj) => ({
    StateMachines: { M: { TestCases: { Case: { A: 'R' } } } },
    MockedResponses: responses,
  });

  it('expands ranges into answers by invocation', () => {
    const mock = selectMockCase(
      parseMockConfig(one({ R: { '2': returns(2), '0-1': throws('E') } }), 'mocks.json'),
      'Case',
      'mocks.json',
    );
    expect(mock.states.get('A')!.answers.map((a) => a.kind)).toEqual(['throw', 'throw', 'return']);
  });

  it.each([
    [{ R: { '1': returns(1) } }, /no answer for invocation 0/],
    [{ R: { '0': returns(0), '2': returns(2) } }, /no answer for invocation 1/],
    [{ R: { '0-2': returns(0), '1': returns(1) } }, /"1" overlaps an earlier key/],
    [{ R: { first: returns(0) } }, /"first" is not an invocation number or range/],
    [{ R: { '2-1': returns(0) } }, /"2-1" is not an invocation number or range/],
    [{ R: { '0': { Return: 1, Throw: { Error: 'E' } } } }, /must hold exactly one of "Return" and "Throw"/],
    [{ R: { '0': {} } }, /must hold exactly one of "Return" and "Throw"/],
    [{ R: {} }, /has no answers/],
    [{ Other: { '0': returns(0) } }, /mocks the state "A" with "R", which MockedResponses does not define/],
    [{ R: { '0': { Throw: { Cause: 'no error' } } } }, /at \/MockedResponses\/R\/0\/Throw\/Error/],
  ])('refuses %j', (responses, message) => {
    expect(refused(one(responses))).toMatch(message);
  });

  it('selects CASE or MACHINE#CASE, and refuses an unknown or ambiguous case, listing the known ones', () => {
    const config = {
      StateMachines: {
        A: { TestCases: { Happy: { S: 'R' } } },
        B: { TestCases: { Happy: { T: 'R' }, Sad: { T: 'R' } } },
      },
      MockedResponses: { R: { '0': returns(1) } },
    };
    expect(refused(config, 'Happy')).toMatch(/"Happy" is defined for A and B; name one as MACHINE#Happy/);
    expect(refused(config, 'Nope')).toMatch(/no test case "Nope"; give one of: A#Happy, B#Happy, B#Sad/);
    expect(refused(config, 'A#Sad')).toMatch(/no test case "A#Sad"/);
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:B#Sad';
    expect(selectMockCase(parseMockConfig(config, 'm'), arn, 'm')).toMatchObject({
      machine: 'B',
      testCase: 'Sad',
    });
    const parsed = parseMockConfig(config, 'mocks.json');
    expect(selectMockCase(parsed, 'B#Happy', 'mocks.json')).toMatchObject({
      machine: 'B',
      testCase: 'Happy',
    });
    expect(selectMockCase(parsed, 'Sad', 'mocks.json').states.has('T')).toBe(true);
  });

  it('a test case may mock only Task states of the definition (nested ones included)', () => {
    const mock = mockOf({ Inner: 'R', Typo: 'R' }, { R: { '0': returns(1) } });
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Task', Resource: LAMBDA, End: true } } }],
          End: true,
        },
      },
    };
    expect(() => checkMockedStates(mock, definition, 'mocks.json')).toThrow(
      /mocks "Typo", which is not a Task state of the definition \(its Task states: Inner\)/,
    );
    expect(() =>
      checkMockedStates(mockOf({ Inner: 'R' }, { R: { '0': returns(1) } }), definition, 'm'),
    ).not.toThrow();
  });
});

describe('names that are properties of every object', () => {
  it('a response named "constructor" or "toString" is not defined unless the file defines it', () => {
    for (const name of ['constructor', 'toString', '__proto__'])
      expect(() =>
        selectMockCase(
          parseMockConfig(
            { StateMachines: { M: { TestCases: { Case: { A: name } } } }, MockedResponses: {} },
            'mocks.json',
          ),
          'Case',
          'mocks.json',
        ),
      ).toThrow(/which MockedResponses does not define/);
  });
});

// sfn.sync.task-token: the context object of a callback task has Task.Token (an approval step).
describe('a callback task (an approval before deployment)', () => {
  const approval = (parameters: Obj) => ({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'ask', Payload: parameters },
        End: true,
      },
    },
  });

  it('reads $$.Task.Token from the context object, a token for the attempt', async () => {
    const run = await execute(
      approval({ 'token.$': '$$.Task.Token', 'model.$': '$.model' }),
      mockOf({ Approve: 'Yes' }, { Yes: { '0': returns({ approved: true }) } }),
      { model: 'm1' },
    );
    expect(run.status).toBe('SUCCEEDED');
    const scheduled = run.history.find((e) => e.type === 'TaskScheduled')!;
    const sent = JSON.parse((scheduled.taskScheduledEventDetails as { parameters: string }).parameters);
    expect(typeof sent.Payload.token).toBe('string');
    expect(sent.Payload.token.length).toBeGreaterThan(10);
    expect(sent.Payload.model).toBe('m1');
  });

  it('a state that is no task has no Task: the message shows the context object it read, not the input', async () => {
    const run = await execute(
      {
        StartAt: 'P',
        States: { P: { Type: 'Pass', Parameters: { 'token.$': '$$.Task.Token' }, End: true } },
      },
      undefined,
      { secret: 'input' },
    );
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(run.cause).toContain(
      "The JSONPath '$$.Task.Token' specified for the field 'token.$' could not be found in the input '{\"Execution\"",
    );
    expect(run.cause).toContain('"StateMachine"');
    expect(run.cause).not.toContain(`in the input '{"secret":"input"}'`);
  });
});
