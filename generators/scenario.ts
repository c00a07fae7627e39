/**
 * World scenarios: how SageMaker behaves for a case. The emulator realises them; a real account
 * can realise only the ones that cost nothing (see the AWS target).
 *
 * The mix is chosen so that most cases get somewhere: about one case in seven has an injected
 * create error, one `.sync` case in seven is stopped, and a job ends within its task's TimeoutSeconds
 * three times in five (so that Completed, Failed and Stopped outcomes are seen, and timeouts too).
 * `sample --stats` prints the mix; suites/suites.test.ts holds the suites to their bounds.
 */
import fc from 'fast-check';
import type { Api, Pattern } from '../catalog/api.js';
import { DUPLICATE_ANSWERS, OPERATION_ERRORS } from '../catalog/sagemakerApis.js';
import { CREATE_ERRORS, type CreateError, type WorldScenario } from '../catalog/scenario.js';
import { sometimes } from './values.js';

export { CREATE_ERRORS, type WorldScenario };

const FAILURE_REASONS = [
  'AlgorithmError: ExecuteUserScriptError: exit code 1',
  'ClientError: Data download failed: NoSuchKey',
  'CapacityError: Unable to provision requested ML compute capacity',
];

/** How long a job runs: mostly minutes, sometimes hours; with a task timeout, inside it three times in five. */
function durationArb(timeoutSeconds: number | undefined): fc.Arbitrary<number> {
  const any = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 60, max: 1800 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1800, max: 6 * 3600 }) },
  );
  if (timeoutSeconds === undefined || timeoutSeconds <= 90) return any;
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 60, max: Math.floor(timeoutSeconds * 0.8) }) },
    { weight: 2, arbitrary: fc.integer({ min: timeoutSeconds + 1, max: timeoutSeconds * 3 }) },
  );
}

/**
 * The errors a create call of the case may be made to answer: those every API of the case may
 * answer (its model's, and ValidationException and ThrottlingException), as the injected errors
 * fall on whichever create comes first (sagemaker.errors.by-operation).
 */
export function injectableErrors(apis: readonly Api[]): readonly CreateError[] {
  return CREATE_ERRORS.filter((e) => apis.every((api) => OPERATION_ERRORS.value[api].includes(e)));
}

/**
 * A scenario for a case whose first SageMaker task has this pattern (and timeout, if any), calling
 * these APIs; `abortShare`: the share of `.sync` cases stopped by StopExecution; `quota`: whether
 * the account may have a quota of jobs running at once (a Map over jobs meets it).
 */
export function scenarioArb(
  pattern: Pattern,
  timeoutSeconds: number | undefined,
  apis: readonly Api[],
  abortShare = 0.15,
  quota = false,
): fc.Arbitrary<WorldScenario> {
  const job =
    pattern === 'sync'
      ? fc
          .record({
            polls: fc.integer({ min: 0, max: 5 }),
            outcome: fc.constantFrom<'Completed' | 'Failed' | 'Stopped'>(
              'Completed',
              'Completed',
              'Failed',
              'Stopped',
            ),
            reason: fc.constantFrom(...FAILURE_REASONS),
            durationSeconds: durationArb(timeoutSeconds),
          })
          .map(({ polls, outcome, reason, durationSeconds }) =>
            outcome === 'Failed'
              ? { polls, outcome, failureReason: reason, durationSeconds }
              : { polls, outcome, durationSeconds },
          )
      : fc.constant(undefined);
  return fc
    .record({
      createError: sometimes(
        fc.record({
          error: fc.constantFrom(...injectableErrors(apis)),
          times: fc.integer({ min: 1, max: 4 }),
        }),
        0.15,
      ),
      job,
      referencesExist: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      // A deployment run again with the names it used before: where a model, an endpoint
      // configuration or an endpoint is created (a job's name in use is met on its retries).
      namesInUse: apis.some((api) => DUPLICATE_ANSWERS[api]?.value.code === 'ValidationException')
        ? sometimes(fc.constant(true), 0.15)
        : fc.constant(undefined),
      abortAfterPolls:
        pattern === 'sync' ? sometimes(fc.integer({ min: 0, max: 3 }), abortShare) : fc.constant(undefined),
      // One or two jobs of a type at once, as new accounts have for many instance types.
      jobQuota: quota ? sometimes(fc.integer({ min: 1, max: 2 }), 0.75) : fc.constant(undefined),
    })
    .map(({ createError, job: j, referencesExist, namesInUse, abortAfterPolls, jobQuota }) => {
      const scenario: { -readonly [K in keyof WorldScenario]: WorldScenario[K] } = { referencesExist };
      if (namesInUse) scenario.namesInUse = true;
      if (createError) scenario.createError = createError;
      if (j) scenario.job = j;
      if (abortAfterPolls !== undefined) scenario.abortAfterPolls = abortAfterPolls;
      if (jobQuota !== undefined) scenario.jobQuota = jobQuota;
      return scenario;
    });
}
