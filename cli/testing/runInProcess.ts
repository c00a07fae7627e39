/** The command line run in process for tests: its exit code and what it wrote, and the one-line promise. */
import { expect } from 'vitest';
import { runCli } from '../main.js';

/** What a command line did: its exit code and what it wrote. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in this process, its output kept. */
export async function run(...argv: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Bad input: exit 2, one line on stderr naming the problem, nothing on stdout, no stack frame. */
export function expectOneLine(result: Ran, fragment: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
