/** A report format (report.json, report.md, report.html, junit.xml): what its file says, and how. */
import type { CaseEntry, Report } from '../report.js';
import { type ReportSummary, summarise } from '../tally.js';

/** A piece of a report file: text, or the texts its cases gave a section, in report order. */
export type Chunk = string | { readonly section: string };

/**
 * A report format: one file. A file that lists
 * every case says, case by case as the run goes, what each adds and to which of its sections; the
 * rest is rendered from the summary when the run is over. So no file needs the cases held.
 */
export interface ReportFormat {
  /** The file's name in the report directory. */
  readonly fileName: string;
  /** For a file that lists every case: what each case adds, and to which section. */
  readonly perCase?: {
    /** The section a case's text goes to. */
    section(c: CaseEntry): string;
    /** `first`: the section's first case. */
    text(c: CaseEntry, first: boolean): string;
  };
  /** The file from the summary: its texts, and where each section's case texts go. */
  render(summary: ReportSummary): readonly Chunk[];
}

/** A report file rendered in memory from the summary and every case of the report, in order. */
export function renderFile(r: ReportFormat, summary: ReportSummary, cases: readonly CaseEntry[]): string {
  const sections = new Map<string, string[]>();
  if (r.perCase)
    for (const c of cases) {
      const name = r.perCase.section(c);
      const texts = sections.get(name) ?? sections.set(name, []).get(name)!;
      texts.push(r.perCase.text(c, texts.length === 0));
    }
  return r
    .render(summary)
    .map((chunk) => (typeof chunk === 'string' ? chunk : (sections.get(chunk.section) ?? []).join('')))
    .join('');
}

/** A report held whole (a library run's, a merge's) rendered in one format. */
export const renderReport = (r: ReportFormat, report: Report): string =>
  renderFile(r, summarise(report), report.cases);
