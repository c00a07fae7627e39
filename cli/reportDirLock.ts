/**
 * A report directory taken by one command at a time: a lock file (`.sfn-conformance.lock`) holding
 * the taker's process id, created whole and exclusively (a temporary file linked to its name, which
 * fails if the name exists), and removed on every way out (the command's end, an error, a signal
 * that ends the command, the process exiting). A lock whose process is gone (killed outright) is
 * taken over.
 */
import {
  closeSync,
  constants,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../contracts/usageError.js';

/** The lock file's name in a report directory. */
export const LOCK_FILE = '.sfn-conformance.lock';

/** Opens a new file for writing, never through a symbolic link and never an existing file. */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** A taken report directory: `release` gives it back (once; later calls do nothing). */
export interface DirLock {
  readonly path: string;
  release(): void;
}

/** Whether a process of that id runs (one of another user's counts: it cannot be signalled, but runs). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id a lock file names; undefined if it is gone, NaN if it is not a lock of this tool. */
function holderOf(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : Number.NaN;
  }
  const pid = /^\d{1,10}\n$/.test(text) ? Number(text) : Number.NaN;
  return pid > 0 ? pid : Number.NaN;
}

/** Creates the lock file whole (its content written before it gets its name); false if it exists. */
function create(path: string): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, NEW_FILE, 0o644);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Moves a dead process's lock aside; if what was moved is not that lock (another run took the
 * directory meanwhile), it is put back.
 */
function takeOver(path: string, dead: number): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // Gone already: another run took it over first.
  }
  if (holderOf(aside) !== dead)
    try {
      linkSync(aside, path);
    } catch {
      // Another lock is in place: it holds the directory either way.
    }
  rmSync(aside, { force: true });
}

/**
 * Takes `dir` (which exists) for this process, or refuses with one line naming the process that
 * holds it; `option` is how the user named the directory (`--report`).
 */
export function lockReportDir(dir: string, option: string): DirLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    if (create(path)) break;
    const holder = holderOf(path);
    if (holder !== undefined && Number.isNaN(holder))
      throw new UsageError(
        'report-locked',
        `${option} "${dir}" holds ${LOCK_FILE}, which is not a lock of this tool (a process id): remove it, or give another directory`,
      );
    if (holder !== undefined && (holder === process.pid || processRuns(holder)))
      throw new UsageError(
        'report-locked',
        `${option} "${dir}" is in use by process ${holder} (its lock is ${path}): wait for that run to end or give another directory; if process ${holder} is not a sfn-conformance run, remove the lock file`,
      );
    if (attempt >= 3)
      throw new UsageError(
        'report-locked',
        `${option} "${dir}": its lock ${path} could not be taken (it changes as it is read): remove the lock file if no sfn-conformance run uses the directory`,
      );
    // The process that held it is gone (killed outright): its lock is stale.
    if (holder !== undefined) takeOver(path, holder);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (holderOf(path) === process.pid) unlinkSync(path);
    } catch {
      // Gone already: nothing holds the directory.
    }
  };
  process.on('exit', release);
  return { path, release };
}
