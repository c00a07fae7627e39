/**
 * A mocked result checked against the output shape of the API the Task calls, as TestState's
 * `mock.fieldValidationMode` asks (https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html):
 * STRICT, every required field present and every present field of the right shape; PRESENT, the
 * present fields only; NONE, nothing.
 *
 * The shapes are the SageMaker API model's (apimodel/sagemakerModel.generated.ts): a request-response
 * Task's result is its Create/Update operation's response, a `.sync` Task's the Describe response of
 * its job. Other resources' results are not checked: the emulator has no model of their APIs.
 *
 * Observed (AWS's answers recorded in LocalStack's TestState snapshots,
 * github.com/localstack/localstack tests/aws/services/stepfunctions/v2/test_state/test_field_validation_mode.snapshot.json):
 * a failed check is a ValidationException `Mock result schema validation error: ...` naming one
 * field by its member name (`Required field 'ExecutionArn' is missing`, `Field 'Entries' must be an
 * array`, `... must be a string` / `a number`, `... is not an expected value`, `... is smaller than
 * the minimum length`, `... is less than the minimum value`, `... exceeds the maximum value`); fields
 * the model does not have are not checked; a timestamp must be a string (a number or a boolean for
 * StartExecution's `StartDate` is refused). Inferred: the wording of the checks no recording shows
 * (a string too long, a list too short or too long, a boolean, an object), that SageMaker's
 * timestamps are held to text as Step Functions' are, and that patterns are not checked.
 */
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import type { Shape } from '../../apimodel/shape.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import { isObject, unescapePointerSegment } from '../../syntax/json.js';
import { RequestValidator, type Violation } from '../../validation/validateRequest.js';
import { parseSageMakerResource } from '../sagemaker/integration.js';
import { invalid } from './refusal.js';

/** How strictly a mocked result is checked (MockResponseValidationMode). */
export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

/** The validator of mocked results: the SageMaker model, timestamps as text. */
const validator = new RequestValidator(SAGEMAKER_MODEL, false, true);

/** The output shape of a Task's resource, where the emulator has the API's model. */
export function outputShapeOf(resource: string): string | undefined {
  const parsed = parseSageMakerResource(resource);
  if (!parsed) return undefined;
  const job = SAGEMAKER_APIS[parsed.api].job;
  const operation = parsed.sync && job ? job.describeAction.value.replace(/^sagemaker:/, '') : parsed.api;
  return SAGEMAKER_MODEL.operations[operation]?.output;
}

/** The segments of a JSON pointer. */
const segmentsOf = (pointer: string): string[] =>
  pointer === '' || pointer === '/' ? [] : pointer.split('/').slice(1).map(unescapePointerSegment);

/**
 * The member name a violation's pointer ends at (list indexes and map keys belong to the member
 * holding them), and the value there.
 */
function fieldAt(root: string, pointer: string, result: unknown): { field: string; value: unknown } {
  let shape: Shape | undefined = SAGEMAKER_MODEL.shapes[root];
  let field = '';
  let value = result;
  for (const segment of segmentsOf(pointer)) {
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
    if (shape?.type === 'structure') field = segment;
    const next: string | undefined =
      shape?.type === 'structure'
        ? shape.members?.[segment]
        : shape?.type === 'list'
          ? shape.member
          : shape?.value;
    shape = next === undefined ? undefined : SAGEMAKER_MODEL.shapes[next];
  }
  return { field, value };
}

/** What a violated shape says, in AWS's words. */
function wording(v: Violation, value: unknown): string {
  const shape = v.shape === undefined ? undefined : SAGEMAKER_MODEL.shapes[v.shape];
  const below = (measured: number) => shape?.min !== undefined && measured < shape.min;
  switch (v.constraint) {
    case 'type':
      switch (shape?.type) {
        case 'list':
          return 'must be an array';
        case 'structure':
        case 'map':
          return 'must be an object';
        case 'integer':
        case 'long':
        case 'float':
        case 'double':
          return 'must be a number';
        case 'boolean':
          return 'must be a boolean';
        default:
          return 'must be a string';
      }
    case 'enum':
      return 'is not an expected value';
    case 'length':
      return below([...String(value)].length)
        ? 'is smaller than the minimum length'
        : 'is larger than the maximum length';
    case 'range':
      return below(Number(value)) ? 'is less than the minimum value' : 'exceeds the maximum value';
    case 'size': {
      const count = Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0;
      return below(count) ? 'has fewer items than the minimum' : 'has more items than the maximum';
    }
    default:
      return v.message;
  }
}

/**
 * Throws AWS's ValidationException where a Task's mocked result breaks its API's output shape in
 * the given mode; returns quietly for NONE, a shape that holds, or a resource without a model.
 */
export function checkMockedShape(resource: string, result: unknown, mode: FieldValidationMode): void {
  if (mode === 'NONE') return;
  const root = outputShapeOf(resource);
  if (root === undefined) return;
  if (!isObject(result))
    throw invalid('Mock result schema validation error: The mocked result must be a JSON object');
  const violation = validator
    .validateShape(root, result)
    .find(
      (v) =>
        v.constraint !== 'unknown-field' &&
        v.constraint !== 'pattern' &&
        (mode === 'STRICT' || v.constraint !== 'required'),
    );
  if (!violation) return;
  const { field, value } = fieldAt(root, violation.path, result);
  throw invalid(
    violation.constraint === 'required'
      ? `Mock result schema validation error: Required field '${field}' is missing`
      : `Mock result schema validation error: Field '${field}' ${wording(violation, value)}`,
  );
}
