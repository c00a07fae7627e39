/** How a Task's history events name its resource, for every integration alike. */

/**
 * The `resourceType` and `resource` of a Task's history events, as Step Functions writes them for
 * any resource: `arn:aws:states:::lambda:invoke` → `lambda`, `invoke`;
 * `arn:aws:states:::aws-sdk:s3:getObject` → `aws-sdk:s3`, `getObject`; a Lambda function ARN →
 * `lambda` and the ARN itself.
 */
export function describeResource(resource: string): { resourceType: string; resource: string } {
  const integration = /^arn:[a-z-]+:states:[a-z0-9-]*:\d*:(aws-sdk:[^:]+|[^:]+):(.+)$/.exec(resource);
  if (integration && !/^(activity|stateMachine|execution)$/.test(integration[1]!))
    return { resourceType: integration[1]!, resource: integration[2]! };
  const service = /^arn:[a-z-]+:([^:]+):/.exec(resource)?.[1];
  return { resourceType: service ?? resource, resource };
}

/** Which events record a Task's attempts: `Task*`, `LambdaFunction*` (a Lambda function ARN) or `Activity*`. */
export type TaskEventFamily = 'Task' | 'LambdaFunction' | 'Activity';

/**
 * The events of a Task's attempts, by its Resource: a Lambda function's ARN as Resource records
 * LambdaFunctionScheduled, Started, Succeeded, Failed, TimedOut; an activity's ARN records
 * ActivityScheduled, Started, Succeeded, Failed, TimedOut; every service integration records
 * TaskScheduled, Started, (Submitted), Succeeded, Failed, TimedOut (GetExecutionHistory's
 * HistoryEvent types).
 */
export function taskEventFamily(resource: string): TaskEventFamily {
  if (/^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:[^:]+(:[^:]+)?$/.test(resource))
    return 'LambdaFunction';
  if (/^arn:[a-z-]+:states:[a-z0-9-]+:\d{12}:activity:[^:]+$/.test(resource)) return 'Activity';
  return 'Task';
}
