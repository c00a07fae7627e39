/**
 * The runner: seeded generation, execution on the target with bounded concurrency, comparison with
 * the oracles, shrinking of divergent cases, each finished case streamed to cases.jsonl.
 */
import { appendFileSync } from 'node:fs';
import pLimit from 'p-limit';
import type { Case } from '../generators/case.js';
import { withId } from '../generators/invalidCase.js';
import { drawCase, shrinkCase } from '../generators/sampleCases.js';
import { predictExecution, type Prediction } from '../oracles/outcome/predictExecution.js';
import { compare, type Difference } from '../reports/compare.js';
import type { CaseResult, Report } from '../reports/report.js';
import { SUITES, type SuiteName } from './suites.js';
import type { Observation, Target } from './targets/target.js';

export interface RunOptions {
  readonly target: Target;
  readonly runs: number;
  readonly seed: number;
  readonly concurrency: number;
  readonly suites: readonly SuiteName[];
  /** Executions spent shrinking one divergent case. */
  readonly shrinkBudget: number;
  /** Appended to as each case finishes. */
  readonly casesJsonl?: string;
  /** The command-line options that select the target, for replay commands (e.g. `--target embedded`). */
  readonly targetArgs: string;
  readonly region: string;
  readonly version: string;
  readonly onCase?: (result: CaseResult, done: number, total: number) => void;
}

/** The prediction's values without their provenance (the report's `predicted`). */
export function predictionValues(p: Prediction): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, (v as { value: unknown }).value]));
}

export function replayCommand(suite: SuiteName, seed: number, index: number, targetArgs: string): string {
  return `npx sfn-conformance replay --suite ${suite} --seed ${seed} --path ${index}${targetArgs ? ` ${targetArgs}` : ''}`;
}

export interface Evaluated {
  readonly case: Case;
  readonly prediction: Prediction;
  readonly observation: Observation;
  readonly differences: Difference[];
}

/** Runs one case on the target and compares it with the oracle's prediction. */
export async function evaluate(target: Target, suite: SuiteName, c: Case): Promise<Evaluated> {
  const prediction = predictExecution(c);
  const observation = await target.execute(c);
  return {
    case: c,
    prediction,
    observation,
    differences: compare(prediction, observation, SUITES[suite].aspects),
  };
}

export async function runSuites(o: RunOptions): Promise<Report> {
  const started = Date.now();
  const limit = pLimit(o.concurrency);
  let inFlight = 0;
  let maxInFlight = 0;
  let shrinkSteps = 0;
  let shrinkExecutions = 0;
  let done = 0;
  const total = o.runs * o.suites.length;
  const jobs: Promise<CaseResult>[] = [];
  for (const suite of o.suites) {
    const arb = SUITES[suite].cases;
    for (let i = 0; i < o.runs; i++) {
      jobs.push(
        limit(async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          const drawn = drawCase(arb, o.seed, i);
          const replay = { seed: o.seed, path: `${suite}:${i}` };
          const c = withId(drawn.value, replay);
          const head = {
            id: c.id,
            suite,
            api: c.api,
            pattern: c.pattern,
            resourceMode: c.resourceMode,
            queryLanguage: c.queryLanguage,
            replay: { ...replay, command: replayCommand(suite, o.seed, i, o.targetArgs) },
          };
          let result: CaseResult;
          try {
            const e = await evaluate(o.target, suite, c);
            result = {
              ...head,
              verdict: e.differences.length === 0 ? 'match' : 'diverged',
              predicted: predictionValues(e.prediction),
              observed: { ...e.observation },
              differences: e.differences,
            };
            if (e.differences.length > 0 && o.shrinkBudget > 0) {
              let last = e;
              const shrunk = await shrinkCase(
                arb,
                drawn,
                async (content) => {
                  shrinkExecutions++;
                  try {
                    const candidate = await evaluate(o.target, suite, withId(content, replay));
                    if (candidate.differences.length === 0) return false;
                    last = candidate;
                    return true;
                  } catch {
                    return false;
                  }
                },
                o.shrinkBudget,
              );
              shrinkSteps += shrunk.steps;
              const { replay: _r, ...shrunkCase } = last.case;
              result = {
                ...result,
                shrunk: {
                  id: last.case.id,
                  steps: shrunk.steps,
                  case: shrunkCase,
                  differences: last.differences,
                },
              };
            }
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
          inFlight--;
          done++;
          if (o.casesJsonl) appendFileSync(o.casesJsonl, `${JSON.stringify(result)}\n`);
          o.onCase?.(result, done, total);
          return result;
        }),
      );
    }
  }
  const cases = await Promise.all(jobs);
  const durationMs = Date.now() - started;
  const count = (v: CaseResult['verdict']) => cases.filter((c) => c.verdict === v).length;
  return {
    schemaVersion: 1,
    tool: { name: 'sfn-sagemaker-conformance', version: o.version },
    target: { kind: o.target.kind, region: o.region, description: o.target.description },
    seed: o.seed,
    runs: o.runs,
    concurrency: o.concurrency,
    suites: [...o.suites],
    startedAt: new Date(started).toISOString(),
    durationMs,
    totals: {
      cases: cases.length,
      matched: count('match'),
      diverged: count('diverged'),
      errored: count('error'),
    },
    stats: {
      maxInFlight,
      casesPerSecond: Math.round((cases.length / Math.max(durationMs, 1)) * 1000 * 10) / 10,
      shrinkSteps,
      shrinkExecutions,
    },
    cases,
  };
}
