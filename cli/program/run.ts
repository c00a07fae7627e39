/** `run`: its options; the command is cli/commands/run.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { RunRaw } from '../commands/run.js';
import { regionOption } from '../options/account.js';
import {
  addBillableJobOptions,
  allowAccountOption,
  clientQuotasOption,
  configOption,
  executionTimeoutOption,
  permissionsBoundaryOption,
  planAccountOption,
  profileOption,
  requestTimeoutOption,
} from '../options/aws.js';
import { repeatable } from '../options/repeatable.js';
import { addReportOptions, formatOption, SUMMARY } from '../options/report.js';
import { runsOption, seedOption, suiteOption } from '../options/seed.js';
import { emulatorMutantOption, endpointOption, targetOption } from '../options/target.js';
import type { CommandContext } from './context.js';

/** Adds `run` to the program. */
export function register(program: Command, { io, setExit, version }: CommandContext): void {
  const command = program
    .command('run')
    .description(
      'The main job: generated cases of the five suites on a target, compared with the oracles; writes report.json (every case, divergences and errors whole), report.md, report.html, junit.xml and cases.jsonl (every case whole) as the cases finish',
    )
    .addOption(targetOption(['embedded', 'aws', 'endpoint', 'teststate'], 'embedded'))
    .addOption(endpointOption())
    .addOption(regionOption('target'))
    .addOption(profileOption())
    .addOption(requestTimeoutOption())
    .addOption(executionTimeoutOption())
    .addOption(clientQuotasOption())
    .addOption(allowAccountOption())
    .addOption(planAccountOption())
    .addOption(permissionsBoundaryOption())
    .addOption(configOption());
  addReportOptions(
    addBillableJobOptions(command)
      .option('--plan', '--target aws/endpoint: print what the run would create, create nothing, exit')
      .addOption(runsOption())
      .addOption(seedOption())
      .option('--concurrency <c>', 'cases in flight at once', '4')
      .addOption(repeatable(suiteOption('a suite to run, repeated for several (default: all)'))),
    ' (default: a new one under sfn-conformance-reports/)',
  )
    .option(
      '--shrink-budget <n>',
      'executions spent shrinking one divergent case (default 200; 20 on aws/endpoint)',
    )
    .option(
      '--workers <n>',
      'embedded: worker threads, each with an emulator of its own; the report is the same (default 1)',
    )
    .option(
      '--shrink-seconds <s>',
      'wall-clock seconds spent shrinking one divergent case, at most (default: no limit; 300 on aws/endpoint)',
    )
    .addOption(emulatorMutantOption())
    .option('--list-mutants', "list the emulator's mutants and exit")
    .option('--progress', 'a live progress line even when stderr is not a terminal')
    .option('--quiet', 'no progress line and no line saying what runs (the summary and errors still print)')
    .option(
      '--expect <file>',
      'a baseline of known divergences (JSON, docs/expectations.schema.json): matched ones are expected, not failing',
    )
    .option('--write-expect <file>', "write a baseline of this run's divergences to a new file")
    .option(
      '--fail-on <provenance>',
      'fail only on divergences from expectations this strong: documented, observed or inferred (default)',
    )
    .addOption(formatOption(SUMMARY))
    .option(
      '--definition <files...>',
      'your own state machine definitions (ASL JSON): the suites draw inputs, world scenarios and policy variants around them instead of drawing machines; states the oracle does not model leave the outcome undecided',
    )
    .option(
      '--record <dir>',
      '--target aws/endpoint: write each execution the target ran into DIR as a recording (the recorded-corpus format, scrubbed of the account, credentials and names) that exec --recorded DIR replays',
    )
    .option(
      '--shard <i/n>',
      'only shard i of n: case k of each suite is shard (k mod n) + 1; merge the reports with merge',
    )
    .action(async (opts: RunRaw) => {
      setExit(await (await import('../commands/run.js')).runCommand(opts, io, version));
    });
}
