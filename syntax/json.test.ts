/** Own members by any name: the helpers every layer reads and writes data members with. */
import { describe, expect, it } from 'vitest';
import { assignOwn, ownValue, setOwn } from './json.js';

describe('own members', () => {
  it('setOwn makes __proto__ an own member, and ownValue reads it; Object.prototype is untouched', () => {
    const object: Record<string, unknown> = {};
    setOwn(object, '__proto__', { End: true });
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(JSON.stringify(object)).toBe('{"__proto__":{"End":true}}');
    expect(ownValue(object, '__proto__')).toEqual({ End: true });
    expect(({} as Record<string, unknown>).End).toBeUndefined();
  });

  it('ownValue sees nothing inherited', () => {
    expect(ownValue({}, 'constructor')).toBeUndefined();
    expect(ownValue({}, 'toString')).toBeUndefined();
    expect(ownValue({}, '__proto__')).toBeUndefined();
    expect(ownValue([1, 2], 1)).toBe(2);
  });

  it('assignOwn copies a __proto__ member as a member', () => {
    const target: Record<string, unknown> = { a: 1 };
    assignOwn(target, JSON.parse('{"__proto__": {"x": 1}, "b": 2}'));
    expect(JSON.stringify(target)).toBe('{"a":1,"__proto__":{"x":1},"b":2}');
    expect((target as { x?: unknown }).x).toBeUndefined();
  });
});
