/** The assumptions the harness makes about every target. */
import type { EvidenceEntry } from './entry.js';
import { ASL, model, page } from './sources.js';

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
  {
    id: 'harness.unmodelled-states',
    claim:
      "A user's definition with a state the outcome oracle does not model (a Wait, another service's task, a Choice with other rules) is predicted as far as creation only: the execution's outcome is left undecided",
    kind: 'inferred',
    assumption: true,
    undecided: true,
    sources: [page(ASL, 'State Types')],
  },
] as const satisfies readonly EvidenceEntry[];
