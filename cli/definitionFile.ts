/** A definition file as the commands read it: checked as CreateStateMachine would, its problems one line. */
import { printable } from '../contracts/printable.js';
import type { DefinitionProblem, UnmodelledTask } from '../oracles/definition/sagemakerTasks.js';
import { rejectedAtCreation, validateDefinition } from '../validation/validateDefinition.js';
import { UsageError } from '../contracts/usageError.js';
import type { Io } from './io.js';
import { readDefinition } from './predictionOptions.js';

/**
 * A definition file Step Functions would create: one CreateStateMachine rejects (an unknown
 * StartAt, no end, unreachable states, JSONata fields in a JSONPath state) is refused, with the
 * first problem `validate` reports.
 */
export function readValidDefinition(path: string): ReturnType<typeof readDefinition> {
  const read = readDefinition(path);
  const problems = validateDefinition(read.definition, read.type ?? 'STANDARD').filter(rejectedAtCreation);
  if (problems.length > 0) throw definitionProblem(path, problems);
  return read;
}

/** A definition's problems as one usage error: the first, and how many more. */
export function definitionProblem(
  path: string,
  problems: readonly Pick<DefinitionProblem, 'pointer' | 'message'>[],
): UsageError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new UsageError('rejected-definition', `${path}: ${first.pointer}: ${first.message}${more}`);
}

/** Notes on stderr each Task state that is not a SageMaker optimized integration (not modelled). */
export function reportUnmodelled(unmodelled: readonly UnmodelledTask[], io: Io): void {
  for (const u of unmodelled) {
    io.stderr(
      `note: ${printable(`state "${u.stateName}" (${u.resource})`)} is not a SageMaker optimized integration: not modelled\n`,
    );
  }
}
