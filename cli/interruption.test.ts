/**
 * `run` interrupted by a real signal sent to a real process: it starts no new case, writes the
 * partial report (every file whole) and exits 130; also when a process that started it is killed
 * without a signal reaching it (npx's shell, or npx above a shell that waits on). A signal while
 * the report's files are put together (run or merge) leaves every file whole.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from './reportDirLock.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');
const runArgs = (dir: string) => ['run', '--runs', '5000', '--seed', '1', '--report', dir];

/** Resolves once the file has at least `n` lines (the run is under way). */
async function linesIn(file: string, n: number, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').length > n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file} did not reach ${n} lines`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** The partial report: every file parseable, `interrupted`, fewer cases than asked for. */
function expectPartialReport(dir: string): void {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    interrupted?: boolean;
    totals: { cases: number };
  };
  expect(report.interrupted).toBe(true);
  expect(report.totals.cases).toBeGreaterThan(0);
  expect(report.totals.cases).toBeLessThan(25_000);
  const lines = readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  expect(lines.length).toBe(report.totals.cases);
  expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/\*\*Interrupted\*\*/);
  expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  expectNothingLeft(dir);
}

/** No part file, temporary file or lock is left in the report directory. */
function expectNothingLeft(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual([
    'cases.jsonl',
    'junit.xml',
    'report.html',
    'report.json',
    'report.md',
  ]);
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** Resolves once `check` holds, or fails after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} did not happen in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('run, interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s on the embedded target: exit 130 and a partial report',
    async (signal) => {
      const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-interrupt-')), 'report');
      const child = spawn(process.execPath, ['--import', 'tsx', entry, ...runArgs(dir)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = exited(child);
      await linesIn(join(dir, 'cases.jsonl'), 20);
      child.kill(signal);
      expect(await code, stderr).toBe(130);
      expect(stderr).toContain(`interrupted (${signal})`);
      expectPartialReport(dir);
    },
    90_000,
  );

  it('when the process that started it dies without passing the signal on (npx): a partial report', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-orphan-')), 'report');
    // A shell that waits for the run, as npx's does; killing it leaves the run to init.
    const command = [process.execPath, '--import', 'tsx', entry, ...runArgs(dir)].map(quote).join(' ');
    const shell = spawn('sh', ['-c', `${command}; true`], { cwd: root, stdio: 'ignore' });
    await linesIn(join(dir, 'cases.jsonl'), 20);
    shell.kill('SIGKILL');
    const until = Date.now() + 300_000;
    while (!existsSync(join(dir, 'junit.xml')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    // The report is written last by the run that noticed its parent gone.
    await new Promise((r) => setTimeout(r, 500));
    expectPartialReport(dir);
  });

  it('when npx is killed above a shell that waits on (npx → sh → node): stops within seconds, a partial report, the lock released', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-npx-')), 'report');
    const command = [process.execPath, '--import', 'tsx', entry, ...runArgs(dir)].map(quote).join(' ');
    // "npx": a process that starts the shell and waits; the shell outlives it, so the run's parent stays.
    const npx = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn('sh', ['-c', process.argv[1] + '; true'], { stdio: 'ignore' }); setInterval(() => {}, 1000);`,
        command,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    await linesIn(join(dir, 'cases.jsonl'), 20);
    npx.kill('SIGKILL');
    const killed = Date.now();
    await until(
      () => existsSync(join(dir, 'junit.xml')) && !existsSync(join(dir, LOCK_FILE)),
      'the partial report',
    );
    // Noticed at the next look at the ancestors (every 0.5 s), then the cases in flight stop.
    expect(Date.now() - killed).toBeLessThan(15_000);
    expectPartialReport(dir);
  }, 120_000);
});

describe('a signal while the report files are put together', () => {
  const atRename = join(root, 'cli', 'testing', 'signalAtRename.ts');
  /** Runs the command line, with `signal` sent as its first report file is renamed into place. */
  async function signalled(
    signal: string | undefined,
    ...argv: string[]
  ): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', signal ? atRename : entry, ...argv], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SFNC_SIGNAL: signal },
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    return { code: await exited(child), stderr };
  }
  /** Every file whole: parseable, and as many cases in each as `cases`. */
  function expectWhole(dir: string, cases: number): void {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      totals: { cases: number };
    };
    expect(report.totals.cases).toBe(cases);
    expect(readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n')).toHaveLength(cases);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(`${cases} cases`);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/<\/testsuites>\s*$/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expectNothingLeft(dir);
  }
  const base = mkdtempSync(join(tmpdir(), 'sfnc-assembly-'));
  const args = ['--runs', '4', '--seed', '1', '--suite', 'outcome', '--quiet'];

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: run finishes its files',
    async (signal) => {
      const dir = join(base, `run-${signal}`);
      const r = await signalled(signal, 'run', ...args, '--report', dir);
      expect([0, 130], r.stderr).toContain(r.code);
      expectWhole(dir, 4);
    },
    60_000,
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: merge finishes its files',
    async (signal) => {
      const shards = [1, 2].map((i) => join(base, `shard-${signal}-${i}`));
      for (const [i, dir] of shards.entries())
        expect(
          (await signalled(undefined, 'run', ...args, '--shard', `${i + 1}/2`, '--report', dir)).code,
        ).toBe(0);
      const merged = join(base, `merged-${signal}`);
      const r = await signalled(signal, 'merge', ...shards, '--report', merged);
      expect([0, 130], r.stderr).toContain(r.code);
      expectWhole(merged, 4);
    },
    60_000,
  );
});
