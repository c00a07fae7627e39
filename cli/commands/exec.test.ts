/** `exec` on the command line: one execution in the built-in emulator. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { file, definition, expectUsageError } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

describe('exec', () => {
  const example = fileURLToPath(new URL('../../examples/training-job.json', import.meta.url));
  const legacy = fileURLToPath(new URL('../../examples/training-policy-legacy.json', import.meta.url));

  it('runs the example on the emulator: SUCCEEDED, exit 0, with the calls made as the role', async () => {
    const result = await run('exec', example, '--format', 'json', '--history');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as {
      status: string;
      output: Record<string, unknown>;
      calls: { action: string }[];
      history: unknown[];
    };
    expect(body.status).toBe('SUCCEEDED');
    expect(body.output.TrainingJobStatus).toBe('Completed');
    expect(body.calls.map((c) => c.action)).toContain('sagemaker:DescribeTrainingJob');
    expect(body.history.length).toBeGreaterThan(5);
  });

  it('with the legacy policy the .sync create is denied, retried, caught: FAILED, exit 1', async () => {
    const result = await run('exec', example, '--policy', legacy);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('status: FAILED');
    expect(result.stdout).toContain('DENIED   sagemaker:AddTags');
  });

  it('takes --input as JSON or @file and a scenario file', async () => {
    const definition = file('dyn.json', {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { 'ModelName.$': '$.name', PrimaryContainer: { Image: 'img:1' } },
          End: true,
        },
      },
    });
    const input = file('input.json', { name: 'from-file' });
    const fromFile = await run('exec', definition, '--input', `@${input}`, '--format', 'json');
    expect((JSON.parse(fromFile.stdout) as { output: { ModelArn: string } }).output.ModelArn).toMatch(
      /model\/from-file$/,
    );
    const scenario = file('scenario.json', { createError: { error: 'ResourceLimitExceeded', times: 1 } });
    const failed = await run(
      'exec',
      definition,
      '--input',
      '{"name":"m"}',
      '--scenario',
      scenario,
      '--format',
      'json',
    );
    expect(JSON.parse(failed.stdout)).toMatchObject({
      status: 'FAILED',
      error: 'SageMaker.ResourceLimitExceededException',
    });
  });

  it('bad input: exit 2 with one line', async () => {
    expectUsageError(await run('exec', example, '--input', '{bad'), '--input is not valid JSON');
    expectUsageError(
      await run('exec', example, '--scenario', file('s1.json', { job: { outcome: 'Exploded' } })),
      'job must be',
    );
    expectUsageError(
      await run('exec', example, '--scenario', file('s2.json', { jobs: {} })),
      'unknown field "jobs"',
    );
    expectUsageError(
      await run(
        'exec',
        file('wftt2.json', definition('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken')),
      ),
      'CreateStateMachine failed: InvalidDefinition',
    );
  });
});
