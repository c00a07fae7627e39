/**
 * Files a command writes: the report directory checked before anything runs (nothing of the
 * user's replaced, no special file system, a directory that can be made), and a file system's
 * refusal as one line. The files are written by reports/reporters/fileWrites.ts.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../contracts/usageError.js';

/** What each file system error means to the user, and what to do. */
const WHY: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device: free some space or choose another place',
  EDQUOT: 'the disk quota is used up: free some space or choose another place',
  EACCES: 'permission denied: choose a place you may write',
  EPERM: 'not permitted: choose a place you may write',
  EROFS: 'the file system is read-only: choose another place',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory, not a file',
  ENOENT: 'no such file or directory',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error of the device',
};

interface SystemError extends Error {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
}

/** Whether an error is the file system's (or another system call's): a code such as ENOSPC. */
export function isSystemError(e: unknown): e is SystemError {
  return (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    /^E[A-Z]+$/.test((e as SystemError).code)
  );
}

/** A file system error as one line: what, where, how to fix. */
export function systemErrorLine(e: SystemError): string {
  const what = e.syscall ? `${e.syscall} failed` : 'a file operation failed';
  const where = e.path ? ` on "${e.path}"` : '';
  return `${what}${where}: ${WHY[e.code] ?? e.message.split('\n')[0]} (${e.code})`;
}

/** File systems whose files are not files: a report there would hang or mean nothing. */
const SPECIAL = ['/proc', '/sys', '/dev'];

/**
 * Checks that `dir` can take the `files` a command writes and creates it: not empty, not a file,
 * not on a special file system, its nearest existing parent a writable directory, and none of the
 * files already there unless `overwrite`.
 */
export function prepareReportDir(dir: string, files: readonly string[], overwrite: boolean): void {
  if (dir.trim() === '')
    throw new UsageError(
      'bad-report-dir',
      '--report is empty: give the directory for the report, e.g. --report reports/run-1',
    );
  let existing = resolve(dir);
  while (!existsSync(existing)) existing = dirname(existing);
  const real = realpathSync(existing);
  const special = SPECIAL.find((s) => real === s || real.startsWith(`${s}/`));
  if (special)
    throw new UsageError(
      'bad-report-dir',
      `--report "${dir}" is under ${special}, a special file system: choose a directory on a disk`,
    );
  if (!statSync(existing).isDirectory())
    throw new UsageError(
      'bad-report-dir',
      existing === resolve(dir)
        ? `--report "${dir}" is a file, not a directory: choose a directory`
        : `--report "${dir}": "${existing}" is a file, not a directory: choose another path`,
    );
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(
      'bad-report-dir',
      `--report "${dir}": "${existing}" is not writable: choose a directory you may write`,
    );
  }
  if (existing === resolve(dir) && !overwrite) {
    const there = readdirSync(existing).filter((f) => files.includes(f));
    if (there.length > 0)
      throw new UsageError(
        'report-exists',
        `the report directory "${dir}" already holds ${there.join(', ')}; choose another with --report DIR or pass --overwrite`,
      );
  }
  mkdirSync(dir, { recursive: true });
}
