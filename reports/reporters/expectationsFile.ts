/**
 * `run --write-expect FILE`: a baseline of the run's divergences (one entry per suite, API, pattern
 * and first difference), written whole when the run is over, to be edited and given to `--expect`.
 */
import { expectationsFrom } from '../expectations.js';
import { writeWhole } from './fileWrites.js';
import type { RunReporter } from './runReporter.js';

/** The reporter that writes the run's baseline to `path`, naming `reportFile` as where it was seen. */
export function expectationsFileReporter(path: string, reportFile: string): RunReporter {
  return {
    onRunEnd(report) {
      writeWhole(path, `${JSON.stringify(expectationsFrom(report, reportFile), null, 2)}\n`);
    },
  };
}
