/**
 * A Step Functions request checked against the API model (required members, lengths, ranges, enums,
 * list sizes), with AWS's errors: ValidationException (`N validation error(s) detected: Value at
 * '<member>' failed to satisfy constraint: Member must ...`), SerializationException for a value of
 * the wrong JSON type. Members the model has and the emulator does not use are taken and ignored;
 * members the model lacks are ignored, as newer SDKs may send them.
 */
import { STEP_FUNCTIONS_MODEL } from '../../apimodel/stepFunctionsModel.generated.js';
import { RequestValidator } from '../../validation/validateRequest.js';
import { AwsError } from '../protocol/json.js';
import { memberPath, violationsMessage } from '../protocol/violations.js';

const validator = new RequestValidator(STEP_FUNCTIONS_MODEL);

/** Throws AWS's error for a request the API model refuses; returns quietly otherwise. */
export function checkRequest(operation: string, input: Record<string, unknown>): void {
  const violations = validator.validate(operation, input).filter((v) => v.constraint !== 'unknown-field');
  if (violations.length === 0) return;
  const wrongType = violations.find((v) => v.constraint === 'type');
  if (wrongType)
    throw new AwsError(
      'SerializationException',
      `Value at '${memberPath(wrongType.path)}' ${wrongType.message}`,
    );
  throw new AwsError(
    'ValidationException',
    violationsMessage(STEP_FUNCTIONS_MODEL, operation, input, violations, { quoteValue: false }),
  );
}
