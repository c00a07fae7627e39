/**
 * Known divergences (`run --expect FILE`): entries that match divergences by suite, API, pattern,
 * difference path and target, each with its reason and an optional expiry date. A matched
 * divergence is expected: counted and listed, not failing. An entry that matches nothing is
 * stale; one past its date matches nothing and is reported as expired. `--fail-on` fails only on
 * divergences from expectations of a provenance at least as strong as it names.
 */
import { z } from 'zod';
import type { Provenance } from '../catalog/provenance.js';
import type { CaseEntry, Report } from './report.js';
import type { Finding, ReportSummary } from './tally.js';

/** What the baseline's verdicts need of a report: its findings, its target and its seed. */
type Findings = Pick<ReportSummary, 'findings' | 'target' | 'seed'>;

/** An entry of a baseline: which divergences it matches, why they are expected, until when. */
export const ExpectedDivergenceSchema = z
  .object({
    suite: z.string().optional().describe('the suite of the case (any, if absent)'),
    api: z.string().optional().describe('the SageMaker API of the case, e.g. CreateTrainingJob'),
    pattern: z.enum(['requestResponse', 'sync', 'waitForTaskToken']).optional(),
    path: z
      .string()
      .optional()
      .describe('a difference path, or its start: "status", "calls", "output/TrainingJobStatus", "target"'),
    target: z.enum(['embedded', 'aws', 'endpoint', 'teststate']).optional().describe('the kind of target'),
    reason: z.string().min(1).describe('why the divergence is expected (a known gap, an issue link)'),
    expires: z.iso.date().optional().describe('YYYY-MM-DD: from this day on, the entry matches nothing'),
  })
  .strict();

/** A baseline file (`--expect`): its entries. */
export const ExpectationsSchema = z
  .object({
    $schema: z.string().optional(),
    expected: z.array(ExpectedDivergenceSchema),
  })
  .strict();

/** An entry of a baseline. */
export type ExpectedDivergence = z.infer<typeof ExpectedDivergenceSchema>;
/** A baseline of known divergences. */
export type Expectations = z.infer<typeof ExpectationsSchema>;

/** Provenance strength, strongest first: `--fail-on observed` fails on documented and observed. */
export const PROVENANCE_ORDER = ['documented', 'observed', 'inferred'] as const;
/** `--fail-on`: the weakest provenance whose divergences fail the run. */
export type FailOn = (typeof PROVENANCE_ORDER)[number];

const differencesOf = (c: CaseEntry) => c.shrunk?.differences ?? c.differences ?? [];

/** Whether an entry matches a divergent case of a report. */
export function matches(e: ExpectedDivergence, c: CaseEntry, target: Report['target']['kind']): boolean {
  if (e.suite !== undefined && e.suite !== c.suite) return false;
  if (e.api !== undefined && e.api !== c.api) return false;
  if (e.pattern !== undefined && e.pattern !== c.pattern) return false;
  if (e.target !== undefined && e.target !== target) return false;
  if (e.path === undefined) return true;
  const path = e.path;
  return differencesOf(c).some((d) => d.path === path || d.path.startsWith(`${path}/`));
}

/** What a run's cases say of the baseline: its entries that matched nothing, and those past their date. */
export interface BaselineOutcome {
  /** Entries that matched no divergence. */
  readonly stale: readonly ExpectedDivergence[];
  /** Entries past their date (they matched nothing). */
  readonly expired: readonly ExpectedDivergence[];
  /** The report's `expectations`. */
  readonly summary: NonNullable<Report['expectations']>;
}

/**
 * A baseline held to a run's cases one at a time: `mark` gives a divergence the baseline names its
 * `expected` reason; `outcome` says, once the cases are in, what matched nothing.
 */
export interface BaselineMatcher {
  /** The case, marked expected where it is a divergence the baseline names. */
  mark<C extends CaseEntry>(c: C): C;
  /** What the cases marked so far say of the baseline. */
  outcome(): BaselineOutcome;
}

/** The baseline `x` (read from `file`) held to the cases of a run on a target of this kind, on `today`. */
export function baselineMatcher(
  x: Expectations,
  file: string,
  target: Report['target']['kind'],
  today: string,
): BaselineMatcher {
  const live = x.expected.filter((e) => e.expires === undefined || e.expires > today);
  const expired = x.expected.filter((e) => !live.includes(e));
  const used = new Set<ExpectedDivergence>();
  return {
    mark<C extends CaseEntry>(c: C): C {
      if (c.verdict !== 'diverged') return c;
      const entry = live.find((e) => matches(e, c, target));
      if (!entry) return c;
      used.add(entry);
      return { ...c, expected: { reason: entry.reason } };
    },
    outcome(): BaselineOutcome {
      const stale = live.filter((e) => !used.has(e));
      return { stale, expired, summary: { file, stale: stale.length, expired: expired.length } };
    },
  };
}

/** The provenance a divergence is judged by: that of its first difference. */
export const provenanceOf = (c: CaseEntry): Provenance['kind'] | undefined =>
  differencesOf(c)[0]?.provenance.kind;

/** The divergences that fail the run: not expected, and from a provenance at least as strong as `failOn`. */
export function failingDivergences(report: Findings, failOn: FailOn = 'inferred'): Finding[] {
  const strength = PROVENANCE_ORDER.indexOf(failOn);
  return report.findings.filter((c) => {
    if (c.verdict !== 'diverged' || c.expected !== undefined) return false;
    const kind = provenanceOf(c);
    return kind === undefined || PROVENANCE_ORDER.indexOf(kind) <= strength;
  });
}

/** A baseline from a report: one entry per suite, API, pattern and first difference of its divergences. */
export function expectationsFrom(report: Findings, source: string): Expectations {
  const entries = new Map<string, ExpectedDivergence>();
  for (const c of report.findings) {
    if (c.verdict !== 'diverged') continue;
    const path = differencesOf(c)[0]?.path.split('/')[0];
    const e: ExpectedDivergence = {
      suite: c.suite,
      api: c.api,
      pattern: c.pattern as ExpectedDivergence['pattern'],
      ...(path ? { path } : {}),
      target: report.target.kind,
      reason: `seen in ${source} (seed ${report.seed}); say why it is expected`,
    };
    entries.set(JSON.stringify([e.suite, e.api, e.pattern, e.path]), e);
  }
  return { $schema: EXPECTATIONS_SCHEMA_URL, expected: [...entries.values()] };
}

/** Where the JSON Schema of a baseline file lives, relative to a project that installed the tool. */
export const EXPECTATIONS_SCHEMA_URL =
  './node_modules/sfn-sagemaker-conformance/docs/expectations.schema.json';

/** The JSON Schema of a baseline file (docs/expectations.schema.json is this, committed). */
export const expectationsJsonSchema = (): unknown => z.toJSONSchema(ExpectationsSchema);
