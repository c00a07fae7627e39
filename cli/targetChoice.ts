/** The target `run` and `replay` select from their options (the AWS targets connect in aws/connect.ts). */
import { isMutant, type MutantName } from '../emulator/mutants/index.js';
import { embeddedTargetArgs } from '../reports/replayCommand.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';
import type { Target } from '../contracts/target.js';
import { UsageError } from '../contracts/usageError.js';

/** The built-in emulator target the options select (the AWS targets connect with connectAwsTarget). */
export function selectTarget(raw: {
  readonly target?: string;
  readonly emulatorMutant?: readonly string[];
}): {
  target: Target;
  /** The options that select it again (replay commands). */
  args: string;
  /** The emulator's mutants, each once, in the order given. */
  mutants: MutantName[];
} {
  const kind = raw.target ?? 'embedded';
  if (kind !== 'embedded')
    throw new UsageError('bad-option', `--target "${kind}" is unknown; use embedded, aws or endpoint`);
  const mutants = [...new Set(raw.emulatorMutant ?? [])].map((name) => {
    if (!isMutant(name))
      throw new UsageError(
        'bad-option',
        `--emulator-mutant "${name}" is unknown; see sfn-conformance run --list-mutants`,
      );
    return name;
  });
  return { target: new EmbeddedTarget(mutants), args: embeddedTargetArgs(mutants), mutants };
}
