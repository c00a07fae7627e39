import { predictPolicy } from '../../oracles/policy/predictPolicy.js';
import type { DefinitionProblem } from '../../oracles/definition/sagemakerTasks.js';
import type { UnmodelledTask } from '../../oracles/definition/sagemakerTasks.js';
import { rejectedAtCreation, validateDefinition } from '../../validation/validateDefinition.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { readDefinition, toPredictionOptions, type RawPredictionOptions } from '../predictionOptions.js';

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

export function definitionProblem(
  path: string,
  problems: readonly Pick<DefinitionProblem, 'pointer' | 'message'>[],
): UsageError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new UsageError('rejected-definition', `${path}: ${first.pointer}: ${first.message}${more}`);
}

export function reportUnmodelled(unmodelled: readonly UnmodelledTask[], io: Io): void {
  for (const u of unmodelled) {
    io.stderr(
      `note: state "${u.stateName}" (${u.resource}) is not a SageMaker optimized integration: not modelled\n`,
    );
  }
}

/** `sfn-conformance policy <definition.json>`: the policy Step Functions would generate. */
export function policyCommand(
  path: string,
  raw: RawPredictionOptions & { explain?: boolean },
  io: Io,
): number {
  const { definition, type } = readValidDefinition(path);
  const options = toPredictionOptions(raw, type, io);
  const result = predictPolicy(definition, options);
  if (!result.ok) throw definitionProblem(path, result.problems);
  reportUnmodelled(result.unmodelled, io);
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  if (result.calls.length === 0)
    io.stderr(`warning: ${path} has no SageMaker optimized-integration Task state\n`);
  if (raw.explain) {
    for (const origin of result.origins) {
      const provenance = origin.provenance.map((p) => `${p.kind}: ${p.source}`).join(' | ');
      io.stderr(`Statement ${origin.index + 1} (states: ${origin.states.join(', ')}): ${provenance}\n`);
    }
  }
  io.stdout(`${JSON.stringify(result.document, null, 2)}\n`);
  return 0;
}
