/** Prediction next to observation: the differences, each with the provenance of the expectation. */
import type { Provenance } from '../catalog/provenance.js';
import { leaves, type Prediction } from '../oracles/outcome/predictExecution.js';
import type { Observation } from '../suites/targets/target.js';

export interface Difference {
  readonly path: string;
  readonly predicted: unknown;
  readonly observed: unknown;
  readonly provenance: Provenance;
}

/** The aspects each suite compares. */
export type Aspect =
  'created' | 'calls' | 'status' | 'error' | 'output' | 'attempts' | 'durationSeconds' | 'historyTypes';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
  if (!p.created.value || !o.created) {
    if (want('calls') && o.calls !== undefined && !same(p.calls.value, o.calls))
      out.push({
        path: 'calls',
        predicted: p.calls.value,
        observed: o.calls,
        provenance: p.calls.provenance,
      });
    return out;
  }
  if (want('calls') && o.calls !== undefined && !same(p.calls.value, o.calls)) {
    const i = p.calls.value.findIndex((c, k) => c !== o.calls![k]);
    const at = i < 0 ? Math.min(p.calls.value.length, o.calls.length) : i;
    out.push({
      path: `calls/${at}`,
      predicted: p.calls.value[at] ?? '(no call)',
      observed: o.calls[at] ?? '(no call)',
      provenance: p.calls.provenance,
    });
  }
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
  if (want('output') && p.output && o.status === 'SUCCEEDED') {
    const observed = leaves(o.output);
    for (const [path, value] of Object.entries(p.output.value)) {
      if (!same(observed[path], value))
        out.push({
          path: `output${path}`,
          predicted: value,
          observed: observed[path] ?? '(absent)',
          provenance: p.output.provenance,
        });
    }
  }
  if (want('attempts') && p.attempts && p.attempts.value !== o.attempts)
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
    Math.abs(p.durationSeconds.value - o.durationSeconds) > 0.002
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
  // A report is JSON: what a target did not tell is '(absent)', not a dropped key.
  return out.map((d) => ({
    ...d,
    predicted: d.predicted === undefined ? '(absent)' : d.predicted,
    observed: d.observed === undefined ? '(absent)' : d.observed,
  }));
}
