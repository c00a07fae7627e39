/**
 * The shipped modules the bench measures: dist/, as users run them (the TypeScript sources under
 * tsx run slower, tsx's helpers wrapping every function). `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Stepfunctions from '../emulator/stepFunctions.js';
import type * as InvalidCase from '../generators/invalidCase.js';
import type * as SampleCases from '../generators/sampleCases.js';
import type * as PredictPolicy from '../oracles/policy/predictPolicy.js';
import type * as Runner from '../suites/runner.js';
import type * as Suites from '../suites/suites.js';
import type * as Embedded from '../suites/targets/embedded.js';

const at = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;

let loaded: ReturnType<typeof load> | undefined;

/** The dist/ modules, loaded once. */
export const dist = (): ReturnType<typeof load> => (loaded ??= load());

async function load() {
  if (!existsSync(fileURLToPath(at('cli/main.js'))))
    throw new Error('dist/ is missing: run `npm run build` before the bench');
  return {
    stepFunctions: (await import(at('emulator/stepFunctions.js'))) as typeof Stepfunctions,
    invalidCase: (await import(at('generators/invalidCase.js'))) as typeof InvalidCase,
    sampleCases: (await import(at('generators/sampleCases.js'))) as typeof SampleCases,
    predictPolicy: (await import(at('oracles/policy/predictPolicy.js'))) as typeof PredictPolicy,
    runner: (await import(at('suites/runner.js'))) as typeof Runner,
    suites: (await import(at('suites/suites.js'))) as typeof Suites,
    embedded: (await import(at('suites/targets/embedded.js'))) as typeof Embedded,
  };
}
