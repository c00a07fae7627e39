import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMutant, MUTANTS, type MutantName } from '../../emulator/mutants.js';
import type { CaseResult, Report } from '../../reports/report.js';
import { REPORTERS } from '../../reports/writers/all.js';
import { runSuites, type Shard } from '../../suites/runner.js';
import { isSuiteName, SUITE_NAMES, type SuiteName } from '../../suites/suites.js';
import type { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import { EmbeddedTarget } from '../../suites/targets/embedded.js';
import type { Target } from '../../suites/targets/target.js';
import { UsageError } from '../errors.js';
import { prepareReportDir, writeWhole } from '../files.js';
import { watchInterruption } from '../interruption.js';
import type { Io } from '../io.js';
import type { AwsRaw } from './awsOptions.js';
import { seedLine, seedOf } from './sample.js';

export interface RunRaw extends AwsRaw {
  plan?: boolean;
  runs?: string;
  seed?: string;
  concurrency?: string;
  suite?: string[];
  report?: string;
  overwrite?: boolean;
  shrinkBudget?: string;
  emulatorMutant?: string;
  listMutants?: boolean;
  progress?: boolean;
  /** No progress line. */
  quiet?: boolean;
  /** `i/n`: only shard i of n. */
  shard?: string;
}

function int(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError('bad-option', `${option} "${value}" must be an integer from ${min} to ${max}`);
  return Number(value);
}

/** The built-in emulator target the options select (the AWS targets connect with connectTarget). */
export function selectTarget(raw: Pick<RunRaw, 'target' | 'emulatorMutant'>): {
  target: Target;
  args: string;
  mutant?: MutantName;
} {
  const kind = raw.target ?? 'embedded';
  if (kind !== 'embedded')
    throw new UsageError('bad-option', `--target "${kind}" is unknown; use embedded, aws or endpoint`);
  if (raw.emulatorMutant !== undefined && !isMutant(raw.emulatorMutant)) {
    throw new UsageError(
      'bad-option',
      `--emulator-mutant "${raw.emulatorMutant}" is unknown; see sfn-conformance run --list-mutants`,
    );
  }
  const mutant = raw.emulatorMutant as MutantName | undefined;
  return {
    target: new EmbeddedTarget(mutant),
    args: `--target embedded${mutant ? ` --emulator-mutant ${mutant}` : ''}`,
    ...(mutant ? { mutant } : {}),
  };
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
  const suites = (raw.suite && raw.suite.length > 0 ? raw.suite : [...SUITE_NAMES]).map((s) => {
    if (!isSuiteName(s))
      throw new UsageError('bad-option', `--suite "${s}" is unknown; use ${SUITE_NAMES.join(', ')}`);
    return s;
  }) as SuiteName[];
  const { seed, drawn } = seedOf(raw.seed);
  const shard = shardOf(raw.shard);
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
  const reporters = REPORTERS;
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
  prepareReportDir(dir, [...reporters.map((r) => r.fileName), 'cases.jsonl'], raw.overwrite === true);
  const casesJsonl = join(dir, 'cases.jsonl');
  writeFileSync(casesJsonl, '');
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
  const report: Report = await runSuites({
    signal: interruption.signal,
    target,
    runs,
    seed,
    concurrency,
    suites,
    shrinkBudget,
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
  }).finally(unwatch);
  if (aws?.endpoint) report.target.endpoint = aws.endpoint;
  if (mutant) report.target.mutant = mutant;
  for (const reporter of reporters) writeWhole(join(dir, reporter.fileName), reporter.render(report));
  printSummary(report, dir, io);
  const stats = report.target.stats;
  if (aws) for (const problem of aws.cleanupProblems) io.stderr(`clean-up failed: ${problem}\n`);
  if (stats && stats.cleanupFailures! > 0)
    io.stderr(
      `${stats.cleanupFailures} resources could not be deleted; remove them with: npx sfn-conformance sweep ${args} --run-id ${aws?.runId ?? ''}\n`,
    );
  if (report.interrupted) return 130;
  return report.totals.diverged + report.totals.errored === 0 ? 0 : 1;
}

/** The totals, the first divergences with their replay commands, and where the reports are. */
export function printSummary(report: Report, dir: string, io: Io): void {
  const t = report.totals;
  const shard = report.shard ? `shard ${report.shard.index}/${report.shard.count}, ` : '';
  io.stdout(
    `${t.cases} cases: ${t.matched} matched, ${t.diverged} diverged, ${t.errored} errored${t.undecided ? `, ${t.undecided} undecided` : ''}${t.skipped ? `, ${t.skipped} not run` : ''} (${shard}seed ${report.seed}, ${report.stats.casesPerSecond} cases/s)\n`,
  );
  for (const c of report.cases.filter((x) => x.verdict === 'diverged' || x.verdict === 'error').slice(0, 5)) {
    const d = (c.shrunk?.differences ?? c.differences)[0];
    io.stdout(
      `  ${c.verdict} ${c.suite} ${c.api} ${c.pattern}: ${d ? `${d.path} predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}` : (c.errorMessage ?? '').split('\n')[0]}\n    replay: ${c.shrunk?.replay?.command ?? c.replay.command}\n`,
    );
  }
  io.stdout(
    `reports: ${[...REPORTERS.map((r) => join(dir, r.fileName)), join(dir, 'cases.jsonl')].join(', ')}\n`,
  );
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
