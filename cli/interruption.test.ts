/**
 * `run` interrupted by a real signal sent to a real process: it starts no new case, writes the
 * partial report (every file whole) and exits 130; also when the process that started it is killed
 * without a signal reaching it (npx's shell).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
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
});
