/**
 * The formats of a run's summary on stdout: what `--format` of `run` and `merge` takes, and what
 * the summary reporter (reports/reporters/summary.ts) writes.
 */

/** The formats of the summary: text for people, JSON for scripts, Markdown for a CI job's page. */
export const SUMMARY_FORMATS = ['text', 'json', 'markdown'] as const;
/** A format of the summary. */
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];
