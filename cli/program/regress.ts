/** `regress`: its options; the command is cli/commands/regress.ts, loaded when it runs. */
import { type Command, Option } from 'commander';
import type { RegressRaw } from '../commands/regress.js';
import { addPredictionOptions, definitionOption } from '../options/definition.js';
import { repeatable } from '../options/repeatable.js';
import { addReportOptions, formatOption, REGRESS_FORMATS } from '../options/report.js';
import { runsOption, seedOption } from '../options/seed.js';
import type { CommandContext } from './context.js';

/** Adds `regress` to the program. */
export function register(program: Command, { io, setExit, version }: CommandContext): void {
  addPredictionOptions(
    addReportOptions(
      program
        .command('regress')
        .description(
          'What a policy change breaks (newly denied calls) and widens (newly allowed), for definitions or generated cases',
        )
        .addOption(
          new Option(
            '--old <policy>',
            'the policy before: a file, or git:<ref>:<path>',
          ).makeOptionMandatory(),
        )
        .addOption(
          new Option('--new <policy>', 'the policy after: a file, or git:<ref>:<path>').makeOptionMandatory(),
        )
        .addOption(
          repeatable(
            definitionOption('a state machine definition (repeat for several; without it, generated cases)'),
          ),
        )
        .addOption(runsOption('generated cases, without --definition'))
        .addOption(seedOption())
        .option('--verify <target>', 'run the affected cases on a target under both policies: embedded'),
      ': report.json, report.md and junit.xml (default: none written)',
    ).addOption(formatOption(REGRESS_FORMATS)),
  ).action(async (opts: RegressRaw) => {
    setExit(await (await import('../commands/regress.js')).regressCommand(opts, io, version));
  });
}
