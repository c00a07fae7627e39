/**
 * The strongest check of the definition reader: every definition the generators render, read back
 * into a plan, predicts exactly what the drawn plan predicts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withId } from '../../generators/invalidCase.js';
import { plain } from '../../generators/sampleCases.js';
import { drawSuiteCase, SUITE_NAMES } from '../../suites/suites.js';
import { predictExecution } from '../outcome/predictExecution.js';
import { definitionPlan } from './flowPlan.js';

describe('definitionPlan on drawn cases', () => {
  it('reads every drawn definition back into a plan that predicts the same', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SUITE_NAMES),
        fc.nat(),
        fc.nat({ max: 100_000 }),
        (suite, seed, index) => {
          const c = withId(plain(drawSuiteCase(suite, seed, index).value), {
            seed,
            path: `${suite}:${index}`,
          });
          // A definition CreateStateMachine refuses (a broken Resource, Retry or timeout) is refused
          // by `run --definition` before it is read (cli/definitionFile.ts): not a reader's input.
          // A request outside SageMaker's constraints is one, and is read as any other.
          if (!c.validity.valid && c.validity.breaks.kind !== 'request') return;
          const read = definitionPlan(c.definition);
          expect(read.modelled ? 'modelled' : read.plan.unmodelled).toBe('modelled');
          expect(predictExecution({ ...c, plan: read.plan })).toEqual(predictExecution(c));
          checked++;
        },
      ),
      { numRuns: 400, seed: 28 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});
