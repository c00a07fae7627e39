/**
 * The runner: seeded generation, execution on the target with bounded concurrency, comparison with
 * the oracles, shrinking of divergent cases, each finished case streamed to cases.jsonl.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type fc from 'fast-check';
import type { Case, CaseContent } from '../contracts/case.js';
import { withId } from '../generators/invalidCase.js';
import { shrinkCase } from '../generators/sampleCases.js';
import type { Prediction } from '../contracts/prediction.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import {
  aspectsOn,
  callLine,
  compare,
  divergenceSignature,
  type Difference,
  undecidedBy,
} from '../reports/compare.js';
import { type CaseEntry, type CaseResult, type Report, SCHEMA_VERSION } from '../reports/report.js';
import { Tally } from '../reports/tally.js';
import { drawSuiteCase, SUITES, type SuiteName } from './suites.js';
import { WorkerPool } from './workerPool.js';
import type { MutantName } from '../emulator/mutants/index.js';
import type { Observation } from '../contracts/observation.js';
import { realiseCase, type Target } from '../contracts/target.js';

export interface RunOptions {
  readonly target: Target;
  readonly runs: number;
  readonly seed: number;
  readonly concurrency: number;
  readonly suites: readonly SuiteName[];
  /** Executions spent shrinking one divergent case. */
  readonly shrinkBudget: number;
  /** Wall-clock seconds spent shrinking one divergent case, at most (no limit when absent). */
  readonly shrinkSeconds?: number;
  /** Appended to as each case finishes. */
  readonly casesJsonl?: string;
  /** The command-line options that select the target, for replay commands (e.g. `--target embedded`). */
  readonly targetArgs: string;
  /** Where report.json will be written, for the replay commands of shrunk cases. */
  readonly reportFile?: string;
  readonly region: string;
  readonly version: string;
  readonly onCase?: (result: CaseResult, done: number, total: number) => void;
  /** Once aborted, cases not yet started are not run; the report says it was interrupted. */
  readonly signal?: AbortSignal;
  /** Only this shard's cases: case `k` of a suite belongs to shard `k mod count` (1-based `index`). */
  readonly shard?: Shard;
  /**
   * Run the cases in this many worker threads, each with a built-in emulator of its own (with this
   * mutant): for the embedded target, whose cases use the CPU only. The report is the same.
   */
  readonly workers?: { readonly count: number; readonly mutant?: MutantName };
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Whether case `k` of a suite is the shard's (every case is, without a shard). */
export const inShard = (k: number, shard: Shard | undefined): boolean =>
  shard === undefined || k % shard.count === shard.index - 1;

/** The totals of a report's cases, by verdict. */
export function totalsOf(cases: readonly CaseEntry[]): Report['totals'] {
  const tally = new Tally();
  for (const c of cases) tally.add(c);
  return tally.totals;
}

/** The prediction's values without their provenance (the report's `predicted`). */
export function predictionValues(p: Prediction): Record<string, unknown> {
  const { trace: _trace, ...expectations } = p;
  const values = Object.fromEntries(Object.entries(expectations).map(([k, v]) => [k, v.value]));
  return { ...values, calls: p.calls.value.map(callLine) };
}

/** The observation as the report has it: calls as one line each (`action resource decision`). */
export function observationValues(o: Observation): Record<string, unknown> {
  return o.calls ? { ...o, calls: o.calls.map(callLine) } : { ...o };
}

export function replayCommand(suite: SuiteName, seed: number, index: number, targetArgs: string): string {
  return `npx sfn-conformance replay --suite ${suite} --seed ${seed} --path ${index}${targetArgs ? ` ${targetArgs}` : ''}`;
}

export interface Evaluated {
  readonly case: Case;
  readonly prediction: Prediction;
  readonly observation: Observation;
  readonly differences: Difference[];
  /** No difference, and none could be seen: why the target cannot decide the case (a match otherwise). */
  readonly undecided?: string;
}

/** A case's verdict: diverged where a difference shows, undecided where the target shows too little, else a match. */
export const verdictOf = (e: Evaluated): 'match' | 'diverged' | 'undecided' =>
  e.differences.length > 0 ? 'diverged' : e.undecided !== undefined ? 'undecided' : 'match';

/** Runs one case on the target and compares it with the oracle's prediction. */
export async function evaluate(target: Target, suite: SuiteName, c: Case): Promise<Evaluated> {
  const prediction = predictExecution(c);
  const observation = await target.execute(c);
  const aspects = aspectsOn(SUITES[suite].aspects, target.capabilities);
  const differences = compare(prediction, observation, aspects);
  const undecided = differences.length === 0 ? undecidedBy(prediction, observation, aspects) : undefined;
  return { case: c, prediction, observation, differences, ...(undecided ? { undecided } : {}) };
}

/**
 * Appends one line whole: a write the file system cuts short (a full disk) is taken back to the
 * last whole line before the error goes on.
 */
function appendLine(fd: number, line: string, file: { bytes: number }): void {
  const before = file.bytes;
  const bytes = Buffer.from(line);
  try {
    // A write may take only part of it (the disk filling up): the rest is written, or fails.
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
  } catch (e) {
    ftruncateSync(fd, before);
    throw e;
  }
  file.bytes = before + bytes.length;
}

/** Resolves after the event loop's next turn (timers, I/O and signals get their go). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many places past the first unfinished case a case may start, at least (4 x concurrency if more). */
export const REORDER_WINDOW = 256;

/** A run's report but its cases and totals: what `streamSuites` returns once the cases are in. */
export type RunHead = Omit<Report, 'cases' | 'totals'>;

/** A report with every case whole, as a run held in memory has it. */
export type WholeReport = Omit<Report, 'cases'> & { cases: CaseResult[] };

/** Runs the suites and returns the report, every case held whole (a library's or a test's run). */
export async function runSuites(o: RunOptions): Promise<WholeReport> {
  const cases: CaseResult[] = [];
  const head = await streamSuites(o, (c) => cases.push(c));
  return { ...head, totals: totalsOf(cases), cases };
}

/**
 * Runs the suites, giving each finished case to `each` in the report's order (suite by suite, each
 * by index) however the cases finish: a case is held only until those before it are in. A case
 * the run did not finish (interrupted) is left out. If `each` throws, no more cases start and the
 * error is the run's.
 */
export async function streamSuites(o: RunOptions, each: (result: CaseResult) => void): Promise<RunHead> {
  const started = Date.now();
  let inFlight = 0;
  let maxInFlight = 0;
  let shrinkSteps = 0;
  let shrinkExecutions = 0;
  let done = 0;
  let delivered = 0;
  const indices = Array.from({ length: o.runs }, (_, k) => k).filter((k) => inShard(k, o.shard));
  const total = indices.length * o.suites.length;
  // Each result is written whole as it finishes: a crash loses nothing already run.
  const jsonl = o.casesJsonl === undefined ? undefined : openSync(o.casesJsonl, 'a');
  const jsonlSize = { bytes: jsonl === undefined ? 0 : fstatSync(jsonl).size };
  let writeError: unknown;
  // The finished cases waiting for one before them; `next` is the place of the first not in yet.
  const waiting = new Map<number, CaseResult | undefined>();
  let next = 0;
  // No case starts more than `window` places after the first not in yet: however long one case
  // takes (shrinking on AWS), the cases held for it stay few.
  const window = Math.max(REORDER_WINDOW, 4 * o.concurrency);
  const resume: (() => void)[] = [];
  const finish = (place: number, result: CaseResult | undefined) => {
    waiting.set(place, result);
    for (; waiting.has(next); next++) {
      const r = waiting.get(next);
      waiting.delete(next);
      if (r === undefined || writeError !== undefined) continue;
      try {
        each(r);
        delivered++;
      } catch (e) {
        writeError = e;
      }
    }
    for (const go of resume.splice(0)) go();
  };
  const inWindow = async (place: number) => {
    while (place >= next + window) await new Promise<void>((go) => resume.push(go));
  };
  const pool =
    o.workers && o.workers.count > 1
      ? new WorkerPool(o.workers.count, {
          seed: o.seed,
          shrinkBudget: o.shrinkBudget,
          ...(o.shrinkSeconds !== undefined ? { shrinkSeconds: o.shrinkSeconds } : {}),
          targetArgs: o.targetArgs,
          ...(o.reportFile !== undefined ? { reportFile: o.reportFile } : {}),
          ...(o.workers.mutant ? { mutant: o.workers.mutant } : {}),
        })
      : undefined;
  // Interrupted, the workers stop at once: a case they were shrinking is left out, as cut short.
  if (pool) o.signal?.addEventListener('abort', () => void pool.abandon(), { once: true });
  // The cases in the report's order, each started when a place of the `concurrency` is free.
  const places = indices.length;
  let taken = 0;
  const lane = async (): Promise<void> => {
    for (let place: number; (place = taken++) < total;) {
      const suite = o.suites[Math.floor(place / places)]!;
      const i = indices[place % places]!;
      if (place >= next + window) await inWindow(place);
      await runPlace(suite, i).then(
        (result) => finish(place, result),
        (e: unknown) => {
          // The harness failed, not a case: no more cases start, and the error is the run's.
          writeError ??= e;
          finish(place, undefined);
        },
      );
    }
  };
  const runPlace = async (suite: SuiteName, i: number): Promise<CaseResult | undefined> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // A turn of the event loop between cases: a signal's handler runs, even on a target that never waits.
    await nextTurn();
    if (o.signal?.aborted || writeError !== undefined) {
      inFlight--;
      return undefined;
    }
    const result = pool
      ? await pool.run(suite, i).then((reply) => {
          if (!reply) return undefined;
          shrinkSteps += reply.steps;
          shrinkExecutions += reply.executions;
          return reply.result;
        })
      : await runIndexedCase(o, suite, i, (steps, executions) => {
          shrinkSteps += steps;
          shrinkExecutions += executions;
        });
    inFlight--;
    // A case the interruption cut short observed the harness, not the target: left out.
    if (o.signal?.aborted || result === undefined) return undefined;
    done++;
    if (jsonl !== undefined && writeError === undefined)
      try {
        appendLine(jsonl, `${JSON.stringify(result)}\n`, jsonlSize);
      } catch (e) {
        // The results can no longer be kept: no more cases, and the error is the run's.
        writeError = e instanceof Error && !('path' in e) ? Object.assign(e, { path: o.casesJsonl }) : e;
      }
    o.onCase?.(result, done, total);
    return result;
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, total) }, lane)).finally(async () => {
    if (jsonl !== undefined) closeSync(jsonl);
    await pool?.close();
  });
  if (writeError !== undefined) throw writeError;
  const durationMs = Date.now() - started;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'sfn-sagemaker-conformance', version: o.version },
    target: {
      kind: o.target.kind,
      region: o.region,
      description: o.target.description,
      ...(o.target.summary ? { stats: o.target.summary() } : {}),
    },
    seed: o.seed,
    runs: o.runs,
    concurrency: o.concurrency,
    suites: [...o.suites],
    startedAt: new Date(started).toISOString(),
    durationMs,
    ...(o.shard ? { shard: o.shard } : {}),
    ...(o.signal?.aborted ? { interrupted: true } : {}),
    stats: {
      maxInFlight,
      casesPerSecond: Math.round((delivered / Math.max(durationMs, 1)) * 1000 * 10) / 10,
      shrinkSteps,
      shrinkExecutions,
    },
  };
}

type Head = Omit<CaseResult, 'verdict' | 'predicted' | 'observed' | 'differences'>;

/** What a case result says of the case: its id, suite, labels and how to replay it. */
export function caseHead(c: Case, suite: SuiteName, replay: CaseResult['replay']): Head {
  return {
    id: c.id,
    suite,
    api: c.api,
    pattern: c.pattern,
    resourceMode: c.resourceMode,
    queryLanguage: c.queryLanguage,
    replay,
  };
}

/** Case `i` of a suite: drawn, realised on the target, run, compared and (when it diverges) shrunk. */
export async function runIndexedCase(
  o: Omit<RunOptions, 'runs' | 'suites' | 'concurrency' | 'region' | 'version'>,
  suite: SuiteName,
  i: number,
  countShrink: (steps: number, executions: number) => void = () => undefined,
): Promise<CaseResult> {
  const started = Date.now();
  const drawn = drawSuiteCase(suite, o.seed, i);
  const replay = { seed: o.seed, path: `${suite}:${i}` };
  const drawnCase = withId(drawn.value, replay);
  const realised = realiseCase(o.target, drawnCase);
  const c = 'case' in realised ? realised.case : drawnCase;
  const head = caseHead(c, suite, { ...replay, command: replayCommand(suite, o.seed, i, o.targetArgs) });
  let result: CaseResult;
  if ('skipped' in realised) {
    result = {
      ...head,
      verdict: 'skipped',
      predicted: {},
      observed: {},
      differences: [],
      skipReason: realised.skipped,
    };
  } else {
    try {
      result = await runCase(o, suite, c, drawn, replay, head, countShrink);
    } catch (error) {
      result = {
        ...head,
        verdict: 'error',
        predicted: {},
        observed: {},
        differences: [],
        errorMessage: (error as Error).stack ?? String(error),
      };
    }
  }
  return { ...result, durationMs: Date.now() - started };
}

/** Evaluates one case and, if it diverges, shrinks it within the budget. */
async function runCase(
  o: Omit<RunOptions, 'runs' | 'suites' | 'concurrency' | 'region' | 'version'>,
  suite: SuiteName,
  c: Case,
  drawn: fc.Value<CaseContent>,
  replay: Case['replay'],
  head: Head,
  countShrink: (steps: number, executions: number) => void,
): Promise<CaseResult> {
  const e = await evaluate(o.target, suite, c);
  const result: CaseResult = {
    ...head,
    verdict: verdictOf(e),
    predicted: predictionValues(e.prediction),
    observed: observationValues(e.observation),
    differences: e.differences,
    ...(e.undecided ? { undecidedReason: e.undecided } : {}),
  };
  if (e.differences.length === 0 || o.shrinkBudget === 0) return result;
  let last = e;
  let executions = 0;
  const signature = divergenceSignature(e.differences);
  const deadline = o.shrinkSeconds === undefined ? Infinity : Date.now() + o.shrinkSeconds * 1000;
  const shrunk = await shrinkCase(
    SUITES[suite].cases,
    drawn,
    async (content) => {
      await nextTurn();
      if (o.signal?.aborted) return false;
      const candidate = withId(content, replay);
      const realised = realiseCase(o.target, candidate, 'shrink');
      if (!('case' in realised)) return false;
      executions++;
      try {
        const next = await evaluate(o.target, suite, realised.case);
        // Only a candidate with the same divergence: a smaller case of another bug is not this one.
        if (divergenceSignature(next.differences) !== signature) return false;
        last = next;
        return true;
      } catch {
        return false;
      }
    },
    o.shrinkBudget,
    () => Date.now() >= deadline,
  );
  countShrink(shrunk.steps, executions);
  const { replay: _r, ...shrunkCase } = last.case;
  return {
    ...result,
    shrunk: {
      id: last.case.id,
      steps: shrunk.steps,
      case: shrunkCase,
      differences: last.differences,
      ...(o.reportFile
        ? { replay: { command: `npx sfn-conformance replay ${o.reportFile} ${last.case.id}` } }
        : {}),
    },
  };
}
