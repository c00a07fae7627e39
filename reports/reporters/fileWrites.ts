/**
 * How a report's files are written: every byte of a write (a write may take only part of them),
 * a line appended whole or not at all, a file written whole (a temporary file renamed into place).
 */
import { ftruncateSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';

/** Writes every byte (a write may take only part of them: the rest is written, or fails). */
export function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}

/**
 * Appends a line whole at byte `size` of the file, and returns the file's new size: a write the
 * file system cuts short (a full disk) is taken back to `size` before the error goes on.
 */
export function appendWhole(fd: number, size: number, line: string): number {
  const bytes = Buffer.from(line);
  try {
    writeAll(fd, bytes);
  } catch (e) {
    ftruncateSync(fd, size);
    throw e;
  }
  return size + bytes.length;
}

/** Writes a file whole: into a temporary file beside it, then renamed over it. */
export function writeWhole(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
