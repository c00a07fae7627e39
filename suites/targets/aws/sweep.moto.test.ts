/**
 * The AWS target's leftovers against moto's server: what a run left behind on an endpoint (its
 * clean-up cut off, as in a crash) carries the run id, and sweep removes every kind of it that moto
 * keeps; a definition AWS refuses and moto accepts leaves no execution waiting. Needs
 * `moto_server` on PATH; skipped, with a message saying so, where it is absent.
 */
import { ListRolesCommand } from '@aws-sdk/client-iam';
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
} from '@aws-sdk/client-sagemaker';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../catalog/api.js';
import { runCli } from '../../../cli/main.js';
import { validCaseArb } from '../../../generators/case.js';
import { invalidCaseArb, withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';
import type { Case } from '../../../contracts/case.js';
import { evaluate } from '../../caseRun.js';
import { AwsTarget } from './awsTarget.js';
import { type AwsClients, makeClients, sendingThrough } from './clients.js';
import { TAG_KEY } from './naming.js';
import { predictedSeconds } from './prediction.js';
import { hasMoto, type MotoServer, startMoto } from './testing/motoServer.js';

const available = hasMoto();
if (!available) console.warn('SKIPPED: moto_server is not on PATH; sweep is not tested against moto');

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/theirs:1';
const ROLE = 'arn:aws:iam::123456789012:role/TheirSageMakerRole';

/** The literal value of a member of the case's first SageMaker request, wherever it is nested. */
function literal(theCase: Case, member: string): string | undefined {
  const task = findTasks(theCase.definition, theCase.stateMachineType).tasks[0];
  const state = task?.state as { Parameters?: unknown; Arguments?: unknown } | undefined;
  const m = new RegExp(`"${member}":"([^"{}]+)"`).exec(JSON.stringify(state?.Arguments ?? state?.Parameters));
  return m?.[1];
}

/** What a case references, created beforehand without the run's tag: someone else's, which sweep must leave. */
async function createReferenced(clients: AwsClients, api: Api, theCase: Case): Promise<boolean> {
  const model = literal(theCase, 'ModelName');
  if (api === 'CreateEndpointConfig' && model) {
    await clients.sagemaker.send(
      new CreateModelCommand({
        ModelName: model,
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE },
      }),
    );
    return true;
  }
  const config = literal(theCase, 'EndpointConfigName');
  if (api === 'CreateEndpoint' && config) {
    await clients.sagemaker.send(
      new CreateModelCommand({
        ModelName: `${config}-m`,
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE },
      }),
    );
    await clients.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: config,
        ProductionVariants: [
          {
            VariantName: 'v',
            ModelName: `${config}-m`,
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 1,
          },
        ],
      }),
    );
    return true;
  }
  return api !== 'CreateEndpointConfig' && api !== 'CreateEndpoint';
}

describe.skipIf(!available)('sweep on moto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(() => moto?.stop());

  it('removes every kind a crashed run left on an endpoint, by the run id; a second sweep finds nothing', async () => {
    const clients = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint: moto.endpoint });
    // A run whose clean-up never happens (killed): its role, SageMaker resources and (last case) state machine stay.
    let keepMachines = false;
    const crashed = sendingThrough(clients, (api, send) =>
      /^(Delete|Stop(?!Execution))/.test(api) && (api !== 'DeleteStateMachine' || keepMachines)
        ? Promise.reject(new Error('the run was killed before its clean-up'))
        : send(),
    );
    const runId = 'left1';
    const target = new AwsTarget({
      kind: 'endpoint',
      region: 'us-east-1',
      runId,
      endpoint: moto.endpoint,
      clients: crashed,
    });
    const apis: Api[] = [
      'CreateModel',
      'CreateEndpointConfig',
      'CreateEndpoint',
      'CreateTrainingJob',
      'CreateTransformJob',
    ];
    const succeeded = new Set<Api>();
    for (const api of apis)
      for (let i = 0; i < 6 && !succeeded.has(api); i++) {
        const c = withId(
          drawCase(
            validCaseArb({ api, shape: 'single', pattern: 'requestResponse', policy: 'predicted' }),
            1,
            i,
          ).value,
          { seed: 1, path: `m:${i}` },
        );
        const realised = target.realise(c);
        if (!('case' in realised)) continue;
        // moto waits Retry intervals in real time: quick cases only.
        if (predictedSeconds(realised.case) > 5) continue;
        // moto's States.Format does not read escaped braces (\{, \}: "Single '}' encountered").
        if (/\\\\[{}]/.test(JSON.stringify(realised.case.definition))) continue;
        if (!(await createReferenced(clients, api, realised.case))) continue;
        keepMachines = api === apis.at(-1);
        const observed = await target.execute(realised.case);
        if (observed.status === 'SUCCEEDED') succeeded.add(api);
      }
    expect([...succeeded]).toEqual(apis);
    const sm = clients.sagemaker;
    // moto answers ListTags of an untagged job with HTTP 500: no tags.
    const tagOf = (arn: string | undefined) =>
      sm.send(new ListTagsCommand({ ResourceArn: arn })).then(
        (answer) => answer.Tags?.find((t) => t.Key === TAG_KEY)?.Value,
        () => undefined,
      );
    // What the executions created carries the run id, jobs included.
    const jobs = [
      ...((await sm.send(new ListTrainingJobsCommand({}))).TrainingJobSummaries ?? []).map(
        (j) => j.TrainingJobArn,
      ),
      ...((await sm.send(new ListTransformJobsCommand({}))).TransformJobSummaries ?? []).map(
        (j) => j.TransformJobArn,
      ),
    ];
    expect(await Promise.all(jobs.map(tagOf))).toContain(runId);
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    const sweep = ['sweep', '--target', 'endpoint', '--endpoint', moto.endpoint, '--run-id', runId];
    expect(await runCli(sweep, io)).toBe(0);
    for (const kind of ['role', 'stateMachine', 'model', 'endpointConfig', 'endpoint'])
      expect(out).toMatch(new RegExp(`^deleted ${kind} \\S+ \\(run ${runId}\\)$`, 'm'));
    // moto does not implement ListLabelingJobs: a note, not a failure.
    expect(err).toMatch(/^note: labelingJobs not listed: the target answered ListLabelingJobs with /m);
    // What is someone else's (the referenced model and endpoint config, untagged) stays.
    const models = (await sm.send(new ListModelsCommand({}))).Models ?? [];
    expect(await Promise.all(models.map((m) => tagOf(m.ModelArn)))).not.toContain(runId);
    expect(models.length).toBeGreaterThan(0);
    const configs = (await sm.send(new ListEndpointConfigsCommand({}))).EndpointConfigs ?? [];
    expect(await Promise.all(configs.map((c) => tagOf(c.EndpointConfigArn)))).not.toContain(runId);
    expect((await sm.send(new ListEndpointsCommand({}))).Endpoints ?? []).toEqual([]);
    expect((await clients.sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []).toEqual([]);
    expect(
      (await clients.iam.send(new ListRolesCommand({ PathPrefix: '/sfn-conformance/' }))).Roles ?? [],
    ).toEqual([]);
    out = '';
    expect(await runCli(sweep, io)).toBe(0);
    expect(out).toBe('0 leftovers found, 0 deleted\n');
  });

  it('a `.waitForTaskToken` definition moto accepts is one `created` difference, with no execution left waiting', async () => {
    const target = new AwsTarget({
      kind: 'endpoint',
      region: 'us-east-1',
      runId: 'token1',
      endpoint: moto.endpoint,
    });
    const drawn = withId(drawCase(invalidCaseArb({}, ['resource']), 7, 1).value, { seed: 7, path: 'w:1' });
    expect(JSON.stringify(drawn.definition)).toContain('.waitForTaskToken');
    const realised = target.realise(drawn);
    if (!('case' in realised)) throw new Error(realised.skipped);
    const result = await evaluate(target, 'patterns', realised.case);
    expect(result.differences.map((d) => d.path)).toEqual(['created']);
    expect(result.observation).toEqual({ created: true });
    // The role and state machine are the run's: deleted when it ends.
    await target.finish();
    expect(target.summary()).toMatchObject({ stateMachinesDeleted: 1, rolesDeleted: 1, cleanupFailures: 0 });
  });
});
