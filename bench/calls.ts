/**
 * What a run costs the account it runs on: `run --target endpoint` against `serve` (with and
 * without an emulator mutant behind it, so that divergent cases are shrunk) and against moto where
 * `moto_server` is installed, every request counted at the wire by a counting proxy
 * (suites/targets/aws/testing/wireCounter.ts). It reports calls per case by API, roles and state
 * machines per case, and the ratio of all calls to the least a case needs: one execution, that is
 * one StartExecution and one history read (every history here is one page). From the counts it
 * models a 1,000-case nightly on AWS (see `nightlyModel`). Needs `npm run build` first;
 * `SFN_CONFORMANCE_BIN` runs another checkout's command line (the figures before a change).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasMoto, startMoto } from '../suites/targets/aws/testing/motoServer.js';
import { startWireCounter, type WireCounts } from '../suites/targets/aws/testing/wireCounter.js';
import { stepFunctionsRates } from '../suites/targets/aws/tokenBucket.js';
import { endpointRun } from './runProcess.js';
import { startServe } from './serve.js';

const bin =
  process.env.SFN_CONFORMANCE_BIN ??
  join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'sfn-conformance.js');

/** The figures of one backend. */
export interface CallFigures {
  readonly backend: string;
  readonly cases: number;
  readonly diverged: number;
  readonly undecided: number;
  readonly seconds: number;
  /** Every request the endpoint answered, by `service:Operation`. */
  readonly counts: WireCounts;
  readonly callsPerCase: number;
  readonly rolesPerCase: number;
  readonly stateMachinesPerCase: number;
  /** Executions started per case (shrinking and the canary start more than one). */
  readonly executionsPerCase: number;
  /** All calls over the least the cases need (one StartExecution and one history read each). */
  readonly ratioToMinimum: number;
  /**
   * All calls over StartExecution and every history read made: the least where the reads while an
   * execution runs count as needed (an execution that takes real time is polled).
   */
  readonly ratioToStartAndReads: number;
  /** Modelled wall time of a 1,000-case nightly on AWS at these counts (see `nightlyModel`). */
  readonly nightly: NightlyModel;
}

/** A 1,000-case nightly on AWS, modelled from calls per case. */
export interface NightlyModel {
  /** The API whose documented rate bounds the run, and the seconds it alone takes. */
  readonly boundBy: string;
  readonly quotaSeconds: number;
  /** Seconds spent waiting for new roles to propagate and their policies to settle, over the concurrency. */
  readonly propagationSeconds: number;
  /** The larger of the two plus the propagation: the control plane's floor, executions' own time not counted. */
  readonly floorSeconds: number;
}

/** Seconds a new role costs on AWS before a case may rely on it (the AWS target's policy settle default). */
const ROLE_SETTLE_SECONDS = 10;
/** The cases a modelled nightly runs at once (whatever the concurrency of the bench's own run). */
const NIGHTLY_CONCURRENCY = 8;
/** IAM publishes no per-API rates; the figure assumed for its control-plane writes (inferred). */
const IAM_WRITES_PER_SECOND = 10;

/**
 * A 1,000-case nightly at `perCase` calls: each rate-limited API at Step Functions' documented rate
 * for us-east-1 after its burst (IAM's writes at an assumed rate), and each new role's propagation
 * and policy settle waited by the case that made it, `concurrency` cases at a time.
 */
export function nightlyModel(perCase: WireCounts, concurrency: number, cases = 1000): NightlyModel {
  const rates: Record<string, { burst: number; perSecond: number }> = {};
  for (const [api, rate] of Object.entries(stepFunctionsRates('us-east-1'))) rates[`states:${api}`] = rate;
  for (const api of ['CreateRole', 'PutRolePolicy', 'DeleteRolePolicy', 'DeleteRole'])
    rates[`iam:${api}`] = { burst: IAM_WRITES_PER_SECOND, perSecond: IAM_WRITES_PER_SECOND };
  let boundBy = 'none';
  let quotaSeconds = 0;
  for (const [api, rate] of Object.entries(rates)) {
    const seconds = Math.max(0, (perCase[api] ?? 0) * cases - rate.burst) / rate.perSecond;
    if (seconds > quotaSeconds) [boundBy, quotaSeconds] = [api, seconds];
  }
  const propagationSeconds = ((perCase['iam:CreateRole'] ?? 0) * cases * ROLE_SETTLE_SECONDS) / concurrency;
  return {
    boundBy,
    quotaSeconds: Math.round(quotaSeconds),
    propagationSeconds: Math.round(propagationSeconds),
    floorSeconds: Math.round(quotaSeconds + propagationSeconds),
  };
}

/** One run against `endpoint` through the counting proxy: its report's totals and the counts. */
async function countedRun(
  backend: string,
  endpoint: string,
  runs: number,
  seed: number,
  concurrency: number,
): Promise<CallFigures> {
  const counter = await startWireCounter(endpoint);
  const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-bench-calls-'));
  try {
    const started = Date.now();
    // Not spawnSync: the counting proxy answers in this process's event loop.
    await endpointRun(bin, counter.url, join(dir, 'report'), [
      '--runs',
      String(runs),
      '--seed',
      String(seed),
      '--concurrency',
      String(concurrency),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as {
      totals: { cases: number; diverged: number; undecided: number };
    };
    const counts = counter.counts();
    const { cases } = report.totals;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const starts = counts['states:StartExecution'] ?? 0;
    const perCase: WireCounts = {};
    for (const [api, n] of Object.entries(counts)) perCase[api] = n / cases;
    return {
      backend,
      cases,
      diverged: report.totals.diverged,
      undecided: report.totals.undecided,
      seconds: Math.round(seconds * 10) / 10,
      counts,
      callsPerCase: round(total / cases),
      rolesPerCase: round((counts['iam:CreateRole'] ?? 0) / cases),
      stateMachinesPerCase: round((counts['states:CreateStateMachine'] ?? 0) / cases),
      executionsPerCase: round(starts / cases),
      ratioToMinimum: round(total / (2 * starts)),
      ratioToStartAndReads: round(total / (starts + (counts['states:GetExecutionHistory'] ?? 0))),
      nightly: nightlyModel(perCase, NIGHTLY_CONCURRENCY),
    };
  } finally {
    await counter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The figures of `npm run bench -- --calls`: serve, serve with a mutant (shrinking), moto where installed. */
export async function benchCalls(
  runs: number,
  seed = 1,
  concurrency = 8,
  mutant = 'resultselector-ignored',
): Promise<CallFigures[]> {
  const figures: CallFigures[] = [];
  for (const withMutant of [false, true]) {
    const server = await startServe(withMutant ? ['--emulator-mutant', mutant] : [], bin);
    try {
      figures.push(
        await countedRun(
          withMutant ? `serve --emulator-mutant ${mutant}` : 'serve',
          server.url,
          runs,
          seed,
          concurrency,
        ),
      );
    } finally {
      server.stop();
    }
  }
  if (hasMoto()) {
    const moto = await startMoto();
    try {
      // moto's server is not safe under concurrent executions (suites/conformance/moto.test.ts):
      // one case at a time.
      figures.push(await countedRun('moto', moto.endpoint, Math.max(1, Math.round(runs / 5)), seed, 1));
    } finally {
      moto.stop();
    }
  } else console.error('bench --calls: moto_server is not installed; moto is not measured');
  return figures;
}

/** One line per backend. */
export function formatCalls(figures: readonly CallFigures[]): string[] {
  return figures.map((f) => {
    const top = Object.entries(f.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([api, n]) => `${api} ${round(n / f.cases)}`)
      .join(', ');
    return `${f.backend}: ${f.cases} cases (${f.diverged} diverged, ${f.undecided} undecided) in ${f.seconds} s; per case ${f.callsPerCase} calls, ${f.rolesPerCase} roles, ${f.stateMachinesPerCase} state machines, ${f.executionsPerCase} executions; ${f.ratioToMinimum}x the minimum (StartExecution + one history read per execution), ${f.ratioToStartAndReads}x StartExecution and every history read; a 1,000-case nightly on AWS: ${f.nightly.floorSeconds} s of control plane (${f.nightly.boundBy} ${f.nightly.quotaSeconds} s, role propagation ${f.nightly.propagationSeconds} s). Calls per case: ${top}`;
  });
}
