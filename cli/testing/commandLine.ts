/**
 * What the tests of the commands share: a directory of their own for the files they give the
 * command line, a one-state definition, and the promise bad input keeps.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** A directory of the test file's own. */
export const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-cli-'));

/** Writes a file into `dir` (JSON unless a string) and returns its path. */
export function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** A SageMaker role of the documentation's example account. */
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A definition of one Task state on `resource`. */
export const definition = (
  resource: string,
  parameters: Record<string, unknown> = { TrainingJobName: 'train', RoleArn: ROLE },
) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } },
});

/** A definition file of one CreateTrainingJob.sync state. */
export const TRAINING = file(
  'training.json',
  definition('arn:aws:states:::sagemaker:createTrainingJob.sync'),
);

/** Bad input: exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
export function expectUsageError(result: { code: number; stdout: string; stderr: string }, fragment: string) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('warning:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
