/**
 * The AWS target against an AWS-compatible endpoint written by others: moto's server.
 * Needs `moto_server` on PATH (preinstalled on the project's machines and CI); skipped, with a
 * message saying so, where it is absent.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import {
  CreateModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
} from '@aws-sdk/client-sagemaker';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { ReportSchema } from '../../reports/report.js';
import { makeClients } from '../targets/aws/clients.js';
import { hasMoto, startMoto, type MotoServer } from '../targets/aws/testing/motoServer.js';

const available = hasMoto();
if (!available)
  console.warn('SKIPPED: moto_server is not on PATH; the AWS target is not tested against moto');

/** moto's model without a name (its ModelName was None): moto cannot delete it. */
const isMotoUnnamed = (m: { ModelName?: string; ModelArn?: string }): boolean =>
  m.ModelName === undefined && (m.ModelArn ?? '').endsWith(':model/None');

describe.skipIf(!available)('run --target endpoint against moto', () => {
  let moto: MotoServer;
  let endpoint: string;

  beforeAll(async () => {
    moto = await startMoto();
    endpoint = moto.endpoint;
  });

  afterAll(() => {
    moto?.stop();
  });

  it('gives every case a verdict, reports moto’s deviations as divergences and leaves nothing behind', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sfn-conformance-moto-')), 'report');
    let stdout = '';
    const code = await runCli(
      [
        'run',
        '--target',
        'endpoint',
        '--endpoint',
        endpoint,
        '--runs',
        '6',
        '--seed',
        '1',
        // moto's server is not safe under concurrent executions: StartExecution fails with HTTP 500
        // (a deep copy meets a lock) and its ASL parser can be left rejecting every later JSONPath
        // definition. One case at a time keeps the run about moto's semantics.
        '--concurrency',
        '1',
        '--shrink-budget',
        '0',
        '--report',
        dir,
      ],
      { stdout: (t) => (stdout += t), stderr: () => undefined },
    );
    expect(code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    expect(report.target).toMatchObject({ kind: 'endpoint', endpoint });
    expect(report.totals.cases).toBe(30);
    // Every case gets a verdict (undecided: the oracle predicts nothing where a rule nobody knows
    // decides the outcome), moto's deviations are divergences, and there are no harness errors.
    // moto fails most of these cases (unsupported .sync, an ASL parser it leaves broken): a case
    // that matches is not something to count on.
    expect(report.cases.every((c) => ['match', 'diverged', 'undecided', 'error'].includes(c.verdict))).toBe(
      true,
    );
    expect(report.totals.matched + report.totals.diverged + (report.totals.undecided ?? 0)).toBe(30);
    expect(report.totals.diverged).toBeGreaterThan(0);
    expect(report.totals.errored).toBe(0);
    // moto does not run `.sync` for SageMaker: a divergence, not an error.
    const sync = report.cases.filter((c) => c.pattern === 'sync' && c.verdict === 'diverged');
    expect(sync.length).toBeGreaterThan(0);
    expect(sync.some((c) => String(c.observed?.cause).includes('Unsupported sync'))).toBe(true);
    const stats = report.target.stats!;
    // A role for each distinct policy at most: each case's, and the canary's once, however often
    // it runs (before the first case, after each finding).
    expect(report.canary!.checks).toBeGreaterThan(1);
    expect(stats.rolesCreated).toBeLessThanOrEqual(30 + 1);
    expect(stats.rolesDeleted).toBe(stats.rolesCreated);
    expect(stats.stateMachinesDeleted).toBe(stats.stateMachinesCreated);
    expect(stdout).toContain('--target endpoint --endpoint');
    // Nothing left behind, as the SDK sees it.
    const clients = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint });
    const machines = await clients.sfn.send(new ListStateMachinesCommand({}));
    const roles = await clients.iam.send(new ListRolesCommand({ PathPrefix: '/sfn-conformance/' }));
    expect(machines.stateMachines ?? []).toEqual([]);
    expect(roles.Roles ?? []).toEqual([]);
    // moto's SageMaker answers request-response calls: what they created is deleted too.
    expect(stats.sagemakerResourcesCleaned).toBeGreaterThan(0);
    expect(stats.cleanupFailures).toBe(0);
    // moto creates a model for a request without a ModelName (SageMaker rejects it) and lists it
    // with no name, as model/None, which no DeleteModel reaches: the only model left is that one.
    const models = (await clients.sagemaker.send(new ListModelsCommand({}))).Models ?? [];
    expect(models.filter((m) => !isMotoUnnamed(m))).toEqual([]);
    expect((await clients.sagemaker.send(new ListEndpointConfigsCommand({}))).EndpointConfigs ?? []).toEqual(
      [],
    );
    expect((await clients.sagemaker.send(new ListEndpointsCommand({}))).Endpoints ?? []).toEqual([]);
  });

  it('sweep finds and deletes what a crashed run left behind', async () => {
    const clients = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint });
    const { CreateRoleCommand } = await import('@aws-sdk/client-iam');
    await clients.iam.send(
      new CreateRoleCommand({
        RoleName: 'sfnc-crashed1-0',
        Path: '/sfn-conformance/',
        AssumeRolePolicyDocument: '{}',
        Tags: [{ Key: 'sfn-conformance:run-id', Value: 'crashed1' }],
      }),
    );
    await clients.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'left-behind',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
        PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:v3' },
        Tags: [{ Key: 'sfn-conformance:run-id', Value: 'crashed1' }],
      }),
    );
    await clients.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'not-ours',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
        PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:v3' },
      }),
    );
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => undefined };
    expect(
      await runCli(
        ['sweep', '--target', 'endpoint', '--endpoint', endpoint, '--run-id', 'crashed1', '--dry-run'],
        io,
      ),
    ).toBe(0);
    expect(out).toContain('would delete role sfnc-crashed1-0');
    expect(out).toContain('would delete model left-behind');
    expect(out).not.toContain('not-ours');
    expect(
      await runCli(['sweep', '--target', 'endpoint', '--endpoint', endpoint, '--run-id', 'crashed1'], io),
    ).toBe(0);
    const roles = await clients.iam.send(new ListRolesCommand({ PathPrefix: '/sfn-conformance/' }));
    expect(roles.Roles ?? []).toEqual([]);
    const models = (await clients.sagemaker.send(new ListModelsCommand({}))).Models ?? [];
    expect(models.filter((m) => !isMotoUnnamed(m)).map((m) => m.ModelName)).toEqual(['not-ours']);
  });
});
