/**
 * How a command reaches a real account or an AWS-compatible endpoint (run, replay, sweep): the
 * profile, the timeouts, the pacing, the accounts allowed, the config file and the caps of billable
 * jobs. Each option is defined here once, with one help text for every command.
 */
import { type Command, Option } from 'commander';
import { repeatable } from './repeatable.js';

/** `--profile`: the shared config profile. */
export const profileOption = () =>
  new Option(
    '--profile <name>',
    'aws/endpoint: the shared config profile (default: AWS_PROFILE, else default)',
  );

/** `--account` of `run --plan`: the account a plan is printed for, with no credentials and no call. */
export const planAccountOption = () =>
  new Option(
    '--account <id>',
    "with --plan: the account to plan for, without credentials (no call is made; default: the credentials' account)",
  );

/** `--request-timeout`: seconds a request may go unanswered. */
export const requestTimeoutOption = () =>
  new Option('--request-timeout <seconds>', 'aws/endpoint: seconds a request may go unanswered (default 60)');

/** `--execution-timeout`: the longest an execution may run. */
export const executionTimeoutOption = () =>
  new Option(
    '--execution-timeout <seconds>',
    'aws/endpoint: the longest an execution may run before the harness stops it (default: its predicted time x 1.5 + 10 s, at least 60 on an endpoint, 1800 on AWS)',
  );

/** `--client-quotas`: pace an endpoint's calls as AWS's. */
export const clientQuotasOption = () =>
  new Option(
    '--client-quotas',
    "endpoint: pace calls at AWS's Step Functions quotas, as on AWS (an endpoint is not paced by default)",
  );

/** `--allow-account`: an account the tool may use (repeatable). */
export const allowAccountOption = () =>
  repeatable(
    new Option(
      '--allow-account <id>',
      '--target aws: an account the tool may create resources in, and sweep delete them in (repeat for several)',
    ),
  );

/** `--permissions-boundary`: of the cases' roles. */
export const permissionsBoundaryOption = () =>
  new Option(
    '--permissions-boundary <arn>',
    "--target aws/endpoint: permissions boundary of the cases' roles",
  );

/** `--config`: the AWS target's config file. */
export const configOption = () =>
  new Option(
    '--config <file>',
    '--target aws/endpoint: config file (accounts, boundary, billable jobs; docs/aws-target.md)',
  );

/** The caps of billable jobs: --allow-billable-jobs, --max-billable-jobs, --instance-type, --max-runtime. */
export function addBillableJobOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--allow-billable-jobs',
        '--target aws: also run cases that start jobs and endpoints, inside the caps (needs --config)',
      ),
    )
    .addOption(
      new Option(
        '--max-billable-jobs <n>',
        'billable calls a run or replay may make, retries included (default 1)',
      ),
    )
    .addOption(
      repeatable(
        new Option(
          '--instance-type <type>',
          'an instance type billable jobs may use, cheapest first (repeat; default ml.t3.medium, ml.t2.medium, ml.m5.large)',
        ),
      ),
    )
    .addOption(
      new Option('--max-runtime <seconds>', "cap on billable jobs' MaxRuntimeInSeconds (default 600)"),
    );
}
