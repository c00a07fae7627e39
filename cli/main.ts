// Each command's modules are loaded when it runs (`await import`): `--help` and `validate` do not
// pay for the AWS SDK, the generators or the reports.
import type { CheckOptions } from './commands/check.js';
import type { ExecRaw } from './commands/exec.js';
import type { MergeRaw } from './commands/merge.js';
import type { RegressRaw } from './commands/regress.js';
import type { ReplayRaw } from './commands/replay.js';
import type { RunRaw } from './commands/run.js';
import type { SampleRaw } from './commands/sample.js';
import type { SweepRaw } from './commands/sweep.js';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SUITE_NAMES } from '../suites/suiteNames.js';
import { UsageError } from './errors.js';
import { isSystemError, systemErrorLine } from './files.js';
import { processIo, type Io } from './io.js';
import type { RawPredictionOptions } from './predictionOptions.js';

/** Options of the commands that connect to a real account or an endpoint (one definition each). */
const ENDPOINT_OPTION = () =>
  new Option(
    '--endpoint <url>',
    "AWS-compatible endpoint for --target endpoint (default: the SDK's configured endpoints)",
  );
const AWS_REGION_OPTION = () =>
  new Option(
    '--region <region>',
    "region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1)",
  );
const PROFILE_OPTION = () =>
  new Option(
    '--profile <name>',
    'aws/endpoint: the shared config profile (default: AWS_PROFILE, else default)',
  );
const REQUEST_TIMEOUT_OPTION = () =>
  new Option('--request-timeout <seconds>', 'aws/endpoint: seconds a request may go unanswered (default 60)');
const EXECUTION_TIMEOUT_OPTION = () =>
  new Option(
    '--execution-timeout <seconds>',
    'aws/endpoint: the longest an execution may run before the harness stops it (default: its predicted time and a margin, up to 60 on an endpoint, 1800 on AWS)',
  );

const CLIENT_QUOTAS_OPTION = () =>
  new Option(
    '--client-quotas',
    "endpoint: pace calls at AWS's Step Functions quotas, as on AWS (an endpoint is not paced by default)",
  );

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

function predictionOptions(command: Command): Command {
  return command
    .option(
      '--region <region>',
      "region of the state machine (default: the partition's first region, us-east-1 for aws)",
    )
    .option(
      '--account <account>',
      "account of the state machine (default: the documentation's example 123456789012)",
    )
    .option(
      '--partition <partition>',
      'override the partition read from each Task Resource ARN (aws, aws-cn, aws-us-gov)',
    )
    .addOption(
      new Option(
        '--doc-revision <revision>',
        'IAM template revision: current grants sagemaker:AddTags, legacy does not',
      ).default('current'),
    )
    .option('--pass-role-arn <arn>', 'role for iam:PassRole when the request does not name one literally')
    .option(
      '--type <type>',
      'state machine type, standard or express (default: from the file, else standard)',
    );
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('sfn-conformance')
    .description("Conformance harness for AWS Step Functions' optimized SageMaker integration")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showSuggestionAfterError(true);

  predictionOptions(
    program
      .command('policy')
      .description(
        'Print the IAM policy Step Functions would generate for every SageMaker Task state of a definition',
      )
      .argument(
        '<definition.json>',
        'state machine definition (or a CreateStateMachine / DescribeStateMachine JSON)',
      )
      .option('--explain', 'print the provenance of every statement on stderr'),
  ).action(async (path: string, opts: RawPredictionOptions & { explain?: boolean }) => {
    setExit((await import('./commands/policy.js')).policyCommand(path, opts, io));
  });

  predictionOptions(
    program
      .command('check')
      .description(
        'Is this policy enough for this definition? Lists each call made as the execution role with allow/deny and why',
      )
      .requiredOption('--definition <d.json>', 'state machine definition')
      .requiredOption(
        '--policy <p.json>',
        'identity policy of the execution role (repeat for several)',
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option('--format <format>', 'text or json', 'text')
      .option(
        '--input <json|@file>',
        'a sample execution input: names given at run time are decided as it gives them (run in the built-in emulator)',
      )
      .option(
        '--mock <mocks.json>',
        'with --input: a Step Functions Local mock configuration for the other tasks',
      )
      .option('--mock-case <case>', 'the test case of --mock'),
  ).action(async (opts: CheckOptions) => {
    setExit(await (await import('./commands/check.js')).checkCommand(opts, io));
  });

  program
    .command('validate')
    .description(
      'ASL validity plus the SageMaker integration rules; exit 0 valid, 1 invalid (one line per problem)',
    )
    .argument(
      '<definition.json>',
      'state machine definition (or a CreateStateMachine / DescribeStateMachine JSON)',
    )
    .option(
      '--type <type>',
      'state machine type, standard or express (default: from the file, else standard)',
    )
    .action(async (path: string, opts: { type?: string }) => {
      setExit((await import('./commands/validate.js')).validateCommand(path, opts, io));
    });

  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command('sample')
    .description('Print generated cases: definition, input, scenario, policy and replay coordinates')
    .option('--count <n>', 'number of cases', '10')
    .option('--seed <seed>', 'seed of the run (printed on stderr when not given)')
    .option('--path <i>', 'print only case i of the seed (replay)')
    .option('--api <api>', 'only this API (repeat for several)', collect)
    .option('--pattern <pattern>', 'only this pattern: requestResponse or sync (repeat for several)', collect)
    .option('--format <format>', 'json or jsonl', 'jsonl')
    .option('--include-invalid', 'mix in invalid cases, each labelled with its violation')
    .option('--suite <name>', "the cases a suite of run draws (with run's --seed: the same cases)")
    .option(
      '--stats',
      'print the distribution (api x pattern, name mode, shape, wrappers, policy variants, scenario mix) instead',
    )
    .action(async (opts: SampleRaw) => {
      setExit((await import('./commands/sample.js')).sampleCommand(opts, io));
    });

  program
    .command('exec')
    .description(
      'Run one execution in the built-in emulator (virtual time, IAM enforced); exit 0 SUCCEEDED, 1 otherwise',
    )
    .argument(
      '<definition.json>',
      'state machine definition (or a CreateStateMachine / DescribeStateMachine JSON)',
    )
    .option('--input <json>', 'execution input: JSON text, or @file.json')
    .option(
      '--policy <p.json>',
      "the execution role's policy (repeat for several); without it the role may do everything",
      collect,
    )
    .option(
      '--scenario <s.json>',
      'how SageMaker behaves (see docs/emulator.md, Scenario files); without it jobs complete after one poll',
    )
    .option('--seed <n>', 'seed for jitter, States.UUID and States.MathRandom', '0')
    .option('--name <name>', 'execution name (what $$.Execution.Name reads)')
    .option(
      '--mock <mocks.json>',
      "a Step Functions Local mock configuration (MockConfigFile): answers the test case's states, Lambda, Glue, SNS or SageMaker alike",
    )
    .option(
      '--mock-case <case>',
      'the test case of --mock to run: CASE, or MACHINE#CASE where several state machines have it',
    )
    .option(
      '--region <region>',
      "region of the emulated account (default: the partition's first region: us-east-1, cn-north-1, us-gov-west-1)",
    )
    .option(
      '--partition <partition>',
      'aws, aws-cn or aws-us-gov (default: the one the Task Resource ARNs name, else aws)',
    )
    .option('--account <account>', 'emulated account id', '123456789012')
    .option('--history', 'include the execution history')
    .option('--format <format>', 'text or json', 'text')
    .action(async (path: string, opts: ExecRaw) => {
      setExit(await (await import('./commands/exec.js')).execCommand(path, opts, io));
    });

  program
    .command('run')
    .description(
      'The main job: generated cases of the five suites on a target, compared with the oracles; writes report.json (every case, divergences and errors whole), report.md, report.html, junit.xml and cases.jsonl (every case whole) as the cases finish',
    )
    .option('--target <target>', 'embedded (the built-in emulator), aws or endpoint', 'embedded')
    .addOption(ENDPOINT_OPTION())
    .addOption(AWS_REGION_OPTION())
    .addOption(PROFILE_OPTION())
    .addOption(REQUEST_TIMEOUT_OPTION())
    .addOption(EXECUTION_TIMEOUT_OPTION())
    .addOption(CLIENT_QUOTAS_OPTION())
    .option(
      '--allow-account <id>',
      '--target aws: an account the run may create resources in (repeat for several)',
      collect,
    )
    .option('--permissions-boundary <arn>', "--target aws/endpoint: permissions boundary of the cases' roles")
    .option(
      '--config <file>',
      '--target aws/endpoint: config file (accounts, boundary, billable jobs; docs/aws-target.md)',
    )
    .option(
      '--allow-billable-jobs',
      '--target aws: also run cases that start jobs and endpoints, inside the caps (needs --config)',
    )
    .option('--max-billable-jobs <n>', 'billable calls a run may make, retries included (default 1)')
    .option(
      '--instance-type <type>',
      'an instance type billable jobs may use, cheapest first (repeat; default ml.t3.medium, ml.t2.medium, ml.m5.large)',
      collect,
    )
    .option('--max-runtime <seconds>', "cap on billable jobs' MaxRuntimeInSeconds (default 600)")
    .option('--plan', '--target aws/endpoint: print what the run would create, create nothing, exit')
    .option('--runs <n>', 'cases per suite', '100')
    .option('--seed <seed>', 'seed of the run (printed when not given)')
    .option('--concurrency <c>', 'cases in flight at once', '4')
    .option('--suite <suite>', `only this suite (repeat for several): ${SUITE_NAMES.join(', ')}`, collect)
    .option('--report <dir>', 'report directory (default: a new one under sfn-conformance-reports/)')
    .option('--overwrite', 'replace a report already in the directory')
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
    .option(
      '--emulator-mutant <name>',
      'run the emulator with a deliberate deviation (repeat for several; see --list-mutants)',
      collect,
    )
    .option('--list-mutants', "list the emulator's mutants and exit")
    .option('--progress', 'a live progress line even when stderr is not a terminal')
    .option('--quiet', 'no progress line (the summary and errors still print)')
    .option(
      '--expect <file>',
      'a baseline of known divergences (JSON, docs/expectations.schema.json): matched ones are expected, not failing',
    )
    .option('--write-expect <file>', "write a baseline of this run's divergences to a new file")
    .option(
      '--fail-on <provenance>',
      'fail only on divergences from expectations this strong: documented, observed or inferred (default)',
    )
    .option('--format <format>', 'the summary on stdout: text (default), json or markdown')
    .option(
      '--shard <i/n>',
      'only shard i of n: case k of each suite is shard (k mod n) + 1; merge the reports with merge',
    )
    .action(async (opts: RunRaw) => {
      setExit(await (await import('./commands/run.js')).runCommand(opts, io, packageVersion()));
    });

  program
    .command('merge')
    .description(
      "One report from the reports of a run's shards (run --shard i/n): report.json, report.md, report.html and junit.xml regenerated, cases.jsonl the shards' lines",
    )
    .argument(
      '<dirs...>',
      "the shards' report directories (or their report.json, with its cases.jsonl beside it)",
    )
    .option('--report <dir>', 'directory for the merged report')
    .option('--format <format>', 'the summary on stdout: text (default), json or markdown')
    .option('--overwrite', 'replace a report already in the directory')
    .action(async (dirs: string[], opts: MergeRaw) => {
      const { mergeCommand } = await import('./commands/merge.js');
      setExit(mergeCommand(dirs, opts, io));
    });

  program
    .command('sweep')
    .description("Delete the tool's tagged roles and state machines a crashed run left behind")
    .option('--target <target>', 'aws or endpoint')
    .addOption(ENDPOINT_OPTION())
    .addOption(AWS_REGION_OPTION())
    .addOption(PROFILE_OPTION())
    .addOption(REQUEST_TIMEOUT_OPTION())
    .option(
      '--allow-account <id>',
      '--target aws: an account sweep may delete in (repeat for several)',
      collect,
    )
    .option('--config <file>', 'the config file of the run (its allowAccounts)')
    .option('--run-id <id>', 'only what this run created')
    .option('--older-than <age>', 'only what was created longer ago than this (e.g. 2h, 30m, 1d)')
    .option('--dry-run', 'list, delete nothing')
    .action(async (opts: SweepRaw) => {
      setExit(await (await import('./commands/sweep.js')).sweepCommand(opts, io));
    });

  predictionOptions(
    program
      .command('regress')
      .description(
        'What a policy change breaks (newly denied calls) and widens (newly allowed), for definitions or generated cases',
      )
      .requiredOption('--old <policy>', 'the policy before: a file, or git:<ref>:<path>')
      .requiredOption('--new <policy>', 'the policy after: a file, or git:<ref>:<path>')
      .option(
        '--definition <d.json>',
        'a state machine definition (repeat for several); without it, generated cases',
        collect,
      )
      .option('--runs <n>', 'generated cases without --definition', '100')
      .option('--seed <seed>', 'seed of the generated cases')
      .option('--verify <target>', 'run the affected cases on a target under both policies: embedded')
      .option('--report <dir>', 'write report.json, report.md and junit.xml there')
      .option('--overwrite', 'replace a report already in the directory')
      .option('--format <format>', 'text, json or markdown', 'text'),
  ).action(async (opts: RegressRaw) => {
    setExit(await (await import('./commands/regress.js')).regressCommand(opts, io, packageVersion()));
  });

  program
    .command('replay')
    .description('Re-run one case: replay <report.json> <caseId>, or replay --suite S --seed N --path I')
    .argument('[report.json]', 'a report written by run')
    .argument('[caseId]', 'the id of a case (or of its shrunk case) in the report')
    .option(
      '--suite <suite>',
      'suite of the case (without a report; with one, which suite an id is replayed from)',
    )
    .option('--seed <seed>', 'seed of the run (without a report)')
    .option('--path <i>', 'index of the case in its suite (without a report)')
    .option('--target <target>', "target (default: the report's, else embedded)")
    .option(
      '--endpoint <url>',
      "--target endpoint: the endpoint (default: the report's, else the SDK's configured endpoints)",
    )
    .option('--region <region>', "--target aws/endpoint: region (default: the report's)")
    .addOption(PROFILE_OPTION())
    .addOption(REQUEST_TIMEOUT_OPTION())
    .addOption(EXECUTION_TIMEOUT_OPTION())
    .addOption(CLIENT_QUOTAS_OPTION())
    .option('--allow-account <id>', '--target aws: an account the case may create resources in', collect)
    .option('--config <file>', '--target aws/endpoint: the config file of the run')
    .option('--allow-billable-jobs', '--target aws: run the case even if it starts a job (needs --config)')
    .option('--max-billable-jobs <n>', 'billable calls the replay may make (default 1)')
    .option('--instance-type <type>', 'an instance type billable jobs may use (repeat)', collect)
    .option('--max-runtime <seconds>', "cap on billable jobs' MaxRuntimeInSeconds (default 600)")
    .option(
      '--emulator-mutant <name>',
      'run the emulator with a deliberate deviation (repeat for several; see --list-mutants)',
      collect,
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (reportPath: string | undefined, caseId: string | undefined, opts: ReplayRaw) => {
      setExit(await (await import('./commands/replay.js')).replayCommand(reportPath, caseId, opts, io));
    });

  for (const command of program.commands)
    command
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 a finding, 2 bad input). Never throws for user errors. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
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
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      io.stderr(`sfn-conformance: ${message}; see sfn-conformance --help\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`sfn-conformance: ${error.message}\n`);
      return 2;
    }
    // A file system's refusal (a full disk, a read-only place): one line, whatever the command.
    if (isSystemError(error)) {
      io.stderr(`sfn-conformance: ${systemErrorLine(error)}\n`);
      return 2;
    }
    throw error;
  }
}
