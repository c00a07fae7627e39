/**
 * The ARNs the Step Functions API takes, checked as the service checks them before it looks the
 * resource up: a malformed ARN, or one of another resource type, is InvalidArn.
 */
import { AwsError } from '../protocol/json.js';

const STATE_MACHINE = /^arn:aws(-cn|-us-gov)?:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION = /^arn:aws(-cn|-us-gov)?:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/;
const ROLE = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/.+$/;

const KINDS = { stateMachine: STATE_MACHINE, execution: EXECUTION, role: ROLE } as const;

/** Throws InvalidArn unless `arn` is an ARN of that kind (a state machine, an execution, an IAM role). */
export function checkArn(arn: string, kind: keyof typeof KINDS): string {
  if (!KINDS[kind].test(arn)) throw new AwsError('InvalidArn', `Invalid Arn: '${arn}'`);
  return arn;
}
