/**
 * The scenario mix of a set of cases, as the oracle's model runs them: how many meet an injected
 * create error or an abort, how the first `.sync` job ends, how many request mutations reach
 * SageMaker's validation. `sample --stats` prints it; the suites' tests hold it to bounds.
 */
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { JobEnd } from '../contracts/prediction.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import type { CaseContent } from '../contracts/case.js';

/** How many of the cases have each kind of scenario (for `sample --stats`). */
export interface ScenarioMix {
  readonly cases: number;
  /** Cases whose scenario injects a create error. */
  readonly createErrors: number;
  /** Cases run again with their names in use (`namesInUse`). */
  readonly namesInUse: number;
  /** Cases whose outcome the oracle leaves undecided (a rule nobody knows decides it). */
  readonly undecided: number;
  /** `.sync` cases whose scenario stops the execution after n polls. */
  readonly aborts: number;
  /** Cases whose execution makes a best-effort Stop<X>Job call the role may not make (the job runs on). */
  readonly deniedStops: number;
  /** Cases whose account has a quota of jobs at once, and those where a Create meets it. */
  readonly jobQuotas: number;
  readonly quotaMet: number;
  /** `.sync` cases (first task), and how their first job ended; `none` when no job started. */
  readonly syncCases: number;
  readonly firstJob: Readonly<Record<JobEnd | 'none', number>>;
  /** `.sync` cases whose first job reached its end (Completed, Failed or Stopped). */
  readonly jobsEnded: number;
  /** Cases that break a request value, and those whose call reached SageMaker's validation. */
  readonly requestMutations: number;
  readonly validated: number;
}

/** The best-effort Stop<X>Job actions (sfn.sync.stop-on-abort). */
const STOP_ACTIONS = new Set(
  Object.values(SAGEMAKER_APIS).flatMap((facts) => (facts.job ? [facts.job.stopAction.value] : [])),
);

/** The rule of a Create the account's job quota refuses. */
const QUOTA = 'sagemaker.quota.concurrent-jobs';

/** The counts of the scenarios the cases exercise. */
export function scenarioMix(cases: readonly CaseContent[]): ScenarioMix {
  const firstJob: Record<JobEnd | 'none', number> = {
    Completed: 0,
    Failed: 0,
    Stopped: 0,
    timedOut: 0,
    aborted: 0,
    none: 0,
  };
  let createErrors = 0;
  let namesInUse = 0;
  let undecided = 0;
  let aborts = 0;
  let deniedStops = 0;
  let jobQuotas = 0;
  let quotaMet = 0;
  let syncCases = 0;
  let requestMutations = 0;
  let validated = 0;
  for (const c of cases) {
    if (c.scenario.createError) createErrors++;
    if (c.scenario.namesInUse) namesInUse++;
    const mutation = !c.validity.valid && c.validity.breaks.kind === 'request';
    if (mutation) requestMutations++;
    const prediction = predictExecution(c);
    if (prediction.undecided) undecided++;
    if (prediction.calls.value.some((x) => STOP_ACTIONS.has(x.action) && x.decision !== 'allowed'))
      deniedStops++;
    if (c.scenario.jobQuota !== undefined) {
      jobQuotas++;
      if (prediction.trace.timeline?.failures.some((f) => f.rule === QUOTA)) quotaMet++;
    }
    if (c.validity.valid && c.pattern !== 'sync' && !mutation) continue;
    const trace = prediction.trace;
    if (mutation && trace.validated) validated++;
    if (c.validity.valid && c.pattern === 'sync') {
      syncCases++;
      if (c.scenario.abortAfterPolls !== undefined) aborts++;
      firstJob[trace.jobs[0] ?? 'none']++;
    }
  }
  const jobsEnded = firstJob.Completed + firstJob.Failed + firstJob.Stopped;
  return {
    cases: cases.length,
    createErrors,
    namesInUse,
    undecided,
    aborts,
    deniedStops,
    jobQuotas,
    quotaMet,
    syncCases,
    firstJob,
    jobsEnded,
    requestMutations,
    validated,
  };
}
