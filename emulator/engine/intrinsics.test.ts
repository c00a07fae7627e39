import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom.js';
import { evaluateIntrinsic } from './intrinsics.js';

const scope = {
  input: { a: 'x', n: 3, list: [1, 2, 2, 3], obj: { k: 1 }, csv: 'a,b;c' },
  context: { Execution: { Name: 'run-1' } },
  variables: {},
  random: seededRandom(7),
};
const ev = (text: string) => evaluateIntrinsic(text, scope);

describe('intrinsic functions', () => {
  it('States.Format with paths, the context, escapes and nesting', () => {
    expect(ev("States.Format('job-{}-{}', $.a, $$.Execution.Name)")).toBe('job-x-run-1');
    expect(ev("States.Format('\\{literal\\} {} it\\'s', $.n)")).toBe("{literal} 3 it's");
    expect(ev("States.Format('{}', States.ArrayLength($.list))")).toBe('4');
    expect(() => ev("States.Format('{} {}', $.a)")).toThrow(/more \{\} than arguments/);
  });

  it('JSON and arrays', () => {
    expect(ev('States.StringToJson(\'{"a":1}\')')).toEqual({ a: 1 });
    expect(ev('States.JsonToString($.obj)')).toBe('{"k":1}');
    expect(ev("States.Array(1, 'b', $.n)")).toEqual([1, 'b', 3]);
    expect(ev('States.ArrayPartition($.list, 3)')).toEqual([[1, 2, 2], [3]]);
    expect(ev('States.ArrayContains($.list, 3)')).toBe(true);
    expect(ev('States.ArrayRange(1, 9, 3)')).toEqual([1, 4, 7]);
    expect(ev('States.ArrayGetItem($.list, 3)')).toBe(3);
    expect(ev('States.ArrayUnique($.list)')).toEqual([1, 2, 3]);
    expect(ev('States.JsonMerge($.obj, States.StringToJson(\'{"z":2}\'), false)')).toEqual({ k: 1, z: 2 });
  });

  it('encoding, hashing, math and strings', () => {
    expect(ev("States.Base64Encode('hi')")).toBe('aGk=');
    expect(ev("States.Base64Decode('aGk=')")).toBe('hi');
    expect(ev("States.Hash('abc', 'SHA-256')")).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(ev('States.MathAdd($.n, -1)')).toBe(2);
    expect(ev("States.StringSplit($.csv, ',;')")).toEqual(['a', 'b', 'c']);
  });

  it('random results draw from the seed', () => {
    const a = evaluateIntrinsic('States.UUID()', { ...scope, random: seededRandom(1) });
    const b = evaluateIntrinsic('States.UUID()', { ...scope, random: seededRandom(1) });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const r = evaluateIntrinsic('States.MathRandom(10, 20)', scope) as number;
    expect(r).toBeGreaterThanOrEqual(10);
    expect(r).toBeLessThan(20);
  });

  it('bad calls are States.IntrinsicFailure', () => {
    expect(() => ev('States.Nope(1)')).toThrow(expect.objectContaining({ error: 'States.IntrinsicFailure' }));
    expect(() => ev('States.ArrayGetItem($.list, 9)')).toThrow(
      expect.objectContaining({ error: 'States.IntrinsicFailure' }),
    );
  });
});

/**
 * Expectations from the Step Functions Developer Guide, "Intrinsic functions for JSONPath states in
 * Step Functions" (intrinsic-functions.html), each from the section named in its test.
 */
describe('intrinsic functions as the Developer Guide documents them', () => {
  const docs = (text: string, input: unknown, random = seededRandom(3)) =>
    evaluateIntrinsic(text, { input, context: {}, variables: {}, random });
  const failure = expect.objectContaining({ error: 'States.IntrinsicFailure' });

  it('Intrinsics for arrays: States.ArrayPartition, chunk size rounded to the nearest integer', () => {
    const input = { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
    expect(docs('States.ArrayPartition($.inputArray,4)', input)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(docs('States.ArrayPartition($.inputArray,3.6)', input)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(() => docs('States.ArrayPartition($.inputArray,0)', input)).toThrow(failure);
  });

  it('Intrinsics for arrays: States.ArrayRange, arguments rounded, step non-zero, at most 1000 items', () => {
    expect(docs('States.ArrayRange(1, 9, 2)', {})).toEqual([1, 3, 5, 7, 9]);
    expect(docs('States.ArrayRange(0.6, 9.4, 1.5)', {})).toEqual([1, 3, 5, 7, 9]);
    expect(() => docs('States.ArrayRange(1, 9, 0)', {})).toThrow(failure);
    expect(() => docs('States.ArrayRange(1, 1001, 1)', {})).toThrow(failure);
  });

  it('Intrinsics for arrays: ArrayContains, ArrayGetItem, ArrayLength, ArrayUnique examples', () => {
    const input = { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5, index: 5 };
    expect(docs('States.ArrayContains($.inputArray, $.lookingFor)', input)).toBe(true);
    expect(docs('States.ArrayGetItem($.inputArray, $.index)', input)).toBe(6);
    expect(docs('States.ArrayLength($.inputArray)', input)).toBe(9);
    expect(docs('States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] })).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('Intrinsics for data encoding and decoding: up to 10,000 characters', () => {
    expect(docs('States.Base64Encode($.input)', { input: 'Data to encode' })).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(docs('States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' })).toBe('Data to encode');
    expect(() => docs('States.Base64Encode($.input)', { input: 'x'.repeat(10_001) })).toThrow(failure);
    expect(() => docs('States.Base64Decode($.input)', { input: 'A'.repeat(10_004) })).toThrow(failure);
  });

  it('Intrinsic for hash calculation: States.Hash, data of 10,000 characters or less', () => {
    // The page prints the SHA-1 of "input data" with one digit dropped ("...d18d7485e8..."); the
    // digest itself is aaff4a450a104cd177d28d18d74485e8cae074b7.
    expect(docs('States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' })).toBe(
      'aaff4a450a104cd177d28d18d74485e8cae074b7',
    );
    expect(() => docs("States.Hash($.Data, 'SHA-1')", { Data: 'x'.repeat(10_001) })).toThrow(failure);
    expect(() => docs("States.Hash('a', 'SHA-2')", {})).toThrow(failure);
  });

  it('Intrinsics for JSON data manipulation: JsonMerge (shallow), StringToJson, JsonToString', () => {
    const input = { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } };
    expect(docs('States.JsonMerge($.json1, $.json2, false)', input)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
    });
    expect(() => docs('States.JsonMerge($.json1, $.json2, true)', input)).toThrow(failure);
    expect(docs('States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' })).toEqual(
      {
        foo: 'bar',
      },
    );
    expect(docs('States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } })).toBe(
      '{"foo":"bar"}',
    );
  });

  it('States.StringToJson of an empty string: the parser finds no value, null (the page is silent)', () => {
    expect(docs('States.StringToJson($.s)', { s: '' })).toBeNull();
    expect(docs('States.StringToJson($.s)', { s: '  ' })).toBeNull();
    expect(() => docs('States.StringToJson($.s)', { s: '{' })).toThrow(failure);
  });

  it('Intrinsics for Math operations: States.MathAdd rounds non-integers, 32-bit integers only', () => {
    expect(docs('States.MathAdd($.value1, $.step)', { value1: 111, step: -1 })).toBe(110);
    expect(docs('States.MathAdd($.a, $.b)', { a: 1.5, b: 2.4 })).toBe(4);
    expect(docs('States.MathAdd($.a, $.b)', { a: 10.7, b: -0.2 })).toBe(11);
    expect(docs('States.MathAdd(2147483647, -1)', {})).toBe(2147483646);
    expect(() => docs('States.MathAdd(2147483648, 0)', {})).toThrow(failure);
    expect(() => docs('States.MathAdd(-2147483649, 0)', {})).toThrow(failure);
    expect(() => docs("States.MathAdd('1', 0)", {})).toThrow(failure);
  });

  it('Intrinsics for Math operations: States.MathRandom, start inclusive, end exclusive, seeded', () => {
    for (let seed = 0; seed < 50; seed++) {
      const n = docs('States.MathRandom($.start, $.end)', { start: 1, end: 3 }, seededRandom(seed)) as number;
      expect([1, 2]).toContain(n);
    }
    // Bounds rounded to the nearest integer: 0.6 to 1.4 is 1 to 1, always 1.
    expect(docs('States.MathRandom(0.6, 1.4)', {})).toBe(1);
    // The same seed, the same number, whatever the execution draws.
    const seeded = (r: number) => docs('States.MathRandom(1, 999, 42)', {}, seededRandom(r));
    expect(seeded(1)).toBe(seeded(2));
  });

  it('Intrinsic for String operation: States.StringSplit with one and several delimiters', () => {
    expect(
      docs('States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(
      docs('States.StringSplit($.inputString, $.splitter)', {
        inputString: 'This.is+a,test=string',
        splitter: '.+,=',
      }),
    ).toEqual(['This', 'is', 'a', 'test', 'string']);
  });

  it('Intrinsic for generic operation: States.Format', () => {
    const input = { name: 'Arnav', template: 'Hello, my name is {}.' };
    expect(docs("States.Format('Hello, my name is {}.', $.name)", input)).toBe('Hello, my name is Arnav.');
    expect(docs('States.Format($.template, $.name)', input)).toBe('Hello, my name is Arnav.');
  });

  it('States.Format writes an argument as the rules in force say (formatArgument); by default 3 as 3', () => {
    const text = "States.Format('s3://b/v{}/\\{{}\\}', $.n, $.a)";
    expect(evaluateIntrinsic(text, { ...scope, input: { n: 3, a: 'x' } })).toBe('s3://b/v3/{x}');
    const asFloat = (v: unknown) => (typeof v === 'number' ? `${v}.0` : String(v));
    expect(evaluateIntrinsic(text, { ...scope, input: { n: 3, a: 'x' }, formatArgument: asFloat })).toBe(
      's3://b/v3.0/{x}',
    );
  });

  it('Reserved characters: escapes, an open escape backslash is an error, bracket paths', () => {
    expect(docs("States.Format('\\'\\{\\}\\\\ {}', 1)", {})).toBe("'{}\\ 1");
    expect(() => docs("States.Format('a\\nb')", {})).toThrow(failure);
    // "You must use square bracket notation for a Path ... For example, $.abc.['def ghi']."
    expect(docs("States.Array($.abc.['def ghi'], $['a,b'])", { abc: { 'def ghi': 1 }, 'a,b': 2 })).toEqual([
      1, 2,
    ]);
  });
});
