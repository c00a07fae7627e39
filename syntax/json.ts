/**
 * JSON syntax helpers shared by every layer: telling an object from other JSON values, reading and
 * writing members by a name from the data, and JSON pointer segments. Syntax, not behaviour: the
 * oracle and the emulator may both use them.
 */

/** A JSON object as parsed (its values not yet checked). */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object: not null, not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A member of an object as JSON sees it: its own, never one its prototype lends. A name that comes
 * from a definition or from data (`__proto__`, `constructor`, `toString`) is an ordinary key in JSON,
 * as it is on AWS; `object[name]` would read `Object.prototype` or its methods instead.
 */
export function ownValue(object: object, key: string | number): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string | number, unknown>)[key] : undefined;
}

/**
 * Sets a member as an own data property, whatever its name: `object['__proto__'] = value` would
 * replace the object's prototype instead, and a write through an inherited `__proto__` would
 * reach `Object.prototype` and change every object of the process.
 */
export function setOwn(object: object, key: string | number, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Copies `source`'s own members into `target` with setOwn (Object.assign would set a `__proto__` member as the prototype). */
export function assignOwn(target: object, source: unknown): void {
  if (source === null || source === undefined) return;
  for (const [key, value] of Object.entries(source)) setOwn(target, key, value);
}

/** One JSON pointer segment (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The text a JSON pointer segment stands for (RFC 6901). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
