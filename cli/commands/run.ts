import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTANTS, type MutantName } from '../../emulator/mutants/index.js';
import type { CaseResult } from '../../reports/report.js';
import { type ReportSummary, Tally } from '../../reports/tally.js';
import {
  baselineMatcher,
  type Expectations,
  ExpectationsSchema,
  expectationsFrom,
  type FailOn,
  PROVENANCE_ORDER,
} from '../../reports/expectations.js';
import { REPORT_FORMATS } from '../../reports/writers/formats.js';
import { streamSuites, type Shard } from '../../suites/runner.js';
import { isSuiteName, SUITE_NAMES, type SuiteName } from '../../suites/suites.js';
import type { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import type { Target } from '../../contracts/target.js';
import { UsageError } from '../errors.js';
import { prepareReportDir, writeWhole } from '../files.js';
import { reportDirFiles, ReportFiles } from '../reportFiles.js';
import { watchInterruption } from '../interruption.js';
import { type Io, readJsonFile, zodPlace } from '../io.js';
import type { AwsRaw } from './awsOptions.js';
import { seedLine, seedOf } from '../seed.js';
import { exitCodeOf, formatOf, printSummary } from '../runSummary.js';
import { selectTarget } from '../targetChoice.js';

export interface RunRaw extends AwsRaw {
  plan?: boolean;
  runs?: string;
  seed?: string;
  concurrency?: string;
  suite?: string[];
  report?: string;
  overwrite?: boolean;
  shrinkBudget?: string;
  shrinkSeconds?: string;
  workers?: string;
  emulatorMutant?: string;
  listMutants?: boolean;
  progress?: boolean;
  /** No progress line. */
  quiet?: boolean;
  /** `i/n`: only shard i of n. */
  shard?: string;
  /** A baseline of known divergences (JSON). */
  expect?: string;
  /** Write a baseline of this run's divergences here. */
  writeExpect?: string;
  /** documented | observed | inferred: the weakest provenance whose divergences fail the run. */
  failOn?: string;
  /** The summary on stdout: text, json or markdown. */
  format?: string;
}

function int(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError('bad-option', `${option} "${value}" must be an integer from ${min} to ${max}`);
  return Number(value);
}

/** A duration as people read it: `45 s`, `3 min 5 s`, `2 h 10 min`. */
export function eta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * Progress on stderr: one live line on a terminal (rewritten in place and erased to its end, so a
 * shorter line leaves nothing of a longer one), a plain line every few seconds elsewhere, nothing
 * with --quiet. Colour only on a terminal, and never with NO_COLOR.
 */
export function progress(io: Io, o: { live: boolean; colour: boolean }, now: () => number = Date.now) {
  const started = now();
  let last = 0;
  let diverged = 0;
  const red = (t: string) => (o.colour ? `\x1b[31m${t}\x1b[39m` : t);
  return (result: CaseResult, done: number, total: number) => {
    if (result.verdict === 'diverged' || result.verdict === 'error') diverged++;
    const t = now();
    const rate = (done / Math.max(t - started, 1)) * 1000;
    const left = done === total ? '' : `, about ${eta((total - done) / Math.max(rate, 1e-9))} left`;
    const bad = `${diverged} diverged or errored`;
    const line = `${done}/${total} cases, ${diverged > 0 ? red(bad) : bad}, ${rate.toFixed(rate < 10 ? 1 : 0)} cases/s${left}`;
    if (o.live) io.stderr(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
    else if (t - last >= 5000 || done === total) {
      io.stderr(`${line}\n`);
      last = t;
    }
  };
}

/** A real account's or an endpoint's target (without loading the AWS SDK to ask). */
const isAws = (t: Target): t is AwsTarget => t.kind === 'aws' || t.kind === 'endpoint';

export async function runCommand(raw: RunRaw, io: Io, version: string): Promise<number> {
  if (raw.listMutants) {
    for (const [name, what] of Object.entries(MUTANTS)) io.stdout(`${name.padEnd(30)} ${what}\n`);
    return 0;
  }
  const remote = raw.target === 'aws' || raw.target === 'endpoint';
  if (remote && raw.emulatorMutant !== undefined)
    throw new UsageError('bad-option', '--emulator-mutant is for --target embedded');
  if (remote && raw.workers !== undefined)
    throw new UsageError(
      'bad-option',
      '--workers is for --target embedded (an AWS or endpoint run waits on the target, not the CPU: use --concurrency)',
    );
  if (
    !remote &&
    (raw.plan ||
      raw.allowAccount ||
      raw.permissionsBoundary ||
      raw.endpoint ||
      raw.config ||
      raw.allowBillableJobs ||
      raw.maxBillableJobs ||
      raw.instanceType ||
      raw.maxRuntime ||
      raw.clientQuotas)
  )
    throw new UsageError(
      'bad-option',
      '--plan, --allow-account, --permissions-boundary, --endpoint, --config, --client-quotas and the billable-job options are for --target aws or endpoint',
    );
  const local = remote ? undefined : selectTarget(raw);
  const runs = int(raw.runs ?? '100', '--runs', 1, 1_000_000);
  const concurrency = int(raw.concurrency ?? '4', '--concurrency', 1, 256);
  // On a real target every shrinking step creates a role and a state machine.
  const shrinkBudget = int(raw.shrinkBudget ?? (remote ? '20' : '200'), '--shrink-budget', 0, 100_000);
  // ...and waits for its execution: a divergent case is shrunk for 5 minutes at most there.
  const shrinkSeconds =
    raw.shrinkSeconds !== undefined
      ? int(raw.shrinkSeconds, '--shrink-seconds', 1, 86_400)
      : remote
        ? 300
        : undefined;
  const suites = (raw.suite && raw.suite.length > 0 ? raw.suite : [...SUITE_NAMES]).map((s) => {
    if (!isSuiteName(s))
      throw new UsageError('bad-option', `--suite "${s}" is unknown; use ${SUITE_NAMES.join(', ')}`);
    return s;
  }) as SuiteName[];
  const { seed, drawn } = seedOf(raw.seed);
  // One thread by default: V8's garbage collector already works on a second core, and on two
  // cores two workers measured no faster (docs/development.md); more cores are the user's call.
  const workers = int(raw.workers ?? '1', '--workers', 1, Math.max(64, availableParallelism()));
  const shard = shardOf(raw.shard);
  const failOn = failOnOf(raw.failOn);
  const format = formatOf(raw.format);
  const baseline = raw.expect === undefined ? undefined : readExpectations(raw.expect);
  if (raw.writeExpect !== undefined && existsSync(raw.writeExpect))
    throw new UsageError(
      'file-exists',
      `--write-expect "${raw.writeExpect}" exists; it is not overwritten: give a new file, or remove it first`,
    );
  const selected: { target: Target; args: string; runArgs?: string; mutant?: MutantName } =
    // The AWS SDK is loaded only for a run that uses it (it is most of the start-up otherwise).
    local ?? (await (await import('./awsOptions.js')).connectAwsTarget(raw, { maxConcurrency: concurrency }));
  const { target, args, mutant } = selected;
  const aws = isAws(target) ? target : undefined;
  if (raw.plan && aws) {
    if (drawn) io.stderr(seedLine(seed));
    return (await import('./plan.js')).printPlan(aws, suites, runs, seed, io);
  }
  // Without --report, each run gets a directory of its own: nothing is overwritten.
  const dir =
    raw.report ??
    join(
      'sfn-conformance-reports',
      `run-${new Date().toISOString().replace(/[:.]/g, '-')}-seed-${seed}${shard ? `-shard-${shard.index}-of-${shard.count}` : ''}`,
    );
  const reporters = REPORT_FORMATS;
  // A run that did not finish leaves its cases.jsonl alone: say what can be done with it.
  const unfinished = join(dir, 'cases.jsonl');
  if (!raw.overwrite && existsSync(unfinished) && !existsSync(join(dir, 'report.json'))) {
    const done = readFileSync(unfinished, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
    throw new UsageError(
      'report-exists',
      `the report directory "${dir}" holds the cases.jsonl of a run that did not finish (${done} cases): replay one with \`sfn-conformance replay ${unfinished} <id>\`, or pass --overwrite to run again from the start`,
    );
  }
  prepareReportDir(dir, reportDirFiles(reporters), raw.overwrite === true);
  const casesJsonl = join(dir, 'cases.jsonl');
  writeFileSync(casesJsonl, '');
  // The files that list every case are written as the cases finish; the run holds its findings only.
  const files = new ReportFiles(dir, reporters);
  const tally = new Tally();
  const matcher = baseline
    ? baselineMatcher(baseline, raw.expect!, target.kind, new Date().toISOString().slice(0, 10))
    : undefined;
  if (drawn) io.stderr(seedLine(seed));
  const region = isAws(target) ? target.region : (raw.region ?? 'us-east-1');
  io.stderr(
    `running ${suites.join(', ')} on ${target.description}: ${runs} cases each${shard ? ` (shard ${shard.index}/${shard.count})` : ''}, seed ${seed}, concurrency ${concurrency}\n`,
  );
  // SIGINT / SIGTERM: start nothing new, stop what is in flight, clean up, write the partial report.
  const interruption = new AbortController();
  const unwatch = watchInterruption((why) => {
    io.stderr(`\ninterrupted (${why}): starting no new cases, stopping executions in flight, cleaning up\n`);
    interruption.abort();
    void target.interrupt?.();
  });
  const ran = await streamSuites(
    {
      signal: interruption.signal,
      target,
      runs,
      seed,
      concurrency,
      suites,
      shrinkBudget,
      ...(shrinkSeconds !== undefined ? { shrinkSeconds } : {}),
      ...(local && workers > 1
        ? { workers: { count: workers, ...(local.mutant ? { mutant: local.mutant } : {}) } }
        : {}),
      casesJsonl,
      reportFile: join(dir, 'report.json'),
      ...(shard ? { shard } : {}),
      targetArgs: selected.runArgs ?? args,
      region,
      version,
      ...(raw.quiet
        ? {}
        : {
            onCase: progress(io, {
              live: raw.progress ?? process.stderr.isTTY === true,
              colour: process.stderr.isTTY === true && !process.env.NO_COLOR,
            }),
          }),
    },
    (result) => {
      const c = matcher ? matcher.mark(result) : result;
      tally.add(c);
      files.add(c);
    },
  )
    .catch((e: unknown) => {
      files.discard();
      throw e;
    })
    .finally(unwatch);
  if (aws?.endpoint) ran.target.endpoint = aws.endpoint;
  if (mutant) ran.target.mutant = mutant;
  const outcome = matcher?.outcome();
  for (const e of outcome?.stale ?? [])
    io.stderr(`stale expectation (matched no divergence): ${JSON.stringify(e)}\n`);
  for (const e of outcome?.expired ?? [])
    io.stderr(`expired expectation (past ${e.expires}): ${JSON.stringify(e)}\n`);
  const { stats: runStats, ...head } = ran;
  const report: ReportSummary = {
    ...head,
    totals: tally.totals,
    ...(outcome ? { expectations: outcome.summary } : {}),
    ...(raw.failOn ? { failOn } : {}),
    stats: runStats,
    findings: tally.findings,
    tally: tally.data(),
  };
  files.finish(report);
  if (raw.writeExpect !== undefined)
    writeWhole(
      raw.writeExpect,
      `${JSON.stringify(expectationsFrom(report, join(dir, 'report.json')), null, 2)}\n`,
    );
  printSummary(report, dir, io, format);
  const stats = report.target.stats;
  if (aws) for (const problem of aws.cleanupProblems) io.stderr(`clean-up failed: ${problem}\n`);
  if (stats && stats.cleanupFailures! > 0)
    io.stderr(
      `${stats.cleanupFailures} resources could not be deleted; remove them with: npx sfn-conformance sweep ${args} --run-id ${aws?.runId ?? ''}\n`,
    );
  if (report.interrupted) return 130;
  return exitCodeOf(report);
}

function failOnOf(value: string | undefined): FailOn {
  if (value === undefined) return 'inferred';
  if (!(PROVENANCE_ORDER as readonly string[]).includes(value))
    throw new UsageError(
      'bad-option',
      `--fail-on "${value}" is not a provenance; use ${PROVENANCE_ORDER.join(', ')} (divergences from that provenance or a stronger one fail)`,
    );
  return value as FailOn;
}

/** A baseline file, checked against its schema (docs/expectations.schema.json). */
function readExpectations(path: string): Expectations {
  const parsed = ExpectationsSchema.safeParse(readJsonFile(path, '--expect file'));
  if (!parsed.success)
    throw new UsageError(
      'bad-expectations',
      `--expect "${path}" is not a baseline of known divergences: at ${zodPlace(parsed.error.issues[0]?.path)}: ${parsed.error.issues[0]?.message ?? ''}; see docs/expectations.schema.json`,
    );
  return parsed.data;
}

/** `--shard i/n`: the i-th of n shards (1-based), checked. */
export function shardOf(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(
      'bad-option',
      `--shard "${value}" is not a shard: give INDEX/COUNT with 1 <= INDEX <= COUNT, e.g. --shard 2/4`,
    );
  return { index, count };
}
