import type { Report } from '../report.js';

/** A report format: one file rendered from the report (vitest's reporter pattern: one file per format). */
export interface Reporter {
  readonly fileName: string;
  render(report: Report): string;
}
