/**
 * Special files in every file slot: a device that never ends (/dev/zero), a named pipe nobody
 * writes to, a directory. Each is refused with exit 2 and one line saying what it is, before any of
 * it is read: read whole, /dev/zero filled the memory for ever, and a pipe blocked the open itself.
 * The command lines run in a child process, so that one which hangs is killed and named.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const base = mkdtempSync(join(tmpdir(), 'sfnc-special-'));
const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
const policy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));
const runMany = fileURLToPath(new URL('./testing/runMany.ts', import.meta.url));

/** Every place a command reads a file the user names, as a command line reading `path` there. */
const SLOTS: readonly (readonly [string, (path: string, n: number) => string[]])[] = [
  ['validate DEFINITION', (p) => ['validate', p]],
  ['policy DEFINITION', (p) => ['policy', p]],
  ['exec DEFINITION', (p) => ['exec', p]],
  ['check --definition', (p) => ['check', '--definition', p, '--policy', policy]],
  ['check --policy', (p) => ['check', '--definition', example, '--policy', p]],
  ['check --input @FILE', (p) => ['check', '--definition', example, '--policy', policy, '--input', `@${p}`]],
  ['exec --input @FILE', (p) => ['exec', example, '--input', `@${p}`]],
  ['exec --policy', (p) => ['exec', example, '--policy', p]],
  ['exec --scenario', (p) => ['exec', example, '--scenario', p]],
  ['exec --mock', (p) => ['exec', example, '--mock', p, '--mock-case', 'c']],
  ['regress --old', (p) => ['regress', '--old', p, '--new', policy, '--definition', example]],
  ['regress --definition', (p) => ['regress', '--old', policy, '--new', policy, '--definition', p]],
  ['run --expect', (p, n) => ['run', '--runs', '1', '--expect', p, '--report', join(base, `report-${n}`)]],
  ['run --config', (p) => ['run', '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:9', '--config', p]],
  ['replay REPORT', (p) => ['replay', p, 'caseid']],
  ['replay CASES.jsonl', (p, n) => ['replay', linked(p, `cases-${n}.jsonl`), 'caseid']],
  ['merge SHARD', (p, n) => ['merge', shardOf(p, n), '--report', join(base, `merged-${n}`)]],
];

/** A link named `name` to `path` (a cases.jsonl is known by its name). */
function linked(path: string, name: string): string {
  const link = join(base, name);
  symlinkSync(path, link);
  return link;
}

/** A shard directory whose report.json is `path`. */
function shardOf(path: string, n: number): string {
  const dir = join(base, `shard-${n}`);
  mkdirSync(dir);
  symlinkSync(path, join(dir, 'report.json'));
  return dir;
}

interface Ran {
  readonly n: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs each slot with `path` in one child process, killed after `seconds`; the results, or which hung. */
let sweeps = 0;
function runSlots(path: string, seconds: number): { results: Ran[]; hung?: string } {
  const sweep = ++sweeps;
  const argvs = SLOTS.map(([, argv], n) => argv(path, sweep * 100 + n));
  const child = spawnSync(process.execPath, ['--import', 'tsx', runMany, JSON.stringify(argvs)], {
    encoding: 'utf8',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = child.stdout.split('\n').filter((l) => l !== '');
  const results = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Ran);
  const started = lines.filter((l) => l.startsWith('start ')).length;
  return results.length < SLOTS.length
    ? {
        results,
        hung: `${SLOTS[started - 1]?.[0] ?? 'the child'} did not end in ${seconds} s (signal ${child.signal}); stderr: ${child.stderr.slice(0, 500)}`,
      }
    : { results };
}

/** Each slot: exit 2, one line naming the file and what it is, nothing on stdout, no stack. */
function expectRefused(path: string, what: RegExp): void {
  const { results, hung } = runSlots(path, 40);
  expect(hung).toBeUndefined();
  for (const r of results) {
    const slot = SLOTS[r.n]![0];
    expect(r.code, `${slot}: ${r.stderr}`).toBe(2);
    expect(r.stdout, slot).toBe('');
    expect(r.stderr.trimEnd().split('\n'), `${slot}: ${r.stderr}`).toHaveLength(1);
    expect(r.stderr, slot).toMatch(what);
    expect(r.stderr, slot).not.toMatch(/\n\s+at /);
  }
}

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', [join(base, 'fifo')]);
    return true;
  } catch {
    return false;
  }
})();

describe('special files in every file slot', () => {
  if (!existsSync('/dev/zero')) console.warn('skipped: /dev/zero is not on this system');
  // The timeout is a hang guard: without the fix the child never ends (it is killed at 40 s).
  it.skipIf(!existsSync('/dev/zero'))(
    '/dev/zero is refused as a device, before it is read',
    { timeout: 60_000 },
    () => {
      expectRefused('/dev/zero', /it is a device \(such as \/dev\/zero\), not a regular file/);
    },
  );

  if (!hasMkfifo) console.warn('skipped: mkfifo is not on this system');
  it.skipIf(!hasMkfifo)(
    'a named pipe nobody writes to is refused, not waited on',
    { timeout: 60_000 },
    () => {
      expectRefused(join(base, 'fifo'), /it is a named pipe \(FIFO\), not a regular file/);
    },
  );

  it('a directory is refused as one', { timeout: 60_000 }, () => {
    const dir = join(base, 'a-directory');
    mkdirSync(dir);
    expectRefused(dir, /it is a directory, not a file/);
  });
});

describe("a run's leftover cases.jsonl", () => {
  // A report directory where an earlier run left cases.jsonl and no report.json: run counts its
  // lines to say how far it got. A named pipe there is refused, not waited on.
  it.skipIf(!hasMkfifo)('a named pipe in its place is refused, not waited on', { timeout: 60_000 }, () => {
    const dir = join(base, 'leftover');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'cases.jsonl')]);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', runMany, JSON.stringify([['run', '--runs', '1', '--report', dir]])],
      { encoding: 'utf8', timeout: 40_000, killSignal: 'SIGKILL' },
    );
    expect(child.signal, 'the run hung on the pipe').toBeNull();
    const [result] = child.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Ran);
    expect(result?.code, result?.stderr).toBe(2);
    expect(result!.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result!.stderr).toMatch(/named pipe \(FIFO\), not a regular file/);
  });
});
