/**
 * World scenarios: how SageMaker behaves for a case. The emulator realises them; a real account
 * can realise only the ones that cost nothing (see the AWS target).
 */
import fc from 'fast-check';
import type { Pattern } from '../catalog/api.js';

import { CREATE_ERRORS, type WorldScenario } from '../catalog/scenario.js';

export { CREATE_ERRORS, type WorldScenario };

const FAILURE_REASONS = [
  'AlgorithmError: ExecuteUserScriptError: exit code 1',
  'ClientError: Data download failed: NoSuchKey',
  'CapacityError: Unable to provision requested ML compute capacity',
];

export function scenarioArb(pattern: Pattern): fc.Arbitrary<WorldScenario> {
  const job =
    pattern === 'sync'
      ? fc
          .record({
            polls: fc.integer({ min: 0, max: 5 }),
            outcome: fc.constantFrom<'Completed' | 'Failed' | 'Stopped'>(
              'Completed',
              'Completed',
              'Completed',
              'Failed',
              'Stopped',
            ),
            reason: fc.constantFrom(...FAILURE_REASONS),
            durationSeconds: fc.integer({ min: 60, max: 6 * 3600 }),
          })
          .map(({ polls, outcome, reason, durationSeconds }) =>
            outcome === 'Failed'
              ? { polls, outcome, failureReason: reason, durationSeconds }
              : { polls, outcome, durationSeconds },
          )
      : fc.constant(undefined);
  return fc
    .record({
      createError: fc.option(
        fc.record({ error: fc.constantFrom(...CREATE_ERRORS), times: fc.integer({ min: 1, max: 3 }) }),
        { freq: 4, nil: undefined },
      ),
      job,
      referencesExist: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      abortAfterPolls:
        pattern === 'sync'
          ? fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8, nil: undefined })
          : fc.constant(undefined),
    })
    .map(({ createError, job: j, referencesExist, abortAfterPolls }) => {
      const scenario: { -readonly [K in keyof WorldScenario]: WorldScenario[K] } = { referencesExist };
      if (createError) scenario.createError = createError;
      if (j) scenario.job = j;
      if (abortAfterPolls !== undefined) scenario.abortAfterPolls = abortAfterPolls;
      return scenario;
    });
}
