/**
 * TestState's `inspectionData`: what the data flow of the tested state went through, at the
 * `inspectionLevel` asked.
 *
 * Documented (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html,
 * API_InspectionData.html, and https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html,
 * "Using inspection levels"): INFO (the default) shows the output alone; DEBUG adds the input and
 * output processing (`input`, `afterInputPath`, `afterParameters`, `result`, `afterResultSelector`,
 * `afterResultPath`; JSONata's `afterArguments`), the variables and the handled error's
 * `errorDetails`, and a Map state's items and limits; TRACE adds an HTTP Task's request and response.
 * Every payload is a JSON string. Observed (AWS's answers recorded in LocalStack's TestState
 * snapshots, github.com/localstack/localstack tests/aws/services/stepfunctions/v2/test_state/):
 * INFO has no `inspectionData` at all, error details included; a Pass state with Result shows
 * `result` and no `afterInputPath`; a Fail state shows `afterInputPath` as its input (JSONPath); a
 * Map shows `maxConcurrency` (0 where it gives none) and its tolerated failures where given.
 * Inferred: `variables` is shown where the state's variables are not empty; TRACE shows nothing
 * more here, as the emulator runs no HTTP Task.
 */
import type { DataFlowSteps } from '../engine/execution.js';

/** How much a TestState answer shows (InspectionLevel). */
export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE';

/** The handled error's details: which retrier or catcher, and the retry's backoff. */
export interface ErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** A Map state's own inspection: its items and its limits. */
export interface MapInspection {
  /** JSONPath: the items ItemsPath reached. */
  afterItemsPath?: unknown;
  /** The iterations' inputs after ItemSelector, where the state has one. */
  afterItemSelector?: unknown;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

/** What the tested state's run recorded, for the inspection. */
export interface Recorded {
  readonly input: unknown;
  readonly steps: DataFlowSteps;
  readonly errorDetails: ErrorDetails;
  readonly map: MapInspection;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** InspectionData as the API answers it: payloads as JSON text. */
export type InspectionData = Readonly<Record<string, string | number | ErrorDetails>>;

const STEP_ORDER: readonly (keyof DataFlowSteps)[] = [
  'afterInputPath',
  'afterArguments',
  'afterParameters',
  'result',
  'afterResultSelector',
  'afterResultPath',
];

/** The inspection data of a run at a level; undefined at INFO. */
export function inspectionData(level: InspectionLevel, recorded: Recorded): InspectionData | undefined {
  if (level === 'INFO') return undefined;
  const out: Record<string, string | number | ErrorDetails> = { input: JSON.stringify(recorded.input) };
  for (const step of STEP_ORDER)
    if (step in recorded.steps) out[step] = JSON.stringify(recorded.steps[step]) ?? 'null';
  const { afterItemsPath, afterItemSelector, ...limits } = recorded.map;
  if (afterItemsPath !== undefined) out.afterItemsPath = JSON.stringify(afterItemsPath);
  if (afterItemSelector !== undefined) out.afterItemSelector = JSON.stringify(afterItemSelector);
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) out[key] = value;
  if (Object.keys(recorded.variables).length > 0) out.variables = JSON.stringify(recorded.variables);
  if (Object.keys(recorded.errorDetails).length > 0) out.errorDetails = { ...recorded.errorDetails };
  return out;
}
