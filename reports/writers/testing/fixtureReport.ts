/**
 * A report for the writers' tests: a case of every verdict, a divergence from each provenance
 * (one shrunk), a target failure, ARNs and request ids for the normaliser's placeholders, and
 * text that XML and Markdown must escape (`|`, line breaks, `<&>`, a control character).
 */
import { rule, ruleRef } from '../../../catalog/provenance.js';
import type { CaseResult, Report } from '../../report.js';

const head = (suite: string, index: number, more: Partial<CaseResult>): CaseResult => ({
  id: `${suite.slice(0, 4)}${index}c0ffee${index}`,
  suite,
  api: 'CreateTrainingJob',
  pattern: 'sync',
  resourceMode: 'static',
  queryLanguage: 'JSONPath',
  verdict: 'match',
  replay: {
    seed: 7,
    path: `${suite}:${index}`,
    command: `npx sfn-conformance replay --suite ${suite} --seed 7 --path ${index}`,
  },
  predicted: {},
  observed: {},
  differences: [],
  durationMs: 12,
  ...more,
});

const ARN_A = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train-a';
const ARN_B = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train-b';

/** A report of a few cases of two suites, one of each verdict, for the writers' tests. */
export function fixtureReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'sfn-sagemaker-conformance', version: 'test' },
    target: { kind: 'embedded', region: 'us-east-1', description: 'built-in emulator' },
    seed: 7,
    runs: 4,
    concurrency: 2,
    suites: ['outcome', 'necessity'],
    startedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 1500,
    totals: { cases: 8, matched: 1, diverged: 4, errored: 1, skipped: 1, undecided: 1 },
    stats: { maxInFlight: 2, casesPerSecond: 5.3, shrinkSteps: 2, shrinkExecutions: 4 },
    cases: [
      head('outcome', 0, {}),
      head('outcome', 1, {
        verdict: 'diverged',
        differences: [
          {
            path: 'status',
            predicted: 'SUCCEEDED',
            observed: 'FAILED <&> "Train | prod"\u0007',
            provenance: rule('asl.retry'),
          },
        ],
        cause: {
          rule: ruleRef('asl.retry'),
          at: { state: 'Train | prod', api: 'CreateTrainingJob', pattern: 'sync' },
          answer: 'ends FAILED States.TaskFailed',
          message: 'States.TaskFailed: <&> "Train | prod"\u0007',
        },
      }),
      head('outcome', 2, { verdict: 'error', errorMessage: 'Error: boom\n    at x (y.ts:1:1)' }),
      head('outcome', 3, {
        api: 'CreateEndpoint',
        pattern: 'requestResponse',
        verdict: 'diverged',
        differences: [
          {
            path: 'target',
            predicted: 'an answer to every call',
            observed: 'StartExecution: InternalFailure (HTTP 500): boom',
            provenance: rule('harness.target-answers'),
          },
        ],
        cause: {
          rule: ruleRef('harness.target-answers'),
          at: { state: 'Endpoint', api: 'CreateEndpoint', pattern: 'requestResponse' },
          answer: 'no answer: StartExecution',
          message: 'StartExecution: InternalFailure (HTTP 500): boom',
        },
      }),
      head('necessity', 0, { verdict: 'skipped', skipReason: 'billable' }),
      head('necessity', 1, {
        verdict: 'undecided',
        undecidedReason: 'the target shows no calls',
      }),
      head('necessity', 2, {
        verdict: 'diverged',
        differences: [
          {
            path: 'calls/2',
            predicted: `sagemaker:AddTags ${ARN_A} implicitDeny`,
            observed: `sagemaker:AddTags ${ARN_A} allowed`,
            provenance: rule('sfn.template.by-analogy'),
          },
        ],
        shrunk: {
          id: 'nece2shrunk',
          steps: 2,
          case: { definition: { StartAt: 'Train | prod' } },
          differences: [
            {
              path: 'calls/0',
              predicted: `sagemaker:AddTags ${ARN_B} implicitDeny`,
              observed: `sagemaker:AddTags ${ARN_B} allowed`,
              provenance: rule('sfn.template.by-analogy'),
            },
            {
              path: 'cause',
              predicted: `contains "not authorized", "${ARN_B}"`,
              observed: `request 0c7e6f3a-1b2c-4d5e-8f90-123456789abc on ${ARN_A}`,
              provenance: rule('sfn.sagemaker.cause-format'),
            },
          ],
          cause: {
            rule: ruleRef('iam.evaluation.implicit-deny'),
            at: { state: 'Train | prod', api: 'CreateTrainingJob', pattern: 'sync' },
            answer: 'calls: a call the policy denies (implicitDeny) allowed',
          },
          replay: { command: 'npx sfn-conformance replay report.json nece2shrunk' },
        },
        cause: {
          rule: ruleRef('iam.evaluation.implicit-deny'),
          at: { state: 'Train', api: 'CreateTrainingJob', pattern: 'sync' },
          answer: 'calls: a call the policy denies (implicitDeny) allowed',
        },
      }),
      head('necessity', 3, {
        api: 'CreateModel',
        pattern: 'requestResponse',
        verdict: 'diverged',
        differences: [
          {
            path: 'error',
            predicted: 'SageMaker.AmazonSageMakerException',
            observed: 'States.Runtime',
            provenance: rule('sfn.sync.addtags-needed'),
          },
        ],
        // A report written before causes: grouped by its difference paths.
      }),
    ],
  };
}
