/**
 * A quality gate as pipelines put one after training or tuning: a Choice on the model's metric
 * against a threshold (JSONPath `NumericGreaterThanEquals` and the others, JSONata `>=` and the
 * others) goes on to create and deploy the model, else ends the execution without deploying. The
 * metric is given in the execution input (as the evaluation step upstream reported it), and equals
 * the threshold in half the draws, else falls a step above or below it (a count never below 0, so
 * a count's threshold of 0 is met more often): the boundary is where comparisons go wrong.
 */
import fc from 'fast-check';
import type { QueryLanguage } from '../../catalog/api.js';
import type { NumericComparison, StepPlan } from '../../contracts/casePlan.js';

/** The input member that holds the metrics the gate reads. */
export const GATE_INPUT = 'evaluation';

/** The gate's state. */
export const GATE_STATE = 'ModelQualityGate';
/** The Succeed state the gate goes to when the model is not good enough. */
export const SKIP_STATE = 'SkipDeployment';

/** A metric people gate on, the comparisons they write for it, and the thresholds they pick. */
interface GateMetric {
  readonly name: string;
  readonly operators: readonly NumericComparison[];
  readonly thresholds: readonly number[];
  /** How far from the threshold a value off the boundary falls. */
  readonly steps: readonly number[];
}

const METRICS: readonly GateMetric[] = [
  {
    name: 'accuracy',
    operators: ['NumericGreaterThanEquals', 'NumericGreaterThanEquals', 'NumericGreaterThan'],
    thresholds: [0.8, 0.85, 0.9, 0.95],
    steps: [0.01, 0.05],
  },
  {
    name: 'auc',
    operators: ['NumericGreaterThanEquals', 'NumericGreaterThan'],
    thresholds: [0.7, 0.75],
    steps: [0.02],
  },
  {
    name: 'rmse',
    operators: ['NumericLessThan', 'NumericLessThanEquals', 'NumericLessThanEquals'],
    thresholds: [0.25, 1.5, 10],
    steps: [0.05, 1],
  },
  { name: 'failed_checks', operators: ['NumericEquals'], thresholds: [0], steps: [1, 2] },
];

/** A drawn gate: the metric, the rule on it, and the metric's value in the execution input. */
export interface DrawnGate {
  readonly metric: string;
  readonly operator: NumericComparison;
  readonly threshold: number;
  readonly value: number;
}

/** The gate: the value on the threshold half the time, else above or below it. */
export const gateArb: fc.Arbitrary<DrawnGate> = fc
  .constantFrom(...METRICS)
  .chain((metric) =>
    fc.record({
      metric: fc.constant(metric.name),
      operator: fc.constantFrom(...metric.operators),
      threshold: fc.constantFrom(...metric.thresholds),
      offset: fc.oneof(
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constantFrom(...metric.steps) },
        { weight: 1, arbitrary: fc.constantFrom(...metric.steps.map((step) => -step)) },
      ),
    }),
  )
  .map(({ offset, ...gate }) => ({
    ...gate,
    // Rounded as the evaluation writes it (0.9 - 0.05 is 0.85, not 0.8500000000000001).
    value: Math.max(0, Math.round((gate.threshold + offset) * 1e6) / 1e6),
  }));

/**
 * The steps with the gate before `gated` (the first step it guards): those from `gated` on run when
 * the metric passes, else the execution ends in the Succeed state without them.
 */
export function withGate(
  steps: readonly StepPlan[],
  gated: string,
  gate: DrawnGate,
  queryLanguage: QueryLanguage,
): StepPlan[] {
  const at = steps.findIndex((step) => step.name === gated);
  if (at < 0) return [...steps];
  return [
    ...steps.slice(0, at),
    {
      kind: 'choose',
      name: GATE_STATE,
      queryLanguage,
      flag: [GATE_INPUT, gate.metric],
      comparison: { operator: gate.operator, threshold: gate.threshold },
      whenTrue: { steps: steps.slice(at) },
      otherwise: { steps: [{ kind: 'succeed', name: SKIP_STATE }] },
    },
  ];
}
