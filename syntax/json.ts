/**
 * JSON syntax helpers shared by every layer: telling an object from other JSON values, and JSON
 * pointer segments. Syntax, not behaviour: the oracle and the emulator may both use them.
 */

/** A JSON object as parsed (its values not yet checked). */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object: not null, not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One JSON pointer segment (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The text a JSON pointer segment stands for (RFC 6901). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
