/**
 * A Step Functions request checked against its API model (serve/protocol/requestCheck.ts), in
 * Step Functions' words: `Value at '<member>' failed to satisfy constraint: ...`, the value unnamed.
 */
import { STEP_FUNCTIONS_MODEL } from '../../apimodel/stepFunctionsModel.generated.js';
import { requestChecker } from '../protocol/requestCheck.js';

/** Throws AWS's error for a Step Functions request the API model refuses; returns quietly otherwise. */
export const checkRequest = requestChecker(STEP_FUNCTIONS_MODEL, {
  quotesValue: false,
  anchorsPattern: false,
});
