/**
 * The five properties as vitest tests, so that vitest's filtering and sharding work:
 *   npx vitest run --project conformance
 * The target and the run come from the environment: SFN_CONFORMANCE_TARGET (embedded; the AWS
 * targets are not part of this version), SFN_CONFORMANCE_RUNS (default 100), SFN_CONFORMANCE_SEED
 * (default 1), SFN_CONFORMANCE_MUTANT (an emulator mutant: the tests then fail, as they should).
 */
import { describe, expect, it } from 'vitest';
import { isMutant } from '../../emulator/mutants/index.js';
import { runSuites } from '../runner.js';
import { SUITE_NAMES, SUITES } from '../suites.js';
import { EmbeddedTarget } from '../targets/embedded.js';

const env = process.env;
const kind = env.SFN_CONFORMANCE_TARGET ?? 'embedded';
const runs = Number(env.SFN_CONFORMANCE_RUNS ?? 100);
const seed = Number(env.SFN_CONFORMANCE_SEED ?? 1);
const mutant = env.SFN_CONFORMANCE_MUTANT;

describe.skipIf(kind !== 'embedded')(`conformance on ${kind}`, () => {
  if (kind !== 'embedded')
    console.warn(
      `SFN_CONFORMANCE_TARGET=${kind}: only the embedded target is available in this version; skipped`,
    );
  for (const suite of SUITE_NAMES) {
    it(`${suite}: ${SUITES[suite].description}`, async () => {
      const report = await runSuites({
        target: new EmbeddedTarget(mutant && isMutant(mutant) ? [mutant] : []),
        runs,
        seed,
        concurrency: 4,
        suites: [suite],
        shrinkBudget: 100,
        targetArgs: '--target embedded',
        region: 'us-east-1',
        version: 'vitest',
      });
      // A case the oracle leaves undecided (a rule nobody knows decides it) is not a problem.
      const problems = report.cases
        .filter((c) => c.verdict !== 'match' && !(c.verdict === 'undecided' && c.predicted?.undecided))
        .map((c) => ({
          id: c.id,
          differences: c.shrunk?.differences ?? c.differences,
          error: c.errorMessage,
          replay: c.replay.command,
        }));
      expect(problems).toEqual([]);
    });
  }
});
