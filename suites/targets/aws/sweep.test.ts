/** sweep's calls go the target's own way: a throttle or a server error is waited out, not the end of the sweep. */
import { IAMClient, ListRolesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListLabelingJobsCommand,
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  ListHyperParameterTuningJobsCommand,
  SageMakerClient,
  StopHyperParameterTuningJobCommand,
  StopLabelingJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AwsTarget } from './awsTarget.js';
import { ROLE_PATH, TAG_KEY } from './naming.js';
import { deleteLeftover, findLeftovers, type Unlisted } from './sweep.js';
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
      ListLabelingJobsCommand,
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

  it('finds every SageMaker kind a run creates by its tag, stops running jobs and deletes the rest', async () => {
    const iam = mockClient(IAMClient);
    const sfn = mockClient(SFNClient);
    const sagemaker = mockClient(SageMakerClient);
    iam.on(ListRolesCommand).resolves({ Roles: [] });
    sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [] });
    const CreationTime = new Date(0);
    // Each kind lists one resource of the run and one of someone else's (untagged).
    const two = (noun: string, kind: string) =>
      [`${kind}-ours`, `${kind}-theirs`].map((name) => ({
        [`${noun}Name`]: name,
        [`${noun}Arn`]: `arn:aws:sagemaker:us-east-1:123456789012:${kind}/${name}`,
        CreationTime,
      }));
    const listed: [unknown, string, string, string][] = [
      [ListTrainingJobsCommand, 'TrainingJobSummaries', 'TrainingJob', 'training-job'],
      [ListProcessingJobsCommand, 'ProcessingJobSummaries', 'ProcessingJob', 'processing-job'],
      [ListTransformJobsCommand, 'TransformJobSummaries', 'TransformJob', 'transform-job'],
      [
        ListHyperParameterTuningJobsCommand,
        'HyperParameterTuningJobSummaries',
        'HyperParameterTuningJob',
        'hyper-parameter-tuning-job',
      ],
      [ListLabelingJobsCommand, 'LabelingJobSummaryList', 'LabelingJob', 'labeling-job'],
      [ListEndpointsCommand, 'Endpoints', 'Endpoint', 'endpoint'],
      [ListEndpointConfigsCommand, 'EndpointConfigs', 'EndpointConfig', 'endpoint-config'],
      [ListModelsCommand, 'Models', 'Model', 'model'],
    ];
    for (const [command, member, noun, kind] of listed)
      sagemaker.on(command as never).resolves({ [member]: two(noun, kind) } as never);
    sagemaker.on(ListTagsCommand).callsFake(({ ResourceArn }: { ResourceArn: string }) => ({
      Tags: ResourceArn.endsWith('-ours')
        ? [{ Key: TAG_KEY, Value: 'run2' }]
        : [{ Key: 'team', Value: 'ml' }],
    }));
    const removals = [
      StopTrainingJobCommand,
      StopProcessingJobCommand,
      StopTransformJobCommand,
      StopHyperParameterTuningJobCommand,
      StopLabelingJobCommand,
      DeleteEndpointCommand,
      DeleteEndpointConfigCommand,
      DeleteModelCommand,
    ];
    for (const command of removals) sagemaker.on(command as never).resolves({} as never);
    const clients = bareClients();
    const found = await findLeftovers(clients, { runId: 'run2' });
    expect(found.map((l) => `${l.kind} ${l.name}`)).toEqual([
      'trainingJob training-job-ours',
      'processingJob processing-job-ours',
      'transformJob transform-job-ours',
      'tuningJob hyper-parameter-tuning-job-ours',
      'labelingJob labeling-job-ours',
      'endpoint endpoint-ours',
      'endpointConfig endpoint-config-ours',
      'model model-ours',
    ]);
    // Only running jobs are listed: an ended one bills nothing.
    for (const [command] of listed.slice(0, 5))
      expect(sagemaker.commandCalls(command as never)[0]!.args[0].input).toMatchObject({
        StatusEquals: 'InProgress',
      });
    for (const leftover of found) await deleteLeftover(clients, leftover);
    const calls = sagemaker.calls().map((call) => {
      const command = call.args[0] as unknown as {
        constructor: { name: string };
        input: Record<string, unknown>;
      };
      return `${command.constructor.name.replace(/Command$/, '')} ${Object.values(command.input).join()}`;
    });
    expect(calls.filter((c) => /^(Stop|Delete)/.test(c))).toEqual([
      'StopTrainingJob training-job-ours',
      'StopProcessingJob processing-job-ours',
      'StopTransformJob transform-job-ours',
      'StopHyperParameterTuningJob hyper-parameter-tuning-job-ours',
      'StopLabelingJob labeling-job-ours',
      'DeleteEndpoint endpoint-ours',
      'DeleteEndpointConfig endpoint-config-ours',
      'DeleteModel model-ours',
    ]);
    iam.restore();
    sfn.restore();
    sagemaker.restore();
  });

  it('skips, with a note, a kind whose List call the target answers with a page it cannot read', async () => {
    const iam = mockClient(IAMClient);
    const sfn = mockClient(SFNClient);
    const sagemaker = mockClient(SageMakerClient);
    iam.on(ListRolesCommand).resolves({ Roles: [] });
    sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [] });
    sagemaker.onAnyCommand().resolves({});
    sagemaker.on(ListModelsCommand).resolves({
      Models: [
        {
          ModelName: 'm',
          ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/m',
          CreationTime: new Date(0),
        },
      ],
    });
    sagemaker.on(ListTagsCommand).resolves({ Tags: [{ Key: TAG_KEY, Value: 'run3' }] });
    // moto: HTTP 500 and an HTML page for a call it does not implement.
    const page = Object.assign(
      new Error(
        'Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
      ),
      {
        name: 'SyntaxError',
        $metadata: { httpStatusCode: 500 },
      },
    );
    sagemaker.on(ListLabelingJobsCommand).rejects(page);
    const notes: Unlisted[] = [];
    const found = await findLeftovers(bareClients(), { runId: 'run3' }, (u) => notes.push(u));
    expect(found.map((l) => `${l.kind} ${l.name}`)).toEqual(['model m']);
    expect(notes.map((n) => `${n.kind} ${n.call}`)).toEqual(['labelingJob ListLabelingJobs']);
    // Any other answer is the end of the sweep: what it would have found is not known.
    sagemaker
      .on(ListLabelingJobsCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(findLeftovers(bareClients(), { runId: 'run3' })).rejects.toThrow('denied');
    iam.restore();
    sfn.restore();
    sagemaker.restore();
  });
});
