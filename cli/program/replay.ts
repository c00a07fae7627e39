/** `replay`: its options; the command is cli/commands/replay.ts, loaded when it runs. */
import { type Command, Option } from 'commander';
import { repeatable } from '../options/repeatable.js';
import type { ReplayRaw } from '../commands/replay.js';
import { regionOption } from '../options/account.js';
import {
  addBillableJobOptions,
  allowAccountOption,
  clientQuotasOption,
  configOption,
  executionTimeoutOption,
  profileOption,
  requestTimeoutOption,
} from '../options/aws.js';
import { formatOption, TEXT_OR_JSON } from '../options/report.js';
import { pathOption, seedOption, suiteOption } from '../options/seed.js';
import { emulatorMutantOption, endpointOption, targetOption } from '../options/target.js';
import type { CommandContext } from './context.js';

/** Adds `replay` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  addBillableJobOptions(
    program
      .command('replay')
      .description('Re-run one case: replay <report.json> <caseId>, or replay --suite S --seed N --path I')
      .argument('[report.json]', 'a report written by run')
      .argument('[caseId]', 'the id of a case (or of its shrunk case) in the report')
      .addOption(suiteOption('the suite the case is drawn from'))
      .addOption(seedOption("the report's"))
      .addOption(pathOption(' (with --suite and --seed, in place of a report)'))
      .addOption(targetOption(['embedded', 'aws', 'endpoint', 'teststate'], "the report's target"))
      .addOption(endpointOption("the report's"))
      .addOption(regionOption('replay'))
      .addOption(profileOption())
      .addOption(requestTimeoutOption())
      .addOption(executionTimeoutOption())
      .addOption(clientQuotasOption())
      .addOption(allowAccountOption())
      .addOption(configOption()),
  )
    .addOption(emulatorMutantOption())
    .addOption(formatOption(TEXT_OR_JSON))
    .addOption(
      repeatable(
        new Option(
          '--definition <file>',
          'a definition the case was drawn around (run --definition), repeated for several, in the order run was given them',
        ),
      ),
    )
    .action(async (reportPath: string | undefined, caseId: string | undefined, opts: ReplayRaw) => {
      setExit(await (await import('../commands/replay.js')).replayCommand(reportPath, caseId, opts, io));
    });
}
