/** sweep's calls go the target's own way: a throttle or a server error is waited out, not the end of the sweep. */
import { IAMClient, ListRolesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import {
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  ListHyperParameterTuningJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AwsTarget } from './awsTarget.js';
import { ROLE_PATH, TAG_KEY } from './naming.js';
import { findLeftovers } from './sweep.js';
import { bareClients } from './testing/bareClients.js';

describe('sweep', () => {
  it('waits out a throttled ListRoleTags and a 503, and finds the leftover role', async () => {
    const iam = mockClient(IAMClient);
    const sfn = mockClient(SFNClient);
    const sagemaker = mockClient(SageMakerClient);
    iam.on(ListRolesCommand).resolves({
      Roles: [
        {
          RoleName: 'sfnc-run1-0',
          Path: ROLE_PATH,
          Arn: 'arn:aws:iam::123456789012:role/x',
          RoleId: 'r',
          CreateDate: new Date(0),
        },
      ],
    });
    const throttle = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
    const unavailable = Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    iam
      .on(ListRoleTagsCommand)
      .rejectsOnce(throttle)
      .rejectsOnce(unavailable)
      .resolves({ Tags: [{ Key: TAG_KEY, Value: 'run1' }] });
    sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [] });
    for (const command of [
      ListTrainingJobsCommand,
      ListProcessingJobsCommand,
      ListTransformJobsCommand,
      ListHyperParameterTuningJobsCommand,
    ])
      sagemaker.on(command as never).resolves({} as never);
    sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [] });
    sagemaker.on(ListEndpointConfigsCommand).resolves({ EndpointConfigs: [] });
    sagemaker.on(ListModelsCommand).resolves({ Models: [] });
    let t = 0;
    const target = new AwsTarget({
      kind: 'endpoint',
      region: 'us-east-1',
      runId: 'sweep1',
      clients: bareClients(),
      clock: { now: () => t, sleep: async (ms) => void (t += ms) },
    });
    // The bare clients are what sweep had before: one throttle ended it.
    await expect(findLeftovers(target.clients, { runId: 'run1' })).rejects.toThrow('Rate exceeded');
    iam
      .on(ListRoleTagsCommand)
      .rejectsOnce(throttle)
      .rejectsOnce(unavailable)
      .resolves({ Tags: [{ Key: TAG_KEY, Value: 'run1' }] });
    const found = await findLeftovers(target.retryingClients, { runId: 'run1' });
    expect(found.map((l) => `${l.kind} ${l.name}`)).toEqual(['role sfnc-run1-0']);
    const { throttles = 0, transientRetries = 0 } = target.summary();
    expect(throttles + transientRetries).toBeGreaterThan(0);
    iam.restore();
    sfn.restore();
    sagemaker.restore();
  });
});
