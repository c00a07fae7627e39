/** A run's report.json read back (replay, merge): checked against the report's schema. */
import { type Report, ReportSchema } from '../reports/report.js';
import { UsageError } from '../contracts/usageError.js';
import { DATA_KEYS, readJsonFile, zodPlace } from './io.js';

/** A report.json, checked against the report's schema (one line naming the first problem). */
export function readReportFile(path: string): Report {
  const parsed = ReportSchema.safeParse(readJsonFile(path, 'report file', DATA_KEYS));
  if (!parsed.success)
    throw new UsageError(
      'bad-report',
      `"${path}" is not a report of this tool (schema version 1): at ${zodPlace(parsed.error.issues[0]?.path)}: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}
