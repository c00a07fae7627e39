/**
 * The TestState lane's prediction: each SageMaker Task state of a case tested alone through Step
 * Functions' TestState API (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html),
 * its SageMaker answer mocked. For each state the outcome oracle's execution reaches with an input
 * it knows, two calls: one with the SageMaker result mocked (the request Parameters or Arguments
 * make, ResultSelector, ResultPath, OutputPath or Output), and one with an error mocked (which
 * retrier or catcher takes it, the next state, the output a catcher makes).
 *
 * What reaches a state is what the outcome oracle predicts reaches it (for the first, the
 * execution input); a state it does not reach, reaches with a value it does not know exactly (a
 * cause it knows only in part, a job's time of day) or after it left the execution undecided, is
 * not tested. The mocked result is the integration's: a request-response task's Create call's
 * answer (its ARN), a `.sync` task's Describe result as the oracle predicts it. The mocked error
 * and the retries already made are drawn from the case's id and the state's name, so a case
 * always makes the same calls. Every rule is the outcome oracle's (planWalk.ts, syncResult.ts).
 */
import { rule, weakest, type Provenance } from '../../catalog/provenance.js';
import type { Case } from '../../contracts/case.js';
import { planTasks, type TaskPlan } from '../../contracts/casePlan.js';
import { CauseMatch, ClockTime, EXECUTION_ARN, leaves, type Prediction } from '../../contracts/prediction.js';
import { caughtOutput, retryWait, taskOutputSteps, type TaskVisit } from '../outcome/planWalk.js';
import { predictExecution } from '../outcome/predictExecution.js';
import { getPath } from '../outcome/resolveValue.js';
import { flowRule, matches, RULES } from '../outcome/rules.js';
import { syncResult } from '../outcome/syncResult.js';
import { requestResponseResult } from '../outcome/world.js';
import { RETRY_DEFAULTS } from '../../catalog/stepFunctionsLimits.js';

/** The rules of the TestState API the lane's predictions rest on (catalog/evidence/asl.ts). */
const TEST_STATE = {
  inspection: rule('sfn.test-state.inspection'),
  errorHandling: rule('sfn.test-state.error-handling'),
  backoff: rule('sfn.test-state.retry-backoff'),
} as const;

/** An error SageMaker's integration raises (the oracle's denial and its service errors), mocked where the state names none. */
const SAGEMAKER_ERROR = 'SageMaker.AmazonSageMakerException';

/** Where a mocked `.sync` job's times are put: epoch ms of a fixed day, plus the oracle's offsets. */
const MOCK_EPOCH_MS = Date.UTC(2025, 0, 1);

/** What the SageMaker invocation of a tested state is mocked with. */
export type StateMock =
  | {
      readonly result: unknown;
      /** STRICT for a Create call's answer; NONE for a `.sync` Describe result, of which the oracle predicts only part. */
      readonly fieldValidationMode: 'STRICT' | 'NONE';
    }
  | { readonly errorOutput: { readonly error: string; readonly cause: string } };

/** One TestState call of the lane: the state, what it is sent, and the answer predicted. */
export interface StateTest {
  readonly state: string;
  /** `result`: the SageMaker result mocked; `error`: an error mocked. */
  readonly kind: 'result' | 'error';
  /** The state's input: what the outcome oracle predicts reaches it. */
  readonly input: unknown;
  /** The workflow variables in scope, where there are any. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The Context object the request reads (the execution's name and input, the attempt's retry count). */
  readonly context: Readonly<Record<string, unknown>>;
  readonly mock: StateMock;
  /** `stateConfiguration.retrierRetryCount`: the retries made before this attempt (absent: none). */
  readonly retrierRetryCount?: number;
  /** The answer's members predicted, as JSON values (payloads parsed): status, inspection, nextState... */
  readonly expected: Readonly<Record<string, unknown>>;
  /** The rules the expected answer rests on. */
  readonly provenance: Provenance;
}

/** The lane's calls for a case, and why each state it does not test is left out. */
export interface StateTestPlan {
  readonly tests: readonly StateTest[];
  /** `state: why`, for each SageMaker task not tested. */
  readonly untested: readonly string[];
  /** The outcome oracle's prediction of the whole execution (the inputs come from it). */
  readonly execution: Prediction;
}

/** FNV-1a of a text: the seeded draws of a state's mock. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Whether a predicted value is a plain JSON value the oracle knows exactly (no pattern, no placeholder). */
function exact(value: unknown): boolean {
  if (value instanceof CauseMatch || value instanceof ClockTime) return false;
  if (typeof value === 'string') return !value.includes(EXECUTION_ARN);
  if (Array.isArray(value)) return value.every(exact);
  if (value !== null && typeof value === 'object') return Object.values(value).every(exact);
  return true;
}

/** A predicted value with its times of day made epoch ms of the mock's fixed day. */
function concrete(value: unknown): unknown {
  if (value instanceof ClockTime) return MOCK_EPOCH_MS + value.afterStartMs;
  if (Array.isArray(value)) return value.map(concrete);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, concrete(v)]));
  return value;
}

/** The SageMaker result the integration returns for the task: the Create call's answer, or the completed job's Describe result. */
function mockedResult(task: TaskPlan, visit: TaskVisit): StateMock {
  if (task.pattern !== 'sync')
    return { result: requestResponseResult(task, visit.arn), fieldValidationMode: 'STRICT' };
  const described = syncResult(task, visit.request, visit.arn, false, {
    createdMs: 0,
    endedMs: 60_000,
    jitterMs: 0,
  });
  return { result: concrete(described), fieldValidationMode: 'NONE' };
}

/** The state's answer with its result mocked: its input and output processing, and its output. */
function resultTest(visit: TaskVisit, context: Record<string, unknown>): StateTest {
  const { task, raw, request } = visit;
  const mock = mockedResult(task, visit);
  const result = 'result' in mock ? mock.result : undefined;
  const steps = taskOutputSteps(task, raw, result);
  const expected: Record<string, unknown> =
    task.queryLanguage === 'JSONata'
      ? { status: 'SUCCEEDED', afterArguments: request, output: steps.output }
      : {
          status: 'SUCCEEDED',
          afterInputPath: task.inputPath ? getPath(raw, task.inputPath) : raw,
          afterParameters: request,
          afterResultSelector: steps.afterResultSelector,
          afterResultPath: steps.afterResultPath,
          output: steps.output,
        };
  return {
    state: task.name,
    kind: 'result',
    input: raw,
    ...variablesOf(visit),
    context,
    mock,
    expected,
    provenance: weakest([TEST_STATE.inspection, flowRule(task.queryLanguage), RULES.dataFlow]),
  };
}

/**
 * The errors the state's retriers and catchers name, and SageMaker's: not the `States.` ones,
 * which Step Functions raises itself (a timeout, a heartbeat) rather than the integration's answer,
 * and which a mock of the answer does not stand for.
 */
function errorsOf(task: TaskPlan): string[] {
  const named = [...task.retry, ...task.catch].flatMap((handler) => handler.errorEquals);
  return [...new Set([...named.filter((name) => !name.startsWith('States.')), SAGEMAKER_ERROR])].sort();
}

/** The state's answer with an error mocked: which retrier or catcher takes it, and where it goes. */
function errorTest(visit: TaskVisit, context: Record<string, unknown>, seed: number): StateTest {
  const { task, raw } = visit;
  const errors = errorsOf(task);
  const error = errors[seed % errors.length]!;
  const cause = `mocked ${error} for state ${task.name}`;
  const used: Provenance[] = [TEST_STATE.errorHandling, RULES.retry, RULES.taskFailed];
  const r = task.retry.findIndex((retrier) => matches(retrier.errorEquals, error));
  const retrier = task.retry[r];
  const maxAttempts = retrier ? (retrier.maxAttempts ?? RETRY_DEFAULTS.value.maxAttempts) : 0;
  // Half the states that retry the error have spent their retries: the catchers then decide.
  const retriesMade = retrier && maxAttempts > 0 && (seed >>> 8) % 2 === 1 ? maxAttempts : 0;
  let expected: Record<string, unknown>;
  if (retrier && retriesMade < maxAttempts) {
    const seconds = retryWait(retrier, retriesMade) / 1000;
    const backoff = retrier.jitterStrategy !== 'FULL' && Number.isInteger(seconds);
    if (backoff) used.push(TEST_STATE.backoff);
    expected = {
      status: 'RETRIABLE',
      errorDetails: { retryIndex: r, ...(backoff ? { retryBackoffIntervalSeconds: seconds } : {}) },
    };
  } else {
    const catcher = task.catch.find((candidate) => matches(candidate.errorEquals, error));
    expected = catcher
      ? {
          status: 'CAUGHT_ERROR',
          errorDetails: { catchIndex: task.catch.indexOf(catcher) },
          nextState: catcher.target.state,
          output: caughtOutput(task, raw, catcher, { Error: error, Cause: cause }),
        }
      : { status: 'FAILED', error, cause };
  }
  return {
    state: task.name,
    kind: 'error',
    input: raw,
    ...variablesOf(visit),
    context: { ...context, State: { ...(context.State as object), RetryCount: retriesMade } },
    mock: { errorOutput: { error, cause } },
    ...(retriesMade > 0 ? { retrierRetryCount: retriesMade } : {}),
    expected,
    provenance: weakest(used),
  };
}

const variablesOf = (visit: TaskVisit) =>
  Object.keys(visit.variables).length > 0 ? { variables: visit.variables } : {};

/** The lane's TestState calls for a case, each with its predicted answer. */
export function stateTestPlan(theCase: Case): StateTestPlan {
  const visits = new Map<string, TaskVisit>();
  const execution = predictExecution(theCase, (visit) => {
    if (!visits.has(visit.task.name)) visits.set(visit.task.name, visit);
  });
  const tests: StateTest[] = [];
  const untested: string[] = [];
  for (const task of planTasks(theCase.plan.flow)) {
    const visit = visits.get(task.name);
    const why = !execution.created.value
      ? 'the oracle predicts CreateStateMachine refuses the definition'
      : !visit
        ? 'the execution the oracle predicts does not reach it with a request that resolves'
        : visit.undecided
          ? 'the oracle leaves the execution undecided before it'
          : !exact(visit.raw) || !exact(visit.request) || !exact(visit.variables)
            ? 'the oracle knows what reaches it only in part (a cause, a time of day, an execution ARN)'
            : undefined;
    if (why !== undefined || !visit) {
      untested.push(`${task.name}: ${why}`);
      continue;
    }
    const context = {
      Execution: { Name: theCase.executionName, Input: theCase.input },
      State: { Name: task.name, RetryCount: 0 },
    };
    const seed = hash(`${theCase.id}/${task.name}`);
    tests.push(resultTest(visit, context), errorTest(visit, context, seed));
  }
  return { tests, untested, execution };
}

/** What the lane predicts for a case: each tested state's answers, by state and kind, as the output. */
export function predictTestState(theCase: Case): Prediction {
  const plan = stateTestPlan(theCase);
  // The rules of the answers: what reaches a state is the outcome oracle's prediction of the
  // execution, which the lane does not test (a state it does not know the input of is not tested).
  const provenance = weakest([...plan.tests.map((t) => t.provenance), TEST_STATE.inspection]);
  const answers: Record<string, Record<string, unknown>> = {};
  for (const test of plan.tests) (answers[test.state] ??= {})[test.kind] = test.expected;
  return {
    created: { value: true, provenance },
    calls: { value: [], provenance },
    status: { value: 'SUCCEEDED', provenance },
    error: { value: null, provenance },
    ...(plan.tests.length > 0
      ? { output: { value: leaves(answers), provenance } }
      : {
          undecided: {
            value: `no SageMaker state is tested alone: ${plan.untested.join('; ') || 'the definition has none'}`,
            provenance: TEST_STATE.inspection,
          },
        }),
    trace: { jobs: [], createErrors: 0, validated: false },
  };
}
