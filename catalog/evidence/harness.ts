/** The assumptions the harness makes about every target. */
import type { EvidenceEntry } from './entry.js';
import { model } from './sources.js';

/** Assumptions of the harness. */
export const HARNESS_RULES = [
  {
    id: 'harness.target-answers',
    claim:
      "A target answers every well-formed call with a result or a modelled error; a server error, an unreadable answer or an execution it never ends is the target's",
    kind: 'inferred',
    assumption: true,
    sources: [model('stepfunctions operations (errors each operation lists)')],
  },
] as const satisfies readonly EvidenceEntry[];
