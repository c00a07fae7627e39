/** `validate` on the command line: valid, invalid (one line per problem), bad input. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dir, expectUsageError, file, TRAINING } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

describe('validate', () => {
  it('exits 0 for a valid definition and 1 with one line per problem', async () => {
    const example = fileURLToPath(new URL('../../examples/training-job.json', import.meta.url));
    const ok = await run('validate', example);
    expect(ok).toMatchObject({ code: 0, stdout: `${example}: valid\n` });
    const bad = file('bad-retry.json', {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { ModelName: 'bad_name', PrimaryContainer: { Image: 'i' } },
          Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5 }],
          End: true,
        },
      },
    });
    const result = await run('validate', bad);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${bad}: /States/T/Retry/0/BackoffRate: BackoffRate 0.5 must be at least 1.0 [retry-backoff-rate]`,
      `${bad}: /States/T/Parameters/ModelName: "bad_name" does not match [a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])? [pattern]`,
    ]);
  });

  it('bad input: exit 2', async () => {
    expectUsageError(await run('validate', join(dir, 'nope.json')), 'no such file');
    expectUsageError(await run('validate', TRAINING, '--type', 'fast'), 'use standard or express');
  });
});
