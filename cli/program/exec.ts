/** `exec`: its options; the command is cli/commands/exec.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { ExecRaw } from '../commands/exec.js';
import { accountOption, partitionOption, regionOption } from '../options/account.js';
import {
  DEFINITION_ARGUMENT,
  inputOption,
  mockCaseOption,
  mockOption,
  policyOption,
} from '../options/definition.js';
import { repeatable } from '../options/repeatable.js';
import { formatOption, TEXT_OR_JSON } from '../options/report.js';
import { seedOption } from '../options/seed.js';
import { UsageError } from '../../contracts/usageError.js';
import type { CommandContext } from './context.js';

/** Adds `exec` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('exec')
    .description(
      'Run one execution in the built-in emulator (virtual time, IAM enforced); exit 0 SUCCEEDED, 1 otherwise',
    )
    .argument('[definition.json]', `${DEFINITION_ARGUMENT} (not with --recorded)`)
    .addOption(inputOption())
    .addOption(repeatable(policyOption('; without it, the role may do everything')))
    .option(
      '--scenario <s.json>',
      'how SageMaker behaves (see docs/emulator.md, Scenario files); without it jobs complete after one poll',
    )
    .addOption(seedOption('0'))
    .option('--name <name>', 'execution name (what $$.Execution.Name reads)')
    .addOption(mockOption())
    .addOption(mockCaseOption())
    .addOption(regionOption('machine'))
    .addOption(partitionOption())
    .addOption(accountOption())
    .option('--history', 'include the execution history')
    .addOption(formatOption(TEXT_OR_JSON))
    .option(
      '--recorded <dir>',
      "replay every recording in DIR (run --record's files, or testdata/aws-recorded-tasks/) with its mocks and compare it with what was recorded; exit 0 all match, 1 one differs",
    )
    .action(async (path: string | undefined, opts: ExecRaw & { recorded?: string }) => {
      if (opts.recorded !== undefined)
        setExit(await (await import('../commands/execRecorded.js')).execRecordedCommand(path, opts, io));
      else if (path === undefined)
        throw new UsageError(
          'missing-argument',
          'exec needs a definition: sfn-conformance exec <definition.json>, or --recorded DIR to replay a directory of recordings',
        );
      else setExit(await (await import('../commands/exec.js')).execCommand(path, opts, io));
    });
}
