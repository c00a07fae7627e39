/**
 * cases.jsonl: each case's result whole, one line each, appended as the case finishes (in the
 * order the cases finish), so a crash loses nothing already run. A line is written whole or not at
 * all: a write the file system cuts short (a full disk) is taken back to the last whole line, and
 * the error (naming the file) fails the run.
 */
import { closeSync, ftruncateSync } from 'node:fs';
import type { CaseResult } from '../report.js';
import { appendWhole, openForWriting } from './fileWrites.js';
import type { RunReporter } from './runReporter.js';

/** The reporter that writes a run's cases.jsonl at `path` (started empty). */
export function casesJsonlReporter(path: string): RunReporter {
  let fd: number | undefined;
  let size = 0;
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  return {
    onRunStart() {
      fd = openForWriting(path, 'append');
      ftruncateSync(fd, 0);
      size = 0;
    },
    onCaseFinished(result: CaseResult) {
      if (fd === undefined) return;
      try {
        size = appendWhole(fd, size, `${JSON.stringify(result)}\n`);
      } catch (e) {
        // The error says which file (a write's own says only that it failed).
        throw e instanceof Error && !('path' in e) ? Object.assign(e, { path }) : e;
      }
    },
    onRunEnd: close,
    onRunFailed: close,
  };
}
