/**
 * The API families whose quotas throttle on their own (docs/aws-target.md, "Quotas, retries and
 * concurrency"): Step Functions' execution APIs (StartExecution, the history and describe reads,
 * StopExecution), its control plane (state machines, tags, TestState), IAM, SageMaker and STS. A
 * throttle of one family slows that family's calls, not the others'.
 */
import { IAM_MODEL } from '../../../apimodel/iamModel.generated.js';
import { SAGEMAKER_MODEL } from '../../../apimodel/sagemakerModel.generated.js';

/** A family of APIs that shares its throttling. */
export type ApiFamily = 'executions' | 'stateMachines' | 'iam' | 'sagemaker' | 'sts';

/** The Step Functions APIs an execution's life calls (each its own bucket in Step Functions' quotas). */
const EXECUTION_APIS = new Set([
  'StartExecution',
  'DescribeExecution',
  'GetExecutionHistory',
  'StopExecution',
  'ListExecutions',
]);

/** The family of an API the AWS target calls, by its operation name. */
export function familyOf(api: string): ApiFamily {
  if (EXECUTION_APIS.has(api)) return 'executions';
  if (api === 'GetCallerIdentity') return 'sts';
  if (IAM_MODEL.operations[api]) return 'iam';
  if (SAGEMAKER_MODEL.operations[api] || /^(List\w+Jobs|Describe\w+Job|Stop\w+Job)$/.test(api))
    return 'sagemaker';
  return 'stateMachines';
}
