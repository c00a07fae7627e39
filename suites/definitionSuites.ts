/**
 * The suites around users' definitions (`run --definition`): each suite's property held to cases
 * whose machine is one of the given definitions, case `k` of a suite the definition `k mod n`. The
 * validation suite draws invalid requests of machines of its own and has no place here.
 */
import type fc from 'fast-check';
import type { CaseContent } from '../contracts/case.js';
import { UsageError } from '../contracts/usageError.js';
import type { PolicyChoice } from '../generators/case.js';
import { drawCase } from '../generators/sampleCases.js';
import { userCaseArb, type UserDefinition } from '../generators/userDefinition.js';
import type { CaseSource } from './caseSource.js';
import type { SuiteName } from './suiteNames.js';

/** The suites a run around definitions has, and the policy each draws. */
export const DEFINITION_SUITES: Readonly<Partial<Record<SuiteName, PolicyChoice>>> = {
  sufficiency: 'predicted',
  necessity: 'withoutOne',
  outcome: 'predicted',
  patterns: 'predicted',
};

/** Whether a suite runs around users' definitions. */
export const takesDefinitions = (suite: SuiteName): boolean => suite in DEFINITION_SUITES;

/** A path as a shell word: as it is where it needs no quotes, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The cases of a run around these definitions (in this order: a replay names them in it). */
export function definitionCaseSource(definitions: readonly UserDefinition[]): CaseSource {
  if (definitions.length === 0) throw new Error('no definitions');
  const arbs = new Map<string, fc.Arbitrary<CaseContent>>();
  const arbitrary = (suite: SuiteName, index: number): fc.Arbitrary<CaseContent> => {
    const policy = DEFINITION_SUITES[suite];
    if (policy === undefined)
      throw new UsageError(
        'bad-option',
        `--suite ${suite} draws machines of its own and does not take --definition; use ${Object.keys(DEFINITION_SUITES).join(', ')}`,
      );
    const which = index % definitions.length;
    const key = `${suite}/${which}`;
    let arb = arbs.get(key);
    if (!arb) {
      arb = userCaseArb(definitions[which]!, policy);
      arbs.set(key, arb);
    }
    return arb;
  };
  return {
    arbitrary,
    draw: (suite, seed, index) => drawCase(arbitrary(suite, index), seed, index, suite),
    replayArgs: definitions.map((d) => `--definition ${shellWord(d.file)}`).join(' '),
  };
}
