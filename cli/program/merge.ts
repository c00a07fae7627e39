/** `merge`: its options; the command is cli/commands/merge.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { MergeRaw } from '../commands/merge.js';
import { formatOption, overwriteOption, reportOption, SUMMARY } from '../options/report.js';
import type { CommandContext } from './context.js';

/** Adds `merge` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('merge')
    .description(
      "One report from the reports of a run's shards (run --shard i/n): report.json, report.md, report.html and junit.xml regenerated, cases.jsonl the shards' lines",
    )
    .argument(
      '<dirs...>',
      "the shards' report directories (or their report.json, with its cases.jsonl beside it)",
    )
    .addOption(reportOption(' for the merged report (required)'))
    .addOption(formatOption(SUMMARY))
    .addOption(overwriteOption())
    .action(async (dirs: string[], opts: MergeRaw) => {
      setExit((await import('../commands/merge.js')).mergeCommand(dirs, opts, io));
    });
}
