/**
 * Files the user names, opened for reading: only a regular file is read (a named pipe blocks until
 * someone writes to it, a device such as /dev/zero never ends, a directory holds no document), and
 * never more than a limit, so no file makes a command hang or fill the memory. A refusal is one
 * line: what the file is, and how to fix it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError } from '../contracts/usageError.js';

/** The most this tool reads from one file it is given (a JSON document, a line of a cases.jsonl). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Why a file could not be opened, for the user: what it means, the error code, what to do. */
const WHY_UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file (ENOENT); check the path',
  EACCES: 'permission denied (EACCES); make the file readable (chmod u+r FILE) or give another',
  EPERM: 'not permitted (EPERM); make the file readable or give another',
  EISDIR: 'it is a directory, not a file (EISDIR); give the path of a file in it',
  ENOTDIR: 'a part of the path is a file, not a directory (ENOTDIR); check the path',
  ELOOP: 'the path has a loop of symbolic links (ELOOP); check the links it goes through',
  ENAMETOOLONG: 'the path is too long (ENAMETOOLONG); give a shorter one',
  EMFILE: 'the process has too many open files (EMFILE); try again with fewer things running',
  ENFILE: 'the system has too many open files (ENFILE); try again with fewer things running',
  ENXIO: 'no such device (ENXIO): a socket or a device, not a file; give the path of a file',
  EIO: 'the device answered with an input/output error (EIO); check the disk, or copy the file elsewhere',
};

/** What a file that is not a regular one is, and why it is not read. */
function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'it is a directory, not a file; give the path of a file in it';
  if (stats.isFIFO())
    return 'it is a named pipe (FIFO), not a regular file: reading it could wait for ever; save its content to a file and give that';
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return 'it is a device (such as /dev/zero), not a regular file: it may never end; give the path of a file';
  if (stats.isSocket()) return 'it is a socket, not a regular file; give the path of a file';
  return 'it is not a regular file; give the path of a file';
}

/** An error opening or reading `path` as one usage error naming the file (`what "path"`). */
export function unreadable(what: string, path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    (code !== undefined ? WHY_UNREADABLE[code] : undefined) ??
    `${String((error as Error).message ?? error).split('\n')[0]}; check the path`;
  return new UsageError('unreadable-file', `cannot read ${what} "${path}": ${reason}`);
}

/**
 * Opens a regular file for reading and returns its descriptor. It is opened without blocking (a
 * named pipe without a writer would block the open itself) and checked once it is open, so what is
 * read is what was checked.
 */
export function openRegularFile(path: string, what: string): number {
  let fd: number;
  try {
    // O_NONBLOCK is not defined everywhere (Windows): there, a named pipe is no file path anyway.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(what, path, error);
  }
  try {
    const refused = notRegular(fstatSync(fd));
    if (refused) throw new UsageError('unreadable-file', `cannot read ${what} "${path}": ${refused}`);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error instanceof UsageError ? error : unreadable(what, path, error);
  }
}

/** A file's bytes, at most `maxBytes` of them: `truncated` when it holds more. */
export interface FileBytes {
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

/**
 * Reads a regular file (openRegularFile), never more than `maxBytes` bytes plus one: a file that
 * holds more is `truncated`, and its size is known without reading it all.
 */
export function readRegularFile(path: string, what: string, maxBytes: number): FileBytes {
  const fd = openRegularFile(path, what);
  try {
    // A file's size is a hint: /proc files say 0, a file may grow while it is read.
    if (fstatSync(fd).size > maxBytes) return { bytes: Buffer.alloc(0), truncated: true };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { bytes: Buffer.alloc(0), truncated: true };
    }
    return { bytes: Buffer.concat(chunks, total), truncated: false };
  } catch (error) {
    throw error instanceof UsageError ? error : unreadable(what, path, error);
  } finally {
    closeSync(fd);
  }
}
