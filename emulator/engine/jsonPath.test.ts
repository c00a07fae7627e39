import { describe, expect, it } from 'vitest';
import { readPath, referenceSteps } from './jsonPath.js';

describe('JSONPath paths (Developer Guide, "Using JSONPath paths")', () => {
  it('Reference Paths: the examples', () => {
    const input = { foo: 123, bar: ['a', 'b', 'c'], car: { cdr: true } };
    expect(readPath('$.foo', input, 'InputPath')).toBe(123);
    expect(readPath('$.bar', input, 'InputPath')).toEqual(['a', 'b', 'c']);
    expect(readPath('$.car.cdr', input, 'InputPath')).toBe(true);
  });

  it("square bracket notation for special characters: $.abc.['def ghi']", () => {
    expect(referenceSteps("$.abc.['def ghi']")).toEqual(['abc', 'def ghi']);
    expect(readPath("$.abc.['def ghi']", { abc: { 'def ghi': 1 } }, 'OutputPath')).toBe(1);
    // Brackets inside a quoted name are part of the name, escaped or not.
    expect(readPath("$['a[0]']", { 'a[0]': 2 }, 'OutputPath')).toBe(2);
    expect(readPath("$['a\\]b']", { 'a]b': 3 }, 'OutputPath')).toBe(3);
  });
});

describe("a path that selects nothing, in AWS's words (recorded)", () => {
  const runtime = (message: string) =>
    expect.objectContaining({ error: 'States.Runtime', causeText: message });
  it('the last member missing: No results for path (testdata/aws-recorded/461, aws-recorded-tasks/092)', () => {
    for (const field of [
      'OutputPath',
      'InputPath',
      'TimeoutSecondsPath',
      'HeartbeatSecondsPath',
      'SecondsPath',
    ])
      expect(() => readPath('$.NoSuchOutputPath', {}, field)).toThrow(
        runtime("Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"),
      );
  });

  it('a member missing on the way: Missing property in path (testdata/aws-recorded-tasks/083)', () => {
    expect(() => readPath('$.no.such.result.path', { a: 1 }, 'OutputPath')).toThrow(
      runtime("Invalid path '$.no.such.result.path' : Missing property in path $['no']"),
    );
    expect(() => readPath('$.a.b[3]', { a: { b: [] } }, 'InputPath')).toThrow(
      runtime("Invalid path '$.a.b[3]' : No results for path: $['a']['b'][3]"),
    );
  });
});
