/**
 * The evidence table: every rule the oracle applies, and every behaviour of the emulator a
 * prediction rests on, with what it rests on. One entry per rule, each with a stable id, the claim
 * in the project's words, its kind and its sources:
 *
 * - `documented`: an AWS documentation page or an AWS API model says it (a `page` or `model` source);
 * - `observed`: a public report, captured output or a recorded execution shows AWS doing it (a
 *   `report` or `recording` source), where no page says it;
 * - `inferred`: neither: by analogy, or an assumption of the harness (`assumption`).
 *
 * A prediction is as strong as the weakest rule it rests on (catalog/provenance.ts). The kinds are
 * held to their sources by catalog/evidence.test.ts; docs/evidence.md is rendered from this table
 * (scripts/gen-evidence-doc.ts). The entries are in catalog/evidence/, a file per domain, in the
 * table's order; what an entry is, in catalog/evidence/entry.ts.
 */
import { ASL_RULES } from './evidence/asl.js';
import type { EvidenceEntry } from './evidence/entry.js';
import { HARNESS_RULES } from './evidence/harness.js';
import { INTEGRATION_RULES } from './evidence/integration.js';
import { LIMIT_RULES } from './evidence/limits.js';
import { SAGEMAKER_RULES } from './evidence/sagemaker.js';
import { SYNC_RULES } from './evidence/sync.js';
import { TEMPLATE_RULES } from './evidence/templates.js';

/** Every rule, in the table's order (the order docs/evidence.md lists them in, by group). */
const entries = [
  ...INTEGRATION_RULES,
  ...TEMPLATE_RULES,
  ...SYNC_RULES,
  ...SAGEMAKER_RULES,
  ...ASL_RULES,
  ...LIMIT_RULES,
  ...HARNESS_RULES,
] as const;

/** The id of a rule of the evidence table. */
export type RuleId = (typeof entries)[number]['id'];

/** The evidence table, by id. */
export const EVIDENCE: Readonly<Record<RuleId, EvidenceEntry>> = Object.fromEntries(
  entries.map((e) => [e.id, e]),
) as unknown as Record<RuleId, EvidenceEntry>;

/** Every entry, in the table's order. */
export const EVIDENCE_ENTRIES: readonly EvidenceEntry[] = entries;
