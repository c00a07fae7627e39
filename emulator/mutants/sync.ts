/** Mutants of `.sync`: polling, job outcomes, tags, the Describe result, abort (emulator/mutants/index.ts). */
import type { MutantName } from './index.js';
import type { Mutant } from './mutant.js';

/** The `.sync` mutants, each the rules it changes. */
export const SYNC_MUTANTS = {
  'sync-returns-create-response': () => ({ syncOutput: (_describeResult, createResponse) => createResponse }),
  'describe-not-polled': () => ({ pollsDescribe: false }),
  'poll-once-too-many': () => ({ statusSeen: (_status, previous) => previous }),
  'failed-job-wrong-error': (rules) => ({
    failedJobError: (status) =>
      status === 'Failed' ? 'SageMaker.AmazonSageMakerException' : rules.failedJobError(status),
  }),
  'stopped-job-succeeds': (rules) => ({
    jobSucceeds: (status) => status === 'Stopped' || rules.jobSucceeds(status),
  }),
  'failure-reason-dropped': (rules) => ({
    failedJobCause: ({ FailureReason: _dropped, ...describeResult }) => rules.failedJobCause(describeResult),
  }),
  'no-execution-arn-tag': (rules) => ({
    stepFunctionsTags: (executionArn) => rules.stepFunctionsTags(executionArn).slice(0, 1),
  }),
  'describe-drops-request': () => ({ describeEchoesRequest: false }),
  'job-times-in-seconds': (rules) => ({ describedTime: (epochMs) => rules.describedTime(epochMs) / 1000 }),
  'artifacts-without-job-folder': () => ({
    modelArtifactsUri: (s3OutputPath) => `${s3OutputPath.replace(/\/$/, '')}/output/model.tar.gz`,
  }),
  'no-stop-on-abort': (rules) => ({
    stopsJobOn: (reason) => reason === 'timeout' && rules.stopsJobOn(reason),
  }),
  'no-stop-on-timeout': (rules) => ({
    stopsJobOn: (reason) => reason !== 'timeout' && rules.stopsJobOn(reason),
  }),
  'stop-without-effect': () => ({ stopTakesEffect: false }),
  'denied-stop-takes-effect': () => ({ stopsWith: () => true }),
  'history-skips-submitted': (rules) => ({
    recordsEvent: (type) => type !== 'TaskSubmitted' && rules.recordsEvent(type),
  }),
  'task-failed-without-cause': () => ({ taskFailureCause: () => undefined }),
  'abort-skips-task-aborted-event': (rules) => ({
    recordsEvent: (type) => type !== 'TaskStateAborted' && rules.recordsEvent(type),
  }),
} satisfies Partial<Record<MutantName, Mutant>>;
