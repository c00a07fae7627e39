/**
 * A run's report files written as its cases finish: what each case adds to a file that lists every
 * case goes to a part file beside it (`.report.json.part`), and when the run is over each file is
 * put together from its summary and its parts, written whole (a temporary file renamed into
 * place) and the parts removed. Memory holds no case the files list.
 */
import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseEntry } from '../reports/report.js';
import type { ReportSummary } from '../reports/tally.js';
import type { ReportFormat } from '../reports/writers/format.js';
import { UsageError } from './errors.js';
import { writeAll } from './files.js';

/** Where a section's texts lie in a part file: byte ranges, in the order written. */
type Ranges = [start: number, end: number][];

interface Part {
  readonly reporter: ReportFormat;
  readonly path: string;
  readonly fd: number;
  bytes: number;
  readonly sections: Map<string, Ranges>;
}

/** The name of a report file's part file (hidden; a run that did not finish may leave it). */
const partFileName = (fileName: string): string => `.${fileName}.part`;

/** Every file a run or a merge writes into its report directory, the part files included. */
export const reportDirFiles = (reporters: readonly ReportFormat[]): string[] => [
  ...reporters.map((r) => r.fileName),
  'cases.jsonl',
  ...reporters.filter((r) => r.perCase).map((r) => partFileName(r.fileName)),
];

export class ReportFiles {
  private readonly parts: Part[] = [];

  constructor(
    private readonly dir: string,
    private readonly reporters: readonly ReportFormat[],
  ) {
    try {
      for (const reporter of reporters)
        if (reporter.perCase) {
          const path = join(dir, partFileName(reporter.fileName));
          this.parts.push({ reporter, path, fd: openSync(path, 'w+'), bytes: 0, sections: new Map() });
        }
    } catch (e) {
      this.discard();
      throw e;
    }
  }

  /** What a case adds to each file that lists it (cases in the report's order). */
  add(c: CaseEntry): void {
    for (const part of this.parts) {
      const perCase = part.reporter.perCase!;
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
      for (const reporter of this.reporters) written.push(this.write(reporter, summary));
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
  private write(reporter: ReportFormat, summary: ReportSummary): [string, string] {
    const path = join(this.dir, reporter.fileName);
    const temporary = `${path}.${process.pid}.tmp`;
    const part = this.parts.find((p) => p.reporter === reporter);
    const buffer = Buffer.alloc(1 << 16);
    const out = openSync(temporary, 'w');
    let open = true;
    try {
      for (const chunk of reporter.render(summary)) {
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
