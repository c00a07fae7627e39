/** Prediction next to observation: the differences, each with the provenance of the expectation. */
import type { Provenance } from '../catalog/provenance.js';
import {
  CauseMatch,
  ClockTime,
  EXECUTION_ARN,
  leaves,
  type CallRecord,
  type CausePattern,
  type DurationRange,
  type Prediction,
} from '../oracles/outcome/predictExecution.js';
import type { Observation } from '../suites/targets/target.js';

export interface Difference {
  readonly path: string;
  readonly predicted: unknown;
  readonly observed: unknown;
  readonly provenance: Provenance;
}

/** The aspects each suite compares. */
export type Aspect =
  | 'created'
  | 'calls'
  | 'status'
  | 'error'
  | 'cause'
  | 'output'
  | 'attempts'
  | 'durationSeconds'
  | 'historyTypes'
  | 'jobStates';

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
  if (o.targetError !== undefined)
    out.push({
      path: 'target',
      predicted: 'an answer to every call',
      observed: o.targetError,
      provenance: p.created.provenance,
    });
  if (want('calls') && o.calls !== undefined) {
    const predicted = p.calls.value.map(callLine);
    const observed = o.calls.map(callLine);
    if (!same(predicted, observed)) {
      const i = predicted.findIndex((c, k) => c !== observed[k]);
      const at = i < 0 ? Math.min(predicted.length, observed.length) : i;
      out.push({
        path: `calls/${at}`,
        predicted: predicted[at] ?? '(no call)',
        observed: observed[at] ?? '(no call)',
        provenance: p.calls.provenance,
      });
    }
  }
  if (!p.created.value || !o.created) return finish(out);
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
export function divergenceSignature(differences: readonly Difference[]): string {
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
