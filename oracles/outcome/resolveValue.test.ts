/** The oracle's paths read and write own members: `__proto__` and `constructor` are ordinary keys. */
import { afterEach, describe, expect, it } from 'vitest';
import { getPath, resolveSource, resolveValue, setPath } from './resolveValue.js';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).End;
});

describe('paths through names objects inherit', () => {
  it('setPath writes a member named __proto__ and leaves Object.prototype alone', () => {
    const written = setPath({ a: 1 }, ['__proto__', 'End'], true);
    expect(JSON.stringify(written)).toBe('{"a":1,"__proto__":{"End":true}}');
    expect(({} as Record<string, unknown>).End).toBeUndefined();
    expect(getPath(written, ['__proto__', 'End'])).toBe(true);
  });

  it('getPath finds no inherited member', () => {
    expect(getPath({}, ['constructor'])).toBeUndefined();
    expect(getPath({ a: {} }, ['a', 'toString'])).toBeUndefined();
    expect(getPath({}, ['__proto__'])).toBeUndefined();
    expect(
      resolveSource(
        { from: 'variable', name: 'constructor', path: [] },
        { input: {}, executionInput: {}, executionName: 'e', variables: {} },
      ),
    ).toBeUndefined();
  });
});

describe('States.Format as the oracle computes it', () => {
  const scope = {
    input: { bucket: 'amzn-s3-demo-bucket', version: 3, decimal: 1.5, obj: { k: 1 } },
    executionInput: {},
    executionName: 'run-1',
  };
  const format = (template: string, ...paths: string[]) =>
    resolveValue(
      {
        given: 'format',
        template,
        args: paths.map((p) => (p === 'name' ? { from: 'executionName' } : { from: 'input', path: [p] })),
      },
      scope,
    );

  it('each {} an argument in turn; \\{, \\} and \\\\ the character itself (Developer Guide, Intrinsic functions, "Reserved characters")', () => {
    expect(format('s3://{}/{}/output', 'bucket', 'name')).toBe('s3://amzn-s3-demo-bucket/run-1/output');
    expect(format('s3://{}/runs/\\{{}\\}/v{}', 'bucket', 'name', 'version')).toBe(
      's3://amzn-s3-demo-bucket/runs/{run-1}/v3',
    );
    expect(format("team's \\\\{}", 'name')).toBe("team's \\run-1");
  });

  it('a number as JSON has it, as AWS recorded: 1 as 1, 1.1 as 1.1 (testdata/aws-recorded/357, 358)', () => {
    expect(format('v{}', 'version')).toBe('v3');
    expect(format('v{}', 'decimal')).toBe('v1.5');
  });

  it('an object argument, or counts that differ, are not predicted', () => {
    expect(format('{}', 'obj')).toBeUndefined();
    expect(format('{}-{}', 'bucket')).toBeUndefined();
    expect(format('{}', 'bucket', 'name')).toBeUndefined();
  });
});
