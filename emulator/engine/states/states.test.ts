import { describe, expect, it } from 'vitest';
import { run, one, seconds, types } from '../../testing/interpreterRun.js';

type Obj = Record<string, unknown>;

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
