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
