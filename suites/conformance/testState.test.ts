/**
 * The TestState lane end to end against our own endpoint, `serve`: each SageMaker state of a case
 * tested alone through the AWS SDK's TestState, its answer mocked. Each seed on a fresh server
 * gives no divergence, with states tested and both a result and an error mocked; a mutant of the
 * emulator's path processing behind the server is found; a suite the lane cannot decide, and a
 * run on AWS without credentials, are refused with exit 2 and one line.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import type { Report } from '../../reports/report.js';
import { startServer, type RunningServer } from '../../serve/server.js';
import { runOnEndpoint } from './testing/runOnEndpoint.js';

/** `run --target teststate` against the server: exit code, report, output and every case whole. */
async function runAgainst(
  server: RunningServer,
  seed: number,
  runs: number,
): Promise<{ code: number; report: Report; stdout: string; cases: Report['cases'] }> {
  const { code, report, output, cases } = await runOnEndpoint(server.url, {
    target: 'teststate',
    seed,
    runs,
  });
  return { code, report, stdout: output, cases };
}

/** The kinds of the lane's answers a report's cases observed: `status` of each result and error mocked. */
function statuses(cases: Report['cases']): Set<string> {
  const seen = new Set<string>();
  for (const c of cases)
    for (const [path, value] of Object.entries(
      (c.predicted as { output?: Record<string, unknown> }).output ?? {},
    ))
      if (/\/(result|error)\/status$/.test(path)) seen.add(String(value));
  return seen;
}

describe('run --target teststate against serve', () => {
  it.each([1, 2, 3])('seed %i: the outcome suite, every state alone, with no divergence', async (seed) => {
    const server = await startServer({ port: 0, host: '127.0.0.1' });
    try {
      const { code, report, stdout } = await runAgainst(server, seed, 30);
      expect(report.totals, stdout).toMatchObject({ cases: 30, diverged: 0, errored: 0 });
      expect(code, stdout).toBe(0);
      expect(report.target).toMatchObject({ kind: 'teststate', endpoint: server.url });
      expect(new Set(report.cases.map((c) => c.suite))).toEqual(new Set(['outcome']));
      const stats = report.target.stats!;
      expect(stats.statesTested).toBeGreaterThan(20);
      expect(stats.testStateCalls).toBe(2 * stats.statesTested!);
    } finally {
      await server.close();
    }
  });

  it('predicts every status TestState answers: SUCCEEDED, RETRIABLE, CAUGHT_ERROR and FAILED', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1' });
    try {
      const { report, cases } = await runAgainst(server, 1, 60);
      expect(report.totals.diverged).toBe(0);
      expect([...statuses(cases)].sort()).toEqual(['CAUGHT_ERROR', 'FAILED', 'RETRIABLE', 'SUCCEEDED']);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['resultselector-ignored', /\/result\/afterResultSelector/],
    ['outputpath-ignored', /\/result\/output/],
    ['catch-drops-resultpath', /\/error\/output/],
  ])('finds the mutant %s of the emulator behind the server', async (mutant, where) => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      emulator: { mutants: [mutant as never] },
    });
    try {
      const { code, report, stdout, cases } = await runAgainst(server, 1, 40);
      expect(code, stdout).toBe(1);
      expect(report.totals.errored).toBe(0);
      const paths = cases.flatMap((c) => (c.differences ?? []).map((d) => d.path));
      expect(
        paths.some((p) => where.test(p)),
        paths.join('\n'),
      ).toBe(true);
      // Each finding carries its evidence and a one-line replay.
      const found = cases.find((c) => c.verdict === 'diverged')!;
      expect(found.replay.command).toMatch(
        /^npx sfn-conformance replay --suite outcome .* --target teststate --endpoint /,
      );
      expect(found.observed).toHaveProperty('output');
    } finally {
      await server.close();
    }
  });
});

describe('run --target teststate refuses what it cannot do', () => {
  const run = async (...args: string[]) => {
    let err = '';
    const code = await runCli(args, { stdout: () => undefined, stderr: (t) => (err += t) });
    return { code, err };
  };

  it('a suite the lane cannot decide: exit 2, one line', async () => {
    const { code, err } = await run(
      'run',
      '--target',
      'teststate',
      '--suite',
      'necessity',
      '--endpoint',
      'http://127.0.0.1:9',
    );
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/--suite necessity cannot be decided by --target teststate/);
  });

  it('an option of the full lane: exit 2, one line', async () => {
    const { code, err } = await run('run', '--target', 'teststate', '--allow-account', '123456789012');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/--allow-account is not for --target teststate/);
  });

  it('AWS without credentials: exit 2, one line', async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (/^AWS_/.test(k)) delete process.env[k];
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
    });
    try {
      const { code, err } = await run('run', '--target', 'teststate', '--runs', '1');
      expect(code, err).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/--target teststate: sts:GetCallerIdentity failed on AWS/);
    } finally {
      process.env = saved;
    }
  });
});
