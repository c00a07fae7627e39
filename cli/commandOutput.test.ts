/**
 * What a command writes: a reader that closes the pipe ends it quietly (exit 141, as SIGPIPE would),
 * a full disk on stdout is one line and exit 2, and the notes on the side (warnings, the drawn
 * seed) printed before an error do not make it two lines.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heldNotes } from './commandOutput.js';
import { expectOneLine, run } from './testing/runInProcess.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');
const definition = join(root, 'examples', 'training-job.json');
const legacy = join(root, 'examples', 'training-policy-legacy.json');

/** Runs the command line as a child, its stdout `stdout`; its exit code and stderr. */
async function child(
  argv: string[],
  stdout: 'closed' | number,
): Promise<{ code: number | null; stderr: string }> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', entry, ...argv], {
    cwd: root,
    stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'],
  });
  // The reader goes before the command writes: its first write meets a closed pipe.
  if (stdout === 'closed') process_.stdout!.destroy();
  let stderr = '';
  process_.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => process_.once('exit', resolve));
  return { code, stderr };
}

describe('standard output that fails', () => {
  it.each([
    ['sample', '--count', '2000', '--seed', '1'],
    ['run', '--list-mutants'],
    ['policy', definition, '--account', '123456789012'],
    ['--help'],
  ])(
    'a reader that closed the pipe (%s ... | head): exit 141, nothing on stderr',
    async (...argv) => {
      const r = await child(argv, 'closed');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(141);
    },
    60_000,
  );

  it.skipIf(!existsSync('/dev/full')).each([
    ['sample', '--count', '3', '--seed', '1'],
    // The drawn seed is a note: held, and dropped with the error.
    ['sample', '--count', '3'],
    ['run', '--list-mutants'],
  ])(
    'stdout on a full disk (%s ... > /dev/full): one line, exit 2',
    async (...argv) => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = await child(argv, full);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toEqual([
          expect.stringMatching(
            /^sfn-conformance: writing to standard output failed: no space left on the device.*\(ENOSPC\)$/,
          ),
        ]);
      } finally {
        closeSync(full);
      }
    },
    60_000,
  );
});

describe('notes printed before an error', () => {
  it('are held until the output, and dropped with an error', () => {
    let out = '';
    const io = { stdout: (t: string) => (out += `[out]${t}`), stderr: (t: string) => (out += `[err]${t}`) };
    const ok = heldNotes(io);
    ok.io.stderr('warning: w\n');
    ok.io.stderr('seed: 1 (pass --seed 1 to reproduce)\n');
    expect(out).toBe('');
    ok.io.stdout('result\n');
    expect(out).toBe('[out]result\n[err]warning: w\n[err]seed: 1 (pass --seed 1 to reproduce)\n');
    out = '';
    const failed = heldNotes(io);
    failed.io.stderr('warning: w\n');
    failed.drop();
    expect(out).toBe('');
  });

  // One case of each command that warns: the warning (no --account, a typo in a policy) and a
  // later error are one line, the error's.
  it('policy: a bad --region after the --account warning', async () => {
    expectOneLine(
      await run('policy', definition, '--region', 'Mars'),
      /--region "Mars" is not a region name/,
    );
  });

  it('check: a bad --region after the --account and policy warnings', async () => {
    expectOneLine(
      await run('check', '--definition', definition, '--policy', legacy, '--input', '{}', '--region', 'Mars'),
      /--region "Mars" is not a region name/,
    );
  });

  it('regress: a definition file that is not there, after the --account warning', async () => {
    expectOneLine(
      await run('regress', '--old', legacy, '--new', legacy, '--definition', join(root, 'nope.json')),
      /cannot read definition file .*nope\.json/,
    );
  });

  it('sample: the drawn seed and a bad --path', async () => {
    expectOneLine(await run('sample', '--path', 'x'), /--path/);
  });
});
