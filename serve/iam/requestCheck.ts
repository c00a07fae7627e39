/**
 * An IAM request checked against the IAM API model (required members, lengths, patterns, list
 * sizes, ranges), with IAM's error: `ValidationError` (HTTP 400), `N validation error(s) detected:
 * Value 'x' at 'roleName' failed to satisfy constraint: ...`, members named in lower camel case and
 * a missing one as `Value null at ...`. Observed: the code and this wording in public reports (a
 * role name too long: "Value '...' at 'roleName' failed to satisfy constraint: Member must have
 * length less than or equal to 64"; STS's AssumeRole words its own the same way), and for a role
 * name of characters the pattern refuses, IAM's own sentence ("The specified value for roleName is
 * invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-", from
 * GetRole). `Value null` for a missing member is inferred (AWS's other services word it so).
 */
import { IAM_MODEL } from '../../apimodel/iamModel.generated.js';
import { RequestValidator } from '../../validation/validateRequest.js';
import { AwsError } from '../protocol/json.js';
import { violationsMessage } from '../protocol/violations.js';

const validator = new RequestValidator(IAM_MODEL);

/** `RoleName` as IAM's messages name it: `roleName`. */
const lowerCamel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** Throws IAM's ValidationError for a request the API model refuses; returns quietly otherwise. */
export function checkIamRequest(operation: string, input: Record<string, unknown>): void {
  const violations = validator.validate(operation, input).filter((v) => v.constraint !== 'unknown-field');
  if (violations.length === 0) return;
  if (violations.some((v) => v.path === '/RoleName' && v.constraint === 'pattern'))
    throw new AwsError(
      'ValidationError',
      'The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
    );
  throw new AwsError(
    'ValidationError',
    violationsMessage(IAM_MODEL, operation, input, violations, { memberName: lowerCamel, quoteValue: true }),
  );
}
