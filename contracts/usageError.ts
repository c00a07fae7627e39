/**
 * A problem with what the user gave (a file, an option, a definition, a report directory): the
 * library throws it, and the command prints its one line and exits 2. It is the contract between
 * the library and the CLI for such problems, so that reports/ and cli/ both raise it. `code` is stable for scripts and tests, and one of USAGE_ERROR_CODES: a new
 * kind of problem is added to that table first, with what it means.
 */

/** Every code a UsageError may carry, each with what it means (one line). */
export const USAGE_ERROR_CODES = {
  // The command line itself
  'missing-command': 'no command was given',
  'unknown-command': '`help` was asked about a command that does not exist',
  'missing-argument': 'a command was given without an argument it needs',
  'missing-option': 'an option the command needs was not given (or a setting that stands in for it)',
  'bad-option': "an option's value is malformed, out of range, unknown, or given where it does not apply",
  // Files read
  'unreadable-file':
    'a file given cannot be read (no such file, permission denied, a directory, a device or a named pipe)',
  'invalid-json': 'a JSON file or value is not valid JSON',
  'bad-key': 'a file of one of the tool\'s own formats has a key none of its fields has ("__proto__")',
  'too-large': 'a file or value is larger than Step Functions (or the tool) takes',
  'too-deep': 'a JSON file or value nests deeper than the tool reads',
  'bad-definition': 'a definition file does not hold a state machine definition',
  'rejected-definition': 'a definition is invalid (ASL or the SageMaker integration rules)',
  'create-failed': 'the built-in emulator refused to create the state machine',
  'bad-policy': 'a policy file is not an IAM policy document',
  'bad-scenario': 'a scenario file is not a scenario (an unknown field, a value out of range)',
  'bad-mock': 'a Step Functions Local mock configuration is malformed, or names no such case',
  'bad-expectations': 'a --expect file is not a baseline of known divergences',
  'bad-config': 'the AWS config file (or the shared AWS config) is malformed or inconsistent',
  'bad-environment': 'an environment variable the AWS SDK reads has a value it does not take',
  // Reports read
  'bad-report': 'a report.json or cases.jsonl is not one of this tool, or is damaged',
  'unknown-case': 'the report holds no case of the id given to replay',
  'ambiguous-case': 'several suites of the report hold the id given to replay; --suite must say which',
  'mismatched-reports': 'reports given to merge are not shards of one run',
  'duplicate-shard': 'merge was given the same shard twice',
  'missing-cases': "a shard's report summarises cases, and its cases.jsonl is not beside it",
  'bad-shard':
    "a shard's files are not its run's: cases of another shard or seed, a case twice or missing, a report and cases.jsonl that disagree",
  // Files written
  'bad-report-dir': 'the report directory cannot hold a report (empty, a file, special, not writable)',
  'report-exists': 'the report directory already holds report files (without --overwrite)',
  'file-exists': 'a file the command would create exists already, and is not overwritten',
  'bad-state':
    'a serve --state directory is not one (a file), or its state.json cannot be read or is not a state file of this version',
  'report-changed': 'a part file of the report changed under the run while it was written',
  'report-locked': 'another command (a live process) is writing into the report directory',
  // Targets
  'unavailable-target': 'the target named is not available for this command in this version',
  'endpoint-override': "--target aws, but the SDK's configuration points a service at another endpoint",
  'partial-endpoint': 'an endpoint is configured for some of the services the target calls, not all',
  unreachable: 'the target did not answer sts:GetCallerIdentity in time',
  'no-credentials': 'sts:GetCallerIdentity failed: no credentials, or credentials the target refused',
  'account-not-allowed': 'the credentials belong to an account --allow-account does not name',
} as const satisfies Readonly<Record<string, string>>;

/** A UsageError's code: one of USAGE_ERROR_CODES. */
export type UsageErrorCode = keyof typeof USAGE_ERROR_CODES;

/** A problem with what the user gave: one line, exit 2 (see the file's comment). */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly code: UsageErrorCode,
    message: string,
  ) {
    super(message);
  }
}
