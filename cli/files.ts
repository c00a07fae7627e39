/**
 * Files a command writes: the report directory checked before anything runs (nothing of the
 * user's replaced, no special file system, a directory that can be made), and a file system's
 * refusal as one line. The files are written by reports/reporters/fileWrites.ts.
 */
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../contracts/usageError.js';
import { type DirLock, LOCK_FILE, lockReportDir } from './reportDirLock.js';

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
  ELOOP: 'it is a symbolic link, and nothing is written through one: remove the link',
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
  return `${what}${where}: ${systemReason(e.code, e.message)}`;
}

/** What a system error code means to the user and what to do, with the code (`message` where none is known). */
export function systemReason(code: string, message: string): string {
  return `${WHY[code] ?? message.split('\n')[0]} (${code})`;
}

/** File systems whose files are not files: a report there would hang or mean nothing. */
const SPECIAL = ['/proc', '/sys', '/dev'];

/**
 * Checks that `dir` can take the `files` a command writes and creates it: not empty, not a file,
 * not a symbolic link, not on a special file system, its nearest existing parent a writable
 * directory, none of the files a symbolic link (nothing is written through one), and none of the
 * files already there unless `overwrite`.
 */
export function prepareReportDir(dir: string, files: readonly string[], overwrite: boolean): void {
  checkReportPlace(dir);
  checkReportFiles(dir, files, overwrite);
  mkdirSync(dir, { recursive: true });
}

/** The checks of `prepareReportDir` that need no look inside the directory (`option` names it in the messages). */
export function checkReportPlace(dir: string, option = '--report'): void {
  if (dir.trim() === '')
    throw new UsageError(
      'bad-report-dir',
      `${option} is empty: give the directory for the report, e.g. ${option} reports/run-1`,
    );
  if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink())
    throw new UsageError(
      'bad-report-dir',
      `${option} "${dir}" is a symbolic link: give the directory it points to (nothing is written through a link)`,
    );
  let existing = resolve(dir);
  while (!existsSync(existing)) existing = dirname(existing);
  const real = realpathSync(existing);
  const special = SPECIAL.find((s) => real === s || real.startsWith(`${s}/`));
  if (special)
    throw new UsageError(
      'bad-report-dir',
      `${option} "${dir}" is under ${special}, a special file system: choose a directory on a disk`,
    );
  if (!statSync(existing).isDirectory())
    throw new UsageError(
      'bad-report-dir',
      existing === resolve(dir)
        ? `${option} "${dir}" is a file, not a directory: choose a directory`
        : `${option} "${dir}": "${existing}" is a file, not a directory: choose another path`,
    );
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(
      'bad-report-dir',
      `${option} "${dir}": "${existing}" is not writable: choose a directory you may write`,
    );
  }
}

/** Refuses a directory whose files are links, or that holds the files unless `overwrite`. */
function checkReportFiles(dir: string, files: readonly string[], overwrite: boolean): void {
  if (!existsSync(dir)) return;
  const there = readdirSync(dir).filter((f) => files.includes(f));
  const link = there.find((f) => lstatSync(join(dir, f)).isSymbolicLink());
  if (link !== undefined)
    throw new UsageError(
      'report-exists',
      `the report directory "${dir}" holds ${link} as a symbolic link (to "${readlinkSync(join(dir, link))}"); nothing is written through a link: remove it, or choose another directory with --report DIR`,
    );
  if (there.length > 0 && !overwrite)
    throw new UsageError(
      'report-exists',
      `the report directory "${dir}" already holds ${there.join(', ')}; choose another with --report DIR or pass --overwrite`,
    );
}

/** The leftovers of a command that was killed outright: its temporary files and part files. */
function leftovers(dir: string, files: readonly string[]): string[] {
  const names = [...files, LOCK_FILE];
  return readdirSync(dir).filter((f) => {
    const temporary = /^(.*)\.\d+\.(tmp|stale)$/.exec(f);
    const part = /^\.(.*)\.part$/.exec(f);
    const entry = lstatSync(join(dir, f));
    return (
      (entry.isFile() || entry.isSymbolicLink()) &&
      ((temporary !== null && names.includes(temporary[1]!)) || (part !== null && names.includes(part[1]!)))
    );
  });
}

/**
 * `prepareReportDir`, and the directory taken for this process (see cli/reportDirLock.ts): the
 * files' checks made once it is taken (`check` first, a command's own), and with `overwrite` the
 * leftovers of a killed command removed. The caller releases the lock on every way out.
 */
export function takeReportDir(
  dir: string,
  files: readonly string[],
  overwrite: boolean,
  check?: () => void,
): DirLock {
  checkReportPlace(dir);
  mkdirSync(dir, { recursive: true });
  const lock = lockReportDir(dir, '--report');
  try {
    checkReportFiles(dir, files, true);
    check?.();
    checkReportFiles(dir, files, overwrite);
    if (overwrite) for (const f of leftovers(dir, files)) rmSync(join(dir, f), { force: true });
    return lock;
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** A path as the file system reaches it: its longest existing part with its links resolved, and the rest. */
function canonical(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}

/**
 * Checks a new file a command will write when it ends (`option` names it), before anything runs:
 * it does not exist (a link counts), its directory is a writable directory on a disk (or
 * `madeFirst`, the report directory, checked as such), and it is none of the `taken` paths (the
 * files of the report directory).
 */
export function checkNewFile(
  path: string,
  option: string,
  taken: readonly string[],
  madeFirst?: string,
): void {
  if (path.trim() === '')
    throw new UsageError(
      'bad-option',
      `${option} is empty: give the file to write, e.g. ${option} expected.json`,
    );
  const mine = canonical(path);
  if (taken.some((t) => canonical(t) === mine))
    throw new UsageError(
      'bad-option',
      `${option} "${path}" is a file of the report directory the run writes: give a file outside it, or another name`,
    );
  if (lstatSync(path, { throwIfNoEntry: false }) !== undefined)
    throw new UsageError(
      'file-exists',
      `${option} "${path}" exists; it is not overwritten: give a new file, or remove it first`,
    );
  const dir = dirname(resolve(path));
  // In the directory the command makes first (the report directory): checked as that one is.
  if (madeFirst !== undefined && canonical(dir) === canonical(madeFirst)) return;
  const entry = statSync(dir, { throwIfNoEntry: false });
  if (entry === undefined || !entry.isDirectory())
    throw new UsageError(
      'bad-option',
      `${option} "${path}": the directory "${dir}" ${entry === undefined ? 'does not exist' : 'is not a directory'}: create it first, or choose another place`,
    );
  const special = SPECIAL.find((s) => mine === s || mine.startsWith(`${s}/`));
  if (special)
    throw new UsageError(
      'bad-option',
      `${option} "${path}" is under ${special}, a special file system: choose a file on a disk`,
    );
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(
      'bad-option',
      `${option} "${path}": the directory "${dir}" is not writable: choose a place you may write`,
    );
  }
}
