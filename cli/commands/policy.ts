import { predictPolicy } from '../../oracles/policy/predictPolicy.js';
import { printable } from '../../contracts/printable.js';
import { definitionProblem, readValidDefinition, reportUnmodelled } from '../definitionFile.js';
import type { Io } from '../io.js';
import { toPredictionOptions, type RawPredictionOptions } from '../predictionOptions.js';

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
  for (const w of result.warnings) io.stderr(`warning: ${printable(w)}\n`);
  if (result.calls.length === 0)
    io.stderr(`warning: ${printable(path)} has no SageMaker optimized-integration Task state\n`);
  if (raw.explain) {
    for (const origin of result.origins) {
      const provenance = origin.provenance.map((p) => `${p.kind}: ${p.source}`).join(' | ');
      io.stderr(
        `${printable(`Statement ${origin.index + 1} (states: ${origin.states.join(', ')}): ${provenance}`)}\n`,
      );
    }
  }
  io.stdout(`${JSON.stringify(result.document, null, 2)}\n`);
  return 0;
}
