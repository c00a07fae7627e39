import { describe, expect, it } from 'vitest';
import { evaluateJsonata } from './dataFlow.js';
import { seededRandom } from './seededRandom.js';

/**
 * Expectations from the Step Functions Developer Guide, "Transforming data with JSONata in Step
 * Functions" (transforming-data.html), section "JSONata functions provided by Step Functions".
 */
const evaluate = (expr: string, input: unknown = {}, random?: () => number) =>
  evaluateJsonata(
    `{% ${expr} %}`,
    { states: { input, context: { Execution: { Id: 'x' } } }, variables: {}, ...(random ? { random } : {}) },
    'Assign',
  );
const failure = expect.objectContaining({ error: 'States.QueryEvaluationError' });

describe('JSONata functions provided by Step Functions', () => {
  it('$partition: chunks of the size, the last shorter; a two-dimensional array', async () => {
    expect(await evaluate('$partition([1,2,3,4], $states.input.chunkSize)', { chunkSize: 3 })).toEqual([
      [1, 2, 3],
      [4],
    ]);
    expect(await evaluate('$partition([1], 1)')).toEqual([[1]]);
    // "Built-in JSONata functions that require integer values ... round down any non-integer numbers".
    expect(await evaluate('$partition([1,2,3,4], 2.9)')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await expect(evaluate('$partition([1,2], 0)')).rejects.toThrow(failure);
  });

  it('$range: start to end by the delta, positive or negative; always an array', async () => {
    expect(await evaluate('$range(0, 10, 2)')).toEqual([0, 2, 4, 6, 8, 10]);
    expect(await evaluate('$range(10, 0, -5)')).toEqual([10, 5, 0]);
    expect(await evaluate('$range(1, 1, 1)')).toEqual([1]);
    expect(await evaluate('$range(0.9, 4.5, 1.9)')).toEqual([0, 1, 2, 3, 4]);
    await expect(evaluate('$range(0, 10, 0)')).rejects.toThrow(failure);
  });

  it('$hash: MD5, SHA-1, SHA-256, SHA-384 or SHA-512 of a string', async () => {
    expect(await evaluate("$hash($states.input.content, 'SHA-256')", { content: 'abc' })).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await evaluate("$hash('abc', 'MD5')")).toBe('900150983cd24fb0d6963f7d28e17f72');
    await expect(evaluate("$hash('abc', 'SHA-2')")).rejects.toThrow(failure);
  });

  it('$random: 0 <= n < 1; the same seed returns the same number', async () => {
    const n = (await evaluate('$random()')) as number;
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThan(1);
    const a = await evaluate('$random($states.input.seed)', { seed: 7 }, seededRandom(1));
    const b = await evaluate('$random($states.input.seed)', { seed: 7 }, seededRandom(2));
    expect(a).toBe(b);
    expect(await evaluate('$random(7.8)')).toBe(a);
  });

  it('$uuid: a v4 UUID, no arguments', async () => {
    expect(await evaluate('$uuid()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('$parse deserializes a JSON string; $eval is not supported', async () => {
    expect(await evaluate('$parse($states.input.json_string)', { json_string: '{"a":[1]}' })).toEqual({
      a: [1],
    });
    await expect(evaluate("$eval('1 + 1')")).rejects.toThrow(failure);
  });
});
