import { describe, expect, it } from 'vitest';
import { runExecution } from './interpreter.js';
import type { TaskHandler, TaskInvocation } from './taskHandler.js';
import { AbortScope } from './scheduler.js';
import { StatesError } from './statesError.js';

type Obj = Record<string, unknown>;

/** A task handler for tests: `fail:<Error>` resources fail, `sleep:<s>` ones wait, others echo. */
const tasks: TaskHandler = {
  describe: (resource) => ({ resourceType: 'test', resource }),
  async invoke(inv: TaskInvocation) {
    const [kind, arg] = inv.resource.split(':');
    if (kind === 'fail') throw new StatesError(arg!, `failed on attempt ${inv.retryCount}`);
    if (kind === 'flaky' && inv.retryCount < Number(arg))
      throw new StatesError('Flaky', `attempt ${inv.retryCount}`);
    if (kind === 'sleep') await inv.sleep(Number(arg));
    return { echo: inv.parameters, retryCount: inv.retryCount };
  },
};

function run(definition: Obj, input: unknown = {}, extra: { stop?: AbortScope; seed?: number } = {}) {
  return runExecution({
    definition,
    input,
    executionArn: 'arn:aws:states:us-east-1:123456789012:execution:sm:run-1',
    executionName: 'run-1',
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:sm',
    stateMachineName: 'sm',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    region: 'us-east-1',
    startEpochMs: Date.UTC(2026, 0, 1),
    seed: extra.seed ?? 1,
    tasks,
    ...(extra.stop ? { stop: extra.stop } : {}),
  });
}

const one = (state: Obj, extra: Obj = {}) => ({
  StartAt: 'S',
  States: { S: { End: true, ...state } },
  ...extra,
});
const seconds = (o: { startEpochMs: number; stopEpochMs: number }) => (o.stopEpochMs - o.startEpochMs) / 1000;
const types = (o: { history: readonly { type: string }[] }) => o.history.map((e) => e.type);

describe('Pass, Succeed, Fail', () => {
  it('Pass with Result, ResultPath, InputPath, OutputPath and Parameters', async () => {
    expect((await run(one({ Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r' }), { a: 1 })).output).toEqual({
      a: 1,
      r: { x: 1 },
    });
    expect(
      (await run(one({ Type: 'Pass', InputPath: '$.a', OutputPath: '$.b' }), { a: { b: 2 } })).output,
    ).toBe(2);
    expect(
      (
        await run(
          one({ Type: 'Pass', Parameters: { 'v.$': '$.a', k: 'lit', 'ctx.$': '$$.Execution.Name' } }),
          { a: 3 },
        )
      ).output,
    ).toEqual({
      v: 3,
      k: 'lit',
      ctx: 'run-1',
    });
    expect((await run(one({ Type: 'Pass', ResultPath: null, Result: 1 }), { a: 1 })).output).toEqual({
      a: 1,
    });
  });

  it('Fail ends the execution FAILED with its error and cause; paths and JSONata too', async () => {
    const o = await run(one({ Type: 'Fail', Error: 'Bad', Cause: 'why' }));
    expect(o).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'why' });
    expect(types(o)).toEqual(['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
    const paths = await run(
      one({ Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('n={}', $.n)" }),
      { e: 'E', n: 2 },
    );
    expect(paths).toMatchObject({ error: 'E' });
    const jsonata = await run(
      one({ Type: 'Fail', Error: "{% 'E' & $states.input.n %}", Cause: 'c' }, { QueryLanguage: 'JSONata' }),
      { n: 7 },
    );
    expect(jsonata).toMatchObject({ error: 'E7', cause: 'c' });
  });
});

describe('Choice', () => {
  const choice = (rule: Obj) => ({
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
      Yes: { Type: 'Pass', Result: 'yes', End: true },
      No: { Type: 'Pass', Result: 'no', End: true },
    },
  });
  it('compares strictly by type, with And / Or / Not and IsPresent', async () => {
    const cases: [Obj, unknown, string][] = [
      [{ Variable: '$.n', NumericEquals: 1 }, { n: 1 }, 'yes'],
      [{ Variable: '$.n', NumericEquals: 1 }, { n: '1' }, 'no'],
      [{ Variable: '$.s', StringMatches: 'log-*.txt' }, { s: 'log-1.txt' }, 'yes'],
      [{ Variable: '$.t', TimestampLessThan: '2026-02-01T00:00:00Z' }, { t: '2026-01-01T00:00:00Z' }, 'yes'],
      [{ Variable: '$.a', NumericGreaterThanPath: '$.b' }, { a: 2, b: 1 }, 'yes'],
      [
        { And: [{ Variable: '$.x', IsPresent: true }, { Not: { Variable: '$.x', StringEquals: '' } }] },
        { x: 'arn' },
        'yes',
      ],
      [
        { And: [{ Variable: '$.x', IsPresent: true }, { Not: { Variable: '$.x', StringEquals: '' } }] },
        {},
        'no',
      ],
      [
        {
          Or: [
            { Variable: '$.n', IsNull: true },
            { Variable: '$.n', BooleanEquals: true },
          ],
        },
        { n: null },
        'yes',
      ],
    ];
    for (const [rule, input, expected] of cases)
      expect((await run(choice(rule), input)).output, JSON.stringify(rule)).toBe(expected);
  });

  it('without a match and a Default fails with States.NoChoiceMatched', async () => {
    const o = await run(
      {
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'E' }] },
          E: { Type: 'Succeed' },
        },
      },
      { n: 2 },
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('JSONata Condition', async () => {
    const o = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'Y' }],
            Default: 'N',
          },
          Y: { Type: 'Succeed', Output: 'big' },
          N: { Type: 'Succeed' },
        },
      },
      { n: 2 },
    );
    expect(o.output).toBe('big');
  });
});

describe('virtual time', () => {
  it('Wait advances the virtual clock and the history timestamps, in no real time', async () => {
    const started = Date.now();
    const o = await run({
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 6 * 3600, Next: 'T' },
        T: { Type: 'Wait', Timestamp: '2026-01-02T00:00:00Z', End: true },
      },
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seconds(o)).toBe(86_400);
    expect(o.history.at(-1)!.timestamp).toBe('2026-01-02T00:00:00.000Z');
  });

  it('Parallel branches overlap: the state lasts as long as its longest branch', async () => {
    const branch = (s: number) => ({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: s, End: true } } });
    const o = await run(one({ Type: 'Parallel', Branches: [branch(10), branch(30), branch(20)] }));
    expect(seconds(o)).toBe(30);
    expect(o.output).toEqual([{}, {}, {}]);
  });

  it('Map runs MaxConcurrency iterations at a time', async () => {
    const processor = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } };
    const o = await run(one({ Type: 'Map', MaxConcurrency: 2, ItemProcessor: processor }), [1, 2, 3, 4, 5]);
    expect(seconds(o)).toBe(30);
    expect(o.output).toEqual([1, 2, 3, 4, 5]);
    const unlimited = await run(one({ Type: 'Map', Iterator: processor }), [1, 2, 3, 4, 5]);
    expect(seconds(unlimited)).toBe(10);
  });

  it('a state machine TimeoutSeconds ends the execution TIMED_OUT', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'sleep:3600' }, { TimeoutSeconds: 100 }));
    expect(o).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(seconds(o)).toBe(100);
    expect(types(o).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionTimedOut']);
  });

  it('an execution ends TIMED_OUT after a year, whatever its Retry would still wait', async () => {
    // 5000 attempts with doubling waits: the 26th wait alone is longer than a year.
    const retry = [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 5000 }];
    const o = await run(one({ Type: 'Task', Resource: 'fail:Boom', Retry: retry }));
    expect(o).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(seconds(o)).toBe(365 * 24 * 3600);
  });
});

describe('Retry and Catch', () => {
  it('retries with IntervalSeconds x BackoffRate^n, capped by MaxDelaySeconds', async () => {
    const o = await run(
      one({
        Type: 'Task',
        Resource: 'flaky:3',
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3 }],
      }),
    );
    expect(o.status).toBe('SUCCEEDED');
    expect(seconds(o)).toBe(3 + 6 + 12);
    const capped = await run(
      one({
        Type: 'Task',
        Resource: 'flaky:3',
        Retry: [
          { ErrorEquals: ['Flaky'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 5 },
        ],
      }),
    );
    expect(seconds(capped)).toBe(3 + 5 + 5);
  });

  it('uses the defaults (1 s, x2, 3 attempts) and counts attempts per retrier', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'fail:E', Retry: [{ ErrorEquals: ['E'] }] }));
    expect(o).toMatchObject({ status: 'FAILED', error: 'E', cause: 'failed on attempt 3' });
    expect(seconds(o)).toBe(1 + 2 + 4);
    expect(types(o).filter((t) => t === 'TaskFailed')).toHaveLength(4);
  });

  it('MaxAttempts 0 never retries; JitterStrategy FULL draws from the seed', async () => {
    expect(
      seconds(
        await run(one({ Type: 'Task', Resource: 'fail:E', Retry: [{ ErrorEquals: ['E'], MaxAttempts: 0 }] })),
      ),
    ).toBe(0);
    const jitter = (seed: number) =>
      run(
        one({
          Type: 'Task',
          Resource: 'flaky:2',
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 100, JitterStrategy: 'FULL' }],
        }),
        {},
        { seed },
      );
    const [a, b, c] = await Promise.all([jitter(1), jitter(1), jitter(2)]);
    expect(seconds(a)).toBe(seconds(b));
    expect(seconds(a)).not.toBe(seconds(c));
    expect(seconds(a)).toBeLessThan(300);
  });

  it('matches errors as specified: States.ALL, States.TaskFailed (not States.Timeout)', async () => {
    const caught = (resource: string, errorEquals: string[]) =>
      run({
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: resource,
            TimeoutSeconds: 10,
            Catch: [{ ErrorEquals: errorEquals, Next: 'H' }],
            End: true,
          },
          H: { Type: 'Pass', End: true },
        },
      });
    expect((await caught('fail:Custom', ['States.TaskFailed'])).status).toBe('SUCCEEDED');
    expect((await caught('sleep:60', ['States.TaskFailed'])).status).toBe('FAILED');
    expect((await caught('sleep:60', ['States.Timeout'])).status).toBe('SUCCEEDED');
    expect((await caught('sleep:60', ['States.ALL'])).status).toBe('SUCCEEDED');
  });

  it('States.Runtime and States.DataLimitExceeded cannot be caught', async () => {
    const big = 'x'.repeat(300_000);
    const o = await run({
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Result: big, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], End: true },
        H: { Type: 'Succeed' },
      },
    });
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    const runtime = await run({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'ok',
          InputPath: '$.missing',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }],
          End: true,
        },
        H: { Type: 'Succeed' },
      },
    });
    expect(runtime).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('Catch puts the error object at ResultPath (default: replaces the input)', async () => {
    const definition = (resultPath?: string) => ({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'fail:E',
          Catch: [{ ErrorEquals: ['E'], Next: 'H', ...(resultPath ? { ResultPath: resultPath } : {}) }],
          End: true,
        },
        H: { Type: 'Pass', End: true },
      },
    });
    expect((await run(definition(), { a: 1 })).output).toEqual({ Error: 'E', Cause: 'failed on attempt 0' });
    expect((await run(definition('$.error'), { a: 1 })).output).toEqual({
      a: 1,
      error: { Error: 'E', Cause: 'failed on attempt 0' },
    });
  });

  it('Task TimeoutSeconds fails the task with States.Timeout and records TaskTimedOut', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'sleep:120', TimeoutSeconds: 30 }));
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(types(o)).toContain('TaskTimedOut');
    expect(seconds(o)).toBe(30);
    const path = await run(one({ Type: 'Task', Resource: 'sleep:120', TimeoutSecondsPath: '$.t' }), {
      t: 45,
    });
    expect(seconds(path)).toBe(45);
  });
});

describe('Parallel and Map failures', () => {
  it('a failing branch fails the Parallel and aborts the others', async () => {
    const o = await run(
      one({
        Type: 'Parallel',
        Branches: [
          one({ Type: 'Task', Resource: 'sleep:100' }),
          one({ Type: 'Task', Resource: 'fail:Boom' }),
        ],
      }),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(types(o)).toEqual(expect.arrayContaining(['TaskStateAborted', 'ParallelStateFailed']));
    expect(seconds(o)).toBe(0);
  });

  it('Map tolerates failures up to ToleratedFailureCount, then fails with States.ExceedToleratedFailureThreshold', async () => {
    const processor = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$', NumericGreaterThan: 2, Next: 'F' }], Default: 'OK' },
        F: { Type: 'Fail', Error: 'Big' },
        OK: { Type: 'Succeed' },
      },
    };
    const tolerant = await run(
      one({ Type: 'Map', ItemProcessor: processor, ToleratedFailureCount: 1, MaxConcurrency: 1 }),
      [1, 2, 3],
    );
    expect(tolerant.status).toBe('SUCCEEDED');
    expect(tolerant.output).toEqual([1, 2, { Error: 'Big', Cause: '' }]);
    const strict = await run(
      one({ Type: 'Map', ItemProcessor: processor, ToleratedFailureCount: 0 }),
      [1, 3, 4],
    );
    expect(strict).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const none = await run(one({ Type: 'Map', ItemProcessor: processor }), [3]);
    expect(none).toMatchObject({ status: 'FAILED', error: 'Big' });
  });

  it('Map ItemSelector reads $$.Map.Item; JSONata Items and ItemSelector', async () => {
    const o = await run(
      one({
        Type: 'Map',
        ItemsPath: '$.xs',
        ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value', 'k.$': '$.k' },
        ItemProcessor: one({ Type: 'Pass' }),
      }),
      { xs: ['a', 'b'], k: 1 },
    );
    expect(o.output).toEqual([
      { i: 0, v: 'a', k: 1 },
      { i: 1, v: 'b', k: 1 },
    ]);
    const j = await run(
      one(
        {
          Type: 'Map',
          Items: '{% $states.input.xs %}',
          ItemSelector: { v: '{% $states.context.Map.Item.Value & "!" %}' },
          ItemProcessor: one({ Type: 'Pass' }),
        },
        { QueryLanguage: 'JSONata' },
      ),
      { xs: ['a'] },
    );
    expect(j.output).toEqual([{ v: 'a!' }]);
  });
});

describe('JSONata and variables', () => {
  it('Arguments, Output and Assign with $states', async () => {
    const o = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'ok',
            Arguments: { n: '{% $states.input.n * 2 %}' },
            Assign: { seen: '{% $states.result.echo.n %}' },
            Output: '{% $states.result.echo %}',
            Next: 'P',
          },
          P: { Type: 'Pass', Output: { seen: '{% $seen %}', in: '{% $states.input %}' }, End: true },
        },
      },
      { n: 2 },
    );
    expect(o.output).toEqual({ seen: 4, in: { n: 4 } });
  });

  it('JSONPath Assign and $variable paths', async () => {
    const o = await run(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Assign: { 'x.$': '$.v' }, Next: 'B' },
          B: { Type: 'Pass', Parameters: { 'x.$': '$x' }, End: true },
        },
      },
      { v: 9 },
    );
    expect(o.output).toEqual({ x: 9 });
  });

  it('a JSONata expression that returns nothing is States.QueryEvaluationError', async () => {
    const o = await run(
      one({ Type: 'Pass', Output: '{% $states.input.missing %}' }, { QueryLanguage: 'JSONata' }),
      {},
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });
});

describe('history', () => {
  it('chains ids through previousEventId and carries per-type details', async () => {
    const o = await run(one({ Type: 'Task', Resource: 'ok', Parameters: { a: 1 }, TimeoutSeconds: 5 }));
    expect(types(o)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    o.history.forEach((e, i) => {
      expect(e.id).toBe(i + 1);
      expect(e.previousEventId).toBe(i);
    });
    expect(o.history[2]).toMatchObject({
      taskScheduledEventDetails: {
        resourceType: 'test',
        resource: 'ok',
        region: 'us-east-1',
        parameters: '{"a":1}',
        timeoutInSeconds: 5,
      },
    });
    expect(o.history[1]).toMatchObject({ stateEnteredEventDetails: { name: 'S', input: '{}' } });
  });

  it('fails the execution at the 25,000th event', async () => {
    const loop = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };
    const o = await run(loop);
    expect(o).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution reached the maximum number of history events (25000).',
    });
    expect(o.history).toHaveLength(25_000);
  });
});

describe('stop', () => {
  it('StopExecution aborts the execution: ABORTED, with the task aborted', async () => {
    const stop = new AbortScope();
    const pending = run(one({ Type: 'Task', Resource: 'sleep:3600' }), {}, { stop });
    stop.abort('aborted');
    const o = await pending;
    expect(o.status).toBe('ABORTED');
    expect(types(o).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
  });
});
