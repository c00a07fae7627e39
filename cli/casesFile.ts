/**
 * A cases.jsonl read back (replay, merge): one case result per line, each line checked against
 * the schema and named by its number when it is not one; read a piece at a time, as a long run's
 * file may be larger than memory holds.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { type CaseResult, CaseResultSchema } from '../reports/report.js';
import { UsageError } from '../contracts/usageError.js';
import { parseJsonText, zodPlace } from './io.js';

/** Each line of a file and its number, read a piece at a time (the last line need not end). */
function forEachLine(fd: number, each: (line: string, n: number) => void): void {
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  for (let read: number; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
    rest = lines.pop()!;
    for (const line of lines) each(line, ++n);
  }
  each(rest + decoder.end(), ++n);
}

/** Each case result of a cases.jsonl, in the file's order (blank lines skipped). */
export function forEachCase(path: string, each: (c: CaseResult) => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UsageError(
      'unreadable-file',
      `cannot read cases file "${path}": ${(e as Error).message.split('\n')[0]}; check the path`,
    );
  }
  try {
    forEachLine(fd, (line, n) => {
      if (line.trim() === '') return;
      const parsed = CaseResultSchema.safeParse(parseJsonText(line, `line ${n} of "${path}"`));
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
