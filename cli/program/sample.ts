/** `sample`: its options; the command is cli/commands/sample.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { SampleRaw } from '../commands/sample.js';
import { collect } from '../options/repeatable.js';
import { formatOption, SAMPLE_FORMATS } from '../options/report.js';
import { pathOption, seedOption, suiteOption } from '../options/seed.js';
import type { CommandContext } from './context.js';

/** Adds `sample` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('sample')
    .description('Print generated cases: definition, input, scenario, policy and replay coordinates')
    .option('--count <n>', 'number of cases', '10')
    .addOption(seedOption())
    .addOption(pathOption(': print only that case'))
    .option('--api <api>', 'only this API (repeat for several)', collect)
    .option('--pattern <pattern>', 'only this pattern: requestResponse or sync (repeat for several)', collect)
    .addOption(formatOption(SAMPLE_FORMATS))
    .option('--include-invalid', 'mix in invalid cases, each labelled with its violation')
    .addOption(suiteOption('the suite whose cases it draws, as run draws them with its --seed'))
    .option(
      '--stats',
      'print the distribution (api x pattern, name mode, shape, wrappers, policy variants, scenario mix) instead',
    )
    .action(async (opts: SampleRaw) => {
      setExit((await import('../commands/sample.js')).sampleCommand(opts, io));
    });
}
