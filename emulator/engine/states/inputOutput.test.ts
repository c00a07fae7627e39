/**
 * JSONPath input and output processing by the Developer Guide's pages (InputPath and Parameters,
 * ResultSelector, ResultPath, OutputPath), with their examples; each expectation names its page.
 */
import { describe, expect, it } from 'vitest';
import { one, run } from '../../testing/interpreterRun.js';

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg';

/** The Pass state stands for a task: its Result is the result the paths place. */
const RESULT = 'Hello, AWS Step Functions!';
const INPUT = {
  comment: 'This is a test of the input and output of a Task state.',
  details: 'Default example',
  who: 'AWS Step Functions',
};

describe(`ResultPath (${DG}/input-output-resultpath.html)`, () => {
  it('"$" (the default) replaces the input with the result', async () => {
    expect((await run(one({ Type: 'Pass', Result: RESULT }), INPUT)).output).toBe(RESULT);
    expect((await run(one({ Type: 'Pass', Result: RESULT, ResultPath: '$' }), INPUT)).output).toBe(RESULT);
  });

  it('null discards the result and keeps the input', async () => {
    expect((await run(one({ Type: 'Pass', Result: RESULT, ResultPath: null }), INPUT)).output).toEqual(INPUT);
  });

  it('"$.taskresult" adds the result to the input', async () => {
    expect(
      (await run(one({ Type: 'Pass', Result: RESULT, ResultPath: '$.taskresult' }), INPUT)).output,
    ).toEqual({
      ...INPUT,
      taskresult: RESULT,
    });
  });

  it('"$.strings.lambdaresult" nests it in an object of the input, its other members kept', async () => {
    const input = { ...INPUT, strings: { other: 'kept' } };
    expect(
      (await run(one({ Type: 'Pass', Result: RESULT, ResultPath: '$.strings.lambdaresult' }), input)).output,
    ).toEqual({ ...INPUT, strings: { other: 'kept', lambdaresult: RESULT } });
  });

  it('a path through a member that does not exist creates it', async () => {
    expect((await run(one({ Type: 'Pass', Result: 1, ResultPath: '$.a.b' }), {})).output).toEqual({
      a: { b: 1 },
    });
  });
});

describe(`InputPath and Parameters (${DG}/input-output-inputpath-params.html)`, () => {
  const input = {
    comment: 'Example for InputPath',
    dataset1: { val1: 1, val2: 2, val3: 3 },
    dataset2: { val1: 'a', val2: 'b', val3: 'c' },
  };

  it('InputPath selects part of the input: "$.dataset2" gives the second dataset', async () => {
    expect((await run(one({ Type: 'Pass', InputPath: '$.dataset2' }), input)).output).toEqual(input.dataset2);
  });

  it('InputPath null gives the state an empty object', async () => {
    expect((await run(one({ Type: 'Pass', InputPath: null }), input)).output).toEqual({});
  });

  it('Parameters: static values, and ".$" keys from paths of the input and the Context object', async () => {
    const r = await run(
      one({
        Type: 'Pass',
        Parameters: {
          comment: 'Selecting what I care about.',
          MyDetails: { 'size.$': '$.product.details.size', 'exists.$': '$.product.availability' },
          'execution.$': '$$.Execution.Name',
        },
      }),
      {
        comment: 'Example',
        product: { details: { color: 'blue', size: 'small' }, availability: 'in stock' },
      },
    );
    expect(r.output).toEqual({
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock' },
      execution: 'run-1',
    });
  });
});

describe(`ResultSelector (${DG}/input-output-inputpath-params.html#input-output-resultselector)`, () => {
  it('builds the result from the task result before ResultPath places it', async () => {
    const r = await run(
      one({
        Type: 'Task',
        Resource: 'echo',
        Parameters: { ClusterId: 'j-123' },
        ResultSelector: { 'ClusterId.$': '$.echo.ClusterId', fixed: 'value' },
        ResultPath: '$.EMROutput',
      }),
      { keep: true },
    );
    expect(r.output).toEqual({ keep: true, EMROutput: { ClusterId: 'j-123', fixed: 'value' } });
  });
});

describe(`OutputPath (${DG}/input-output-example.html)`, () => {
  it('selects part of what ResultPath produced as the state output', async () => {
    const r = await run(
      one({ Type: 'Pass', Result: { value: 1 }, ResultPath: '$.result', OutputPath: '$.result' }),
      INPUT,
    );
    expect(r.output).toEqual({ value: 1 });
  });

  it('OutputPath null outputs an empty object', async () => {
    expect((await run(one({ Type: 'Pass', OutputPath: null }), INPUT)).output).toEqual({});
  });
});
