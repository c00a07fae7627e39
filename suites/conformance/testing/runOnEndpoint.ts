/**
 * `run` in process against an endpoint (our `serve`, through a counting proxy or not): what the
 * conformance tests of the AWS target, the TestState lane, `--record` and the reuse of roles and
 * state machines each run, with the run's exit code, its output, its report and every case whole.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../cli/main.js';
import { ReportSchema, type Report } from '../../../reports/report.js';

/** What `runOnEndpoint` runs: the target, the seed and runs, and any more options. */
export interface EndpointRun {
  readonly target?: 'endpoint' | 'teststate';
  readonly seed: number;
  readonly runs: number;
  /** Default 0 (no shrinking). */
  readonly shrinkBudget?: number;
  readonly more?: readonly string[];
}

/** What the run gave: exit code, stdout and stderr together, the report, every case, the report directory. */
export interface EndpointRunResult {
  readonly code: number;
  readonly output: string;
  readonly report: Report;
  readonly cases: Report['cases'];
  readonly dir: string;
}

/** `run --target <target> --endpoint URL` with 8 cases at once, quiet, its report in a fresh directory. */
export async function runOnEndpoint(url: string, run: EndpointRun): Promise<EndpointRunResult> {
  const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-endpoint-run-')), 'report');
  let output = '';
  const code = await runCli(
    [
      'run',
      '--target',
      run.target ?? 'endpoint',
      '--endpoint',
      url,
      '--runs',
      String(run.runs),
      '--seed',
      String(run.seed),
      '--concurrency',
      '8',
      '--shrink-budget',
      String(run.shrinkBudget ?? 0),
      '--quiet',
      '--report',
      dir,
      ...(run.more ?? []),
    ],
    { stdout: (t) => (output += t), stderr: (t) => (output += t) },
  );
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
  // cases.jsonl has every case whole (report.json keeps the matched ones short).
  const cases = readFileSync(join(dir, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Report['cases'][number]);
  return { code, output, report, cases, dir };
}
