/**
 * The replay commands a report carries, built in this one place: a case by its coordinates (suite,
 * seed, index and the options that select its target), or a case of a report by its id.
 */

/** How a report's commands run the tool: from a project that installed it. */
const TOOL = 'npx sfn-conformance';

/** The command that replays case `index` of a suite for a seed on the target `targetArgs` select. */
export function replayByPath(suite: string, seed: number, index: number, targetArgs: string): string {
  return `${TOOL} replay --suite ${suite} --seed ${seed} --path ${index}${targetArgs ? ` ${targetArgs}` : ''}`;
}

/**
 * The command that replays the case (or shrunk case) `caseId` of a report (report.json, or a run's
 * cases.jsonl); `tool` is how the tool is named (`sfn-conformance` in a hint to the user).
 */
export function replayById(report: string, caseId: string, tool: string = TOOL): string {
  return `${tool} replay ${report} ${caseId}`;
}

/**
 * The options that select the built-in emulator with these mutants, as `run` and `replay` take
 * them (`--emulator-mutant` once for each).
 */
export function embeddedTargetArgs(mutants: readonly string[]): string {
  return ['--target embedded', ...mutants.map((m) => `--emulator-mutant ${m}`)].join(' ');
}
