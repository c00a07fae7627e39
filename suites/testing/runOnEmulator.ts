/** A run of the suites on the built-in emulator, as `run --target embedded` makes it (tests only). */
import type { MutantName } from '../../emulator/mutants/index.js';
import { runSuites } from '../runner.js';
import type { SuiteName } from '../suites.js';
import { EmbeddedTarget } from '../targets/embedded.js';

/** The suites run on the emulator (with a mutant, if named), with the command line's defaults. */
export const runOnEmulator = (options: {
  runs: number;
  seed: number;
  suites: readonly SuiteName[];
  mutant?: MutantName;
  shrinkBudget?: number;
  concurrency?: number;
}) =>
  runSuites({
    target: new EmbeddedTarget(options.mutant ? [options.mutant] : []),
    runs: options.runs,
    seed: options.seed,
    concurrency: options.concurrency ?? 4,
    suites: options.suites,
    shrinkBudget: options.shrinkBudget ?? 60,
    targetArgs: '--target embedded',
    region: 'us-east-1',
    version: 'test',
  });
