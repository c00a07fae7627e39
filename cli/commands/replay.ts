import { ruleIds } from '../../reports/writers/provenanceText.js';
import { realiseCase, type Target } from '../../contracts/target.js';
import { plain } from '../../generators/sampleCases.js';
import { withId } from '../../generators/invalidCase.js';
import type { CaseContent } from '../../contracts/case.js';
import { checkShrunkCase } from '../shrunkCase.js';
import { printable } from '../../contracts/printable.js';
import type { CaseEntry } from '../../reports/report.js';
import { forEachCase } from '../casesFile.js';
import { readReportFile } from '../reportFile.js';
import { mutantsOfField } from '../../reports/report.js';
import { replayById, replayByPath } from '../../reports/replayCommand.js';
import { caseHead, evaluate, observationValues, predictionValues, verdictOf } from '../../suites/caseRun.js';
import { drawSuiteCase, isSuiteName, SUITE_NAMES, type SuiteName } from '../../suites/suites.js';
import { UsageError } from '../../contracts/usageError.js';
import { checkSeed, integer, MAX_RUNS } from '../values.js';
import type { Io } from '../io.js';
import type { AwsRaw } from '../aws/connect.js';
import { selectTarget } from '../targetChoice.js';
import { chosenFormat, TEXT_OR_JSON } from '../options/report.js';
import { readUserDefinitions } from '../userDefinitions.js';
import type { CaseSource } from '../../suites/caseSource.js';
import { definitionCaseSource, takesDefinitions } from '../../suites/definitionSuites.js';

/** `replay`'s options, as commander hands them over. */
export interface ReplayRaw extends AwsRaw {
  suite?: string;
  seed?: string;
  path?: string;
  target?: string;
  /** `--emulator-mutant`, once for each. */
  emulatorMutant?: string[];
  format?: string;
  /** `--definition`: the users' definitions the case was drawn around (as `run` was given them). */
  definition?: string[];
}

/**
 * The cases of a report, or of the `cases.jsonl` a run writes as it goes (all a killed run leaves):
 * one case result per line, each line checked.
 */
function readReportOrCases(path: string): {
  cases: CaseEntry[];
  target?: { kind: string; region: string; endpoint?: string | undefined; mutant?: string | undefined };
} {
  if (path.endsWith('.jsonl')) {
    const cases: CaseEntry[] = [];
    forEachCase(path, (c) => cases.push(c));
    return { cases };
  }
  return readReportFile(path);
}

/** `replay <report.json> <caseId>` or `replay --suite S --seed N --path I`: re-runs one case and prints its result. */
export async function replayCommand(
  reportPath: string | undefined,
  caseId: string | undefined,
  raw: ReplayRaw,
  io: Io,
): Promise<number> {
  const format = chosenFormat(raw.format, TEXT_OR_JSON);
  let suite: SuiteName;
  let seed: number;
  let index: number;
  let content: CaseContent | undefined;
  let targetRaw: AwsRaw & { emulatorMutant?: string[] } = raw;
  if (reportPath !== undefined) {
    if (caseId === undefined)
      throw new UsageError(
        'bad-option',
        `replay <report.json> needs a case id too: ${replayById('<report.json>', '<caseId>', 'sfn-conformance')}`,
      );
    const report = readReportOrCases(reportPath);
    // The same case can be drawn by several suites: --suite says which one's result to replay.
    const matching = report.cases.filter(
      (c) =>
        (c.id === caseId || c.shrunk?.id === caseId) && (raw.suite === undefined || c.suite === raw.suite),
    );
    if (matching.length === 0)
      throw new UsageError(
        'unknown-case',
        `no case "${caseId}"${raw.suite ? ` of suite ${raw.suite}` : ''} in "${reportPath}"; ids are in its cases[].id`,
      );
    const suites = [...new Set(matching.map((c) => c.suite))];
    if (suites.length > 1)
      throw new UsageError(
        'ambiguous-case',
        `case "${caseId}" is in the suites ${suites.join(', ')} of "${reportPath}"; say which with --suite`,
      );
    const found = matching[0]!;
    if (!isSuiteName(found.suite))
      throw new UsageError('bad-report', `unknown suite "${found.suite}" in "${reportPath}"`);
    suite = found.suite;
    // The coordinates must be the case's own: a corrupted report would replay another case.
    const [pathSuite, pathIndex, ...rest] = found.replay.path.split(':');
    if (
      pathSuite !== suite ||
      rest.length > 0 ||
      !/^\d+$/.test(pathIndex ?? '') ||
      Number(pathIndex) >= MAX_RUNS
    )
      throw new UsageError(
        'bad-report',
        `case "${caseId}" in "${reportPath}" has replay.path "${found.replay.path}", not "${suite}:<index>"; the report is damaged`,
      );
    if (!Number.isInteger(found.replay.seed) || found.replay.seed < 0 || found.replay.seed > 2 ** 32 - 1)
      throw new UsageError(
        'bad-report',
        `case "${caseId}" in "${reportPath}" has replay.seed ${JSON.stringify(found.replay.seed)}, not an integer from 0 to 4294967295; the report is damaged`,
      );
    seed = found.replay.seed;
    index = Number(pathIndex);
    // A case drawn around users' definitions is drawn again from them: they must be given.
    if (raw.definition === undefined && / --definition /.test(found.replay.command ?? '') && !found.shrunk)
      throw new UsageError(
        'missing-option',
        `case "${caseId}" in "${reportPath}" was drawn around definitions: give them as its run did: ${found.replay.command}`,
      );
    // A shrunk case is stored whole: checked as Step Functions would check it before it runs.
    if (found.shrunk?.id === caseId) content = checkShrunkCase(found.shrunk.case, caseId, reportPath);
    // cases.jsonl does not say on which target it ran: the embedded one, unless --target says.
    const t = report.target;
    targetRaw = t
      ? {
          target: t.kind,
          region: t.region,
          ...(t.endpoint ? { endpoint: t.endpoint } : {}),
          ...(t.mutant ? { emulatorMutant: mutantsOfField(t.mutant) } : {}),
          ...raw,
        }
      : raw;
  } else {
    if (!raw.suite || raw.seed === undefined || raw.path === undefined) {
      throw new UsageError(
        'bad-option',
        'replay needs <report.json> <caseId>, or --suite, --seed and --path',
      );
    }
    if (!isSuiteName(raw.suite))
      throw new UsageError('bad-option', `--suite "${raw.suite}" is unknown; use ${SUITE_NAMES.join(', ')}`);
    suite = raw.suite;
    seed = checkSeed(raw.seed);
    index = integer(raw.path, '--path', 0, MAX_RUNS - 1);
  }
  // Around users' definitions, the case is drawn from them (each file checked as `run` checks it).
  let source: CaseSource | undefined;
  if (raw.definition !== undefined) {
    if (!takesDefinitions(suite))
      throw new UsageError(
        'bad-option',
        `--suite ${suite} draws machines of its own and does not take --definition`,
      );
    source = definitionCaseSource(readUserDefinitions(raw.definition));
  }
  const remote = targetRaw.target === 'aws' || targetRaw.target === 'endpoint';
  const { target, args }: { target: Target; args: string } =
    targetRaw.target === 'teststate'
      ? await (await import('../aws/connectTestState.js')).connectTestStateTarget(targetRaw)
      : remote
        ? await (await import('../aws/connect.js')).connectAwsTarget(targetRaw)
        : selectTarget(targetRaw);
  const replay = { seed, path: `${suite}:${index}` };
  const drawn = withId(
    content ?? plain((source ? source.draw(suite, seed, index) : drawSuiteCase(suite, seed, index)).value),
    replay,
  );
  // A report's coordinates draw the case they name, or the report is not this version's (or damaged).
  if (reportPath !== undefined && content === undefined && drawn.id !== caseId)
    throw new UsageError(
      'bad-report',
      `the coordinates of case "${caseId}" in "${reportPath}" (seed ${seed}, path ${suite}:${index}) draw case "${drawn.id}": the report is damaged or from another version of the tool`,
    );
  const realised = realiseCase(target, drawn);
  if (!('case' in realised)) {
    io.stdout(`skipped: ${realised.skipped}\n`);
    return 0;
  }
  const theCase = realised.case;
  const evaluated = await evaluate(target, suite, theCase)
    // The role and state machine the target kept for the case are deleted once it has run.
    .finally(() => target.finish?.())
    .catch((error: unknown) => {
      // A shrunk case passed its checks, but the oracles read its plan too: one the oracles cannot
      // read is a damaged report, not a failure of the tool.
      if (content === undefined || error instanceof UsageError) throw error;
      throw new UsageError(
        'bad-report',
        `the shrunk case "${caseId}" in "${reportPath}" cannot be run (${String((error as Error).message ?? error).split('\n')[0]}); the report is damaged, replay by its seed and path instead`,
      );
    });
  const result = {
    ...caseHead(theCase, suite, {
      ...replay,
      command: replayByPath(suite, seed, index, [args, source?.replayArgs].filter(Boolean).join(' ')),
    }),
    verdict: verdictOf(evaluated),
    predicted: predictionValues(evaluated.prediction),
    observed: observationValues(evaluated.observation),
    differences: evaluated.differences,
    ...(evaluated.undecided ? { undecidedReason: evaluated.undecided } : {}),
    case: theCase,
  };
  if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const lines: string[] = [];
    lines.push(
      `${result.verdict}: ${suite} ${theCase.api} ${theCase.pattern} ${theCase.resourceMode} ${theCase.queryLanguage} (${theCase.id})${evaluated.undecided ? `: ${evaluated.undecided}` : ''}`,
    );
    for (const d of evaluated.differences)
      lines.push(
        `  ${d.path}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)} [${ruleIds(d.provenance)}]`,
      );
    lines.push(
      `status ${String(evaluated.observation.status ?? (evaluated.observation.created ? '' : `not created: ${evaluated.observation.createError ?? ''}`))}${evaluated.observation.error ? `, error ${evaluated.observation.error}` : ''}`,
    );
    // Each line may carry the target's text (an error name, a cause): escaped, one line each.
    io.stdout(lines.map((line) => `${printable(line)}\n`).join(''));
  }
  return evaluated.differences.length === 0 ? 0 : 1;
}
