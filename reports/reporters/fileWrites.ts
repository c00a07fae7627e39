/**
 * How a report's files are written: never through a symbolic link (a file written in place is
 * opened without following one, a file written whole is renamed over the name, which replaces a
 * link and not what it points to), every byte of a write (a write may take only part of them),
 * a line appended whole or not at all, a file written whole (a temporary file renamed into place).
 */
import { closeSync, constants, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** How a file is opened for writing: appended to, read and written, or written anew. */
export type WriteMode = 'append' | 'readWrite' | 'replace';

const OPEN_FLAGS: Readonly<Record<WriteMode, number>> = {
  append: constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND,
  readWrite: constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC,
  replace: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
};

/** Opens a file to write, created if missing; a symbolic link at `path` fails (ELOOP), never followed. */
export function openForWriting(path: string, mode: WriteMode): number {
  return openSync(path, OPEN_FLAGS[mode] | (constants.O_NOFOLLOW ?? 0), 0o666);
}

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

/**
 * Writes a file whole: into a temporary file beside it, then renamed over it. An error names
 * `path`, the file asked for, not the temporary file.
 */
export function writeWhole(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openForWriting(temporary, 'replace');
    try {
      writeAll(fd, Buffer.from(content));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    if (e instanceof Error && 'path' in e && e.path === temporary) Object.assign(e, { path });
    throw e;
  }
}
