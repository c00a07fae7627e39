/** `validate`: its options; the command is cli/commands/validate.ts, loaded when it runs. */
import type { Command } from 'commander';
import { DEFINITION_ARGUMENT, typeOption } from '../options/definition.js';
import type { CommandContext } from './context.js';

/** Adds `validate` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('validate')
    .description(
      'ASL validity plus the SageMaker integration rules; exit 0 valid, 1 invalid (one line per problem)',
    )
    .argument('<definition.json>', DEFINITION_ARGUMENT)
    .addOption(typeOption())
    .action(async (path: string, opts: { type?: string }) => {
      setExit((await import('../commands/validate.js')).validateCommand(path, opts, io));
    });
}
