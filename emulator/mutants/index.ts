/**
 * Deliberate deviations of the emulator, each a bug a real author of an emulator would write, to
 * show that the harness catches bugs: with `--emulator-mutant NAME`, `run` must report a shrunk
 * divergence that points at the mutant (suites/runner.test.ts runs every one at `--runs 200
 * --seed 1`). One or more per rule the oracle predicts, grouped by aspect. Each is a small override
 * of the rules the emulator asks by name (emulator/behaviour.ts), in the file of its aspect: iam.ts,
 * sync.ts, sagemaker.ts, asl.ts; behaviourWith applies a list of them in turn.
 */
import { EMULATOR_BEHAVIOUR, type EmulatorBehaviour } from '../behaviour.js';
import { ASL_MUTANTS } from './asl.js';
import { IAM_MUTANTS } from './iam.js';
import type { Mutant } from './mutant.js';
import { SAGEMAKER_MUTANTS } from './sagemaker.js';
import { SYNC_MUTANTS } from './sync.js';

/** Each mutant's deviation, as `run --list-mutants` lists it. */
export const MUTANTS = {
  // IAM: the calls made as the execution role and their decisions.
  'passrole-not-checked': 'iam:PassRole is not authorized (and not recorded)',
  'passrole-without-service': 'iam:PassRole is authorized without the iam:PassedToService context key',
  'explicit-deny-ignored': "Deny statements of the role's policy are dropped when it is loaded",
  'related-resource-not-checked':
    'CreateEndpoint / UpdateEndpoint are not authorized on the endpoint configuration they name',
  'related-resource-wrong-type':
    "the related resource's ARN is built with the created resource's type (endpoint/ for the config)",
  'arn-name-not-lowercased': 'resource ARNs keep the name as written (SageMaker lower-cases them)',
  'managed-rule-not-checked': 'CreateStateMachine does not authorize the EventBridge managed rule of .sync',
  'managed-rule-denial-invalid':
    'a role that may not create the managed rule of .sync is refused with InvalidDefinition, not AccessDeniedException',
  'addtags-not-checked': 'tag-on-create does not need sagemaker:AddTags',
  'addtags-without-tags': 'sagemaker:AddTags is authorized on every create, with tags or without',
  'listtags-not-checked': 'the Tags map of a .sync result is read without authorizing sagemaker:ListTags',
  'describe-denied-fails-task': 'a denied Describe poll fails the task instead of waiting for the job event',
  'access-denied-cause-generic': 'an AccessDenied cause names neither the action nor the resource',
  // .sync: polling, job outcomes, Step Functions' tags, the Describe result, abort.
  'sync-returns-create-response': '.sync returns the Create response instead of the Describe result',
  'describe-not-polled': '.sync does not poll Describe: it waits for the job event',
  'poll-once-too-many': 'the end of a job is seen one poll late (the status read is the previous poll’s)',
  'failed-job-wrong-error': 'a Failed job fails the task with SageMaker.AmazonSageMakerException',
  'stopped-job-succeeds': 'a job that ends Stopped completes the task like a Completed one',
  'failure-reason-dropped': "the cause of a failed job's task leaves out its FailureReason",
  'no-execution-arn-tag': 'Step Functions tags the job with MANAGED_BY_AWS only',
  'describe-drops-request': 'the Describe result does not echo the request it was created with',
  'job-times-in-seconds':
    "a job's times in the .sync result are epoch seconds, as SageMaker's API sends them, not milliseconds",
  'artifacts-without-job-folder':
    "a training job's ModelArtifacts.S3ModelArtifacts leaves out the job's folder",
  'no-stop-on-abort': 'StopExecution does not make the best-effort Stop<X>Job call',
  'no-stop-on-timeout': 'a state-machine timeout does not make the best-effort Stop<X>Job call',
  'stop-without-effect': 'the best-effort Stop<X>Job call is authorized, but the job keeps running',
  'denied-stop-takes-effect':
    'a best-effort Stop<X>Job call the role may not make stops the job all the same',
  'history-skips-submitted': '.sync records no TaskSubmitted event',
  'task-failed-without-cause':
    "a TaskFailed event records the error but not the cause (the execution's own cause keeps it)",
  'abort-skips-task-aborted-event': 'an aborted Task records no TaskStateAborted event',
  // SageMaker: validation, names, references, errors.
  'request-validation-off': 'SageMaker accepts requests outside the API model constraints',
  'runtime-values-not-validated':
    'only the values the definition writes are checked: a value Step Functions computes at run time (a name from the input) is not',
  'references-not-checked': 'a model or endpoint configuration the request names need not exist',
  'missing-reference-not-found':
    'a missing model or endpoint configuration is ResourceNotFound, not a ValidationException ("Could not find ...")',
  'cross-account-role-passed': 'a role of another account is passed to SageMaker like one of its own',
  'names-not-unique': 'a second resource with the same name is created instead of refused',
  'duplicate-resource-in-use':
    'a second model, endpoint configuration or endpoint of a name is ResourceInUse, not a ValidationException ("Cannot create already existing ...")',
  'create-error-generic': 'every SageMaker error becomes SageMaker.AmazonSageMakerException',
  'throttling-retried-internally':
    'a throttled Create call is retried inside the integration instead of failing the attempt',
  // ASL: Retry, Catch, data flow, timeouts.
  'retry-ignores-backoff': 'Retry waits IntervalSeconds every time: BackoffRate is ignored',
  'retry-max-attempts-off-by-one': 'Retry makes one attempt more than MaxAttempts allows',
  'retry-ignores-max-delay': 'Retry waits beyond MaxDelaySeconds',
  'jitter-ignored': 'JitterStrategy FULL waits the whole interval',
  'error-names-loose':
    'ErrorEquals names match case-insensitively and by prefix (SageMaker.AmazonSageMaker catches SageMaker.AmazonSageMakerException)',
  'retry-max-attempts-capped': 'Retry makes at most 10 attempts, whatever MaxAttempts says',
  'retrier-last-match': 'the last matching retrier applies, not the first',
  'catcher-last-match': 'the last matching catcher applies, not the first',
  'catch-drops-resultpath': "Catch ignores the catcher's ResultPath: the error object replaces the input",
  'taskfailed-matches-timeout': 'States.TaskFailed also matches States.Timeout',
  'resultpath-null-ignored': 'ResultPath null keeps the result instead of the input',
  'resultpath-merges': "ResultPath $.key merges the result's members into the input instead of nesting it",
  'resultselector-ignored': 'ResultSelector is not applied',
  'outputpath-ignored': 'OutputPath is not applied',
  'inputpath-ignored': 'InputPath is not applied: Parameters read the whole input',
  'jsonata-output-ignored': 'a JSONata Task state ignores its Output',
  'task-timeout-ignored': "a Task's TimeoutSeconds is not enforced",
  'heartbeat-timeout-error-name': 'a missed heartbeat fails the task with States.HeartbeatTimeout',
  'task-assign-ignored': "a JSONata Task state's Assign sets no variable",
  'map-history-skips-iteration-succeeded':
    'a Map iteration that succeeds records no MapIterationSucceeded event',
  'parallel-history-skips-started': 'a Parallel state records no ParallelStateStarted event',
  'machine-timeout-ignored': "the state machine's TimeoutSeconds is not enforced",
  'choice-numeric-boundary':
    "a JSONPath Choice's NumericGreaterThanEquals and NumericLessThanEquals leave out equality: a metric on the threshold fails them",
  'retry-count-not-advanced': "the Context object's State.RetryCount stays 0 on a Task's retries",
  'map-max-concurrency-ignored': 'a Map runs all its iterations at once, whatever its MaxConcurrency',
  'format-number-as-float': 'States.Format writes an integer argument as a floating-point number (3 as 3.0)',
} as const;

/** The name of a mutant. */
export type MutantName = keyof typeof MUTANTS;

/** Whether a name is a mutant's (`--emulator-mutant NAME`). */
export function isMutant(name: string): name is MutantName {
  return Object.hasOwn(MUTANTS, name);
}

const OVERRIDES: { readonly [N in MutantName]: Mutant } = {
  ...IAM_MUTANTS,
  ...SYNC_MUTANTS,
  ...SAGEMAKER_MUTANTS,
  ...ASL_MUTANTS,
};

/** The emulator's rules with the mutants' deviations, each applied in turn over the ones before. */
export function behaviourWith(mutants: readonly MutantName[]): EmulatorBehaviour {
  return mutants.reduce<EmulatorBehaviour>(
    (rules, name) => ({ ...rules, ...OVERRIDES[name](rules) }),
    EMULATOR_BEHAVIOUR,
  );
}
