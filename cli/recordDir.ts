/**
 * `run --record DIR`: the directory the recordings go to, taken as `--report DIR` is: checked
 * (not empty, not a link, not a file, not special, writable), created, locked for this run (see
 * reportDirLock.ts), and refused where it already holds recordings unless `--overwrite`, which
 * removes the recordings and README a recorder wrote there first (nothing else in the directory
 * is touched, whatever its name). It
 * cannot be the report directory itself: the recordings' README and JSON files would sit among the
 * report's.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../contracts/usageError.js';
import { RECORD_README } from '../suites/targets/aws/record/readme.js';
import { README_FILE, RECORDING_FILE } from '../suites/targets/aws/record/recorder.js';
import { checkReportPlace } from './files.js';
import { type DirLock, lockReportDir } from './reportDirLock.js';

/**
 * The recordings (and README) a directory already holds, and the part files a killed run left:
 * only files a recorder wrote, told by their content (the README's text, a recording's
 * `source.tool`), never a user's file that merely has such a name.
 */
function recordingsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => {
    if (/^\.\d{4,}-[a-z0-9-]+\.json\.part$/.test(f)) return true;
    if (f !== README_FILE && !RECORDING_FILE.test(f)) return false;
    const text = readSmall(join(dir, f));
    if (text === undefined) return false;
    if (f === README_FILE) return text === RECORD_README;
    try {
      const source = (JSON.parse(text) as { source?: { tool?: { name?: unknown } } }).source;
      return source?.tool?.name === 'sfn-conformance';
    } catch {
      return false;
    }
  });
}

/** A regular file's text, if it is one and at most 64 MiB. */
function readSmall(path: string): string | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.size <= 64 * 1024 * 1024 ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `dir` for this run's recordings; the caller releases the lock on every way out. */
export function takeRecordDir(dir: string, overwrite: boolean, reportDir: string): DirLock {
  checkReportPlace(dir, '--record');
  mkdirSync(dir, { recursive: true });
  if (realpathSync(dir) === resolve(realpathSync(reportDir)))
    throw new UsageError(
      'bad-option',
      `--record "${dir}" is the report directory: give the recordings a directory of their own, e.g. --record ${join(dir, 'recordings')}`,
    );
  const lock = lockReportDir(dir, '--record');
  try {
    const there = recordingsIn(dir).filter((f) => !f.startsWith('.'));
    if (there.length > 0 && !overwrite)
      throw new UsageError(
        'report-exists',
        `the recording directory "${dir}" already holds ${there.length} recording file${there.length === 1 ? '' : 's'} (${there.slice(0, 2).join(', ')}${there.length > 2 ? ', ...' : ''}); choose another with --record DIR or pass --overwrite`,
      );
    for (const f of recordingsIn(dir)) rmSync(join(dir, f), { force: true });
    return lock;
  } catch (e) {
    lock.release();
    throw e;
  }
}
