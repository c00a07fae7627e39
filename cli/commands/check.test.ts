/** `check` on the command line: each call as the execution role, allowed or denied and why. */
import { describe, expect, it } from 'vitest';
import { expectUsageError, file, ROLE, TRAINING } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

describe('check', () => {
  const sufficient = file('sufficient.json', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sagemaker:*', 'events:*', 'iam:PassRole'], Resource: '*' }],
  });
  const noPassRole = file('no-passrole.json', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sagemaker:*', 'events:*'], Resource: '*' }],
  });
  /** `check` of a definition against a policy, in the documentation's account. */
  const check = (definitionFile: string, policyFile: string, ...more: string[]) =>
    run(
      'check',
      '--definition',
      definitionFile,
      '--policy',
      policyFile,
      '--account',
      '123456789012',
      ...more,
    );

  it('exits 0 when every required call is allowed, 1 when one is not', async () => {
    const ok = await check(TRAINING, sufficient);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Sufficient: every required call (6) is allowed.');
    const missing = await check(TRAINING, noPassRole);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(
      'MISSING: T: iam:PassRole on arn:aws:iam::123456789012:role/SageMakerRole',
    );
    expect(missing.stdout).toContain('"iam:PassedToService": "sagemaker.amazonaws.com"');
  });

  // A least-privilege policy that grants a name prefix, for names built at run time.
  const prefixed = file('prefixed-definition.json', {
    StartAt: 'Name',
    States: {
      Name: { Type: 'Pass', Parameters: { 'job.$': "States.Format('ade-{}', $.id)" }, Next: 'T' },
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
        Parameters: { 'TrainingJobName.$': '$.job', RoleArn: ROLE },
        End: true,
      },
    },
  });
  const prefixPolicy = file('prefix-policy.json', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sagemaker:CreateTrainingJob',
        Resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/ade-*',
      },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE },
    ],
  });

  it('a name given at run time that a prefix grant covers: "depends on the name", with the condition', async () => {
    const result = await check(prefixed, prefixPolicy);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('depends on the name');
    expect(result.stdout).toContain(
      'allowed where TrainingJobName gives: arn:aws:sagemaker:us-east-1:123456789012:training-job/ade-*',
    );
    expect(result.stdout).toContain('Depends on the names');
    expect(result.stdout).not.toContain('Insufficient');
  });

  it('--input decides the names as the execution gives them (through the data flow)', async () => {
    const decide = (input: unknown) => check(prefixed, prefixPolicy, '--input', JSON.stringify(input));
    const inside = await decide({ id: '7' });
    expect(inside.code).toBe(0);
    expect(inside.stdout).toContain('training-job/ade-7');
    expect(inside.stdout).toContain('Sufficient');
    // The same policy for a definition whose name is not the prefix's: insufficient for that input.
    const elsewhere = await run(
      'check',
      '--definition',
      file('other-name.json', {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
            Parameters: { 'TrainingJobName.$': '$.id', RoleArn: ROLE },
            End: true,
          },
        },
      }),
      '--policy',
      prefixPolicy,
      '--account',
      '123456789012',
      '--input',
      '{"id":"prod-7"}',
    );
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('Insufficient');
  });

  it('--input with --mock: the tasks of other services before the SageMaker state answer from the mocks', async () => {
    const withLambda = file('lambda-first.json', {
      StartAt: 'Prep',
      States: {
        Prep: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'prep' },
          ResultSelector: { 'job.$': '$.Payload.job' },
          Next: 'T',
        },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
          Parameters: { 'TrainingJobName.$': '$.job', RoleArn: ROLE },
          End: true,
        },
      },
    });
    const mocks = file('check-mocks.json', {
      StateMachines: { M: { TestCases: { Happy: { Prep: 'Named' } } } },
      MockedResponses: { Named: { '0': { Return: { Payload: { job: 'ade-9' } } } } },
    });
    const unmocked = await check(withLambda, prefixPolicy, '--input', '{}');
    expect(unmocked.code).toBe(1);
    expect(unmocked.stderr).toContain('states it did not reach are decided for any name');
    const mocked = await check(
      withLambda,
      prefixPolicy,
      '--input',
      '{}',
      '--mock',
      mocks,
      '--mock-case',
      'Happy',
    );
    expect(mocked.code).toBe(0);
    expect(mocked.stdout).toContain('training-job/ade-9');
    expectUsageError(
      await check(withLambda, prefixPolicy, '--mock', mocks),
      '--mock and --mock-case go with --input',
    );
  });

  it('combines several --policy files', async () => {
    const passRole = file('passrole.json', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE }],
    });
    const result = await run(
      'check',
      '--definition',
      TRAINING,
      '--policy',
      noPassRole,
      '--policy',
      passRole,
      '--account',
      '123456789012',
    );
    expect(result.code).toBe(0);
  });

  it('--format json has the documented shape', async () => {
    const result = await check(TRAINING, noPassRole, '--format', 'json');
    const body = JSON.parse(result.stdout) as {
      sufficient: boolean;
      requirements: Record<string, unknown>[];
    };
    expect(body.sufficient).toBe(false);
    const passRole = body.requirements.find((r) => r.action === 'iam:PassRole')!;
    expect(Object.keys(passRole)).toEqual(
      expect.arrayContaining([
        'state',
        'action',
        'resource',
        'context',
        'level',
        'provenance',
        'decision',
        'statements',
      ]),
    );
    expect(passRole).toMatchObject({
      state: 'T',
      level: 'required',
      decision: 'implicitDeny',
      context: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
    });
  });

  it('warns about actions the IAM catalog does not know', async () => {
    const typo = file('typo.json', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sagemaker:CreateTraningJob', 'sagemaker:*', 'events:*', 'iam:PassRole'],
          Resource: '*',
        },
      ],
    });
    const result = await check(TRAINING, typo);
    expect(result.stderr).toContain(
      '"sagemaker:CreateTraningJob" matches no sagemaker action in the IAM catalog (did you mean "sagemaker:CreateTrainingJob"?)',
    );
    // The file is named once: the policy's name already says "policy file".
    expect(result.stderr).toContain(`warning: policy file "${typo}": /Statement/0/Action/0: `);
    expect(result.stderr).not.toContain('policy file "policy file');
  });

  it('bad policy files and options: exit 2 with one clear line', async () => {
    const badPolicy = file('bad-policy.json', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }],
    });
    expectUsageError(
      await run('check', '--definition', TRAINING, '--policy', badPolicy),
      '/Statement/0/Effect: Effect must be "Allow" or "Deny"',
    );
    expectUsageError(
      await run('check', '--definition', TRAINING),
      "required option '--policy <p.json>' not specified",
    );
    expectUsageError(
      await run('check', '--definition', TRAINING, '--policy', sufficient, '--format', 'xml'),
      'use text or json',
    );
  });
});
