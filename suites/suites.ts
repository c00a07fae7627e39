/**
 * The five properties the suites check (docs/commands.md, "The suites"), each a selection of cases
 * and the aspects of the prediction it holds the target to.
 */
import fc from 'fast-check';
import type { CaseContent } from '../contracts/case.js';
import { validCaseArb } from '../generators/case.js';
import { invalidCaseArb } from '../generators/invalidCase.js';
import { drawCase } from '../generators/sampleCases.js';
import type { Aspect } from '../reports/compare.js';

import { SUITE_NAMES, type SuiteName } from './suiteNames.js';

export { SUITE_NAMES, type SuiteName } from './suiteNames.js';

/** A suite: its cases, and the aspects of the prediction it holds the target to. */
export interface Suite {
  readonly name: SuiteName;
  readonly description: string;
  readonly cases: fc.Arbitrary<CaseContent>;
  readonly aspects: readonly Aspect[];
}

/** The five suites, by name. */
export const SUITES: Readonly<Record<SuiteName, Suite>> = {
  sufficiency: {
    name: 'sufficiency',
    description: 'with exactly the predicted policy, no call the integration makes is denied',
    cases: validCaseArb({ policy: 'predicted' }),
    aspects: ['created', 'calls', 'status'],
  },
  necessity: {
    name: 'necessity',
    description:
      'without one predicted permission the execution exercises (left out, denied, or granted elsewhere), it fails as predicted (which call, which error)',
    cases: validCaseArb({ policy: 'withoutOne' }),
    // Without Stop<X>Job the job an abort cuts short keeps running (and billing).
    aspects: ['created', 'calls', 'status', 'error', 'cause', 'jobStates'],
  },
  outcome: {
    name: 'outcome',
    description:
      'status, error, cause, output, attempts, virtual time, history events and the calls made match across scenarios and wrappers',
    cases: validCaseArb({ policy: 'predicted' }),
    aspects: [
      'created',
      'calls',
      'status',
      'error',
      'cause',
      'output',
      'attempts',
      'durationSeconds',
      'historyTypes',
      'taskFailures',
      'jobStates',
    ],
  },
  patterns: {
    name: 'patterns',
    description:
      '.waitForTaskToken is rejected; .sync only on the five job APIs; .sync output is the Describe result, request-response the ARN',
    cases: fc.oneof(
      { weight: 3, arbitrary: validCaseArb({ policy: 'predicted' }) },
      { weight: 1, arbitrary: invalidCaseArb({}, ['resource']) },
    ),
    aspects: ['created', 'status', 'output', 'historyTypes'],
  },
  validation: {
    name: 'validation',
    description: 'requests outside the SageMaker API constraints fail as SageMaker fails them',
    cases: invalidCaseArb({}, ['request', 'asl']),
    aspects: ['created', 'calls', 'status', 'error', 'cause'],
  },
};

/** Whether a string names a suite. */
export function isSuiteName(s: string): s is SuiteName {
  return (SUITE_NAMES as readonly string[]).includes(s);
}

/** Case `index` of a suite for a seed: each suite draws from a stream of its own. */
export function drawSuiteCase(suite: SuiteName, seed: number, index: number): fc.Value<CaseContent> {
  return drawCase(SUITES[suite].cases, seed, index, suite);
}
