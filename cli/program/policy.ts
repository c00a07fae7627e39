/** `policy`: its options; the command is cli/commands/policy.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { RawPredictionOptions } from '../predictionOptions.js';
import { addPredictionOptions, DEFINITION_ARGUMENT } from '../options/definition.js';
import type { CommandContext } from './context.js';

/** Adds `policy` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  addPredictionOptions(
    program
      .command('policy')
      .description(
        'Print the IAM policy Step Functions would generate for every SageMaker Task state of a definition',
      )
      .argument('<definition.json>', DEFINITION_ARGUMENT)
      .option('--explain', 'print the provenance of every statement on stderr'),
  ).action(async (path: string, opts: RawPredictionOptions & { explain?: boolean }) => {
    setExit((await import('../commands/policy.js')).policyCommand(path, opts, io));
  });
}
