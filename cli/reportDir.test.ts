/**
 * The report directory taken by one command at a time (a lock file released on every way out, a
 * dead process's lock taken over), never written through a symbolic link, and cleaned of a killed
 * run's leftovers by --overwrite.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './reportDirLock.js';
import { expectOneLine, run } from './testing/runInProcess.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');
const base = mkdtempSync(join(tmpdir(), 'sfnc-report-dir-'));
const quick = ['--runs', '2', '--seed', '1', '--suite', 'outcome', '--quiet'];

/** A process id that runs no process: a child's, once it has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  return done.pid!;
}

/** A process that runs until killed. */
const sleeper: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
  stdio: 'ignore',
});
afterAll(() => {
  sleeper.kill('SIGKILL');
});

describe('one command at a time in a report directory', () => {
  it('a lock of a running process: exit 2, one line naming the directory and the process, the lock left as it was', async () => {
    const dir = join(base, 'held');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), `${sleeper.pid}\n`);
    const r = await run('run', ...quick, '--report', dir);
    expectOneLine(
      r,
      new RegExp(`--report "${dir}" is in use by process ${sleeper.pid} .*remove the lock file`),
    );
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${sleeper.pid}\n`);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    // merge --report is refused alike.
    const shard = join(base, 'held-shard');
    expect((await run('run', ...quick, '--report', shard)).code).toBe(0);
    expectOneLine(
      await run('merge', shard, '--report', dir),
      new RegExp(`is in use by process ${sleeper.pid}`),
    );
  });

  it("a dead process's lock is taken over, and the lock is released when the run ends", async () => {
    const dir = join(base, 'stale');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    const r = await run('run', ...quick, '--report', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toContain('"totals"');
  });

  it.each([
    ['text', (path: string) => writeFileSync(path, 'mine')],
    ['a directory', (path: string) => mkdirSync(path)],
  ])(
    'a lock file that is not a lock of the tool (%s): exit 2, one line, left as it was',
    async (_what, make) => {
      const dir = mkdtempSync(join(base, 'not-a-lock-'));
      make(join(dir, LOCK_FILE));
      expectOneLine(
        await run('run', ...quick, '--report', dir),
        /holds \.sfn-conformance\.lock, which is not a lock of this tool/,
      );
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    },
  );

  it('released after a refusal and after a failure', async () => {
    const dir = join(base, 'refused');
    mkdirSync(dir);
    writeFileSync(join(dir, 'report.md'), 'mine');
    expectOneLine(await run('run', ...quick, '--report', dir), /already holds report\.md/);
    // A part file that cannot be opened fails the run once the directory is taken.
    const failing = join(base, 'failing');
    mkdirSync(join(failing, '.report.json.part'), { recursive: true });
    expectOneLine(await run('run', ...quick, '--report', failing, '--overwrite'), /EISDIR/);
    for (const d of [dir, failing]) expect(readdirSync(d)).not.toContain(LOCK_FILE);
  });

  it('two runs started into one directory at once: one runs, the other is exit 2 with one line', async () => {
    const dir = join(base, 'race');
    const start = () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', entry, 'run', '--runs', '200', '--seed', '1', '--quiet', '--report', dir],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      return new Promise<{ code: number | null; stderr: string }>((resolve) =>
        child.once('exit', (code) => resolve({ code, stderr })),
      );
    };
    const results = await Promise.all([start(), start()]);
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 2]);
    const refused = results.find((r) => r.code === 2)!;
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(new RegExp(`"${dir}" is in use by process \\d+`));
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      totals: { cases: number };
    };
    expect(report.totals.cases).toBe(1000);
    expect(readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1000);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);
});

describe('nothing is written through a symbolic link', () => {
  it('report.json and cases.jsonl linked outside, with --overwrite: refused, the outside files unchanged', async () => {
    const dir = join(base, 'links');
    mkdirSync(dir);
    const outside = join(base, 'outside');
    mkdirSync(outside);
    for (const name of ['report.json', 'cases.jsonl']) {
      writeFileSync(join(outside, name), 'outside');
      symlinkSync(join(outside, name), join(dir, name));
    }
    expectOneLine(
      await run('run', ...quick, '--report', dir, '--overwrite'),
      /holds (report\.json|cases\.jsonl) as a symbolic link .*nothing is written through a link/,
    );
    for (const name of ['report.json', 'cases.jsonl'])
      expect(readFileSync(join(outside, name), 'utf8')).toBe('outside');
    const shard = join(base, 'links-shard');
    expect((await run('run', ...quick, '--report', shard)).code).toBe(0);
    expectOneLine(await run('merge', shard, '--report', dir, '--overwrite'), /as a symbolic link/);
    for (const name of ['report.json', 'cases.jsonl'])
      expect(readFileSync(join(outside, name), 'utf8')).toBe('outside');
  });

  it('a report directory that is a link is refused', async () => {
    const target = join(base, 'real-dir');
    mkdirSync(target);
    const link = join(base, 'linked-dir');
    symlinkSync(target, link);
    expectOneLine(
      await run('run', ...quick, '--report', link),
      /is a symbolic link: give the directory it points to/,
    );
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('--overwrite after a run killed outright', () => {
  it("removes the killed run's part files, temporary files and lock", async () => {
    const dir = join(base, 'killed');
    expect((await run('run', ...quick, '--report', dir)).code).toBe(0);
    const leftovers = [
      '.report.json.part',
      '.junit.xml.part',
      'report.json.4242.tmp',
      'report.md.4242.tmp',
      'cases.jsonl.4242.tmp',
      `${LOCK_FILE}.4242.tmp`,
    ];
    for (const f of leftovers) writeFileSync(join(dir, f), 'left');
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    // A file of the user's that only looks alike stays.
    writeFileSync(join(dir, 'notes.4242.tmp'), 'mine');
    const r = await run('run', ...quick, '--report', dir, '--overwrite');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['cases.jsonl', 'junit.xml', 'notes.4242.tmp', 'report.html', 'report.json', 'report.md'].sort(),
    );
  });
});
