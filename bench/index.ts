/**
 * `npm run bench`: throughput figures.
 * - full cases generated per second (`sample`: definition, input, scenario, predicted policy, id);
 * - policy predictions per second on a 50-task definition;
 * - IAM evaluations per second for our evaluator (dist/) and for iam-simulate on the same (policy,
 *   request) pairs, interleaved (bench/iam.ts): small policies, and large ones parsed per call.
 * - run: end-to-end cases per second at concurrency 1, 4 and 8, and the runner's overhead against
 *   the same executions called directly (its peak memory: `--memory`);
 * - emulator executions per second (Task `.sync` with 10 virtual polls, Choice, Succeed) and memory
 *   after 10,000 and 100,000 executions (`--quick`: 1,000 and 5,000).
 * Every section measures dist/ (`npm run bench` builds it first; bench/dist.ts). Each throughput
 * figure but the emulator's is the median of several timed rounds after a warm-up; figures that
 * compare contenders come from interleaved rounds (bench/measure.ts).
 * Options: --seconds S (per round, default 1), --rounds R (default 5), --quick, --json.
 * Instead of these: `--versus REF` compares run's cases/s with a git revision (bench/versus.ts);
 * `--mutants` prints the mutation table (bench/mutants.ts); `--iam` the IAM comparison alone;
 * `--workers` run's whole-process rate with one worker thread and with two (bench/workers.ts);
 * `--serve` run's whole-process rate on the built-in emulator against the same through the AWS SDK
 * to `serve` (bench/serve.ts: the cost of the wire);
 * `--findings REF` whether the AWS target's findings against serve (seeds 1-3, a mutant behind it)
 * are REF's, apart from run ids, names and times (bench/sameFindings.ts);
 * `--calls` the calls a run makes on its target, counted at the wire, per case and against the
 * least a case needs, with a 1,000-case nightly on AWS modelled from them (bench/calls.ts);
 * `--memory` the peak resident memory of `run --runs 20000` against `--runs 1000` (bench/memory.ts;
 * `--small N`, `--large N`);
 * `--startup` the start-up of the
 * shipped command line against `node -e 0` (bench/startup.ts) and `--validate` validate's cost
 * over 100 definitions (bench/validate.ts), both on dist/ (`npm run build` first), in
 * interleaved rounds with the warm-up not counted (bench/measure.ts).
 */
import { API_NAMES } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import { DEFAULT_OPTIONS } from '../oracles/options.js';
import { benchEmulator } from './emulator.js';
import { benchMutants, mutantTable } from './mutants.js';
import { benchRunner } from './runner.js';
import { dist } from './dist.js';
import { benchIam, type IamFigures } from './iam.js';
import { benchMemory } from './memory.js';
import { fmt } from './measure.js';
import { benchStartup, type StartupFigure } from './startup.js';
import { benchValidate, type ValidateFigures } from './validate.js';
import { benchVersus } from './versus.js';
import { benchWorkers } from './workers.js';
import { benchServe } from './serve.js';
import { benchCalls, formatCalls } from './calls.js';
import { benchSameFindings, formatSameFindings } from './sameFindings.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

// Modes of their own: `--versus REF` (run's cases/s against a git revision), `--mutants` (the mutation table).
const versus = args.indexOf('--versus');
if (versus >= 0) {
  const figures = await benchVersus(args[versus + 1] ?? 'HEAD~1', arg('--runs', 300), arg('--rounds', 5));
  console.log(
    args.includes('--json')
      ? JSON.stringify(figures, null, 2)
      : [
          `run --runs ${figures.runs} --seed 1, median of ${figures.rounds} interleaved rounds: ${figures.ref} ${figures.refCasesPerSecond} cases/s, this checkout ${figures.headCasesPerSecond} cases/s: ratio ${figures.ratio} (samples ${JSON.stringify(figures.samples)})`,
          `  whole process (spawn to exit, reports written): ${figures.ref} ${figures.wholeProcess.refCasesPerSecond} cases/s, this checkout ${figures.wholeProcess.headCasesPerSecond} cases/s: ratio ${figures.wholeProcess.ratio} (samples ${JSON.stringify(figures.wholeProcess.samples)})`,
          ...figures.startup.map(
            (s) =>
              `start-up of \`${s.command}\`: ${figures.ref} ${s.refMs} ms, this checkout ${s.headMs} ms: ratio ${s.ratio}`,
          ),
        ].join('\n'),
  );
  process.exit(0);
}
const startupLines = (figures: StartupFigure[]) =>
  figures.map(
    (f) =>
      `start-up, dist/, spawn to exit, ms: ${f.command.padEnd(10)} ${fmt(f.ms)}${f.command === 'node -e 0' ? '' : `  ${f.ratio}x node -e 0${f.goal ? ` (goal at most ${f.goal}x: ${f.ratio <= f.goal ? 'met' : 'NOT met'})` : ''}`}`,
  );
const iamLines = (iam: IamFigures): string[] => [
  `IAM, dist/, evaluations/s, small policies (1-4 statements), interleaved with iam-simulate ${fmt(iam.small.iamSimulate)}:`,
  `  ours, policy compiled once:         ${fmt(iam.small.compiledOnce)}  (${iam.ratios.compiledOnce}x iam-simulate)`,
  `  ours, every statement explained:   ${fmt(iam.small.explained)}  (${iam.ratios.explained}x)`,
  `  ours, parsed and compiled per call: ${fmt(iam.small.parsedEachCall)}  (${iam.ratios.parsedEachCall}x)`,
  `IAM, dist/, large policies (50-80 statements), parsed and compiled per call: ours ${fmt(iam.large.parsedEachCall)}, iam-simulate ${fmt(iam.large.iamSimulate)}: ${iam.ratios.largeParsedEachCall}x (goal at least 5x: ${iam.ratios.largeParsedEachCall >= 5 ? 'met' : 'NOT met'})`,
];
const validateLine = (v: ValidateFigures) =>
  `validate ${v.definitions} definitions in one process (dist/, validateDefinition), ms: schemas compiled once ${fmt(v.compiledOnceMs)}; asl-validator as shipped (compiles per call) ${fmt(v.perCallMs)}: ${v.ratio}x (goal at least 20x: ${v.ratio >= 20 ? 'met' : 'NOT met'})`;
if (
  args.includes('--startup') ||
  args.includes('--validate') ||
  args.includes('--iam') ||
  args.includes('--workers') ||
  args.includes('--serve') ||
  args.includes('--calls') ||
  args.includes('--memory')
) {
  const figures = {
    ...(args.includes('--memory')
      ? { memory: benchMemory(arg('--small', 1000), arg('--large', 20_000)) }
      : {}),
    ...(args.includes('--workers')
      ? { workers: await benchWorkers(arg('--runs', 1000), arg('--rounds', 3)) }
      : {}),
    ...(args.includes('--serve')
      ? { serve: await benchServe(arg('--runs', 100), arg('--rounds', 3), arg('--concurrency', 8)) }
      : {}),
    ...(args.includes('--calls')
      ? { calls: await benchCalls(arg('--runs', 40), arg('--seed', 1), arg('--concurrency', 8)) }
      : {}),
    ...(args.includes('--iam') ? { iam: await benchIam(arg('--rounds', 5)) } : {}),
    ...(args.includes('--startup') ? { startup: await benchStartup(arg('--rounds', 10)) } : {}),
    ...(args.includes('--validate') ? { validate: await benchValidate(arg('--rounds', 5)) } : {}),
  };
  console.log(
    args.includes('--json')
      ? JSON.stringify(figures, null, 2)
      : [
          `node ${process.version}; interleaved rounds, warm-up rounds not counted; median (min, max)`,
          ...(figures.startup ? startupLines(figures.startup) : []),
          ...(figures.validate ? [validateLine(figures.validate)] : []),
          ...(figures.iam ? iamLines(figures.iam) : []),
          ...(figures.memory
            ? [
                `peak rss of run (dist/, whole process, reports written, each once): --runs ${figures.memory.small.runs} (${figures.memory.small.cases} cases, ${figures.memory.small.seconds} s) ${figures.memory.small.peakRssMiB} MiB; --runs ${figures.memory.large.runs} (${figures.memory.large.cases} cases, ${figures.memory.large.seconds} s) ${figures.memory.large.peakRssMiB} MiB: ${figures.memory.ratio}x (goal at most 1.3x: ${figures.memory.ratio <= 1.3 ? 'met' : 'NOT met'})`,
              ]
            : []),
          ...(figures.workers
            ? [
                `run --runs ${figures.workers.runs} (${figures.workers.cases} cases), dist/, whole process, seconds: one worker ${fmt(figures.workers.seconds.one, 1)}, two ${fmt(figures.workers.seconds.two, 1)}: ${figures.workers.casesPerSecond.one} vs ${figures.workers.casesPerSecond.two} cases/s, ${figures.workers.ratio}x (goal at least 1.7x: ${figures.workers.ratio >= 1.7 ? 'met' : 'NOT met'})`,
              ]
            : []),
          ...(figures.calls ? formatCalls(figures.calls) : []),
          ...(figures.serve
            ? [
                `run --runs ${figures.serve.runs} --concurrency ${figures.serve.concurrency} (${figures.serve.cases} cases), dist/, whole process, seconds: embedded ${fmt(figures.serve.seconds.embedded, 1)}, endpoint (serve over loopback) ${fmt(figures.serve.seconds.endpoint, 1)}: ${figures.serve.casesPerSecond.embedded} vs ${figures.serve.casesPerSecond.endpoint} cases/s; the wire costs ${figures.serve.ratio}x`,
              ]
            : []),
        ].join('\n'),
  );
  process.exit(0);
}
const findings = args.indexOf('--findings');
if (findings >= 0) {
  const ref = args[findings + 1] ?? 'HEAD~1';
  const rows = await benchSameFindings(ref, arg('--runs', 40));
  console.log(
    args.includes('--json') ? JSON.stringify(rows, null, 2) : formatSameFindings(ref, rows).join('\n'),
  );
  process.exit(rows.every((r) => r.differing === 0) ? 0 : 1);
}
if (args.includes('--mutants')) {
  const rows = await benchMutants(arg('--runs', 200), arg('--seed', 1));
  console.log(args.includes('--json') ? JSON.stringify(rows, null, 2) : mutantTable(rows));
  process.exit(0);
}
const SECONDS = arg('--seconds', 1);
const ROUNDS = arg('--rounds', 5);

// First, so that its memory figures are not those of the other sections' allocations.
const emulator = await benchEmulator(args.includes('--quick') ? [1000, 5000] : [10_000, 100_000]);
const runner = await benchRunner(args.includes('--quick') ? 100 : 500);

/** Runs `step` (which does `batch` operations) repeatedly for SECONDS; returns operations per second. */
function measure(batch: number, step: () => void): number {
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) step(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < SECONDS * 1000) {
      step();
      ops += batch;
      elapsed = performance.now() - start;
    }
    rates.push(ops / (elapsed / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

function fiftyTaskDefinition(): unknown {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 50; i++) {
    const api = API_NAMES[i % API_NAMES.length]!;
    const facts = SAGEMAKER_APIS[api];
    const sync = facts.job && i % 2 === 0 ? '.sync' : '';
    const request: Record<string, unknown> =
      i % 3 === 0 ? { [`${facts.nameField.value}.$`]: '$.name' } : { [facts.nameField.value]: `job-${i}` };
    for (const r of facts.relatedResources.value) request[r.nameField] = `cfg-${i}`;
    const role = facts.roleFields.value[0];
    if (role?.path.length === 1) request[role.path[0]!] = `arn:aws:iam::123456789012:role/role-${i % 5}`;
    const task = {
      Type: 'Task',
      Resource: `arn:aws:states:::sagemaker:${facts.resourceName.value}${sync}`,
      Parameters: request,
    };
    const next = i < 49 ? { Next: `S${i + 1}` } : { End: true };
    states[`S${i}`] =
      i % 10 === 5
        ? { Type: 'Map', ItemProcessor: { StartAt: 'T', States: { T: { ...task, End: true } } }, ...next }
        : { ...task, ...next };
  }
  return { StartAt: 'S0', States: states };
}

const { predictPolicy } = (await dist()).predictPolicy;
const { sampleCases } = (await dist()).sampleCases;
const definition = fiftyTaskDefinition();
const options = { ...DEFAULT_OPTIONS, passRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole' };
const predictions = measure(1, () => {
  const result = predictPolicy(definition, options);
  if (!result.ok) throw new Error('bench definition rejected');
});

const iam = await benchIam(ROUNDS);

const CASES = 2000;
const casesPerSecond = measure(CASES, () => {
  let n = 0;
  for (const _c of sampleCases({ seed: 20261124 }, CASES)) n++;
  if (n !== CASES) throw new Error('short sample');
});

const results = {
  emulator,
  runner,
  casesGeneratedPerSecond: Math.round(casesPerSecond),
  node: process.version,
  secondsPerRound: SECONDS,
  rounds: ROUNDS,
  policyPredictionsPerSecond50Tasks: Math.round(predictions),
  iam,
};

if (args.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(`node ${results.node}, median of ${ROUNDS} rounds of ${SECONDS}s`);
  const r = results.runner;
  console.log(
    `run, end to end, cases/s: concurrency 1: ${r.casesPerSecond.concurrency1}, 4: ${r.casesPerSecond.concurrency4}, 8: ${r.casesPerSecond.concurrency8}`,
  );
  console.log(
    `runner overhead (${r.overhead.cases} cases, concurrency 1): run ${r.overhead.runSeconds} s; the same cases executed directly ${r.overhead.directSeconds} s (ratio ${r.overhead.ratio}); drawn and executed directly ${(r.overhead.directSeconds + r.overhead.drawSeconds).toFixed(2)} s (ratio ${r.overhead.ratioWithGeneration})`,
  );
  console.log(
    `emulator executions/s (.sync, 10 polls, Choice): ${results.emulator.executionsPerSecond.toLocaleString('en')}`,
  );
  for (const mem of results.emulator.memory) {
    const label =
      mem.afterExecutions === 0 ? 'warm-up' : `${mem.afterExecutions.toLocaleString('en')} executions`;
    console.log(
      `  memory after ${label.padEnd(18)}: rss ${mem.rssMiB} MiB, heap used ${mem.heapUsedMiB} MiB${results.emulator.gcExposed ? ' (after gc)' : ''}`,
    );
  }
  console.log(
    `full cases generated/s (sample --count 2000):    ${results.casesGeneratedPerSecond.toLocaleString('en')}`,
  );
  console.log(
    `policy predictions/s (50-task definition):        ${results.policyPredictionsPerSecond50Tasks.toLocaleString('en')}`,
  );
  for (const line of iamLines(results.iam)) console.log(line);
}
