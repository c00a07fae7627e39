/** The oracle's paths read and write own members: `__proto__` and `constructor` are ordinary keys. */
import { afterEach, describe, expect, it } from 'vitest';
import { getPath, resolveSource, setPath } from './resolveValue.js';

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
