/** Scenario files: every object's fields checked, at every level, each problem one line. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { file } from './testing/commandLine.js';
import { expectOneLine, run } from './testing/runInProcess.js';

const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));

describe('a scenario file', () => {
  it.each([
    [
      'a misspelled field of job',
      { job: { outcome: 'Completed', pols: 5 } },
      /unknown field "job\.pols" \(the fields of job: outcome, polls, durationSeconds, failureReason\)/,
    ],
    [
      'an unknown field of createError',
      { createError: { error: 'ThrottlingException', times: 1, after: 2 } },
      /unknown field "createError\.after" \(the fields of createError: error, times\)/,
    ],
    [
      'an outcome that is a list',
      { job: { outcome: ['Completed'] } },
      /job must be \{ "outcome": Completed\|Failed\|Stopped/,
    ],
    [
      'an error that is a list',
      { createError: { error: ['ThrottlingException'], times: 1 } },
      /createError must be \{ "error": ResourceLimitExceeded/,
    ],
    ['an unknown top-level field', { jobs: {} }, /unknown field "jobs" \(fields: createError, job, /],
  ])('%s is refused, naming the field and what is allowed', async (_, scenario, message) => {
    expectOneLine(await run('exec', example, '--scenario', file('scenario-fields.json', scenario)), message);
  });

  it('the fields it has are taken', async () => {
    const failed = await run(
      'exec',
      example,
      '--scenario',
      file('scenario-ok.json', {
        job: { outcome: 'Failed', polls: 1, durationSeconds: 120, failureReason: 'oom' },
      }),
    );
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/status: FAILED/);
  });
});
