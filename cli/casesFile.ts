/**
 * A cases.jsonl read back (replay, merge): one case result per line, each line checked against
 * the schema and named by its number when it is not one; read a piece at a time, as a long run's
 * file may be larger than memory holds.
 */
import { closeSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { type CaseResult, CaseResultSchema } from '../reports/report.js';
import { UsageError } from '../contracts/usageError.js';
import { DATA_KEYS, parseJsonText, zodPlace } from './io.js';
import { MAX_FILE_BYTES, openRegularFile } from './userFile.js';

/**
 * Each line of a file and its number, read a piece at a time (the last line need not end); a line
 * longer than the most this tool reads from a file is refused before it fills the memory.
 */
function forEachLine(fd: number, path: string, each: (line: string, n: number) => void): void {
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  // The start of a line that has not ended yet, in pieces (joined once, when it ends).
  let pending: string[] = [];
  let pendingLength = 0;
  let n = 0;
  for (let read: number; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    const text = decoder.write(buffer.subarray(0, read));
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      pending.push(text.slice(start, end));
      each(pending.join(''), ++n);
      pending = [];
      pendingLength = 0;
      start = end + 1;
    }
    pending.push(text.slice(start));
    pendingLength += text.length - start;
    if (pendingLength > MAX_FILE_BYTES)
      throw new UsageError(
        'bad-report',
        `line ${n + 1} of "${path}" is longer than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the most this tool reads: it is not a cases.jsonl of this tool`,
      );
  }
  each(pending.join('') + decoder.end(), ++n);
}

/** How many lines of a cases.jsonl hold something (a run that did not finish left them). */
export function countCaseLines(path: string): number {
  const fd = openRegularFile(path, 'cases file');
  let count = 0;
  try {
    forEachLine(fd, path, (line) => {
      if (line.trim() !== '') count++;
    });
  } finally {
    closeSync(fd);
  }
  return count;
}

/** Each case result of a cases.jsonl, in the file's order (blank lines skipped). */
export function forEachCase(path: string, each: (c: CaseResult) => void): void {
  const fd = openRegularFile(path, 'cases file');
  try {
    forEachLine(fd, path, (line, n) => {
      if (line.trim() === '') return;
      const parsed = CaseResultSchema.safeParse(parseJsonText(line, `line ${n} of "${path}"`, DATA_KEYS));
      if (!parsed.success)
        throw new UsageError(
          'bad-report',
          `line ${n} of "${path}" is not a case result of this tool: at ${zodPlace(parsed.error.issues[0]?.path)}: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      each(parsed.data);
    });
  } finally {
    closeSync(fd);
  }
}
