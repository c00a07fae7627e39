import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';
import { CaseResultSchema, ReportSchema } from '../reports/report.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const definition = (
  resource: string,
  parameters: Record<string, unknown> = { TrainingJobName: 'train', RoleArn: ROLE },
) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } },
});
const TRAINING = file('training.json', definition('arn:aws:states:::sagemaker:createTrainingJob.sync'));

/** Bad input: exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
function expectUsageError(result: { code: number; stdout: string; stderr: string }, fragment: string) {
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

describe('validate', () => {
  it('exits 0 for a valid definition and 1 with one line per problem', async () => {
    const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
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

describe('sample', () => {
  it('prints cases as JSON lines, reproducible from --seed and --path', async () => {
    const result = await run('sample', '--count', '3', '--seed', '5');
    expect(result.code).toBe(0);
    const cases = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(cases).toHaveLength(3);
    for (const c of cases) {
      for (const key of [
        'definition',
        'input',
        'api',
        'pattern',
        'resourceMode',
        'queryLanguage',
        'validity',
      ])
        expect(c).toHaveProperty(key);
    }
    const one = await run('sample', '--seed', '5', '--path', '2');
    expect(JSON.parse(one.stdout)).toEqual(cases[2]);
  });

  it('--suite prints the cases a suite of run draws; --stats their scenario mix', async () => {
    const [one] = (await run('sample', '--suite', 'necessity', '--seed', '3', '--count', '1')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { replay: { path: string }; policyVariant: { kind: string } });
    expect(one!.replay.path).toBe('necessity:0');
    expect(['leaveOneOut', 'extraDeny', 'wrongResourceName']).toContain(one!.policyVariant.kind);
    const stats = await run('sample', '--suite', 'outcome', '--seed', '1', '--count', '300', '--stats');
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('scenario mix (as the oracle runs the cases)');
    expect(stats.stdout).toMatch(/first job reached its end\s+\d+\s+[\d.]+% of \.sync/);
    expectUsageError(await run('sample', '--suite', 'nope'), '--suite "nope" is unknown');
    expectUsageError(
      await run('sample', '--suite', 'outcome', '--api', 'CreateModel'),
      "--suite draws the suite's own cases",
    );
  });

  it('prints the seed it drew when none is given', async () => {
    const result = await run('sample', '--count', '1');
    expect(result.stderr).toMatch(/^seed: \d+ \(pass --seed \d+ to reproduce\)\n$/);
  });

  it('filters by --api and --pattern, and --include-invalid labels the invalid ones', async () => {
    const result = await run(
      'sample',
      '--count',
      '20',
      '--seed',
      '3',
      '--api',
      'CreateTransformJob',
      '--pattern',
      'sync',
      '--format',
      'json',
    );
    const cases = JSON.parse(result.stdout) as { api: string; pattern: string }[];
    expect(new Set(cases.map((c) => `${c.api} ${c.pattern}`))).toEqual(new Set(['CreateTransformJob sync']));
    const mixed = await run('sample', '--count', '40', '--seed', '3', '--include-invalid');
    const validity = mixed.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { validity: { valid: boolean; violation?: string } }).validity);
    expect(validity.some((v) => v.valid)).toBe(true);
    expect(validity.filter((v) => !v.valid).every((v) => / at \//.test(v.violation ?? ''))).toBe(true);
    expect(validity.some((v) => !v.valid)).toBe(true);
  });

  it('--stats prints the distribution', async () => {
    const result = await run('sample', '--count', '50', '--seed', '1', '--stats');
    expect(result.stdout).toContain('50 cases (50 valid)');
    expect(result.stdout).toContain('api x pattern x name mode x query language');
  });

  it('bad options: exit 2', async () => {
    expectUsageError(await run('sample', '--count', 'x'), '--count "x" must be an integer');
    expectUsageError(await run('sample', '--api', 'CreatePipeline'), '--api "CreatePipeline" is not one of');
    expectUsageError(
      await run('sample', '--pattern', 'sync', '--api', 'CreateModel'),
      'no legal (api, pattern) pair',
    );
    expectUsageError(await run('sample', '--format', 'yaml'), 'use json or jsonl');
    expectUsageError(await run('sample', '--seed', '-1'), '--seed "-1" must be an integer');
  });
});

describe('exec', () => {
  const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
  const legacy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));

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

describe('run', () => {
  it('runs the suites on the emulator, writes the four reports, exit 0', async () => {
    const report = join(dir, 'run-ok');
    const result = await run('run', '--runs', '15', '--seed', '4', '--report', report);
    expect(result.code).toBe(0);
    // Undecided: a .sync job that outlasts its HeartbeatSeconds while polled (sfn.sync.heartbeat).
    expect(result.stdout).toMatch(
      /75 cases: (\d+) matched, 0 diverged, 0 errored(, (\d+) undecided)? \(seed 4/,
    );
    const [, matched, , undecided] =
      /75 cases: (\d+) matched, 0 diverged, 0 errored(, (\d+) undecided)?/.exec(result.stdout)!;
    expect(Number(matched) + Number(undecided ?? 0)).toBe(75);
    expect(Number(undecided ?? 0)).toBeLessThan(8);
    for (const f of ['report.json', 'report.md', 'junit.xml', 'cases.jsonl'])
      expect(existsSync(join(report, f)), f).toBe(true);
    expect(readFileSync(join(report, 'cases.jsonl'), 'utf8').trim().split('\n')).toHaveLength(75);
    const junit = readFileSync(join(report, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    expect(junit.match(/<testcase /g)).toHaveLength(75);
    // report.json lists every case in the run's order, summarised; cases.jsonl holds each whole.
    const json = ReportSchema.parse(JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')));
    expect(json.schemaVersion).toBe(2);
    expect(json.cases.map((c) => c.replay.path)).toEqual(
      json.suites.flatMap((s) => Array.from({ length: 15 }, (_, i) => `${s}:${i}`)),
    );
    expect(json.cases.every((c) => c.predicted === undefined && c.observed === undefined)).toBe(true);
    const lines = readFileSync(join(report, 'cases.jsonl'), 'utf8').trim().split('\n');
    expect(lines.every((l) => CaseResultSchema.parse(JSON.parse(l)).predicted !== undefined)).toBe(true);
    expect(readdirSync(report).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('exit 1 with a mutant: the divergence is shrunk, with a replay command that reproduces it', async () => {
    const report = join(dir, 'run-mutant');
    const result = await run(
      'run',
      '--runs',
      '40',
      '--seed',
      '1',
      '--suite',
      'necessity',
      '--emulator-mutant',
      'passrole-not-checked',
      '--report',
      report,
      '--shrink-budget',
      '30',
    );
    expect(result.code).toBe(1);
    const body = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as {
      cases: { id: string; verdict: string; replay: { command: string }; shrunk?: { id: string } }[];
    };
    const diverged = body.cases.find((c) => c.verdict === 'diverged')!;
    expect(diverged.shrunk).toBeDefined();
    expect(diverged.replay.command).toContain('--emulator-mutant passrole-not-checked');
    const md = readFileSync(join(report, 'report.md'), 'utf8');
    expect(md).toMatch(/\(~\) calls\/\d+ "iam:PassRole <arn:\d+> allowed" -> /);
    expect(md).toContain(
      `Replay the shrunk case: \`npx sfn-conformance replay ${join(report, 'report.json')} ${diverged.shrunk!.id}\``,
    );
    const args = diverged.replay.command.replace(/^npx sfn-conformance /, '').split(' ');
    const replayed = await run(...args, '--format', 'json');
    expect(replayed.code).toBe(1);
    expect((JSON.parse(replayed.stdout) as { id: string }).id).toBe(diverged.id);
    const byReport = await run('replay', join(report, 'report.json'), diverged.shrunk!.id);
    expect(byReport.code).toBe(1);
    expect(byReport.stdout).toContain('diverged');
  });

  it('--workers 2 writes the report one thread writes', async () => {
    const reports = ['1', '2'].map((w) => join(dir, `workers-${w}`));
    for (const [i, report] of reports.entries())
      expect(
        (
          await run(
            'run',
            '--runs',
            '6',
            '--seed',
            '4',
            '--emulator-mutant',
            'addtags-not-checked',
            '--workers',
            String(i + 1),
            '--quiet',
            '--report',
            report,
          )
        ).code,
      ).toBe(1);
    // The same but for the time each case took and the report's own path in replay commands.
    const cases = (report: string) =>
      (
        JSON.parse(readFileSync(join(report, 'report.json'), 'utf8').replaceAll(report, 'REPORT')) as {
          cases: Record<string, unknown>[];
        }
      ).cases.map(({ durationMs: _d, ...c }) => c);
    expect(cases(reports[1]!)).toEqual(cases(reports[0]!));
    expect(cases(reports[0]!).some((c) => c.verdict === 'diverged')).toBe(true);
  }, 60_000);

  it('refuses to overwrite a report, lists mutants, rejects bad options with exit 2', async () => {
    const report = join(dir, 'run-twice');
    expect(
      (await run('run', '--runs', '2', '--seed', '1', '--suite', 'outcome', '--report', report)).code,
    ).toBe(0);
    expectUsageError(
      await run('run', '--runs', '2', '--seed', '1', '--report', report),
      'already holds cases.jsonl, junit.xml, report.html, report.json, report.md',
    );
    expect(
      (
        await run(
          'run',
          '--runs',
          '2',
          '--seed',
          '1',
          '--suite',
          'outcome',
          '--report',
          report,
          '--overwrite',
        )
      ).code,
    ).toBe(0);
    const list = await run('run', '--list-mutants');
    expect(list.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(8);
    expectUsageError(await run('run', '--suite', 'speed'), '--suite "speed" is unknown');
    expectUsageError(await run('run', '--emulator-mutant', 'nope'), '--emulator-mutant "nope" is unknown');
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws'),
      'name the account it may use with --allow-account',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'endpoint'),
      '--target endpoint needs --endpoint URL',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'endpoint', '--endpoint', 'localhost:5000'),
      'is not an http(s) URL',
    );
    expectUsageError(await run('run', '--seed', '1', '--plan'), 'are for --target aws or endpoint');
    expectUsageError(
      await run(
        'run',
        '--seed',
        '1',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:1',
        '--workers',
        '2',
      ),
      '--workers is for --target embedded',
    );
    expectUsageError(await run('run', '--seed', '1', '--workers', '0'), '--workers');
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws', '--allow-account', '12345'),
      'is not a 12-digit AWS account id',
    );
    expectUsageError(
      await run('sweep', '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:1'),
      'needs --run-id',
    );
    expectUsageError(await run('run', '--runs', '0'), '--runs "0" must be an integer');
    expectUsageError(await run('replay', join(dir, 'nope.json'), 'x'), 'no such file');
    expectUsageError(
      await run('replay', '--suite', 'outcome'),
      'replay needs <report.json> <caseId>, or --suite, --seed and --path',
    );
  });
});

describe('run: the AWS config file and the billable-job options', () => {
  const aws = ['run', '--seed', '1', '--target', 'aws', '--allow-account', '123456789012'];
  const jobs = {
    sagemakerRoleArn: 'arn:aws:iam::123456789012:role/MySageMaker',
    trainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:1',
    inputS3Uri: 's3://my-bucket/in',
    outputS3Uri: 's3://my-bucket/out',
  };

  it('names the field of a bad config file, and how to fix it', async () => {
    const bad = file(
      'bad-config.json',
      JSON.stringify({ billableJobs: { ...jobs, inputS3Uri: 'my-bucket/in' } }),
    );
    expectUsageError(
      await run(...aws, '--config', bad, '--allow-billable-jobs'),
      `config file "${bad}" at /billableJobs/inputS3Uri: must be an s3://bucket/key URI`,
    );
    const unknown = file('unknown-config.json', JSON.stringify({ billableJob: jobs }));
    expectUsageError(await run(...aws, '--config', unknown), `config file "${unknown}" at (top level)`);
    const types = file(
      'types-config.json',
      JSON.stringify({ billableJobs: { ...jobs, instanceTypes: ['m5.large'] } }),
    );
    expectUsageError(
      await run(...aws, '--config', types),
      'at /billableJobs/instanceTypes/0: is not a SageMaker instance type',
    );
  });

  it('refuses billable jobs without their config, on an endpoint, or options without --allow-billable-jobs', async () => {
    expectUsageError(await run(...aws, '--allow-billable-jobs'), '--allow-billable-jobs needs --config FILE');
    const noJobs = file('no-jobs-config.json', JSON.stringify({ allowAccounts: ['123456789012'] }));
    expectUsageError(
      await run(...aws, '--config', noJobs, '--allow-billable-jobs'),
      'with a "billableJobs" section',
    );
    expectUsageError(await run(...aws, '--max-billable-jobs', '3'), 'take effect with --allow-billable-jobs');
    const good = file('good-config.json', JSON.stringify({ billableJobs: jobs }));
    expectUsageError(
      await run(...aws, '--config', good, '--allow-billable-jobs', '--instance-type', 'ml.huge'),
      '--instance-type "ml.huge" is not a SageMaker instance type',
    );
    expectUsageError(
      await run(...aws, '--config', good, '--allow-billable-jobs', '--max-runtime', '0'),
      '--max-runtime "0" must be an integer from 1 to 86400',
    );
    expectUsageError(
      await run(
        'run',
        '--seed',
        '1',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:1',
        '--allow-billable-jobs',
      ),
      '--allow-billable-jobs is for --target aws',
    );
    expectUsageError(
      await run('run', '--seed', '1', '--allow-billable-jobs'),
      'are for --target aws or endpoint',
    );
  });

  it('takes the accounts a run may use from the config file', async () => {
    const accounts = file('accounts-config.json', JSON.stringify({ allowAccounts: ['12345'] }));
    expectUsageError(
      await run('run', '--seed', '1', '--target', 'aws', '--config', accounts),
      'at /allowAccounts/0: must be a 12-digit AWS account id',
    );
  });
});

describe('regress', () => {
  const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
  const legacy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));

  async function predictedPolicyFile(): Promise<string> {
    const policy = await run('policy', example, '--account', '123456789012');
    return file('predicted-policy.json', policy.stdout);
  }

  it('--verify embedded: the predicted breaking change (AddTags gone) is confirmed by the emulator; exit 1', async () => {
    const current = await predictedPolicyFile();
    const report = join(dir, 'regress-report');
    const result = await run(
      'regress',
      '--old',
      current,
      '--new',
      legacy,
      '--definition',
      example,
      '--account',
      '123456789012',
      '--verify',
      'embedded',
      '--report',
      report,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('BREAKING: 1 required call(s) newly denied');
    expect(result.stdout).toContain(
      'verified Train sagemaker:AddTags (success): predicted SUCCEEDED -> FAILED, observed SUCCEEDED -> FAILED: confirmed',
    );
    const body = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as {
      kind: string;
      verification: { verdict: string }[];
    };
    expect(body.kind).toBe('policy-regression');
    expect(body.verification.map((v) => v.verdict)).toEqual(['confirmed']);
    const md = readFileSync(join(report, 'report.md'), 'utf8');
    expect(md.indexOf('## Breaking changes')).toBeGreaterThan(0);
    expect(readFileSync(join(report, 'junit.xml'), 'utf8')).toContain(
      '<failure type="breaking" message="newly denied (required)',
    );
  });

  it('the other way round nothing breaks: AddTags is a widening; exit 0', async () => {
    const current = await predictedPolicyFile();
    const result = await run(
      'regress',
      '--old',
      legacy,
      '--new',
      current,
      '--definition',
      example,
      '--account',
      '123456789012',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as {
      breaking: boolean;
      newlyAllowed: { call: { action: string } }[];
    };
    expect(body.breaking).toBe(false);
    expect(body.newlyAllowed.map((c) => c.call.action)).toEqual(['sagemaker:AddTags']);
  });

  it('reads policies from git:<ref>:<path>', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'regress-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    writeFileSync(join(repo, 'role.json'), readFileSync(await predictedPolicyFile(), 'utf8'));
    git('add', 'role.json');
    git('commit', '-qm', 'policy');
    writeFileSync(join(repo, 'role.json'), readFileSync(legacy, 'utf8'));
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const result = await run(
        'regress',
        '--old',
        'git:HEAD:role.json',
        '--new',
        'role.json',
        '--definition',
        example,
        '--account',
        '123456789012',
      );
      expect(result.code).toBe(1);
      expectUsageError(
        await run('regress', '--old', 'git:nope:role.json', '--new', 'role.json', '--definition', example),
        'cannot read --old git:nope:role.json',
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('generated cases without definitions; bad input exit 2', async () => {
    const current = await predictedPolicyFile();
    const result = await run('regress', '--old', current, '--new', current, '--runs', '20', '--seed', '3');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('not breaking: 0 required call(s) newly denied');
    expectUsageError(await run('regress', '--old', current, '--new', join(dir, 'none.json')), 'no such file');
    expectUsageError(
      await run('regress', '--old', current, '--new', current, '--verify', 'aws'),
      '--verify aws is not available',
    );
    expectUsageError(await run('regress', '--old', 'git:main', '--new', current), 'must be git:<ref>:<path>');
  });
});
