/** Prediction next to observation: the differences, each with the provenance of the expectation. */
import { rule } from '../catalog/provenance.js';
import {
  CauseMatch,
  ClockTime,
  EXECUTION_ARN,
  leaves,
  type CallRecord,
  type CausePattern,
  type DurationRange,
  type Prediction,
  type PredictedTaskFailure,
} from '../contracts/prediction.js';
import type { Observation, TaskFailure } from '../contracts/observation.js';
import type { TargetCapabilities } from '../contracts/target.js';

export type { Aspect, Difference } from '../contracts/aspect.js';
import type { Aspect, Difference } from '../contracts/aspect.js';

/**
 * What a target's failure to answer (a server error, an unreadable page, an execution it never
 * ended) is held to: no expectation of the oracle's, but what AWS does with every well-formed call.
 */
const TARGET_ANSWERS = rule('harness.target-answers');

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A call as one line: `sagemaker:CreateTrainingJob arn:... allowed`. */
export const callLine = (c: CallRecord): string => `${c.action} ${c.resource} ${c.decision}`;

/** The observed cause misses these of the predicted includes. */
export function causeMisses(pattern: CausePattern, cause: string | undefined): string[] {
  const text = (cause ?? '').toLowerCase();
  return pattern.includes.filter((s) => !text.includes(s.toLowerCase()));
}

const isRange = (v: number | DurationRange): v is DurationRange => typeof v !== 'number';

/** Whether an observed duration meets the predicted one (FULL jitter: at least min, below max). */
export function durationMatches(predicted: number | DurationRange, observed: number): boolean {
  if (!isRange(predicted)) return Math.abs(predicted - observed) <= 0.002;
  return observed >= predicted.min - 0.002 && observed < predicted.max;
}

/** Predicted values with the execution's ARN where the oracle left its placeholder. */
function withExecutionArn(value: unknown, arn: string | undefined): unknown {
  return typeof value === 'string' && arn !== undefined ? value.split(EXECUTION_ARN).join(arn) : value;
}

/**
 * The aspects a suite compares on a target. Where the target shows no calls (a real account, an
 * endpoint), the history's failure stands in for them: the error, and the cause that names the
 * denied action and resource.
 */
export function aspectsOn(aspects: readonly Aspect[], capabilities: TargetCapabilities): readonly Aspect[] {
  if (capabilities.seesCalls || !aspects.includes('calls')) return aspects;
  return [...new Set<Aspect>([...aspects, 'error', 'cause', 'taskFailures'])];
}

/**
 * Why the observation cannot decide a case that shows no difference, if it cannot: a prediction
 * the case is about that the target does not show (a denied call whose denial leaves no trace in
 * the history's error or cause, the jobs' status at the end where the target does not report
 * it). Such a case is undecided, not matched.
 */
export function undecidedBy(p: Prediction, o: Observation, aspects: readonly Aspect[]): string | undefined {
  // The oracle leaves the outcome undecided where it rests on a rule nobody knows.
  if (p.undecided && p.created.value && o.created) return p.undecided.value;
  const want = (a: Aspect) => aspects.includes(a);
  if (want('calls') && o.calls === undefined) {
    // The history shows a denial where a cause it has names the action: the execution's, or a failed attempt's.
    const named = [
      ...(p.cause?.value.includes ?? []),
      ...(p.createError?.value.includes ?? []),
      ...(want('taskFailures') && o.taskFailures !== undefined
        ? (p.taskFailures?.value ?? []).flatMap((f) => f.cause?.includes ?? [])
        : []),
    ].map((s) => s.toLowerCase());
    const unseen = p.calls.value.find(
      (c) =>
        c.decision !== 'allowed' && p.created.value && !named.some((s) => s.includes(c.action.toLowerCase())),
    );
    if (unseen)
      return `the target shows no calls, and the predicted denial of ${unseen.action} leaves no trace in the history`;
  }
  if (
    want('jobStates') &&
    p.jobStates &&
    o.jobStates === undefined &&
    p.created.value &&
    o.created &&
    p.status?.value === o.status
  )
    return "the target does not show the jobs' status at the execution's end (whether the stop took effect)";
  return undefined;
}

/** The differences between a prediction and an observation, on the aspects the suite holds the target to. */
export function compare(p: Prediction, o: Observation, aspects: readonly Aspect[]): Difference[] {
  const out: Difference[] = [];
  const want = (a: Aspect) => aspects.includes(a);
  if (want('created') && p.created.value !== o.created) {
    out.push({
      path: 'created',
      predicted: p.created.value,
      observed: o.created ? true : `false (${o.createError ?? ''})`,
      provenance: p.created.provenance,
    });
  }
  // Both refused: for the same reason (InvalidDefinition, or the managed rule's AccessDeniedException).
  if (want('created') && p.createError && !p.created.value && !o.created) {
    const misses = causeMisses(p.createError.value, o.createError);
    if (misses.length > 0)
      out.push({
        path: 'createError',
        predicted: `contains ${misses.map((m) => JSON.stringify(m)).join(', ')}`,
        observed: o.createError,
        provenance: p.createError.provenance,
      });
  }
  if (o.targetError !== undefined)
    out.push({
      path: 'target',
      predicted: 'an answer to every call',
      observed: o.targetError,
      provenance: TARGET_ANSWERS,
    });
  // An outcome the oracle does not predict (Prediction.undecided) is not compared: creation only.
  if (p.undecided && p.created.value && o.created) return finish(out);
  if (want('calls') && o.calls !== undefined) {
    const steps = alignCalls(p.calls.value, o.calls);
    for (const step of steps.slice(0, MAX_CALL_DIFFERENCES))
      out.push({
        path: `calls/${step.at}`,
        predicted: step.predicted ? callLine(step.predicted) : '(no call)',
        observed: step.observed ? callLine(step.observed) : '(no call)',
        provenance: p.calls.provenance,
      });
    if (steps.length > MAX_CALL_DIFFERENCES)
      out.push({
        path: 'calls/more',
        predicted: `${p.calls.value.length} calls`,
        observed: `${o.calls.length} calls, ${steps.length - MAX_CALL_DIFFERENCES} more differences`,
        provenance: p.calls.provenance,
      });
  }
  if (!p.created.value || !o.created) return finish(out);
  // An execution the target never ended (the harness stopped it) has nothing more to compare.
  if (o.targetError !== undefined && o.status === undefined) return finish(out);
  if (want('status') && p.status && p.status.value !== o.status)
    out.push({
      path: 'status',
      predicted: p.status.value,
      observed: o.status,
      provenance: p.status.provenance,
    });
  if (want('error') && p.error && p.error.value !== (o.error ?? null))
    out.push({
      path: 'error',
      predicted: p.error.value,
      observed: o.error ?? null,
      provenance: p.error.provenance,
    });
  if (want('cause') && p.cause) {
    const misses = causeMisses(p.cause.value, o.cause);
    if (misses.length > 0)
      out.push({
        path: 'cause',
        predicted: `contains ${misses.map((m) => JSON.stringify(m)).join(', ')}`,
        observed: o.cause,
        provenance: p.cause.provenance,
      });
  }
  if (want('output') && p.output && o.status === 'SUCCEEDED') {
    const observed = leaves(o.output);
    for (const [path, raw] of Object.entries(p.output.value)) {
      // A time of day is predicted on a virtual clock only: a real one runs jobs as long as they take.
      if (raw instanceof ClockTime && o.startEpochMs === undefined) continue;
      const value = withExecutionArn(raw, o.executionArn);
      const matches =
        value instanceof CauseMatch
          ? typeof observed[path] === 'string' && causeMisses(value, observed[path] as string).length === 0
          : value instanceof ClockTime
            ? value.matches(observed[path], o.startEpochMs!)
            : same(observed[path], value);
      if (!matches)
        out.push({
          path: `output${path}`,
          predicted: value,
          observed: observed[path] ?? '(absent)',
          provenance: p.output.provenance,
        });
    }
  }
  if (want('attempts') && p.attempts && o.attempts !== undefined && p.attempts.value !== o.attempts)
    out.push({
      path: 'attempts',
      predicted: p.attempts.value,
      observed: o.attempts,
      provenance: p.attempts.provenance,
    });
  if (
    want('durationSeconds') &&
    p.durationSeconds &&
    o.durationSeconds !== undefined &&
    !durationMatches(p.durationSeconds.value, o.durationSeconds)
  ) {
    out.push({
      path: 'durationSeconds',
      predicted: p.durationSeconds.value,
      observed: o.durationSeconds,
      provenance: p.durationSeconds.provenance,
    });
  }
  if (
    want('historyTypes') &&
    p.historyTypes &&
    o.historyTypes &&
    !same(p.historyTypes.value, o.historyTypes)
  ) {
    out.push({
      path: 'historyTypes',
      predicted: p.historyTypes.value,
      observed: o.historyTypes,
      provenance: p.historyTypes.provenance,
    });
  }
  if (want('taskFailures') && p.taskFailures && o.taskFailures)
    out.push(...taskFailureDifferences(p.taskFailures, o.taskFailures));
  if (want('jobStates') && p.jobStates && o.jobStates)
    for (const [arn, status] of Object.entries(p.jobStates.value))
      if (o.jobStates[arn] !== status)
        out.push({
          path: `jobStates/${arn}`,
          predicted: status,
          observed: o.jobStates[arn] ?? '(no such job)',
          provenance: p.jobStates.provenance,
        });
  return finish(out);
}

/** The call differences a case lists at most (the rest are counted). */
const MAX_CALL_DIFFERENCES = 10;

/**
 * Where two call lists part: a predicted call the target did not make (`missing`), a call it made
 * that was not predicted (`extra`), or the same call with another decision (`changed`). `at` is the
 * predicted call's index (an extra call: the index of the predicted call it comes before).
 */
export interface CallStep {
  readonly kind: 'missing' | 'extra' | 'changed';
  readonly at: number;
  readonly predicted?: CallRecord;
  readonly observed?: CallRecord;
}

/**
 * The two call lists aligned before they are compared (a longest common subsequence of action and
 * resource), so that one missing call is one difference, not a cascade of substitutions.
 */
export function alignCalls(predicted: readonly CallRecord[], observed: readonly CallRecord[]): CallStep[] {
  const key = (c: CallRecord) => `${c.action} ${c.resource}`;
  const n = predicted.length;
  const m = observed.length;
  // lcs[i][j]: the longest common subsequence of predicted[i..] and observed[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        key(predicted[i]!) === key(observed[j]!)
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const steps: CallStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(predicted[i]!) === key(observed[j]!)) {
      if (predicted[i]!.decision !== observed[j]!.decision)
        steps.push({ kind: 'changed', at: i, predicted: predicted[i]!, observed: observed[j]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      steps.push({ kind: 'extra', at: i, observed: observed[j]! });
      j++;
    } else {
      steps.push({ kind: 'missing', at: i, predicted: predicted[i]! });
      i++;
    }
  }
  return steps;
}

/** A failed attempt as one line: its error, and what its cause must contain. */
const failureLine = (f: PredictedTaskFailure): string =>
  `${f.error}${f.cause ? ` (cause contains ${f.cause.includes.map((m) => JSON.stringify(m)).join(', ')})` : ''}`;

/**
 * The failed attempts the history shows against those predicted, matched in any order (the branches
 * of a Map or a Parallel fail in the order their calls are answered): each predicted one needs an
 * observed one with its error and a cause that contains what its pattern says; the rest are extra.
 */
function taskFailureDifferences(
  p: NonNullable<Prediction['taskFailures']>,
  observed: readonly TaskFailure[],
): Difference[] {
  const left = [...observed];
  const missing: (readonly [PredictedTaskFailure, number])[] = [];
  p.value.forEach((f, index) => {
    const i = left.findIndex(
      (o) => o.error === f.error && (f.cause === undefined || causeMisses(f.cause, o.cause).length === 0),
    );
    if (i < 0) missing.push([f, index]);
    else left.splice(i, 1);
  });
  const line = (o: TaskFailure) => `${o.error}${o.cause !== undefined ? `: ${o.cause}` : ''}`;
  return [
    ...missing.map(([f, k]) => ({
      path: `taskFailures/${k}`,
      predicted: failureLine(f),
      observed: left.length > 0 ? left.map(line).join(' | ') : '(no such failure)',
      provenance: p.provenance,
    })),
    ...(missing.length === 0 && left.length > 0
      ? [
          {
            path: 'taskFailures/extra',
            predicted: `${p.value.length} failed attempts`,
            observed: left.map(line).join(' | '),
            provenance: p.provenance,
          },
        ]
      : []),
  ];
}

/** A report is JSON: what a target did not tell is '(absent)', not a dropped key. */
function finish(out: Difference[]): Difference[] {
  return out.map((d) => ({
    ...d,
    predicted: d.predicted === undefined ? '(absent)' : d.predicted,
    observed: d.observed === undefined ? '(absent)' : d.observed,
  }));
}

/**
 * What a divergence is, for shrinking: its difference paths, a call difference by the call it is
 * about (its index shifts as the case shrinks), output differences as one (a smaller request has
 * fewer leaves to differ in). A shrink step must keep it, so that the shrunk case shows the bug
 * that was found, not another.
 */
export function divergenceSignature(
  differences: readonly Pick<Difference, 'path' | 'predicted' | 'observed'>[],
): string {
  const action = (v: unknown) => (typeof v === 'string' && v !== '(no call)' ? v.split(' ')[0] : '-');
  return [
    ...new Set(
      differences.map((d) =>
        d.path.startsWith('calls/')
          ? `calls ${action(d.predicted)} ${action(d.observed)}`
          : d.path.startsWith('output/')
            ? 'output'
            : d.path,
      ),
    ),
  ]
    .sort()
    .join('\n');
}
