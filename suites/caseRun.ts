/**
 * One case of a run: drawn from its suite by seed and index, realised on the target, executed,
 * compared with the oracle's prediction and, when it diverges, shrunk to a smaller case with the
 * same divergence.
 */
import type fc from 'fast-check';
import type { Case, CaseContent } from '../contracts/case.js';
import type { Observation } from '../contracts/observation.js';
import type { Prediction } from '../contracts/prediction.js';
import { realiseCase, type Target } from '../contracts/target.js';
import { withId } from '../generators/invalidCase.js';
import { shrinkCase } from '../generators/sampleCases.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { causeKey, causeOf, type Cause } from '../reports/cause.js';
import { aspectsOn, callLine, compare, type Difference, undecidedBy } from '../reports/compare.js';
import { replayById, replayByPath } from '../reports/replayCommand.js';
import { observedExecution, type CaseResult } from '../reports/report.js';
import type { CaseSource } from './caseSource.js';
import { drawSuiteCase, SUITES, type SuiteName } from './suites.js';

/** What running one case needs: the target, the seed, the shrinking budget, the replay commands' parts. */
export interface CaseRunOptions {
  readonly target: Target;
  readonly seed: number;
  /** Executions spent shrinking one divergent case. */
  readonly shrinkBudget: number;
  /** Wall-clock seconds spent shrinking one divergent case, at most (no limit when absent). */
  readonly shrinkSeconds?: number;
  /** The command-line options that select the target, for replay commands (e.g. `--target embedded`). */
  readonly targetArgs: string;
  /** Where report.json will be written, for the replay commands of shrunk cases. */
  readonly reportFile?: string;
  /** Once aborted, shrinking stops. */
  readonly signal?: AbortSignal;
  /** Where the cases come from, if not the suites' generators (`run --definition`). */
  readonly source?: CaseSource;
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

/** A case executed and compared: what was predicted, what was seen, where they differ. */
export interface Evaluated {
  readonly case: Case;
  readonly prediction: Prediction;
  readonly observation: Observation;
  readonly differences: Difference[];
  /** For a divergence: its cause (the first rule the target broke, where, and what it did). */
  readonly cause?: Cause;
  /** No difference, and none could be seen: why the target cannot decide the case (a match otherwise). */
  readonly undecided?: string;
}

/** A case's verdict: diverged where a difference shows, undecided where the target shows too little, else a match. */
export const verdictOf = (e: Evaluated): 'match' | 'diverged' | 'undecided' =>
  e.differences.length > 0 ? 'diverged' : e.undecided !== undefined ? 'undecided' : 'match';

/** Runs one case on the target and compares it with the oracle's prediction. */
export async function evaluate(target: Target, suite: SuiteName, c: Case): Promise<Evaluated> {
  const prediction = target.predict ? target.predict(c) : predictExecution(c);
  const observation = await target.execute(c);
  if (observation.notRun !== undefined)
    return { case: c, prediction, observation, differences: [], undecided: `not run: ${observation.notRun}` };
  const aspects = target.aspects ?? aspectsOn(SUITES[suite].aspects, target.capabilities);
  const differences = compare(prediction, observation, aspects);
  const undecided = differences.length === 0 ? undecidedBy(prediction, observation, aspects) : undefined;
  const cause = causeOf(prediction, observation, differences);
  return {
    case: c,
    prediction,
    observation,
    differences,
    ...(cause ? { cause } : {}),
    ...(undecided ? { undecided } : {}),
  };
}

/** What a case's run tells of its shrinking, if the case diverges. */
export interface ShrinkListener {
  /** Shrinking goes on: the steps taken and the candidates tried so far (both 0 as it starts). */
  readonly progress?: (steps: number, tried: number) => void;
  /** Shrinking is over: the steps taken and the candidates executed. */
  readonly done?: (steps: number, executions: number) => void;
}

/** Resolves after the event loop's next turn (timers, I/O and signals get their go). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a case result says of the case before its verdict: its id, suite, labels and how to replay it. */
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
  o: CaseRunOptions,
  suite: SuiteName,
  i: number,
  shrink: ShrinkListener = {},
): Promise<CaseResult> {
  const started = Date.now();
  const drawn = o.source ? o.source.draw(suite, o.seed, i) : drawSuiteCase(suite, o.seed, i);
  const replay = { seed: o.seed, path: `${suite}:${i}` };
  const replayArgs = [o.targetArgs, o.source?.replayArgs].filter(Boolean).join(' ');
  const drawnCase = withId(drawn.value, replay);
  const realised = realiseCase(o.target, drawnCase);
  const c = 'case' in realised ? realised.case : drawnCase;
  const head = caseHead(c, suite, { ...replay, command: replayByPath(suite, o.seed, i, replayArgs) });
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
      const arb = o.source ? o.source.arbitrary(suite, i) : SUITES[suite].cases;
      result = await runCase(o, suite, c, drawn, replay, head, shrink, arb);
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
  o: CaseRunOptions,
  suite: SuiteName,
  c: Case,
  drawn: fc.Value<CaseContent>,
  replay: Case['replay'],
  head: Head,
  shrink: ShrinkListener,
  cases: fc.Arbitrary<CaseContent> = SUITES[suite].cases,
): Promise<CaseResult> {
  const e = await evaluate(o.target, suite, c);
  const result: CaseResult = {
    ...head,
    verdict: verdictOf(e),
    predicted: predictionValues(e.prediction),
    observed: observationValues(e.observation),
    differences: e.differences,
    ...(e.cause ? { cause: e.cause } : {}),
    ...(e.undecided ? { undecidedReason: e.undecided } : {}),
  };
  if (e.differences.length === 0 || o.shrinkBudget === 0) return result;
  let last = e;
  let executions = 0;
  let steps = 0;
  let tried = 0;
  shrink.progress?.(0, 0);
  const signature = e.cause ? causeKey(e.cause) : undefined;
  const deadline = o.shrinkSeconds === undefined ? Infinity : Date.now() + o.shrinkSeconds * 1000;
  const tryCandidate = async (content: CaseContent): Promise<boolean> => {
    await nextTurn();
    if (o.signal?.aborted) return false;
    const candidate = withId(content, replay);
    const realised = realiseCase(o.target, candidate, 'shrink');
    if (!('case' in realised)) return false;
    executions++;
    try {
      const next = await evaluate(o.target, suite, realised.case);
      // Only a candidate with the same cause: a smaller case of another bug is not this one.
      if (!next.cause || causeKey(next.cause) !== signature) return false;
      last = next;
      return true;
    } catch {
      return false;
    }
  };
  const shrunk = await shrinkCase(
    cases,
    drawn,
    async (content) => {
      const kept = await tryCandidate(content);
      tried++;
      if (kept) steps++;
      shrink.progress?.(steps, tried);
      return kept;
    },
    o.shrinkBudget,
    () => Date.now() >= deadline,
  );
  shrink.done?.(shrunk.steps, executions);
  const { replay: _r, ...shrunkCase } = last.case;
  const execution = observedExecution(last.observation);
  return {
    ...result,
    shrunk: {
      id: last.case.id,
      steps: shrunk.steps,
      case: shrunkCase,
      differences: last.differences,
      ...(last.cause ? { cause: last.cause } : {}),
      ...(execution ? { execution } : {}),
      ...(o.reportFile ? { replay: { command: replayById(o.reportFile, last.case.id) } } : {}),
    },
  };
}
