/**
 * A state machine's own world scenario: tagged `sfn-conformance:scenario` with a JSON WorldScenario
 * (checked as a scenario file is: contracts/scenarioCheck.ts; `referencesExist` false where it does
 * not say, a fresh account), its executions run in it instead of the server's. A tag value holds at
 * most 256 characters. A value that is not a scenario fails StartExecution with a
 * ValidationException naming the tag.
 */
import type { WorldScenario } from '../../catalog/scenario.js';
import { checkScenario } from '../../contracts/scenarioCheck.js';
import { UsageError } from '../../contracts/usageError.js';
import { StepFunctionsError, type EmulatedStepFunctions } from '../../emulator/stepFunctions.js';
import { AwsError } from '../protocol/json.js';

/** The tag whose value is a state machine's world scenario. */
export const SCENARIO_TAG = 'sfn-conformance:scenario';

/** The scenario the state machine's tag gives its executions; undefined without the tag (or the machine). */
export function taggedScenario(
  sfn: EmulatedStepFunctions,
  stateMachineArn: string,
): WorldScenario | undefined {
  let tags: readonly { key: string; value: string }[];
  try {
    tags = sfn.listTagsForResource(stateMachineArn);
  } catch (e) {
    // No such machine: StartExecution says so itself.
    if (e instanceof StepFunctionsError) return undefined;
    throw e;
  }
  const tag = tags.find((t) => t.key === SCENARIO_TAG);
  if (!tag) return undefined;
  const where = `the tag ${SCENARIO_TAG} of ${stateMachineArn}`;
  let raw: unknown;
  try {
    raw = JSON.parse(tag.value);
  } catch (e) {
    throw new AwsError('ValidationException', `${where} is not JSON: ${(e as Error).message}`);
  }
  try {
    return checkScenario(raw, where, { referencesExist: false });
  } catch (e) {
    if (e instanceof UsageError) throw new AwsError('ValidationException', e.message);
    throw e;
  }
}
