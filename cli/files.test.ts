/**
 * The report directory and the files written into it: nothing of the user's replaced, places that
 * cannot hold a report refused before anything runs, each file whole, a full disk as one line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneLine, run } from './testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-files-'));
const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
const legacy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));

describe('the report directory', () => {
  it.each(['report.md', 'junit.xml', 'cases.jsonl', 'report.json'])(
    'run refuses a directory that holds a %s of the user, and leaves it as it was',
    async (name) => {
      const dir = join(base, `run-${name}`);
      mkdirSync(dir);
      writeFileSync(join(dir, name), 'mine');
      expectOneLine(
        await run('run', '--runs', '1', '--seed', '1', '--report', dir),
        new RegExp(`holds (the )?${name}`),
      );
      expect(readFileSync(join(dir, name), 'utf8')).toBe('mine');
      expect(readdirSync(dir)).toEqual([name]);
    },
  );

  it('regress refuses one that holds a junit.xml of the user', async () => {
    const dir = join(base, 'regress-junit');
    mkdirSync(dir);
    writeFileSync(join(dir, 'junit.xml'), 'mine');
    expectOneLine(
      await run('regress', '--old', legacy, '--new', legacy, '--definition', example, '--report', dir),
      /already holds junit\.xml/,
    );
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toBe('mine');
  });

  it('run refuses a directory that holds a file named as one of its part files', async () => {
    const dir = join(base, 'run-part');
    mkdirSync(dir);
    writeFileSync(join(dir, '.report.json.part'), 'mine');
    expectOneLine(
      await run('run', '--runs', '1', '--report', dir),
      /already holds \.report\.json\.part; choose another with --report DIR or pass --overwrite/,
    );
    expect(readFileSync(join(dir, '.report.json.part'), 'utf8')).toBe('mine');
  });

  it("regress --report '' says why it writes nothing", async () => {
    expectOneLine(
      await run('regress', '--old', legacy, '--new', legacy, '--definition', example, '--report', ''),
      /--report is empty/,
    );
  });

  it('a path that is a file, a special file system, an unwritable parent: refused at once', async () => {
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    expectOneLine(await run('run', '--runs', '1', '--report', file), /is a file, not a directory/);
    expectOneLine(
      await run('run', '--runs', '1', '--report', join(file, 'below')),
      /is a file, not a directory/,
    );
    const started = Date.now();
    expectOneLine(
      await run('run', '--runs', '1', '--report', '/proc/sfnc-report'),
      /under \/proc, a special file system/,
    );
    expectOneLine(await run('run', '--runs', '1', '--report', '/sys/sfnc'), /under \/sys/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('report files are written whole: no temporary file is left beside them', async () => {
    const dir = join(base, 'whole');
    expect((await run('run', '--runs', '2', '--seed', '1', '--report', dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'cases.jsonl',
      'junit.xml',
      'report.html',
      'report.json',
      'report.md',
    ]);
  });
});

describe('a full disk', () => {
  const mount = join(base, 'small');
  let mounted = false;
  try {
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', mount], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn(
      'skipped: a full disk needs a small tmpfs (mount -t tmpfs), which this machine does not allow',
    );
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount], { stdio: 'ignore' });
  });

  it.runIf(mounted)('stops the run with one line; cases.jsonl keeps whole lines only', async () => {
    const dir = join(mount, 'report');
    const result = await run('run', '--runs', '100', '--seed', '1', '--report', dir);
    // The run had begun (its first line, progress); it ends with one line saying why.
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^sfn-conformance: write failed on ".*(cases\.jsonl|\.report\.json\.part|\.junit\.xml\.part)": no space left on the device.*\(ENOSPC\)$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const text = readFileSync(join(dir, 'cases.jsonl'), 'utf8');
    expect(text === '' || text.endsWith('\n')).toBe(true);
    for (const line of text.split('\n').filter(Boolean))
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.part'))).toEqual([]);
  });
});
