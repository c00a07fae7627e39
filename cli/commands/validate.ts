import { validateDefinition } from '../../validation/validateDefinition.js';
import { printable } from '../../contracts/printable.js';
import type { Io } from '../io.js';
import { readDefinition } from '../predictionOptions.js';
import { UsageError } from '../../contracts/usageError.js';

/** `sfn-conformance validate <definition.json>`: exit 0 valid, 1 invalid with one line per problem. */
export function validateCommand(path: string, raw: { type?: string }, io: Io): number {
  const { definition, type: fileType } = readDefinition(path);
  let type = fileType ?? 'STANDARD';
  if (raw.type !== undefined) {
    const upper = raw.type.toUpperCase();
    if (upper !== 'STANDARD' && upper !== 'EXPRESS')
      throw new UsageError('bad-option', `--type "${raw.type}" is unknown; use standard or express`);
    type = upper;
  }
  const problems = validateDefinition(definition, type);
  if (problems.length === 0) {
    io.stdout(`${printable(path)}: valid\n`);
    return 0;
  }
  for (const p of problems) io.stdout(`${printable(`${path}: ${p.pointer}: ${p.message} [${p.code}]`)}\n`);
  io.stderr(`${problems.length} problem(s)\n`);
  return 1;
}
