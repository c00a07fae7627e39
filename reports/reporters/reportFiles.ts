/**
 * A run's report files written as its cases finish: what each case adds to a file that lists every
 * case goes to a part file beside it (`.report.json.part`), and when the run is over each file is
 * put together from its summary and its parts, written whole (a temporary file renamed into
 * place) and the parts removed. Memory holds no case the files list.
 */
import { closeSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../contracts/usageError.js';
import type { CaseEntry } from '../report.js';
import type { ReportSummary } from '../tally.js';
import type { ReportFormat } from '../writers/format.js';
import { REPORT_FORMATS } from '../writers/formats.js';
import { openForWriting, writeAll } from './fileWrites.js';
import type { RunReporter } from './runReporter.js';

/** Where a section's texts lie in a part file: byte ranges, in the order written. */
type Ranges = [start: number, end: number][];

interface Part {
  readonly format: ReportFormat;
  readonly path: string;
  readonly fd: number;
  bytes: number;
  readonly sections: Map<string, Ranges>;
}

/** The name of a report file's part file (hidden; a run that did not finish may leave it). */
const partFileName = (fileName: string): string => `.${fileName}.part`;

/** Every file a run or a merge writes into its report directory, the part files included. */
export const reportDirFiles = (formats: readonly ReportFormat[]): string[] => [
  ...formats.map((r) => r.fileName),
  'cases.jsonl',
  ...formats.filter((r) => r.perCase).map((r) => partFileName(r.fileName)),
];

/** The report files of a directory, written as the cases come (see the file's comment). */
export class ReportFiles {
  private readonly parts: Part[] = [];

  constructor(
    private readonly dir: string,
    private readonly formats: readonly ReportFormat[],
  ) {
    try {
      for (const format of formats)
        if (format.perCase) {
          const path = join(dir, partFileName(format.fileName));
          this.parts.push({
            format,
            path,
            fd: openForWriting(path, 'readWrite'),
            bytes: 0,
            sections: new Map(),
          });
        }
    } catch (e) {
      this.discard();
      throw e;
    }
  }

  /** What a case adds to each file that lists it (cases in the report's order). */
  add(c: CaseEntry): void {
    for (const part of this.parts) {
      const perCase = part.format.perCase!;
      const name = perCase.section(c);
      const ranges = part.sections.get(name) ?? part.sections.set(name, []).get(name)!;
      const bytes = Buffer.from(perCase.text(c, ranges.length === 0));
      try {
        writeAll(part.fd, bytes);
      } catch (e) {
        // The error says which file (a write's own says only that it failed).
        throw e instanceof Error && !('path' in e) ? Object.assign(e, { path: part.path }) : e;
      }
      const start = part.bytes;
      part.bytes += bytes.length;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === start) last[1] = part.bytes;
      else ranges.push([start, part.bytes]);
    }
  }

  /**
   * Writes every file from the summary and its parts, and removes the parts. Each file is written
   * to a temporary file first; they are renamed into place only once all are written.
   */
  finish(summary: ReportSummary): void {
    const written: [temporary: string, path: string][] = [];
    try {
      for (const format of this.formats) written.push(this.write(format, summary));
      for (const [temporary, path] of written) renameSync(temporary, path);
    } finally {
      for (const [temporary] of written) rmSync(temporary, { force: true });
      this.discard();
    }
  }

  /** Removes the parts (a run that failed writes no report). */
  discard(): void {
    for (const part of this.parts.splice(0)) {
      try {
        closeSync(part.fd);
      } catch {
        // Closed already, or the file system failed: the part is removed all the same.
      }
      rmSync(part.path, { force: true });
    }
  }

  /** A file written beside its place: the temporary file and the place. */
  private write(format: ReportFormat, summary: ReportSummary): [string, string] {
    const path = join(this.dir, format.fileName);
    const temporary = `${path}.${process.pid}.tmp`;
    const part = this.parts.find((p) => p.format === format);
    const buffer = Buffer.alloc(1 << 16);
    const out = openForWriting(temporary, 'replace');
    let open = true;
    try {
      for (const chunk of format.render(summary)) {
        if (typeof chunk === 'string') writeAll(out, Buffer.from(chunk));
        else
          for (const [start, end] of part?.sections.get(chunk.section) ?? [])
            for (let at = start; at < end;) {
              const n = readSync(part!.fd, buffer, 0, Math.min(buffer.length, end - at), at);
              if (n === 0)
                throw new UsageError(
                  'report-changed',
                  `"${part!.path}" ended before its byte ${end}: something changed it while the run wrote it; run again with --overwrite`,
                );
              writeAll(out, n === buffer.length ? buffer : buffer.subarray(0, n));
              at += n;
            }
      }
      open = false;
      closeSync(out);
      return [temporary, path];
    } catch (e) {
      if (open)
        try {
          closeSync(out);
        } catch {
          // The first error is the one to tell.
        }
      rmSync(temporary, { force: true });
      throw e;
    }
  }
}

/**
 * The reporter that writes a run's report files into `dir` (report.json, report.md, report.html,
 * junit.xml): their part files opened as the run starts, each case added in the report's order,
 * the files put together when the run is over, the parts removed if it fails.
 */
export function reportFilesReporter(
  dir: string,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): RunReporter {
  let files: ReportFiles | undefined;
  return {
    onRunStart() {
      files = new ReportFiles(dir, formats);
    },
    onCaseInOrder(c) {
      files?.add(c);
    },
    onRunEnd(report) {
      files?.finish(report);
    },
    onRunFailed() {
      files?.discard();
    },
  };
}
