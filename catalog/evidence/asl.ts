/** The rules of the States Language the oracle applies: Retry, Catch, paths, JSONata, timeouts. */
import type { EvidenceEntry } from './entry.js';
import { ASL, DG, ERRORS, model, page, RECORDED, recording, report, SFN_API, TASKS } from './sources.js';

/** ASL semantics the oracle applies. */
export const ASL_RULES = [
  {
    id: 'sfn.test-state.inspection',
    claim:
      "TestState runs one state of a definition (stateName) with its invocation mocked (mock.result): at inspectionLevel DEBUG it answers SUCCEEDED with the state's output, and inspectionData shows its input processing (afterInputPath, afterParameters, or JSONata's afterArguments), the mocked result, afterResultSelector and afterResultPath as JSON text",
    kind: 'documented',
    sources: [
      page(
        `${SFN_API}/API_TestState.html`,
        'Request Parameters (mock, stateName, context); Response Elements',
      ),
      page(`${SFN_API}/API_InspectionData.html`, 'Contents'),
      page(`${DG}/test-state-isolation.html`, 'Using inspection levels'),
    ],
  },
  {
    id: 'sfn.test-state.error-handling',
    claim:
      "With an error mocked (mock.errorOutput), TestState answers how the state handles it: RETRIABLE with errorDetails.retryIndex where the first matching retrier has attempts left after stateConfiguration.retrierRetryCount retries, else CAUGHT_ERROR with errorDetails.catchIndex, the catcher's Next as nextState and the error output placed by its ResultPath as the output, else FAILED with the error and cause",
    kind: 'documented',
    sources: [
      page(`${SFN_API}/API_TestState.html`, 'Response Elements (status, nextState, error, cause)'),
      page(`${SFN_API}/API_InspectionErrorDetails.html`, 'Contents'),
      page(`${DG}/test-state-isolation.html`, 'Testing retry and error handling'),
    ],
  },
  {
    id: 'sfn.test-state.retry-backoff',
    claim:
      "A RETRIABLE answer's errorDetails.retryBackoffIntervalSeconds is the retrier's wait before the next retry, IntervalSeconds x BackoffRate^retrierRetryCount capped by MaxDelaySeconds, in whole seconds, without jitter",
    kind: 'inferred',
    sources: [page(`${SFN_API}/API_InspectionErrorDetails.html`, 'retryBackoffIntervalSeconds')],
    caveat:
      'no page says how a fractional wait is rounded, or what FULL jitter shows; the lane predicts no backoff for a jittered retrier',
  },
  {
    id: 'asl.retry',
    claim:
      'Retriers are tried in order; the first that matches applies; wait IntervalSeconds x BackoffRate^n capped by MaxDelaySeconds (FULL jitter: up to that), MaxAttempts per retrier per state visit; then catchers in order',
    kind: 'documented',
    sources: [
      page(ERRORS, 'Retrying after an error; Fallback states'),
      page(ASL, 'Retrying after error; Fallback states'),
      recording(`${TASKS}/086-lambda-invoke-with-retry-base.json`),
      recording(`${TASKS}/089-retry-interval-features.json`),
      recording(`${TASKS}/052-raise-exception-catch.json`),
    ],
  },
  {
    id: 'asl.choice-numeric',
    claim:
      'A Choice rule compares a number of the input with a threshold: NumericEquals, NumericGreaterThan, NumericGreaterThanEquals, NumericLessThan, NumericLessThanEquals (JSONPath), or a Condition with =, >, >=, <, <= (JSONata); equality with the threshold holds for the Equals forms and =, >=, <= alone; the first rule that holds names the next state, else the Default',
    kind: 'documented',
    sources: [
      page(ASL, 'Choice State: Choice Rules (comparison operators)'),
      page(`${DG}/state-choice.html`, 'Choice Rules (JSONata); Choice Rules (JSONPath)'),
    ],
  },
  {
    id: 'sfn.context.retry-count',
    claim:
      "A Task state's Context object has State.RetryCount: 0 on the first attempt, one more on each retry, so a request that reads it differs from one attempt to the next",
    kind: 'observed',
    sources: [
      page(`${DG}/input-output-contextobject.html`, 'Context object fields (State.RetryCount: Number)'),
      recording(`${TASKS}/086-lambda-invoke-with-retry-base.json`),
      recording(`${TASKS}/087-lambda-invoke-with-retry-extended-input.json`),
      recording(`${TASKS}/088-lambda-service-invoke-with-retry-extended-input.json`),
    ],
    caveat: 'the page lists the field without saying what it counts; the recordings retry by one retrier',
  },
  {
    id: 'sfn.context.retry-count-retriers',
    claim:
      'Whether State.RetryCount counts the retries of every retrier of the state or of the one retrying is not known: where a request reads it after retries by two retriers, the oracle predicts nothing',
    kind: 'inferred',
    undecided: true,
    sources: [page(`${DG}/input-output-contextobject.html`, 'Context object fields')],
  },
  {
    id: 'asl.task-failed-wildcard',
    claim:
      'States.TaskFailed matches every error name but States.Timeout; States.ALL every one but States.Runtime',
    kind: 'documented',
    sources: [page(ERRORS, 'Error names')],
  },
  {
    id: 'asl.runtime-uncatchable',
    claim: 'States.Runtime is never retried or caught',
    kind: 'documented',
    sources: [page(ERRORS, 'Error names (States.Runtime)')],
  },
  {
    id: 'sfn.jsonata.evaluation',
    claim:
      "A state whose QueryLanguage is JSONata evaluates its {% %} expressions (Arguments, Output, Assign, Condition, Items) with JSONata, the state's data in $states",
    kind: 'documented',
    sources: [page(`${DG}/transforming-data.html`, 'Transforming data with JSONata')],
  },
  {
    id: 'asl.data-flow',
    claim:
      "InputPath, Parameters / Arguments, ResultSelector, ResultPath, OutputPath (JSONPath) and Output, Assign (JSONata) shape a state's input and output as documented",
    kind: 'documented',
    sources: [
      page(`${DG}/concepts-input-output-filtering.html`, 'Processing input and output'),
      page(`${DG}/workflow-variables.html`, 'Variables and their scope'),
      page(`${DG}/transforming-data.html`, 'Transforming data with JSONata'),
      recording(`${TASKS}/024-result-selector.json`),
      recording(`${TASKS}/054-raise-exception-catch-output-path-payload.json`),
      recording(`${TASKS}/141-lambda-task-filter-parameters-input.json`),
    ],
  },
  {
    id: 'asl.task-timeout',
    claim: 'A task that runs past its TimeoutSeconds fails with States.Timeout',
    kind: 'documented',
    sources: [
      page(`${DG}/state-task.html`, 'Task state fields: TimeoutSeconds'),
      page(ERRORS, 'Error names (States.Timeout)'),
      recording(`${TASKS}/175-fixed-timeout-lambda.json`),
    ],
  },
  {
    id: 'asl.heartbeat-timeout-error',
    claim:
      "A task that misses its heartbeat fails with States.Timeout (the history's error), which States.HeartbeatTimeout also matches in Retry and Catch",
    kind: 'documented',
    sources: [
      page(ERRORS, 'Error names (States.Timeout, States.HeartbeatTimeout)'),
      recording(`${TASKS}/170-heartbeat-timeout.json`),
    ],
  },
  {
    id: 'asl.machine-timeout',
    claim: "An execution that runs past the state machine's TimeoutSeconds (or a year) ends TIMED_OUT",
    kind: 'documented',
    sources: [
      page(ASL, 'Top-level fields: TimeoutSeconds'),
      page(`${DG}/service-quotas.html`, 'Quotas related to state machine executions: maximum execution time'),
    ],
  },
  {
    id: 'sfn.timed-out-no-error',
    claim:
      'DescribeExecution of a timed-out execution has no error or cause (its ExecutionTimedOut event has them)',
    kind: 'observed',
    sources: [
      report(
        'floci-io/floci#2733',
        'DescribeExecution of an execution timed out on AWS has no error or cause',
      ),
    ],
  },
  {
    id: 'sfn.stop-execution',
    claim: 'StopExecution aborts the running task: the execution ends ABORTED',
    kind: 'documented',
    sources: [page(`${SFN_API}/API_StopExecution.html`, 'Description')],
  },
  {
    id: 'sfn.history.aborted-task',
    claim:
      'An aborted or timed-out execution records TaskStateAborted for its running task before ExecutionAborted / ExecutionTimedOut',
    kind: 'inferred',
    sources: [model('stepfunctions shapes.HistoryEventType')],
    caveat: 'the order of the events is not documented',
  },
  {
    id: 'asl.intrinsic.format',
    claim:
      "States.Format replaces each {} of its template with its arguments in order; in the template \\{, \\}, \\\\ and \\' stand for the character itself",
    kind: 'documented',
    sources: [
      page(`${DG}/intrinsic-functions.html`, 'Intrinsic for generic operation: States.Format'),
      page(`${DG}/intrinsic-functions.html`, 'Reserved characters in intrinsic functions'),
    ],
  },
  {
    id: 'asl.intrinsic.format-number',
    claim: 'States.Format writes a number argument as JSON has it: 1 as 1, 1.1 as 1.1',
    kind: 'observed',
    sources: [recording(`${RECORDED}/357-format-1-4.json`), recording(`${RECORDED}/358-format-1-5.json`)],
  },
  {
    id: 'sfn.history.events',
    claim:
      'The event sequences of Task, Choice, Pass, Succeed, Fail, Map and Parallel states (TaskScheduled, TaskStarted, TaskSubmitted for .sync, MapIterationStarted ...)',
    kind: 'observed',
    sources: [
      recording(`${TASKS}/170-heartbeat-timeout.json`),
      recording(`${TASKS}/022-sync-with-task-token.json`),
      recording(`${RECORDED}/016-reference-in-map-state-map-state-reference-in-intrinsic-func.json`),
      recording(`${RECORDED}/409-parallel-state-parallel-state-parameters.json`),
    ],
  },
  {
    id: 'sfn.path-unresolved-runtime',
    claim:
      'A JSONPath ".$" reference that cannot be resolved fails the execution with States.Runtime: "The JSONPath ... specified for the field ... could not be found in the input ..."',
    kind: 'observed',
    sources: [
      recording(`${RECORDED}/459-invalid-jsonpath-invalid-jsonpath-in-string-expr-contextpath.json`),
      recording(`${RECORDED}/460-invalid-jsonpath-st-invalid-jsonpath-in-causepath.json`),
    ],
    caveat: 'the ASL specification names States.ParameterPathFailure for this; AWS raises States.Runtime',
  },
  {
    id: 'sfn.jsonata-undefined',
    claim:
      'A JSONata expression of Arguments that returns nothing fails with States.QueryEvaluationError, which can be retried and caught',
    kind: 'documented',
    sources: [
      page(ERRORS, 'Error names (States.QueryEvaluationError)'),
      recording(`${RECORDED}/018-undefined-reference-base-undefined-output.json`),
    ],
  },
] as const satisfies readonly EvidenceEntry[];
