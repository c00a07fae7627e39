/**
 * Where a run's cases come from, other than the suites' own generators: `run --definition` draws
 * the cases around users' definitions (suites/definitionSuites.ts). Case `index` of a suite is
 * still drawn from the seed and the index alone, so it replays and shrinks as a drawn case does.
 */
import type fc from 'fast-check';
import type { CaseContent } from '../contracts/case.js';
import type { SuiteName } from './suiteNames.js';

/** The cases of a run, suite by suite, by index. */
export interface CaseSource {
  /** The arbitrary case `index` of a suite is drawn from (and shrunk with). */
  arbitrary(suite: SuiteName, index: number): fc.Arbitrary<CaseContent>;
  /** Case `index` of a suite for a seed, with its shrinking context. */
  draw(suite: SuiteName, seed: number, index: number): fc.Value<CaseContent>;
  /** The options a replay command needs to draw the same cases (e.g. `--definition a.json`). */
  readonly replayArgs: string;
}
