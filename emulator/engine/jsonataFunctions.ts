/**
 * The JSONata functions Step Functions provides (Developer Guide, "Transforming data with JSONata
 * in Step Functions", section "JSONata functions provided by Step Functions"): `$partition`,
 * `$range`, `$hash`, `$random`, `$uuid` and `$parse`, and `$eval`, which Step Functions does not
 * support. Integer parameters that are not whole numbers are rounded down, as that section says.
 */
import { createHash } from 'node:crypto';
import { seededRandom } from './seededRandom.js';

const HASHES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** The range of `$range`, as States.ArrayRange, at most 1000 items. */
const RANGE_MAX_ITEMS = 1000;

const integer = (fn: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`${fn}: expected an integer, got ${JSON.stringify(v)}`);
  return Math.floor(v);
};

/** A version 4 UUID drawn from `random`. */
export function uuidV4(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** `$partition(array, size)`: the array in chunks of `size`, the last one shorter. */
export function partition(array: unknown, size: unknown): unknown[][] {
  if (!Array.isArray(array)) throw new Error('$partition: the first argument must be an array');
  const chunk = integer('$partition', size);
  if (chunk <= 0) throw new Error('$partition: the chunk size must be a positive integer');
  const out: unknown[][] = [];
  for (let i = 0; i < array.length; i += chunk) out.push(array.slice(i, i + chunk));
  return out;
}

/** `$range(start, end, step)`: from start towards end by step, end included when reached. */
export function range(start: unknown, end: unknown, step: unknown): number[] {
  const [from, to, by] = [integer('$range', start), integer('$range', end), integer('$range', step)];
  if (by === 0) throw new Error('$range: the step must not be 0');
  const out: number[] = [];
  for (let v = from; by > 0 ? v <= to : v >= to; v += by) {
    out.push(v);
    if (out.length > RANGE_MAX_ITEMS) throw new Error(`$range: more than ${RANGE_MAX_ITEMS} items`);
  }
  return out;
}

/** `$hash(data, algorithm)`: the hex digest of a string by MD5, SHA-1, SHA-256, SHA-384 or SHA-512. */
export function hash(data: unknown, algorithm: unknown): string {
  if (typeof data !== 'string') throw new Error('$hash: the data must be a string');
  const name = typeof algorithm === 'string' ? HASHES[algorithm] : undefined;
  if (!name)
    throw new Error(
      `$hash: the algorithm must be one of ${Object.keys(HASHES).join(', ')}, got ${JSON.stringify(algorithm)}`,
    );
  return createHash(name).update(data).digest('hex');
}

/** `$parse(text)`: the JSON value of a string. */
export function parse(text: unknown): unknown {
  if (typeof text !== 'string') throw new Error('$parse: the argument must be a string');
  return JSON.parse(text) as unknown;
}

/**
 * The functions as bindings of an evaluation. `random` is the evaluation's: `$random()` and
 * `$uuid()` draw from it, `$random(seed)` from the seed alone (the same seed, the same number).
 * Arrays are returned as they are: a one-item result stays an array.
 */
export function stepFunctionsFunctions(
  random: () => number,
): Record<string, (...args: unknown[]) => unknown> {
  return {
    partition: (array, size) => partition(array, size),
    range: (start, end, step) => range(start, end, step),
    hash: (data, algorithm) => hash(data, algorithm),
    random: (seed) => (seed === undefined ? random() : seededRandom(integer('$random', seed))()),
    uuid: () => uuidV4(random),
    parse: (text) => parse(text),
    eval: () => {
      throw new Error('$eval is not supported in Step Functions workflows; use $parse');
    },
  };
}
