/**
 * What the oracle predicts of a case, as the AWS target uses it: whether creation is allowed, how
 * long the execution takes, and which calls would create something on a real account.
 */
import type { Case } from '../../../contracts/case.js';
import type { CallRecord } from '../../../contracts/prediction.js';
import { predictExecution } from '../../../oracles/outcome/predictExecution.js';

/** The oracle's prediction of a case, made once however often the target asks. */
const predictions = new WeakMap<Case, ReturnType<typeof predictExecution>>();

/** The oracle's prediction of a case (cached per case object). */
export function predictionOf(theCase: Case): ReturnType<typeof predictExecution> {
  let prediction = predictions.get(theCase);
  if (!prediction) {
    prediction = predictExecution(theCase);
    predictions.set(theCase, prediction);
  }
  return prediction;
}

/** The virtual seconds the oracle predicts the case's execution takes (the longest, with jitter). */
export function predictedSeconds(theCase: Case): number {
  const duration = predictionOf(theCase).durationSeconds?.value;
  return duration === undefined ? 0 : typeof duration === 'number' ? duration : duration.max;
}

/** Create calls that start something billed or leave a resource behind on a real account. */
export const allowedCreates = (theCase: Case): CallRecord[] =>
  predictExecution(theCase).calls.value.filter(
    (call) => /^sagemaker:(Create|Update)\w+$/.test(call.action) && call.decision === 'allowed',
  );
