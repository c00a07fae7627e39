/**
 * What a user or a target gave is escaped where it is echoed: a name cannot clear the screen, move
 * the cursor, or split the one line an error promises (contracts/printable.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from './testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-escapes-'));
const ESC = '\u001b';

describe('terminal escapes and line breaks', () => {
  it('a file name with an escape sequence and a newline: one stderr line, no ESC byte', async () => {
    const dir = join(base, `clear${ESC}[2J\nscreen`);
    mkdirSync(dir);
    const path = join(dir, 'missing.json');
    for (const argv of [
      ['validate', path],
      ['exec', path],
      ['check', '--definition', path, '--policy', path],
      ['replay', path, 'x'],
    ]) {
      const result = await run(...argv);
      expectOneLine(result, /\\x1b\[2J\\nscreen/);
      expect(result.stderr).not.toContain(ESC);
    }
  });

  it('an execution name with a newline is named in one line', async () => {
    const definition = join(base, 'pass.json');
    writeFileSync(definition, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
    const result = await run('exec', definition, '--name', `a\nb${ESC}[2J`);
    expectOneLine(result, /--name "a\\nb\\x1b\[2J"/);
  });

  it('exec of a Fail state whose Error and Cause are escape sequences prints no ESC byte', async () => {
    const definition = join(base, 'fail.json');
    writeFileSync(
      definition,
      JSON.stringify({
        StartAt: 'F',
        States: { F: { Type: 'Fail', Error: `${ESC}[2J`, Cause: `two\nlines${ESC}]0;title\u0007` } },
      }),
    );
    const result = await run('exec', definition);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u0007');
    expect(result.stdout).toContain('error: \\x1b[2J');
    expect(result.stdout).toContain('cause: two\\nlines\\x1b]0;title\\x07');
    // The JSON output is data: JSON escapes it.
    const json = await run('exec', definition, '--format', 'json');
    expect(json.stdout).not.toContain(ESC);
    expect((JSON.parse(json.stdout) as { error: string }).error).toBe(`${ESC}[2J`);
  });

  it('validate names the problems of a state whose name holds an escape sequence, without the ESC byte', async () => {
    const definition = join(base, 'named.json');
    writeFileSync(
      definition,
      JSON.stringify({ StartAt: 'X', States: { [`A${ESC}[2J`]: { Type: 'Pass', End: true } } }),
    );
    const result = await run('validate', definition);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(ESC);
  });
});
