/**
 * The inline Map state by the Developer Guide: each expectation names the page and section it is
 * taken from, or the recording on AWS where the guide says nothing.
 */
import { describe, expect, it } from 'vitest';
import { run, one, seconds, types } from '../../testing/interpreterRun.js';

type Obj = Record<string, unknown>;

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg';

/** A processor of one state. */
const processor = (state: Obj) => ({ StartAt: 'P', States: { P: { End: true, ...state } } });
const pass = processor({ Type: 'Pass' });

describe(`Map, inline (${DG}/state-map-inline.html)`, () => {
  it('ItemsPath reads a variable or the Context object (workflow-variables.html, Referencing variables; input-output-itemspath.html)', async () => {
    const fromVariable = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { xs: [1, 2, 3] }, Next: 'M' },
        M: { Type: 'Map', ItemsPath: '$xs', ItemProcessor: pass, End: true },
      },
    });
    expect(fromVariable).toMatchObject({ status: 'SUCCEEDED', output: [1, 2, 3] });
    const member = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { job: { items: ['a'] } }, Next: 'M' },
        M: { Type: 'Map', ItemsPath: '$job.items', ItemProcessor: pass, End: true },
      },
    });
    expect(member.output).toEqual(['a']);
    const fromContext = await run(
      one({ Type: 'Map', ItemsPath: '$$.Execution.Input.xs', ItemProcessor: pass }),
      { xs: [4, 5] },
    );
    expect(fromContext.output).toEqual([4, 5]);
    // JSONata: Items is an expression over the variables as any other (transforming-data.html).
    const jsonata = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { xs: [1, 2] }, Next: 'M' },
        M: { Type: 'Map', Items: '{% $xs %}', ItemProcessor: pass, End: true },
      },
    });
    expect(jsonata.output).toEqual([1, 2]);
  });

  it('$$.Map.Item is in ItemSelector, not in the states of the processor (input-output-contextobject.html, Context object data for Map states)', async () => {
    const selector = await run(
      one({
        Type: 'Map',
        ItemSelector: {
          'index.$': '$$.Map.Item.Index',
          'value.$': '$$.Map.Item.Value',
          'state.$': '$$.State.Name',
        },
        ItemProcessor: pass,
      }),
      ['a', 'b'],
    );
    expect(selector.output).toEqual([
      { index: 0, value: 'a', state: 'S' },
      { index: 1, value: 'b', state: 'S' },
    ]);
    const inside = await run(
      one({
        Type: 'Map',
        ItemProcessor: processor({ Type: 'Pass', Parameters: { 'i.$': '$$.Map.Item.Index' } }),
      }),
      ['a'],
    );
    expect(inside).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    // The states of the processor have their own State in the Context object.
    const own = await run(
      one({
        Type: 'Map',
        ItemProcessor: processor({ Type: 'Pass', Parameters: { 'name.$': '$$.State.Name' } }),
      }),
      ['a'],
    );
    expect(own.output).toEqual([{ name: 'P' }]);
  });

  it('ItemSelector reads the Map state input as $ and the variables around the Map (input-output-itemselector.html)', async () => {
    const o = await run(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Assign: { bucket: 'b1' }, Next: 'M' },
          M: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemSelector: { 'item.$': '$$.Map.Item.Value', 'prefix.$': '$.prefix', 'bucket.$': '$bucket' },
            ItemProcessor: pass,
            End: true,
          },
        },
      },
      { items: [1], prefix: 'p/' },
    );
    expect(o.output).toEqual([{ item: 1, prefix: 'p/', bucket: 'b1' }]);
  });

  it('iterations run MaxConcurrency at a time, and at most 40 at a time inline (state-map-inline.html, Key concepts: up to 40 concurrent iterations)', async () => {
    const waiting = processor({ Type: 'Wait', Seconds: 10 });
    const items = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(
      seconds(await run(one({ Type: 'Map', MaxConcurrency: 2, ItemProcessor: waiting }), items(4))),
    ).toBe(20);
    // 0, or none: as many at once as the mode runs.
    expect(seconds(await run(one({ Type: 'Map', ItemProcessor: waiting }), items(40)))).toBe(10);
    expect(
      seconds(await run(one({ Type: 'Map', MaxConcurrency: 0, ItemProcessor: waiting }), items(41))),
    ).toBe(20);
    expect(
      seconds(await run(one({ Type: 'Map', MaxConcurrency: 100, ItemProcessor: waiting }), items(80))),
    ).toBe(20);
    // The output is in the order of the items, whatever order the iterations end in.
    const ordered = await run(
      one({
        Type: 'Map',
        ItemSelector: { 'w.$': '$$.Map.Item.Value' },
        ItemProcessor: processor({ Type: 'Wait', SecondsPath: '$.w' }),
      }),
      [3, 1, 2],
    );
    expect(ordered.output).toEqual([{ w: 3 }, { w: 1 }, { w: 2 }]);
  });

  it('MaxConcurrency may be a JSONata expression; MaxConcurrencyPath a variable (state-map-inline.html, MaxConcurrency)', async () => {
    const waiting = processor({ Type: 'Wait', Seconds: 10 });
    const jsonata = await run(
      one(
        {
          Type: 'Map',
          MaxConcurrency: '{% $states.input.limit %}',
          Items: '{% $states.input.xs %}',
          ItemProcessor: waiting,
        },
        { QueryLanguage: 'JSONata' },
      ),
      { limit: 1, xs: [1, 2, 3] },
    );
    expect(jsonata.status).toBe('SUCCEEDED');
    expect(seconds(jsonata)).toBe(30);
    const bad = await run(
      one(
        { Type: 'Map', MaxConcurrency: '{% -1 %}', Items: [1], ItemProcessor: waiting },
        { QueryLanguage: 'JSONata' },
      ),
    );
    expect(bad).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    const path = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { limit: 1 }, Result: [1, 2], Next: 'M' },
        M: { Type: 'Map', MaxConcurrencyPath: '$limit', ItemProcessor: waiting, End: true },
      },
    });
    expect(seconds(path)).toBe(20);
  });

  it('ToleratedFailureCount / Percentage, their paths and JSONata (state-map-distributed.html, Tolerated failure threshold)', async () => {
    const failing = processor({ Type: 'Fail', Error: 'E' });
    const items = [1, 2, 3, 4];
    const byPath = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { tolerated: 4 }, Result: items, Next: 'M' },
        M: { Type: 'Map', ToleratedFailureCountPath: '$tolerated', ItemProcessor: failing, End: true },
      },
    });
    expect(byPath.status).toBe('SUCCEEDED');
    const percentPath = await run(
      one({ Type: 'Map', ItemsPath: '$.xs', ToleratedFailurePercentagePath: '$.p', ItemProcessor: failing }),
      { xs: items, p: 50 },
    );
    // 4 of 4 failed is more than 50 %.
    expect(percentPath).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const jsonata = await run(
      one(
        { Type: 'Map', Items: items, ToleratedFailureCount: '{% 4 %}', ItemProcessor: failing },
        { QueryLanguage: 'JSONata' },
      ),
    );
    expect(jsonata.status).toBe('SUCCEEDED');
  });

  it('each iteration is a scope of its own: it reads the variables around the Map, and what it assigns stays in it (workflow-variables.html, Variable scope)', async () => {
    const o = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 42, items: [1, 2] }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$items',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: { Type: 'Pass', Assign: { x: 1, inner: 1 }, Parameters: { 'x.$': '$x' }, Next: 'Read' },
              Read: {
                Type: 'Pass',
                Parameters: { 'before.$': '$.x', 'x.$': '$x', 'inner.$': '$inner' },
                End: true,
              },
            },
          },
          ResultPath: '$.iterations',
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'x.$': '$x', 'iterations.$': '$.iterations' }, End: true },
      },
    });
    // Each iteration read 42 before it assigned its own x; after the Map, x is 42 again.
    expect(o).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        x: 42,
        iterations: [
          { x: 1, inner: 1 },
          { x: 1, inner: 1 },
        ],
      },
    });
    const leaked = await run(
      {
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemProcessor: processor({ Type: 'Pass', Assign: { inner: 1 } }), Next: 'After' },
          After: { Type: 'Pass', Parameters: { 'v.$': '$inner' }, End: true },
        },
      },
      [1],
    );
    expect(leaked).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    // The Map's own Assign is of the outer scope, over its result.
    const own = await run(
      {
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemProcessor: pass, Assign: { 'n.$': 'States.ArrayLength($)' }, Next: 'After' },
          After: { Type: 'Pass', Parameters: { 'n.$': '$n' }, End: true },
        },
      },
      [1, 2, 3],
    );
    expect(own.output).toEqual({ n: 3 });
  });

  it('a retried Map runs every iteration again and records MapStateFailed once, after its last attempt (recorded on AWS: testdata/aws-recorded/397-map-state-retry-legacy.json)', async () => {
    const o = await run(
      one({
        Type: 'Map',
        ItemProcessor: processor({ Type: 'Fail', Error: 'E' }),
        Retry: [{ ErrorEquals: ['E'], MaxAttempts: 1, IntervalSeconds: 1 }],
      }),
      [1],
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'E' });
    expect(types(o)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapIterationStarted',
      'FailStateEntered',
      'MapIterationFailed',
      'MapStateStarted',
      'MapIterationStarted',
      'FailStateEntered',
      'MapIterationFailed',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
    // Caught after its retries: MapStateFailed once, then the catcher's state.
    const caught = await run(
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemProcessor: processor({ Type: 'Fail', Error: 'E' }),
            Retry: [{ ErrorEquals: ['E'], MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }],
            End: true,
          },
          H: { Type: 'Pass', End: true },
        },
      },
      [1],
    );
    expect(caught.status).toBe('SUCCEEDED');
    expect(types(caught).filter((t) => t === 'MapStateFailed')).toHaveLength(1);
    expect(types(caught).filter((t) => t === 'MapStateStarted')).toHaveLength(2);
  });

  it('$$.State.RetryCount in ItemSelector counts the attempts of the Map (input-output-contextobject.html, Context object contents)', async () => {
    const o = await run(
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemSelector: { 'retry.$': '$$.State.RetryCount' },
            ItemProcessor: {
              StartAt: 'C',
              States: {
                C: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$.retry', NumericEquals: 0, Next: 'F' }],
                  Default: 'Done',
                },
                F: { Type: 'Fail', Error: 'E' },
                Done: { Type: 'Pass', End: true },
              },
            },
            Retry: [{ ErrorEquals: ['E'], MaxAttempts: 1 }],
            End: true,
          },
        },
      },
      [1],
    );
    expect(o).toMatchObject({ status: 'SUCCEEDED', output: [{ retry: 1 }] });
  });
});

describe(`Map, distributed (${DG}/state-map-distributed.html): not run`, () => {
  it('fails the state, naming what makes it distributed, rather than running it inline', async () => {
    const byMode = await run(
      one({
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          ...pass,
        },
      }),
      [1, 2],
    );
    expect(byMode).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(byMode.cause).toContain(
      "does not run the distributed Map state 'S' (ProcessorConfig.Mode DISTRIBUTED)",
    );
    const byReader = await run(
      one({
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
        ItemProcessor: pass,
      }),
      {},
    );
    expect(byReader.cause).toContain('(ItemReader)');
  });
});
