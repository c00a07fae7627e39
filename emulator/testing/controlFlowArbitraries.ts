/**
 * Random control-flow state machines (Pass, Choice, Task with Retry/Catch, Map, Parallel, Fail,
 * intrinsic functions) over a random input, for the differential test against aws-local-stepfunctions.
 * Tasks call local functions: `ok` echoes its input, `fail-<Name>` throws the error <Name>.
 * Test support: not in the build.
 */
import fc from 'fast-check';

type Obj = Record<string, unknown>;

export const inputArb = fc.record({
  a: fc.integer({ min: -5, max: 5 }),
  b: fc.constantFrom('x', 'y', 'zz'),
  list: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
  flag: fc.boolean(),
});

const valueExprArb = fc.constantFrom(
  '$.a',
  '$.b',
  '$.list',
  '$.flag',
  "States.Format('v-{}-{}', $.a, $.b)",
  'States.ArrayLength($.list)',
  'States.MathAdd($.a, 10)',
  'States.ArrayUnique($.list)',
  'States.ArrayContains($.list, 2)',
  'States.StringToJson(States.JsonToString($.list))',
  'States.Array($.a, $.b)',
  'States.Base64Encode($.b)',
  'States.ArrayPartition($.list, 2)',
  'States.ArrayRange(1, 7, 2)',
  "States.StringSplit('a,b,c', ',')",
  "States.Hash($.b, 'SHA-256')",
);

const parametersArb: fc.Arbitrary<Obj> = fc
  .uniqueArray(fc.tuple(fc.constantFrom('p', 'q', 'r', 's'), valueExprArb), {
    minLength: 1,
    maxLength: 3,
    selector: ([k]) => k,
  })
  .map((entries) => ({
    ...Object.fromEntries(entries.map(([k, v]) => [`${k}.$`, v])),
    a: 1,
    b: 'lit',
    list: [1],
    flag: true,
    fixed: 'lit',
  }));

/** Keeps `a`, `b`, `list`, `flag` in the output, so later states find their paths. */
const resultPathArb = fc.constantFrom<string | null | undefined>('$.out', '$.out.deep', null, undefined);

const ERRORS = ['Custom.One', 'Custom.Two'] as const;

function passState(): fc.Arbitrary<Obj> {
  return fc.record({ params: parametersArb, resultPath: resultPathArb }).map(({ params, resultPath }) => ({
    Type: 'Pass',
    Parameters: params,
    ...(resultPath === undefined ? {} : { ResultPath: resultPath }),
  }));
}

function taskState(failTo: string): fc.Arbitrary<Obj> {
  return fc
    .record({
      behaviour: fc.constantFrom('ok', 'ok', 'fail-Custom.One', 'fail-Custom.Two'),
      retry: fc.option(
        fc.record({
          errors: fc.constantFrom(['Custom.One'], ['States.ALL'], ['States.TaskFailed']),
          attempts: fc.integer({ min: 0, max: 2 }),
        }),
        { nil: undefined },
      ),
      catchAll: fc.option(fc.constantFrom(['Custom.Two'], ['States.ALL'], ['States.TaskFailed']), {
        nil: undefined,
      }),
      catchPath: fc.constantFrom<string | undefined>(undefined, '$.error'),
    })
    .map(({ behaviour, retry, catchAll, catchPath }) => ({
      Type: 'Task',
      Resource: `arn:aws:lambda:us-east-1:123456789012:function:${behaviour}`,
      ResultPath: '$.task',
      ...(retry
        ? { Retry: [{ ErrorEquals: retry.errors, MaxAttempts: retry.attempts, IntervalSeconds: 1 }] }
        : {}),
      ...(catchAll
        ? {
            Catch: [{ ErrorEquals: catchAll, Next: failTo, ...(catchPath ? { ResultPath: catchPath } : {}) }],
          }
        : {}),
    }));
}

const choiceRuleArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n) => ({ Variable: '$.a', NumericGreaterThan: n })),
  fc.constantFrom('x', 'y').map((s) => ({ Variable: '$.b', StringEquals: s })),
  fc.constant({ Variable: '$.flag', BooleanEquals: true }),
  fc.constant({ Variable: '$.missing', IsPresent: false }),
  fc.constant({ Not: { Variable: '$.b', StringMatches: 'z*' } }),
  fc.integer({ min: 0, max: 3 }).map((n) => ({
    And: [
      { Variable: '$.a', NumericLessThanEquals: n },
      { Variable: '$.list', IsPresent: true },
    ],
  })),
);

const mapState = fc
  .record({ params: parametersArb, concurrency: fc.integer({ min: 0, max: 2 }) })
  .map(({ params, concurrency }) => ({
    Type: 'Map',
    ItemsPath: '$.list',
    MaxConcurrency: concurrency,
    ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'b.$': '$.b' },
    ItemProcessor: {
      StartAt: 'Inner',
      States: {
        Inner: {
          Type: 'Pass',
          Parameters: {
            'v.$': "States.Format('{}:{}', $.index, $.value)",
            ...Object.fromEntries(Object.entries(params).filter(([k]) => k === 'fixed')),
          },
          End: true,
        },
      },
    },
    ResultPath: '$.mapped',
  }));

const parallelState = fc.tuple(parametersArb, parametersArb).map(([p1, p2]) => ({
  Type: 'Parallel',
  Branches: [
    { StartAt: 'B1', States: { B1: { Type: 'Pass', Parameters: p1, End: true } } },
    { StartAt: 'B2', States: { B2: { Type: 'Pass', Parameters: p2, End: true } } },
  ],
  ResultPath: '$.branches',
}));

/** A chain of states S0..Sn, then Done (Succeed); Choices and Catches may go to Failed. */
export const machineArb: fc.Arbitrary<Obj> = fc
  .array(fc.constantFrom('pass', 'task', 'choice', 'map', 'parallel'), { minLength: 1, maxLength: 5 })
  .chain((kinds) =>
    fc.tuple(
      ...kinds.map((kind) => {
        if (kind === 'pass') return passState();
        if (kind === 'task') return taskState('Recovered');
        if (kind === 'map') return mapState;
        if (kind === 'parallel') return parallelState;
        return choiceRuleArb.map((rule) => ({
          Type: 'Choice',
          Choices: [{ ...rule, Next: '__next__' }],
          Default: 'Failed',
        }));
      }),
    ),
  )
  .map((states: Obj[]) => {
    const out: Obj = {};
    states.forEach((s0, i) => {
      // State names are unique across the whole definition, nested ones included (ASL).
      const s = JSON.parse(JSON.stringify(s0).replace(/"(Inner|B1|B2)"/g, `"$1_${i}"`)) as Obj;
      const next = i + 1 < states.length ? `S${i + 1}` : 'Done';
      if (s.Type === 'Choice') {
        out[`S${i}`] = { ...s, Choices: ((s as Obj).Choices as Obj[]).map((c) => ({ ...c, Next: next })) };
      } else out[`S${i}`] = { ...s, Next: next };
    });
    out.Done = { Type: 'Succeed' };
    // Only states something transitions to: unreachable states are invalid ASL.
    const text = JSON.stringify(out);
    if (text.includes('"Failed"'))
      out.Failed = { Type: 'Fail', Error: 'ChoiceFailed', Cause: 'no rule matched' };
    if (text.includes('"Recovered"')) out.Recovered = { Type: 'Pass', Next: 'Done' };
    return { StartAt: 'S0', States: out };
  });

export { ERRORS };
