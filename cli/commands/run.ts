/**
 * `run`: the suites' cases on a target, compared with the oracles. The options are checked here;
 * the run itself tells its reporters (reports/reporters/) what happens, and they write cases.jsonl,
 * the progress line, the report files and the summary.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MUTANTS, type MutantName } from '../../emulator/mutants/index.js';
import {
  baselineMatcher,
  type Expectations,
  ExpectationsSchema,
  type FailOn,
  PROVENANCE_ORDER,
} from '../../reports/expectations.js';
import { casesJsonlReporter } from '../../reports/reporters/casesJsonl.js';
import { expectationsFileReporter } from '../../reports/reporters/expectationsFile.js';
import { progressReporter } from '../../reports/reporters/progress.js';
import { reportDirFiles, reportFilesReporter } from '../../reports/reporters/reportFiles.js';
import { summaryReporter } from '../../reports/reporters/summary.js';
import { replayById } from '../../reports/replayCommand.js';
import { mutantField } from '../../reports/report.js';
import { REPORT_FORMATS } from '../../reports/writers/formats.js';
import { streamSuites, type Shard } from '../../suites/runner.js';
import { isSuiteName, SUITE_NAMES, type SuiteName } from '../../suites/suites.js';
import { TEST_STATE_SUITES } from '../../suites/suiteNames.js';
import type { AwsTarget } from '../../suites/targets/aws/awsTarget.js';
import type { Target } from '../../contracts/target.js';
import { UsageError } from '../../contracts/usageError.js';
import { checkNewFile, takeReportDir } from '../files.js';
import { LOCK_FILE } from '../reportDirLock.js';
import { pastChecks } from '../commandOutput.js';
import { watchInterruption } from '../interruption.js';
import { type Io, readJsonFile, zodPlace } from '../io.js';
import type { AwsRaw } from '../aws/connect.js';
import { seedLine, seedOf } from '../seed.js';
import { exitCodeOf, formatOf } from '../runSummary.js';
import { selectTarget } from '../targetChoice.js';
import { RunRecording } from '../recordRun.js';
import { countCaseLines } from '../casesFile.js';
import { readUserDefinitions, unmodelledNotes } from '../userDefinitions.js';
import type { CaseSource } from '../../suites/caseSource.js';
import { definitionCaseSource, takesDefinitions } from '../../suites/definitionSuites.js';

/** `run`'s options, as commander hands them over. */
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
  /** `--emulator-mutant`, once for each. */
  emulatorMutant?: string[];
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
  /** `--definition`: users' definitions to draw the cases around, in place of drawn machines. */
  definition?: string[];
  /** `--record DIR`: each execution the AWS or endpoint target ran, as a recording. */
  record?: string;
}

function int(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError('bad-option', `${option} "${value}" must be an integer from ${min} to ${max}`);
  return Number(value);
}

/** A real account's or an endpoint's target (without loading the AWS SDK to ask). */
const isAws = (t: Target): t is AwsTarget => t.kind === 'aws' || t.kind === 'endpoint';

/** `run`: checks the options, runs the cases with the run's reporters, and returns the exit code. */
export async function runCommand(raw: RunRaw, io: Io, version: string): Promise<number> {
  if (raw.listMutants) {
    for (const [name, what] of Object.entries(MUTANTS)) io.stdout(`${name.padEnd(30)} ${what}\n`);
    return 0;
  }
  // The TestState lane calls a real account or an endpoint too, and takes only some of their options.
  const testState = raw.target === 'teststate';
  const remote = raw.target === 'aws' || raw.target === 'endpoint' || testState;
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
  const recording = RunRecording.of(raw);
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
  if (testState && raw.definition)
    throw new UsageError(
      'bad-option',
      '--definition is not for --target teststate: use --target aws or endpoint',
    );
  for (const s of raw.suite ?? [])
    if (testState && isSuiteName(s) && !TEST_STATE_SUITES.includes(s))
      throw new UsageError(
        'bad-option',
        `--suite ${s} cannot be decided by --target teststate (it tests one state with its SageMaker answer mocked: no IAM, no integration output, no SageMaker request checks); use --suite ${TEST_STATE_SUITES.join(', ')}, or --target aws or endpoint`,
      );
  const definitionSuites = SUITE_NAMES.filter(takesDefinitions);
  const suites = (
    raw.suite && raw.suite.length > 0
      ? raw.suite
      : raw.definition
        ? definitionSuites
        : testState
          ? [...TEST_STATE_SUITES]
          : [...SUITE_NAMES]
  ).map((s) => {
    if (!isSuiteName(s))
      throw new UsageError('bad-option', `--suite "${s}" is unknown; use ${SUITE_NAMES.join(', ')}`);
    if (raw.definition && !takesDefinitions(s))
      throw new UsageError(
        'bad-option',
        `--suite ${s} draws machines of its own and does not take --definition; use ${definitionSuites.join(', ')}`,
      );
    return s;
  }) as SuiteName[];
  const { seed, drawn } = seedOf(raw.seed);
  // One thread by default: V8's garbage collector already works on a second core, and on two
  // cores two workers measured no faster (docs/development.md); more cores are the user's call.
  const workers = int(raw.workers ?? '1', '--workers', 1, Math.max(64, availableParallelism()));
  const shard = shardOf(raw.shard);
  // Users' definitions: each file read and checked before anything else runs.
  let source: CaseSource | undefined;
  if (raw.definition !== undefined) {
    if (workers > 1)
      throw new UsageError('bad-option', '--workers is not available with --definition: leave it at 1');
    if (raw.plan) throw new UsageError('bad-option', '--plan does not take --definition');
    const definitions = readUserDefinitions(raw.definition);
    for (const note of unmodelledNotes(definitions)) io.stderr(note);
    source = definitionCaseSource(definitions);
  }
  const failOn = failOnOf(raw.failOn);
  const format = formatOf(raw.format);
  const baseline = raw.expect === undefined ? undefined : readExpectations(raw.expect);
  // Without --report, each run gets a directory of its own: nothing is overwritten.
  const dir =
    raw.report ??
    join(
      'sfn-conformance-reports',
      `run-${new Date().toISOString().replace(/[:.]/g, '-')}-seed-${seed}${shard ? `-shard-${shard.index}-of-${shard.count}` : ''}`,
    );
  const dirFiles = reportDirFiles(REPORT_FORMATS);
  if (raw.writeExpect !== undefined)
    checkNewFile(
      raw.writeExpect,
      '--write-expect',
      [dir, ...[...dirFiles, LOCK_FILE].map((f) => join(dir, f))],
      dir,
    );
  const selected: { target: Target; args: string; runArgs?: string; mutants?: MutantName[] } =
    // The AWS SDK is loaded only for a run that uses it (it is most of the start-up otherwise).
    local ??
    (testState
      ? await (await import('../aws/connectTestState.js')).connectTestStateTarget(raw)
      : await (
          await import('../aws/connect.js')
        ).connectAwsTarget(raw, {
          maxConcurrency: concurrency,
          ...(recording ? { record: recording.hook } : {}),
        }));
  const { target, args } = selected;
  const mutants = selected.mutants ?? [];
  const aws = isAws(target) ? target : undefined;
  if (raw.plan && aws) {
    if (drawn) io.stderr(seedLine(seed));
    return (await import('../aws/plan.js')).printPlan(aws, suites, runs, seed, io);
  }
  const casesJsonl = join(dir, 'cases.jsonl');
  // The directory is this run's until it ends, however it ends (see cli/reportDirLock.ts).
  const lock = takeReportDir(dir, dirFiles, raw.overwrite === true, () => {
    // A run that did not finish leaves its cases.jsonl alone: say what can be done with it.
    if (!raw.overwrite && existsSync(casesJsonl) && !existsSync(join(dir, 'report.json'))) {
      const done = countCaseLines(casesJsonl);
      throw new UsageError(
        'report-exists',
        `the report directory "${dir}" holds the cases.jsonl of a run that did not finish (${done} cases): replay one with \`${replayById(casesJsonl, '<id>', 'sfn-conformance')}\`, or pass --overwrite to run again from the start`,
      );
    }
  });
  try {
    if (aws) await recording?.start(aws, version, dir);
    const reportFile = join(dir, 'report.json');
    const matcher = baseline
      ? baselineMatcher(baseline, raw.expect!, target.kind, new Date().toISOString().slice(0, 10))
      : undefined;
    const remoteTarget =
      aws ?? (testState ? (target as Target & { region: string; endpoint?: string }) : undefined);
    const region = remoteTarget ? remoteTarget.region : (raw.region ?? 'us-east-1');
    const mutant = mutantField(mutants);
    // SIGINT / SIGTERM: start nothing new, stop what is in flight, clean up, write the partial report.
    const interruption = new AbortController();
    const unwatch = watchInterruption((why) => {
      io.stderr(
        `\ninterrupted (${why}): starting no new cases, stopping executions in flight, cleaning up\n`,
      );
      interruption.abort();
      void target.interrupt?.();
    });
    // Each output of the run is a reporter; the files that list every case are written as the
    // cases finish, so the run holds its findings only.
    const terminal = process.stderr.isTTY === true;
    const report = await streamSuites({
      signal: interruption.signal,
      target,
      runs,
      seed,
      concurrency,
      suites,
      shrinkBudget,
      ...(shrinkSeconds !== undefined ? { shrinkSeconds } : {}),
      ...(local && workers > 1 ? { workers: { count: workers, mutants: local.mutants } } : {}),
      reportFile,
      ...(shard ? { shard } : {}),
      ...(source ? { source } : {}),
      targetArgs: selected.runArgs ?? args,
      region,
      version,
      reportTarget: {
        ...(remoteTarget?.endpoint ? { endpoint: remoteTarget.endpoint } : {}),
        ...(mutant ? { mutant } : {}),
      },
      ...(matcher ? { baseline: matcher } : {}),
      ...(raw.failOn ? { failOn } : {}),
      reporters: [
        casesJsonlReporter(casesJsonl),
        reportFilesReporter(dir, REPORT_FORMATS),
        // Past its checks once the report files are open: the notes held until then are said, and
        // the drawn seed (a refusal to open the files stays one line).
        {
          onRunStart: () => {
            pastChecks(io);
            if (drawn) io.stderr(seedLine(seed));
          },
        },
        progressReporter(io, {
          quiet: raw.quiet === true,
          live: raw.progress ?? terminal,
          colour: terminal && !process.env.NO_COLOR,
        }),
        ...(raw.writeExpect !== undefined ? [expectationsFileReporter(raw.writeExpect, reportFile)] : []),
        summaryReporter(io, dir, format),
      ],
    }).finally(unwatch);
    const stats = report.target.stats;
    if (aws) for (const note of aws.notes) io.stderr(`note: ${note}\n`);
    if (aws) for (const problem of aws.cleanupProblems) io.stderr(`clean-up failed: ${problem}\n`);
    if (stats && stats.cleanupFailures! > 0)
      io.stderr(
        `${stats.cleanupFailures} resources could not be deleted; remove them with: npx sfn-conformance sweep ${args} --run-id ${aws?.runId ?? ''}\n`,
      );
    recording?.finish(io);
    if (report.interrupted) return 130;
    return exitCodeOf(report);
  } finally {
    recording?.release();
    lock.release();
  }
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
