/**
 * The AWS target end to end against our own endpoint, `serve`: the AWS SDK's calls for roles,
 * state machines, executions, history, and SageMaker's clean-up, over loopback. Each seed runs on a
 * fresh server and must give no divergence (`.sync` cases included) and leave nothing behind; a
 * run repeated on the same server finds its job names taken (SageMaker never frees them) and does
 * not run those cases; a mutant of the emulator behind the server is found through the SDK; and an
 * interrupted run stops what runs on the server and deletes what it created.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import {
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
} from '@aws-sdk/client-sagemaker';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../reports/report.js';
import { startServer, type RunningServer } from '../../serve/server.js';
import { makeClients } from '../targets/aws/clients.js';
import { runOnEndpoint } from './testing/runOnEndpoint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');

/** `run --target endpoint` against the server; its exit code and report. */
async function runAgainst(
  server: RunningServer,
  seed: number,
  runs: number,
): Promise<{ code: number; report: Report; stdout: string }> {
  const { code, report, output } = await runOnEndpoint(server.url, { seed, runs });
  return { code, report, stdout: output };
}

/** What the run's clean-up must have left on the server: no role or state machine of its own, no running job, no model, configuration or endpoint. */
async function expectNothingLeft(server: RunningServer): Promise<void> {
  const clients = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint: server.url });
  const sm = clients.sagemaker;
  expect((await clients.sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []).toEqual([]);
  expect(
    (await clients.iam.send(new ListRolesCommand({ PathPrefix: '/sfn-conformance/' }))).Roles ?? [],
  ).toEqual([]);
  expect((await sm.send(new ListModelsCommand({}))).Models ?? []).toEqual([]);
  expect((await sm.send(new ListEndpointConfigsCommand({}))).EndpointConfigs ?? []).toEqual([]);
  expect((await sm.send(new ListEndpointsCommand({}))).Endpoints ?? []).toEqual([]);
  const running = { StatusEquals: 'InProgress' } as const;
  expect((await sm.send(new ListTrainingJobsCommand(running))).TrainingJobSummaries ?? []).toEqual([]);
  expect((await sm.send(new ListTransformJobsCommand(running))).TransformJobSummaries ?? []).toEqual([]);
  expect((await sm.send(new ListProcessingJobsCommand(running))).ProcessingJobSummaries ?? []).toEqual([]);
  for (const client of Object.values(clients)) client.destroy();
}

describe('run --target endpoint against serve', () => {
  it.each([1, 2, 3])(
    'seed %i: every suite, .sync included, with no divergence; nothing left behind',
    async (seed) => {
      const server = await startServer({ port: 0, host: '127.0.0.1' });
      try {
        const { code, report, stdout } = await runAgainst(server, seed, 40);
        expect(report.totals, stdout).toMatchObject({ cases: 200, diverged: 0, errored: 0 });
        expect(code, stdout).toBe(0);
        expect(report.target).toMatchObject({ kind: 'endpoint', endpoint: server.url });
        // The .sync path of the target (history read to the job's end) ran, and matched.
        expect(
          report.cases.filter((c) => c.pattern === 'sync' && c.verdict === 'match').length,
        ).toBeGreaterThan(10);
        const stats = report.target.stats!;
        expect(stats.rolesDeleted).toBe(stats.rolesCreated);
        expect(stats.stateMachinesDeleted).toBe(stats.stateMachinesCreated);
        expect(stats.sagemakerResourcesCleaned).toBeGreaterThan(0);
        expect(stats.cleanupFailures).toBe(0);
        await expectNothingLeft(server);

        // Again on the same server: the jobs of the first run keep their names, so the cases that
        // would create them are not run (undecided, saying why), and none diverges.
        const again = await runAgainst(server, seed, 40);
        expect(again.report.totals, again.stdout).toMatchObject({ diverged: 0, errored: 0 });
        const notRun = again.report.cases.filter((c) =>
          /^not run: .* already exists on the target, and a job's name is never freed$/.test(
            c.undecidedReason ?? '',
          ),
        );
        expect(notRun.length).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    },
  );

  it('finds a mutant of the emulator behind the server, through the SDK', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      emulator: { mutants: ['resultselector-ignored'] },
    });
    try {
      const { code, report, stdout } = await runAgainst(server, 1, 20);
      expect(code, stdout).toBe(1);
      expect(report.totals.diverged).toBeGreaterThan(0);
      expect(report.totals.errored).toBe(0);
      expect(report.cases.filter((c) => c.verdict === 'diverged').map((c) => c.cause?.rule.id)).toContain(
        'asl.data-flow',
      );
      await expectNothingLeft(server);
    } finally {
      await server.close();
    }
  });

  it('an interrupted run stops what runs on the server and deletes what it created', async () => {
    // On the real clock a `.sync` job polls in real time: executions are running when the signal comes.
    const server = await startServer({ port: 0, host: '127.0.0.1', clock: 'real' });
    const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-serve-interrupt-')), 'report');
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        entry,
        'run',
        '--target',
        'endpoint',
        '--endpoint',
        server.url,
        '--suite',
        'outcome',
        '--runs',
        '50',
        '--seed',
        '1',
        '--concurrency',
        '8',
        '--report',
        dir,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const sfn = makeClients({ kind: 'endpoint', region: 'us-east-1', endpoint: server.url }).sfn;
      // Under way: state machines of the run exist on the server.
      for (;;) {
        const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
        if (stateMachines.length >= 4) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGINT');
      expect(await exited, output).toBe(130);
      sfn.destroy();
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
      expect(report.interrupted).toBeTruthy();
      expect(report.target.stats!.executionsStopped, output).toBeGreaterThan(0);
      await expectNothingLeft(server);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
  });
});
