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
