/**
 * Deterministic case generation: case `i` of seed `S` is drawn from its own seed derived from
 * (S, i), so any single case can be reproduced from `--seed S --path i` without generating the
 * ones before it.
 */
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { API_NAMES, type Api, type Pattern } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { Case, CaseContent } from '../contracts/case.js';
import { validCaseArb } from './case.js';
import { invalidCaseArb, withId } from './invalidCase.js';

/** What `sample` draws: its seed, the APIs and patterns, and whether invalid cases are mixed in. */
export interface SampleOptions {
  readonly seed: number;
  readonly apis?: readonly Api[];
  readonly patterns?: readonly Pattern[];
  /** Mix in invalid cases (about one in four). */
  readonly includeInvalid?: boolean;
}

/** The seed of case `index`: a 32-bit mix of the run's seed and the index. */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The legal (api, pattern) pairs the filters leave; empty when the filters exclude everything. */
export function legalPairs(
  apis: readonly Api[] = API_NAMES,
  patterns?: readonly Pattern[],
): [Api, Pattern | undefined][] {
  if (!patterns || patterns.length === 0) return apis.map((a) => [a, undefined]);
  return apis.flatMap((a) =>
    patterns.filter((p) => SAGEMAKER_APIS[a].patterns.value.includes(p)).map((p): [Api, Pattern] => [a, p]),
  );
}

/** The arbitrary every case of these options is drawn from. */
export function caseArb(options: Omit<SampleOptions, 'seed'>): fc.Arbitrary<CaseContent> {
  const filtered = options.apis !== undefined || options.patterns !== undefined;
  const pairs = legalPairs(options.apis ?? API_NAMES, options.patterns);
  if (pairs.length === 0) throw new Error('no legal (api, pattern) pair matches the filters');
  const valid = filtered
    ? fc.constantFrom(...pairs).chain(([api, pattern]) => validCaseArb(pattern ? { api, pattern } : { api }))
    : validCaseArb();
  if (!options.includeInvalid) return valid;
  const apis = [...new Set(pairs.map(([a]) => a))];
  const invalid = filtered
    ? fc.constantFrom(...apis).chain((api) => invalidCaseArb({ api }))
    : invalidCaseArb();
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

/** A 32-bit FNV-1a hash of a stream name: each stream (a suite) draws cases of its own from one seed. */
function streamSalt(stream: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Draws case `index` with fast-check's generator itself (not fc.sample), so that the value keeps
 * its shrinking context: the runner shrinks a divergent case from it. Cases of another `stream`
 * (the suites') are drawn from other seeds: two suites with the same arbitrary draw other cases.
 */
export function drawCase(
  arb: fc.Arbitrary<CaseContent>,
  seed: number,
  index: number,
  stream?: string,
): fc.Value<CaseContent> {
  const salted = stream === undefined ? seed : (seed ^ streamSalt(stream)) >>> 0;
  return arb.generate(new fc.Random(xoroshiro128plus(deriveSeed(salted, index))), undefined);
}

/** Case `index` of a run. */
export function generateCase(arb: fc.Arbitrary<CaseContent>, seed: number, index: number): Case {
  return withId(plain(drawCase(arb, seed, index).value), { seed, path: String(index) });
}

/** fast-check builds records without a prototype: plain JSON objects from here on. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A shrunk case, and how much shrinking it took. */
export interface Shrunk {
  readonly value: CaseContent;
  /** Shrink steps taken (each a smaller case that still failed). */
  readonly steps: number;
  /** Candidates tried. */
  readonly tried: number;
}

/**
 * Shrinks a failing value: tries fast-check's shrink candidates in order and keeps the first that
 * still fails, until none does, the budget of tries is spent, or `stop` says so (a time limit).
 */
export async function shrinkCase(
  arb: fc.Arbitrary<CaseContent>,
  start: fc.Value<CaseContent>,
  fails: (c: CaseContent) => Promise<boolean>,
  budget: number,
  stop: () => boolean = () => false,
): Promise<Shrunk> {
  let current = start;
  let steps = 0;
  let tried = 0;
  outer: while (tried < budget) {
    for (const candidate of arb.shrink(current.value, current.context)) {
      if (tried >= budget || stop()) break outer;
      tried++;
      if (await fails(plain(candidate.value))) {
        current = candidate;
        steps++;
        continue outer;
      }
    }
    break;
  }
  return { value: plain(current.value), steps, tried };
}

/** Cases `0..count-1` of a run, lazily. */
export function* sampleCases(options: SampleOptions, count: number): Generator<Case> {
  const arb = caseArb(options);
  for (let i = 0; i < count; i++) yield generateCase(arb, options.seed, i);
}
