/** `sweep`: its options; the command is cli/commands/sweep.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { SweepRaw } from '../commands/sweep.js';
import { regionOption } from '../options/account.js';
import { allowAccountOption, configOption, profileOption, requestTimeoutOption } from '../options/aws.js';
import { endpointOption, targetOption } from '../options/target.js';
import type { CommandContext } from './context.js';

/** Adds `sweep` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('sweep')
    .description(
      'Delete what a crashed run left behind on aws or an endpoint: tagged roles, state machines, models, endpoint configs, endpoints; stop running jobs',
    )
    .addOption(targetOption(['aws', 'endpoint']))
    .addOption(endpointOption())
    .addOption(regionOption('target'))
    .addOption(profileOption())
    .addOption(requestTimeoutOption())
    .addOption(allowAccountOption())
    .addOption(configOption())
    .option('--run-id <id>', 'only what this run created')
    .option('--older-than <age>', 'only what was created longer ago than this (e.g. 2h, 30m, 1d)')
    .option('--dry-run', 'list, delete nothing')
    .action(async (opts: SweepRaw) => {
      setExit(await (await import('../commands/sweep.js')).sweepCommand(opts, io));
    });
}
