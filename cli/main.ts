/**
 * The command line: the program, each command registered by its own module in cli/program/ (with
 * the option groups of cli/options/), and errors mapped to exit codes. A command's own modules are
 * loaded when it runs (`await import` in its action): `--help` and `validate` do not pay for the
 * AWS SDK, the generators or the reports.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { printable } from '../contracts/printable.js';
import { UsageError } from '../contracts/usageError.js';
import { CLOSED_OUTPUT_EXIT, heldNotes, OutputError, outputFailure, streamIo } from './commandOutput.js';
import { isSystemError, systemErrorLine } from './files.js';
import { processIo, type Io } from './io.js';
import type { CommandContext } from './program/context.js';
import * as check from './program/check.js';
import * as exec from './program/exec.js';
import * as merge from './program/merge.js';
import * as policy from './program/policy.js';
import * as regress from './program/regress.js';
import * as replay from './program/replay.js';
import * as run from './program/run.js';
import * as sample from './program/sample.js';
import * as serve from './program/serve.js';
import * as sweep from './program/sweep.js';
import * as validate from './program/validate.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS = [policy, check, validate, sample, exec, serve, run, merge, sweep, regress, replay];

/** The package's own manifest: `../package.json` from the sources, `../../package.json` from dist/. */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'sfn-sagemaker-conformance' && manifest.version) return manifest.version;
    } catch {
      // not at this level
    }
  }
  return '0.0.0';
}

/** The program with every command, writing to `io`; each command's exit code goes to `setExit`. */
function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const version = packageVersion();
  const output = { writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined };
  const program = new Command('sfn-conformance')
    .description("Conformance harness for AWS Step Functions' optimized SageMaker integration")
    .version(version)
    .exitOverride()
    .configureOutput(output)
    .showSuggestionAfterError(true);
  const context: CommandContext = { io, setExit, version };
  for (const command of COMMANDS) command.register(program, context);
  for (const command of program.commands) command.exitOverride().configureOutput(output);
  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 a finding, 2 bad input, 141 a closed output). Never throws for user errors. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  // The process's streams fail as the command's errors (a closed pipe, a full disk), and the
  // notes on the side wait until the command is past its checks.
  const streams = io === processIo ? streamIo(process.stdout, process.stderr) : io;
  const output = heldNotes(streams);
  const program = buildProgram(output.io, (code) => {
    exitCode = code;
  });
  try {
    const commands = program.commands.map((c) => c.name());
    if (argv.length === 0)
      throw new UsageError(
        'missing-command',
        `a command is needed: ${commands.filter((c) => c !== 'help').join(', ')}; see sfn-conformance --help`,
      );
    if (argv[0] === 'help' && argv[1] !== undefined && !commands.includes(argv[1]))
      throw new UsageError(
        'unknown-command',
        `help: there is no command "${argv[1]}"; the commands are ${commands.filter((c) => c !== 'help').join(', ')}`,
      );
    await program.parseAsync([...argv], { from: 'user' });
    output.settle();
    return exitCode;
  } catch (error) {
    output.drop();
    return exitCodeOfError(error, streams);
  }
}

/** The one error line: what the user or a target gave is in it, escaped (a name cannot split it or act on the terminal). */
const errorLine = (message: string): string => `sfn-conformance: ${printable(message)}\n`;

/** A command line's error as its exit code, said in one line on stderr (anything else is thrown on). */
function exitCodeOfError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return 0;
    const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    io.stderr(errorLine(`${message}; see sfn-conformance --help`));
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr(errorLine(error.message));
    return 2;
  }
  // Standard output failed: a reader that closed the pipe is told nothing, a full disk one line.
  if (error instanceof OutputError) {
    const line = outputFailure(error);
    if (line === undefined) return CLOSED_OUTPUT_EXIT;
    io.stderr(errorLine(line));
    return 2;
  }
  // A file system's refusal (a full disk, a read-only place): one line, whatever the command.
  if (isSystemError(error)) {
    io.stderr(errorLine(systemErrorLine(error)));
    return 2;
  }
  throw error;
}
