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
import { AwsError } from '../protocol/json.js';
import { requestChecker } from '../protocol/requestCheck.js';

/** The model's check in IAM's words: the value quoted, the member in lower camel case. */
const checkAgainstModel = requestChecker(IAM_MODEL, {
  quotesValue: true,
  anchorsPattern: false,
  errorCode: 'ValidationError',
});

/** A role name as the model's pattern has it, whole. */
const ROLE_NAME = new RegExp(`^(?:${IAM_MODEL.shapes.roleNameType!.pattern!})$`, 'u');

/** Throws IAM's ValidationError for a request the API model refuses; returns quietly otherwise. */
export function checkIamRequest(operation: string, input: Record<string, unknown>): void {
  const roleName = input.RoleName;
  if (typeof roleName === 'string' && roleName !== '' && !ROLE_NAME.test(roleName))
    throw new AwsError(
      'ValidationError',
      'The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
    );
  checkAgainstModel(operation, input);
}
