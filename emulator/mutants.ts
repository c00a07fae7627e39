/**
 * Deliberate deviations of the emulator, to show that the harness catches bugs: with
 * `--emulator-mutant NAME`, `run` must report a divergence that points at the mutant.
 */
export const MUTANTS = {
  'retry-ignores-backoff': 'Retry waits IntervalSeconds every time: BackoffRate is ignored',
  'catch-drops-resultpath': "Catch ignores the catcher's ResultPath: the error object replaces the input",
  'sync-returns-create-response': '.sync returns the Create response instead of the Describe result',
  'passrole-not-checked': 'iam:PassRole is not authorized (and not recorded)',
  'no-stop-on-abort': 'StopExecution does not make the best-effort Stop<X>Job call',
  'taskfailed-matches-timeout': 'States.TaskFailed also matches States.Timeout',
  'describe-not-polled': '.sync does not poll Describe: it waits for the job event',
  'addtags-not-checked': 'tag-on-create does not need sagemaker:AddTags',
  'history-skips-submitted': '.sync records no TaskSubmitted event',
} as const;

export type MutantName = keyof typeof MUTANTS;

export function isMutant(name: string): name is MutantName {
  return Object.hasOwn(MUTANTS, name);
}
