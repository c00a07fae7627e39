/** The report of a run (schema version 2; docs/reports.md), as a zod schema users can import. */
import { z } from 'zod';

const kind = z.enum(['documented', 'observed', 'inferred']);

/** A rule of the evidence table (docs/evidence.md) as a report names it. */
export const RuleRefSchema = z.object({
  id: z.string(),
  kind,
  claim: z.string(),
  sources: z.array(z.string()),
  caveat: z.string().optional(),
  /** A rule nobody knows (an expectation resting on it is not predicted). */
  undecided: z.boolean().optional(),
});

/** What an expectation rests on: the weakest kind of its rules, and those rules (older reports: a source line only). */
export const ProvenanceSchema = z.object({
  kind,
  source: z.string(),
  rules: z.array(RuleRefSchema).optional(),
});
const provenance = ProvenanceSchema;

/** A difference between prediction and observation: where, what each said, what the prediction rests on. */
export const DifferenceSchema = z.object({
  path: z.string(),
  predicted: z.unknown(),
  observed: z.unknown(),
  provenance,
});

/**
 * The observed execution a case's differences speak of: its ARN and, on a virtual clock, when it
 * started (epoch ms). A prediction's `${ExecutionArn}` and `${ExecutionStart}+Nms` stand for them.
 */
export const ObservedExecutionSchema = z.object({
  arn: z.string().optional(),
  startEpochMs: z.number().optional(),
});

/**
 * A divergence's cause (docs/reports.md, "A divergence's cause"): the first rule of the evidence
 * table the target broke, in the order of the execution, where it happened, and what the target
 * did there. Divergences are grouped by their cause's rule and answer.
 */
export const CauseSchema = z.object({
  rule: RuleRefSchema,
  /** The state where it happened, and its task's API and pattern (absent: the state machine as a whole). */
  at: z.object({ state: z.string(), api: z.string().optional(), pattern: z.string().optional() }).optional(),
  /** What the target did there, in words that do not depend on the case's own values (`history: TaskFailed where TaskSubmitted`). */
  answer: z.string(),
  /** The target's own message: its error and cause, or why it refused the definition. */
  message: z.string().optional(),
});

/** A case's result whole, as cases.jsonl holds it. */
export const CaseResultSchema = z.object({
  id: z.string(),
  suite: z.string(),
  api: z.string(),
  pattern: z.string(),
  resourceMode: z.string(),
  queryLanguage: z.string(),
  /** `undecided`: no difference, but the target shows too little to tell (it sees no calls, no job status). */
  verdict: z.enum(['match', 'diverged', 'undecided', 'error', 'skipped']),
  replay: z.object({ seed: z.number(), path: z.string(), command: z.string() }),
  predicted: z.record(z.string(), z.unknown()),
  observed: z.record(z.string(), z.unknown()),
  differences: z.array(DifferenceSchema),
  /** For a divergence: what it is (reports written before causes have none). */
  cause: CauseSchema.optional(),
  /** For a divergence: the smallest case found that still diverges. */
  shrunk: z
    .object({
      id: z.string(),
      steps: z.number(),
      case: z.record(z.string(), z.unknown()),
      differences: z.array(DifferenceSchema),
      /** The shrunk case's cause: the same as the case's (shrinking keeps it). */
      cause: CauseSchema.optional(),
      /** The shrunk case's observed execution (its ARN, its start), which its differences speak of. */
      execution: ObservedExecutionSchema.optional(),
      /** Replays the shrunk case itself (from the report, by its id). */
      replay: z.object({ command: z.string() }).optional(),
    })
    .optional(),
  errorMessage: z.string().optional(),
  /** Why the target did not run the case (a real account does not run billable jobs). */
  skipReason: z.string().optional(),
  /** How long the case took, shrinking included (ms). */
  durationMs: z.number().optional(),
  /** A divergence the baseline (`--expect`) names: why it is expected. It does not fail the run. */
  expected: z.object({ reason: z.string() }).optional(),
  /** Why the target could not decide the case (verdict `undecided`). */
  undecidedReason: z.string().optional(),
});

/**
 * A case as report.json lists it: a divergence or an error whole, any other case summarised (what
 * it is, its verdict, how to replay it; without `predicted`, `observed` and `differences`, which
 * its line of cases.jsonl holds).
 */
export const CaseEntrySchema = CaseResultSchema.partial({
  predicted: true,
  observed: true,
  differences: true,
}).superRefine((c, ctx) => {
  if (c.verdict !== 'diverged' && c.verdict !== 'error') return;
  for (const key of ['predicted', 'observed', 'differences'] as const)
    if (c[key] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `a case whose verdict is ${c.verdict} is listed whole: its ${key} is missing`,
      });
});

/** A run's report (report.json). */
export const ReportSchema = z.object({
  /** 2: matched, undecided and skipped cases are summarised (1: every case whole; still read). */
  schemaVersion: z.union([z.literal(2), z.literal(1)]),
  tool: z.object({ name: z.string(), version: z.string() }),
  target: z.object({
    kind: z.enum(['embedded', 'aws', 'endpoint', 'teststate']),
    endpoint: z.string().optional(),
    region: z.string(),
    description: z.string().optional(),
    /** The emulator's mutants, joined with `,` (see mutantField). */
    mutant: z.string().optional(),
    /** The target's own figures: throttles, waits for IAM, resources created and deleted. */
    stats: z.record(z.string(), z.number()).optional(),
  }),
  seed: z.number(),
  runs: z.number(),
  concurrency: z.number(),
  suites: z.array(z.string()),
  startedAt: z.string(),
  durationMs: z.number(),
  totals: z.object({
    cases: z.number(),
    matched: z.number(),
    diverged: z.number(),
    errored: z.number(),
    skipped: z.number().optional(),
    /** Cases that showed no difference on a target that shows too little to tell. */
    undecided: z.number().optional(),
    /** Divergences the baseline expects (counted in `diverged` too). */
    expected: z.number().optional(),
  }),
  /** The baseline the run was held to (`--expect`): its entries that matched nothing, and those past their date. */
  expectations: z.object({ file: z.string(), stale: z.number(), expired: z.number() }).optional(),
  /** `--fail-on`: the weakest provenance whose divergences fail the run. */
  failOn: z.enum(['documented', 'observed', 'inferred']).optional(),
  /** The shard of the run this report holds (`run --shard index/count`): case k of a suite is shard k mod count's. */
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
  /** The shards merged into this report (`merge`). */
  mergedShards: z.number().int().optional(),
  /**
   * The canary: a known case run again after each finding, to tell findings from a target a case
   * left broken (docs/reports.md). `relabelled`: findings marked "target state changed" (undecided).
   */
  canary: z
    .object({
      checks: z.number(),
      relabelled: z.number(),
      /** The first case after which the canary no longer behaved as at the start. */
      changedAfter: z.string().optional(),
      /** Why no canary could run (the run's findings are then not vouched for). */
      unusable: z.string().optional(),
    })
    .optional(),
  /** The run was interrupted (SIGINT / SIGTERM): the cases that finished, no others. */
  interrupted: z.boolean().optional(),
  stats: z.object({
    maxInFlight: z.number(),
    /** Cases finished a second; absent from a merged report (its shards ran apart: no rate is theirs together). */
    casesPerSecond: z.number().optional(),
    shrinkSteps: z.number(),
    shrinkExecutions: z.number(),
  }),
  cases: z.array(CaseEntrySchema),
});

/** A difference between prediction and observation. */
export type Difference = z.infer<typeof DifferenceSchema>;
/** A divergence's cause. */
export type Cause = z.infer<typeof CauseSchema>;
/** A case's result whole. */
export type CaseResult = z.infer<typeof CaseResultSchema>;
/** A case as report.json lists it. */
export type CaseEntry = z.infer<typeof CaseEntrySchema>;
/** A run's report. */
export type Report = z.infer<typeof ReportSchema>;
/** The observed execution a case's differences speak of. */
export type ObservedExecution = z.infer<typeof ObservedExecutionSchema>;

/** An observation's execution (its ARN, its start on a virtual clock), or undefined where it has neither. */
export function observedExecution(o: {
  readonly executionArn?: unknown;
  readonly startEpochMs?: unknown;
}): ObservedExecution | undefined {
  const arn = typeof o.executionArn === 'string' ? o.executionArn : undefined;
  const start = typeof o.startEpochMs === 'number' ? o.startEpochMs : undefined;
  if (arn === undefined && start === undefined) return undefined;
  return { ...(arn !== undefined ? { arn } : {}), ...(start !== undefined ? { startEpochMs: start } : {}) };
}

/** The report's version this tool writes. */
export const SCHEMA_VERSION = 2;

/** A divergence or an error: the cases a report keeps whole. */
export const isFinding = (c: { readonly verdict: CaseResult['verdict'] }): boolean =>
  c.verdict === 'diverged' || c.verdict === 'error';

/** A case as report.json lists it: a finding whole, any other case without what cases.jsonl holds. */
export function entryOf(c: CaseEntry): CaseEntry {
  if (isFinding(c)) return c;
  const { predicted: _p, observed: _o, differences: _d, ...summary } = c;
  return summary;
}

/** The separator of the mutants in a report's `target.mutant` (the schema keeps one string). */
const MUTANT_SEPARATOR = ',';

/** The mutants as a report's `target.mutant` names them: joined with `,` (none: absent). */
export const mutantField = (mutants: readonly string[]): string | undefined =>
  mutants.length === 0 ? undefined : mutants.join(MUTANT_SEPARATOR);

/** The mutants a report's `target.mutant` names, each apart. */
export const mutantsOfField = (field: string | undefined): string[] =>
  field === undefined || field === '' ? [] : field.split(MUTANT_SEPARATOR);
