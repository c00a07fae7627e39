/** `serve`: its options; the command is cli/commands/serve.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { ServeRaw } from '../commands/serve.js';
import { accountOption, regionOption } from '../options/account.js';
import { mockOption } from '../options/definition.js';
import { emulatorMutantOption } from '../options/target.js';
import type { CommandContext } from './context.js';

/** Adds `serve` to the program. */
export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('serve')
    .description(
      'Serve the built-in emulator as a local Step Functions, SageMaker, IAM and STS endpoint (AWS JSON 1.0, 1.1 and query protocols, virtual or real time) until Ctrl-C',
    )
    .option('--port <port>', 'port to listen on, 0 for a free one (default: 8083)')
    .option(
      '--host <host>',
      'address to listen on (default: 127.0.0.1; one that is not loopback needs --allow-remote)',
    )
    .option('--allow-remote', 'allow a --host that is not loopback (the server checks no credentials)')
    .addOption(regionOption('machine'))
    .addOption(accountOption())
    .addOption(
      mockOption('; StartExecution picks a test case by the state machine ARN with #TestCase appended'),
    )
    .option(
      '--clock <clock>',
      'virtual (default: executions run as fast as the machine allows) or real (Wait states, retries, polls and callback timeouts take real time)',
    )
    .option(
      '--scenario <s.json>',
      "how SageMaker behaves for executions and SageMaker's own calls (a scenario file; default: a fresh account)",
    )
    .option(
      '--state <dir>',
      'keep the emulated account in DIR/state.json: loaded at the start, written when the server stops (default: nothing is persisted)',
    )
    .addOption(
      emulatorMutantOption(
        'serve the emulator with a deliberate deviation, to see that a harness run against it finds it',
      ),
    )
    .action(async (opts: ServeRaw) => {
      setExit(await (await import('../commands/serve.js')).serveCommand(opts, io));
    });
}
