/**
 * The Choice state by the Developer Guide's page and the States Language spec: each expectation
 * names the section it is taken from.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/interpreterRun.js';

type Obj = Record<string, unknown>;

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html';
const SPEC = 'https://states-language.net/spec.html#choice-state';

/** The state a Choice with one rule goes to for the input: Yes or No (its Default). */
async function branch(rule: Obj, input: unknown, queryLanguage?: 'JSONata'): Promise<string> {
  const r = await run(
    {
      ...(queryLanguage ? { QueryLanguage: queryLanguage } : {}),
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
        Yes: { Type: 'Pass', Result: 'Yes', End: true },
        No: { Type: 'Pass', Result: 'No', End: true },
      },
    },
    input,
  );
  expect(r.status).toBe('SUCCEEDED');
  return r.output as string;
}

describe(`Choice Rules, JSONPath (${DG}, Choice Rules (JSONPath); ${SPEC})`, () => {
  it("the page's examples: NumericEquals, StringEquals, StringGreaterThan, TimestampGreaterThan, BooleanEquals", async () => {
    expect(await branch({ Variable: '$.foo', NumericEquals: 1 }, { foo: 1 })).toBe('Yes');
    expect(await branch({ Variable: '$.foo', StringEquals: 'MyString' }, { foo: 'MyString' })).toBe('Yes');
    expect(
      await branch({ Variable: '$.foo', StringGreaterThan: 'MyStringABC' }, { foo: 'MyStringABD' }),
    ).toBe('Yes');
    expect(
      await branch({ Variable: '$.foo', StringGreaterThan: 'MyStringABC' }, { foo: 'MyStringABC' }),
    ).toBe('No');
    expect(
      await branch(
        { Variable: '$.foo', TimestampGreaterThan: '2001-01-01T12:00:00Z' },
        { foo: '2001-01-01T12:00:01Z' },
      ),
    ).toBe('Yes');
    expect(await branch({ Variable: '$.foo', BooleanEquals: false }, { foo: false })).toBe('Yes');
  });

  it('numeric comparisons at their boundary: ...Equals includes the value, the strict ones do not', async () => {
    const at = { score: 0.8 };
    expect(await branch({ Variable: '$.score', NumericGreaterThanEquals: 0.8 }, at)).toBe('Yes');
    expect(await branch({ Variable: '$.score', NumericGreaterThan: 0.8 }, at)).toBe('No');
    expect(await branch({ Variable: '$.score', NumericLessThanEquals: 0.8 }, at)).toBe('Yes');
    expect(await branch({ Variable: '$.score', NumericLessThan: 0.8 }, at)).toBe('No');
    // Numbers compare by value: 1 and 1.0 are equal.
    expect(await branch({ Variable: '$.n', NumericEquals: 1 }, { n: 1.0 })).toBe('Yes');
  });

  it('...Path compares with another value of the input', async () => {
    const input = { accuracy: 0.9, threshold: 0.9 };
    expect(await branch({ Variable: '$.accuracy', NumericGreaterThanEqualsPath: '$.threshold' }, input)).toBe(
      'Yes',
    );
    expect(await branch({ Variable: '$.accuracy', NumericGreaterThanPath: '$.threshold' }, input)).toBe('No');
  });

  it('a value of another type than the operator compares false, it does not fail', async () => {
    expect(await branch({ Variable: '$.foo', NumericEquals: 1 }, { foo: '1' })).toBe('No');
    expect(await branch({ Variable: '$.foo', StringEquals: '1' }, { foo: 1 })).toBe('No');
  });

  it('IsPresent, IsNull, IsNumeric, IsString, IsBoolean, IsTimestamp test the value', async () => {
    expect(await branch({ Variable: '$.absent', IsPresent: false }, {})).toBe('Yes');
    expect(await branch({ Variable: '$.v', IsNull: true }, { v: null })).toBe('Yes');
    expect(await branch({ Variable: '$.v', IsNumeric: true }, { v: 3 })).toBe('Yes');
    expect(await branch({ Variable: '$.v', IsString: true }, { v: 3 })).toBe('No');
    expect(await branch({ Variable: '$.v', IsBoolean: true }, { v: true })).toBe('Yes');
    expect(await branch({ Variable: '$.v', IsTimestamp: true }, { v: '2016-03-14T01:59:00Z' })).toBe('Yes');
  });

  it('StringMatches: * matches any characters, \\\\* a star itself', async () => {
    expect(await branch({ Variable: '$.f', StringMatches: 'log-*.txt' }, { f: 'log-2026.txt' })).toBe('Yes');
    expect(await branch({ Variable: '$.f', StringMatches: 'a\\*b' }, { f: 'a*b' })).toBe('Yes');
    expect(await branch({ Variable: '$.f', StringMatches: 'a\\*b' }, { f: 'axb' })).toBe('No');
  });

  it('And, Or and Not combine rules (the page\'s "Not" and "And" example)', async () => {
    const rule = {
      And: [
        { Variable: '$.value', IsPresent: true },
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
    };
    expect(await branch(rule, { value: 20 })).toBe('Yes');
    expect(await branch(rule, { value: 30 })).toBe('No');
    expect(await branch({ Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Public' })).toBe(
      'Yes',
    );
    expect(
      await branch(
        {
          Or: [
            { Variable: '$.a', BooleanEquals: true },
            { Variable: '$.b', BooleanEquals: true },
          ],
        },
        { a: false, b: true },
      ),
    ).toBe('Yes');
  });

  it('the first rule that matches decides, in the order of Choices', async () => {
    const r = await run(
      {
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [
              { Variable: '$.x', NumericGreaterThan: 1, Next: 'First' },
              { Variable: '$.x', NumericGreaterThan: 0, Next: 'Second' },
            ],
          },
          First: { Type: 'Pass', Result: 'First', End: true },
          Second: { Type: 'Pass', Result: 'Second', End: true },
        },
      },
      { x: 5 },
    );
    expect(r.output).toBe('First');
  });
});

describe(`Choice Rules, JSONata (${DG}, Choice Rules (JSONata))`, () => {
  it("the page's examples: a Condition over the input and variables", async () => {
    expect(await branch({ Condition: '{% $states.input.foo = 1 %}' }, { foo: 1 }, 'JSONata')).toBe('Yes');
    expect(
      await branch(
        { Condition: "{% $states.input.foo > 'MyStringABC' %}" },
        { foo: 'MyStringABD' },
        'JSONata',
      ),
    ).toBe('Yes');
    expect(
      await branch(
        { Condition: '{% $states.input.v != null and $states.input.v = 42 %}' },
        { v: null },
        'JSONata',
      ),
    ).toBe('No');
  });

  it('a threshold at its boundary: >= includes it, > does not', async () => {
    expect(await branch({ Condition: '{% $states.input.score >= 0.8 %}' }, { score: 0.8 }, 'JSONata')).toBe(
      'Yes',
    );
    expect(await branch({ Condition: '{% $states.input.score > 0.8 %}' }, { score: 0.8 }, 'JSONata')).toBe(
      'No',
    );
  });
});
