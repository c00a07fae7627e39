/**
 * `exec --scenario FILE`, `serve --scenario FILE`: how SageMaker behaves (docs/emulator.md,
 * "Scenario files"), read from a file and checked (contracts/scenarioCheck.ts).
 */
import type { WorldScenario } from '../catalog/scenario.js';
import { checkScenario } from '../contracts/scenarioCheck.js';
import { readJsonFile } from './io.js';

/** A scenario file; `referencesExist` where it does not say: true (`exec`), or `serve`'s false. */
export function readScenario(path: string, defaults = { referencesExist: true }): WorldScenario {
  return checkScenario(readJsonFile(path, 'scenario file'), `scenario file "${path}"`, defaults);
}
