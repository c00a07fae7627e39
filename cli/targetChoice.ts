/** The target `run` and `replay` select from their options (the AWS targets connect in awsOptions.ts). */
import { isMutant, type MutantName } from '../emulator/mutants/index.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';
import type { Target } from '../contracts/target.js';
import { UsageError } from './errors.js';

/** The built-in emulator target the options select (the AWS targets connect with connectTarget). */
export function selectTarget(raw: { readonly target?: string; readonly emulatorMutant?: string }): {
  target: Target;
  args: string;
  mutant?: MutantName;
} {
  const kind = raw.target ?? 'embedded';
  if (kind !== 'embedded')
    throw new UsageError('bad-option', `--target "${kind}" is unknown; use embedded, aws or endpoint`);
  if (raw.emulatorMutant !== undefined && !isMutant(raw.emulatorMutant)) {
    throw new UsageError(
      'bad-option',
      `--emulator-mutant "${raw.emulatorMutant}" is unknown; see sfn-conformance run --list-mutants`,
    );
  }
  const mutant = raw.emulatorMutant as MutantName | undefined;
  return {
    target: new EmbeddedTarget(mutant ? [mutant] : []),
    args: `--target embedded${mutant ? ` --emulator-mutant ${mutant}` : ''}`,
    ...(mutant ? { mutant } : {}),
  };
}
