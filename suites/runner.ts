/**
 * The runner: the suites' cases run on the target with bounded concurrency, compared with the
 * oracles, divergent cases shrunk (suites/caseRun.ts). The runner writes nothing: it tells its
 * reporters what happens (reports/reporters/runReporter.ts), and each output of a run is one of
 * them (cases.jsonl, the progress line, the report files, the summary).
 */
import pLimit from 'p-limit';
import type { MutantName } from '../emulator/mutants/index.js';
import type { BaselineMatcher, FailOn } from '../reports/expectations.js';
import type { RunReporter, RunStart, ShrinkEffort } from '../reports/reporters/runReporter.js';
import { type CaseResult, type Report, SCHEMA_VERSION } from '../reports/report.js';
import { type ReportSummary, Tally } from '../reports/tally.js';
import { type CaseRunOptions, nextTurn, runIndexedCase, type ShrinkListener } from './caseRun.js';
import { Canary } from './canary.js';
import { CaseOrder } from './caseOrder.js';
import { RunReporters } from './runReporters.js';
import type { SuiteName } from './suites.js';
import { WorkerPool } from './workerPool.js';

/**
 * A run's rate as the summary shows it: one decimal, and two significant digits below one case a
 * second (a slow target's 0.041, not 0).
 */
export function casesPerSecond(cases: number, durationMs: number): number {
  const rate = (cases / Math.max(durationMs, 1)) * 1000;
  return rate >= 1 || rate === 0 ? Math.round(rate * 10) / 10 : Number(rate.toPrecision(2));
}

/** What a run is: its cases, where they run, how many at once, and who hears of it. */
export interface RunOptions extends CaseRunOptions {
  /** Cases per suite (a shard runs its part of them). */
  readonly runs: number;
  /** Cases in flight at once. */
  readonly concurrency: number;
  readonly suites: readonly SuiteName[];
  /** The region the report names. */
  readonly region: string;
  /** The tool's version the report names. */
  readonly version: string;
  /** The outputs of the run, each told every event, in this order. */
  readonly reporters?: readonly RunReporter[];
  /** Once aborted, cases not yet started are not run; the report says it was interrupted. */
  readonly signal?: AbortSignal;
  /** Only this shard's cases: case `k` of a suite belongs to shard `k mod count` (1-based `index`). */
  readonly shard?: Shard;
  /**
   * Run the cases in this many worker threads, each with a built-in emulator of its own (with these
   * mutants): for the embedded target, whose cases use the CPU only. The report is the same.
   */
  readonly workers?: { readonly count: number; readonly mutants?: readonly MutantName[] };
  /** What the report says of the target besides what the target says of itself. */
  readonly reportTarget?: Pick<Report['target'], 'endpoint' | 'mutant'>;
  /** A baseline of known divergences: each divergence it names is marked expected. */
  readonly baseline?: BaselineMatcher;
  /** `--fail-on`, as the report names it (absent: not given). */
  readonly failOn?: FailOn;
  /**
   * Vouch for each finding with the canary (suites/canary.ts). By default on a real account and an
   * endpoint, whose state outlives an execution; not on the built-in emulator, which gives each
   * execution a world of its own.
   */
  readonly canary?: boolean;
}

/** Every so many finished cases, the canary runs even without a finding. */
const CANARY_EVERY = 50;

/** A part of a run's cases: `run --shard index/count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Whether case `k` of a suite is the shard's (every case is, without a shard). */
export const inShard = (k: number, shard: Shard | undefined): boolean =>
  shard === undefined || k % shard.count === shard.index - 1;

/** How many places past the first unfinished case a case may start, at least (4 x concurrency if more). */
export const REORDER_WINDOW = 256;

/** How many cases may be handed to the limiter and not finished, for each one in flight. */
const PRODUCER_AHEAD = 2;

/** A run's report but its cases and totals. */
export type RunHead = Omit<Report, 'cases' | 'totals'>;

/** A report with every case whole, as a run held in memory has it. */
export type WholeReport = Omit<Report, 'cases'> & { cases: CaseResult[] };

/** Runs the suites and returns the report, every case held whole (a library's or a test's run). */
export async function runSuites(o: RunOptions): Promise<WholeReport> {
  const cases: CaseResult[] = [];
  const { findings: _findings, tally: _tally, ...report } = await streamSuites(o, (c) => cases.push(c));
  return { ...report, cases };
}

/**
 * Runs the suites, telling the reporters each event, and `each` (if given) each finished case in
 * the report's order (suite by suite, each by index) however the cases finish: a case is held only
 * until those before it are in. A case the run did not finish (interrupted) is left out. If a
 * reporter throws, no more cases start and the error is the run's. Returns the report's summary.
 */
export async function streamSuites(
  o: RunOptions,
  each?: (result: CaseResult) => void,
): Promise<ReportSummary> {
  if (o.source && o.workers && o.workers.count > 1)
    throw new Error("a run's own case source runs in one thread: worker threads draw the suites' cases");
  const reporters = new RunReporters([...(o.reporters ?? []), ...(each ? [{ onCaseInOrder: each }] : [])]);
  const started = Date.now();
  let inFlight = 0;
  let maxInFlight = 0;
  let shrinkSteps = 0;
  let shrinkExecutions = 0;
  let done = 0;
  let delivered = 0;
  const indices = Array.from({ length: o.runs }, (_, k) => k).filter((k) => inShard(k, o.shard));
  const places = indices.length;
  const total = places * o.suites.length;
  const head = {
    tool: { name: 'sfn-sagemaker-conformance', version: o.version },
    target: { kind: o.target.kind, region: o.region, description: o.target.description },
    seed: o.seed,
    runs: o.runs,
    concurrency: o.concurrency,
    suites: [...o.suites],
    startedAt: new Date(started).toISOString(),
  };
  const start: RunStart = { ...head, ...(o.shard ? { shard: o.shard } : {}), total };
  reporters.start(start);
  const canary = (o.canary ?? o.target.kind !== 'embedded') ? new Canary(o.target) : undefined;
  await canary?.begin();
  const tally = new Tally();
  const order = new CaseOrder<CaseResult>();
  // No case starts more than `window` places after the first not in yet: however long one case
  // takes (shrinking on AWS), the cases held for it stay few.
  const window = Math.max(REORDER_WINDOW, 4 * o.concurrency);
  const stopped = () => o.signal?.aborted === true || reporters.failed;
  const pool =
    o.workers && o.workers.count > 1
      ? new WorkerPool(o.workers.count, {
          seed: o.seed,
          shrinkBudget: o.shrinkBudget,
          ...(o.shrinkSeconds !== undefined ? { shrinkSeconds: o.shrinkSeconds } : {}),
          targetArgs: o.targetArgs,
          ...(o.reportFile !== undefined ? { reportFile: o.reportFile } : {}),
          mutants: o.workers.mutants ?? [],
        })
      : undefined;
  // Interrupted, the workers stop at once: a case they were shrinking is left out, as cut short.
  if (pool) o.signal?.addEventListener('abort', () => void pool.abandon(), { once: true });

  const runPlace = async (
    suite: SuiteName,
    index: number,
    place: number,
  ): Promise<CaseResult | undefined> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // A turn of the event loop between cases: a signal's handler runs, even on a target that never waits.
    await nextTurn();
    if (stopped()) {
      inFlight--;
      return undefined;
    }
    reporters.emit('onCaseStart', { suite, index, place });
    let effort: ShrinkEffort | undefined;
    const count = (steps: number, executions: number) => {
      effort = { steps, executions };
      shrinkSteps += steps;
      shrinkExecutions += executions;
    };
    const shrink: ShrinkListener = {
      progress: (steps, tried) =>
        reporters.emit('onCaseShrinking', { suite, index, steps, tried, budget: o.shrinkBudget }),
      done: count,
    };
    const ran = pool
      ? await pool.run(suite, index, shrink.progress).then((reply) => {
          if (reply) count(reply.steps, reply.executions);
          return reply?.result;
        })
      : await runIndexedCase(o, suite, index, shrink);
    // A finding stands only if the target is still as it was: the canary vouches for it.
    const result = ran && canary && !o.signal?.aborted ? await canary.vouch(ran) : ran;
    inFlight--;
    // A case the interruption cut short observed the harness, not the target: left out.
    if (o.signal?.aborted || result === undefined) return undefined;
    done++;
    if (canary && done % CANARY_EVERY === 0) canary.checkNow();
    if (result.shrunk && effort) reporters.emit('onCaseShrunk', result, effort);
    reporters.emit('onCaseFinished', result, { done, total });
    return result;
  };

  // Each case in the report's order, once those before it are in, marked by the baseline.
  const wakers: (() => void)[] = [];
  const changed = () => new Promise<void>((go) => wakers.push(go));
  let outstanding = 0;
  const finish = (place: number, result: CaseResult | undefined) => {
    outstanding--;
    for (const r of order.put(place, result)) {
      if (reporters.failed) break;
      const c = o.baseline ? o.baseline.mark(r) : r;
      tally.add(c);
      reporters.emit('onCaseInOrder', c);
      if (!reporters.failed) delivered++;
    }
    for (const go of wakers.splice(0)) go();
  };

  // p-limit keeps `concurrency` cases in flight; the producer hands it the next case only while
  // few are waiting and the case is inside the window, so what the run holds stays bounded.
  const limit = pLimit(o.concurrency);
  try {
    for (let place = 0; place < total && !stopped(); place++) {
      while (outstanding >= PRODUCER_AHEAD * o.concurrency || place >= order.next + window) await changed();
      if (stopped()) break;
      const suite = o.suites[Math.floor(place / places)]!;
      const index = indices[place % places]!;
      outstanding++;
      void limit(() => runPlace(suite, index, place)).then(
        (result) => finish(place, result),
        (e: unknown) => {
          // The harness failed, not a case: no more cases start, and the error is the run's.
          reporters.fail(e);
          finish(place, undefined);
        },
      );
    }
    while (outstanding > 0) await changed();
  } finally {
    await pool?.close();
    // A check started every so many cases creates and deletes resources on the target: it ends first.
    await canary?.settled();
    // What the target kept for later cases (roles, state machines) is deleted once all have run.
    await o.target.finish?.();
  }
  if (reporters.failed) throw reporters.failRun();
  const durationMs = Date.now() - started;
  const baseline = o.baseline?.outcome();
  const summary: ReportSummary = {
    schemaVersion: SCHEMA_VERSION,
    ...head,
    target: {
      ...head.target,
      ...(o.target.summary ? { stats: o.target.summary() } : {}),
      ...(o.reportTarget?.endpoint ? { endpoint: o.reportTarget.endpoint } : {}),
      ...(o.reportTarget?.mutant ? { mutant: o.reportTarget.mutant } : {}),
    },
    durationMs,
    ...(o.shard ? { shard: o.shard } : {}),
    ...(o.signal?.aborted ? { interrupted: true } : {}),
    ...(canary ? { canary: canary.report() } : {}),
    totals: tally.totals,
    ...(baseline ? { expectations: baseline.summary } : {}),
    ...(o.failOn ? { failOn: o.failOn } : {}),
    stats: {
      maxInFlight,
      casesPerSecond: casesPerSecond(delivered, durationMs),
      shrinkSteps,
      shrinkExecutions,
    },
    findings: tally.findings,
    tally: tally.data(),
  };
  reporters.end(summary, baseline);
  return summary;
}
