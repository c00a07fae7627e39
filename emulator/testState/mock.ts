/**
 * A TestState request's `mock`: the result or the error that stands for the tested state's
 * invocation (a Task's call, a Map's iterations, a Parallel's branches), checked as Step Functions
 * checks it before running the state.
 *
 * Documented (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html and
 * API_MockInput.html): a mock is for Task, Map and Parallel states only; `result` is a JSON string,
 * `errorOutput` an `error` (required) and a `cause`; `fieldValidationMode` is STRICT by default
 * (mockShape.ts). Observed (AWS's answers recorded in LocalStack's TestState snapshots,
 * github.com/localstack/localstack tests/aws/services/stepfunctions/v2/test_state/test_state_mock_validation.snapshot.json):
 * the ValidationException messages for a mock on a Pass, Fail or Succeed state, for both `result`
 * and `errorOutput`, for `revealSecrets` with a mock, for a Map's result that is not an array (a
 * JSON object with a ResultWriter) and for a Parallel's result that is not an array of one item per
 * branch. Inferred: the messages for a mock on a Choice or Wait state (the same as Pass's), for a
 * mock with neither member, an `errorOutput` without `error`, and a `result` that is not JSON.
 */
import type { StateDefinition } from '../engine/states/definitions.js';
import { checkMockedShape, type FieldValidationMode } from './mockShape.js';
import { invalid } from './refusal.js';

/** The `mock` member of a TestState request (MockInput). */
export interface MockInput {
  readonly result?: string;
  readonly errorOutput?: { readonly error?: string; readonly cause?: string };
  readonly fieldValidationMode?: FieldValidationMode;
}

/** What stands for the state's invocation: its result, or its error. */
export type MockedAnswer =
  | { readonly kind: 'result'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: string; readonly cause: string };

/** The state types a mock may answer. */
const MOCKABLE: ReadonlySet<string> = new Set(['Task', 'Map', 'Parallel']);

/** A mock's answer for a state, checked; throws AWS's ValidationException for a mock it refuses. */
export function mockedAnswer(mock: MockInput, state: StateDefinition, revealSecrets: boolean): MockedAnswer {
  if (!MOCKABLE.has(state.Type))
    throw invalid(`State type '${state.Type}' is not supported when a mock is specified`);
  if (revealSecrets) throw invalid('TestState does not support RevealSecrets when a mock is specified.');
  if (mock.result !== undefined && mock.errorOutput !== undefined)
    throw invalid('A test mock should have only one of the following fields: [result, errorOutput].');
  if (mock.errorOutput !== undefined) {
    const { error, cause } = mock.errorOutput;
    if (error === undefined)
      throw invalid('A test mock errorOutput should have an error: mock.errorOutput.error is required.');
    return { kind: 'error', error, cause: cause ?? '' };
  }
  if (mock.result === undefined)
    throw invalid('A test mock should have one of the following fields: [result, errorOutput].');
  let value: unknown;
  try {
    value = JSON.parse(mock.result);
  } catch (e) {
    throw invalid(`Mocked result must be valid JSON: ${(e as Error).message}`);
  }
  if (state.Type === 'Map') {
    if ('ResultWriter' in state) {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw invalid('Mocked result must be a JSON object.');
    } else if (!Array.isArray(value)) throw invalid('Mocked result must be an array.');
  } else if (state.Type === 'Parallel') {
    if (!Array.isArray(value)) throw invalid('Mocked result must be an array.');
    if (value.length !== (state.Branches ?? []).length)
      throw invalid('Mocked result must contain the same number of items as number of Parallel branches.');
  } else if (state.Type === 'Task') {
    checkMockedShape(state.Resource, value, mock.fieldValidationMode ?? 'STRICT');
  }
  return { kind: 'result', value };
}
