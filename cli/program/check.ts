/** `check`: its options; the command is cli/commands/check.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { CheckOptions } from '../commands/check.js';
import {
  addPredictionOptions,
  definitionOption,
  inputOption,
  mockCaseOption,
  mockOption,
  policyOption,
} from '../options/definition.js';
import { repeatable } from '../options/repeatable.js';
import { formatOption, TEXT_OR_JSON } from '../options/report.js';
import type { CommandContext } from './context.js';

/** Adds `check` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  addPredictionOptions(
    program
      .command('check')
      .description(
        'Is this policy enough for this definition? Lists each call made as the execution role with allow/deny and why',
      )
      .addOption(definitionOption('the state machine definition to check').makeOptionMandatory())
      .addOption(repeatable(policyOption()).makeOptionMandatory())
      .addOption(formatOption(TEXT_OR_JSON))
      .addOption(
        inputOption(
          ': a sample input; names given at run time are decided as it gives them, in the built-in emulator',
        ),
      )
      .addOption(mockOption(', with --input'))
      .addOption(mockCaseOption()),
  ).action(async (opts: CheckOptions) => {
    setExit(await (await import('../commands/check.js')).checkCommand(opts, io));
  });
}
