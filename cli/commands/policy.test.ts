/** `policy` on the command line: the generated policy, its provenance, bad input. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dir, file, ROLE, definition, TRAINING, expectUsageError } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

describe('policy', () => {
  it('prints the policy as JSON on stdout', async () => {
    const result = await run('policy', TRAINING, '--account', '123456789012');
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout) as { Statement: { Action: string[] }[] };
    expect(policy.Statement[0]?.Action).toEqual([
      'sagemaker:CreateTrainingJob',
      'sagemaker:DescribeTrainingJob',
      'sagemaker:StopTrainingJob',
    ]);
    expect(result.stderr).toBe('');
  });

  it('--doc-revision legacy drops AddTags; --explain prints provenance on stderr', async () => {
    const result = await run(
      'policy',
      TRAINING,
      '--account',
      '123456789012',
      '--doc-revision',
      'legacy',
      '--explain',
    );
    expect(result.stdout).not.toContain('AddTags');
    expect(result.stderr).toContain('Statement 1 (states: T): documented: sfn.template.documented');
  });

  it('warns about the example account and names unmodelled tasks on stderr', async () => {
    const path = file('mixed.json', {
      StartAt: 'L',
      States: {
        L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'T' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
          Parameters: { TrainingJobName: 'x', RoleArn: ROLE },
          End: true,
        },
      },
    });
    const result = await run('policy', path);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('example account 123456789012');
    expect(result.stderr).toContain(
      'state "L" (arn:aws:states:::lambda:invoke) is not a SageMaker optimized integration: not modelled',
    );
  });

  it('reads a DescribeStateMachine-shaped file, including its type', async () => {
    const wrapped = file('describe.json', {
      definition: JSON.stringify(definition('arn:aws:states:::sagemaker:createTrainingJob.sync')),
      type: 'EXPRESS',
    });
    expectUsageError(await run('policy', wrapped, '--account', '123456789012'), 'Express');
  });

  it('rejects what Step Functions rejects, with the place', async () => {
    expectUsageError(
      await run(
        'policy',
        file('wftt.json', definition('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken')),
        '--account',
        '123456789012',
      ),
      '/States/T/Resource: .waitForTaskToken is not supported',
    );
    expectUsageError(
      await run(
        'policy',
        file(
          'model-sync.json',
          definition('arn:aws:states:::sagemaker:createModel.sync', { ModelName: 'm' }),
        ),
        '--account',
        '123456789012',
      ),
      '.sync is not available for sagemaker:createModel',
    );
    expectUsageError(
      await run(
        'policy',
        file('unknown.json', definition('arn:aws:states:::sagemaker:createTrainingJobs')),
        '--account',
        '123456789012',
      ),
      'unknown SageMaker API "sagemaker:createTrainingJobs"',
    );
    expectUsageError(
      await run('policy', TRAINING, '--account', '123456789012', '--type', 'express'),
      '.sync is not supported in Express',
    );
  });

  it('bad files and options: exit 2 with one clear line', async () => {
    expectUsageError(await run('policy', join(dir, 'missing.json')), 'no such file');
    expectUsageError(
      await run('policy', file('broken.json', '{\n  "StartAt": "T",\n  "States": {,\n}')),
      'at line 3, column 14',
    );
    expectUsageError(await run('policy', dir), 'it is a directory');
    expectUsageError(await run('policy', TRAINING, '--region', 'Mars'), '--region "Mars"');
    expectUsageError(await run('policy', TRAINING, '--account', '12'), '12-digit');
    expectUsageError(await run('policy', TRAINING, '--doc-revision', 'old'), 'use current or legacy');
    expectUsageError(await run('policy', TRAINING, '--pass-role-arn', 'role'), 'not an IAM role ARN');
    expectUsageError(await run('policy', TRAINING, '--partition', 'aws-iso'), 'aws, aws-cn or aws-us-gov');
    expectUsageError(await run('policy', TRAINING, '--frobnicate'), "unknown option '--frobnicate'");
    expectUsageError(await run('policy'), "missing required argument 'definition.json'");
    expectUsageError(await run('polcy'), "unknown command 'polcy'");
    expectUsageError(await run('policy', file('array.json', [])), 'must hold a JSON object');
  });
});
