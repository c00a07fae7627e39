/**
 * Hostile and malformed input: each is refused with exit 2 and one line, and does nothing else (no
 * file written, no option smuggled into a child process, no hang, no stack trace).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function expectOneLine(result: { code: number; stdout: string; stderr: string }, fragment: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const base = mkdtempSync(join(tmpdir(), 'sfnc-hostile-'));
const legacy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));

describe('git refs', () => {
  it('a ref or path that starts with "-" is refused, and git is never handed an option', async () => {
    for (const spec of [
      `git:--output=${join(base, 'x')}:y`,
      'git:HEAD:--help',
      `git:-o${join(base, 'y')}:z`,
    ]) {
      expectOneLine(await run('regress', '--old', spec, '--new', legacy), /cannot start with "-"/);
    }
    expect(existsSync(join(base, 'x'))).toBe(false);
    expect(existsSync(join(base, 'y'))).toBe(false);
  });
});

const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
const written = (name: string, content: string) => {
  const path = join(base, name);
  writeFileSync(path, content);
  return path;
};

describe('sizes and nesting', () => {
  it('a definition over the 1,048,576 characters CreateStateMachine takes: validate, policy and exec refuse it', async () => {
    const definition = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
    const big = written('big.json', JSON.stringify({ ...definition, Comment: 'x'.repeat(1_048_576) }));
    for (const argv of [
      ['validate', big],
      ['policy', big],
      ['exec', big],
    ])
      expectOneLine(await run(...argv), /more than 1048576 \(the most CreateStateMachine takes\)/);
  });

  it('an execution input over 256 KiB is refused as StartExecution refuses it', async () => {
    const input = JSON.stringify({ data: 'é'.repeat(131_100) });
    expectOneLine(
      await run('exec', example, '--input', input),
      /bytes, more than 262144 \(the most StartExecution takes/,
    );
    expectOneLine(
      await run('exec', example, '--input', `@${written('big-input.json', input)}`),
      /more than 262144/,
    );
  });

  it('JSON nested thousands of levels deep is refused before any code walks it', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const path = written(
      'deep.json',
      `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${deep},"End":true}}}`,
    );
    for (const argv of [
      ['validate', path],
      ['policy', path],
      ['check', '--definition', example, '--policy', written('deep-policy.json', deep)],
      ['exec', example, '--input', deep],
      ['exec', example, '--scenario', written('deep-scenario.json', `{"job":${deep}}`)],
    ])
      expectOneLine(await run(...argv), /nests deeper than 100 levels at line 1, column \d+/);
    // Brackets inside strings are text, not nesting.
    const text = written(
      'brackets.json',
      JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: '['.repeat(500), End: true } } }),
    );
    expect((await run('validate', text)).code).toBe(0);
  });
});

describe('scenario bounds', () => {
  it.each([
    [{ job: { outcome: 'Completed', polls: 1e8 } }, /job\.polls must be an integer from 0 to 10000/],
    [
      { job: { outcome: 'Completed', durationSeconds: 1e308 } },
      /job\.durationSeconds must be a number from 1 to 31536000/,
    ],
    [{ job: { outcome: 'Completed', durationSeconds: -5 } }, /job\.durationSeconds/],
    [{ job: { outcome: 'Completed', polls: -1 } }, /job\.polls/],
    [
      { createError: { error: 'ThrottlingException', times: 1e9 } },
      /createError\.times must be an integer from 1 to 10000/,
    ],
    [{ abortAfterPolls: -3 }, /abortAfterPolls must be an integer from 0 to 10000/],
    [{ job: { outcome: 'Failed', failureReason: 'x'.repeat(2000) } }, /at most 1024 characters/],
  ])('%j is refused, naming the bounds', async (scenario, message) => {
    const started = Date.now();
    expectOneLine(
      await run('exec', example, '--scenario', written('scenario.json', JSON.stringify(scenario))),
      message,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
