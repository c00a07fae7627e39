/**
 * The definitions in examples/ are what a user starts from: each is valid, gets a policy, is
 * sufficient with it by `check`, and (when all its tasks are SageMaker's) runs with `exec` under it
 * (with its `.input.json` when it has one, and its `.mocks.json` test case HappyPath for the
 * tasks of other services) to SUCCEEDED.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTasks } from '../oracles/definition/sagemakerTasks.js';
import { runCli } from './main.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const definitions = readdirSync(examples).filter((f) => {
  if (!f.endsWith('.json') || f.endsWith('.input.json') || f.endsWith('.mocks.json')) return false;
  return 'StartAt' in (JSON.parse(readFileSync(join(examples, f), 'utf8')) as object);
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-examples-'));

describe('the examples', () => {
  it('are there, pipelines among them', () => {
    expect(definitions).toEqual(
      expect.arrayContaining([
        'train-and-deploy.json',
        'train-transform-pipeline.json',
        'jsonata-pipeline.json',
        'tuning-model-transform.json',
        'processing-train-evaluate.json',
        'create-or-update-endpoint.json',
        'lambda-train-notify.json',
      ]),
    );
  });

  it.each(definitions)('%s: valid, a policy, sufficient by check, SUCCEEDED by exec', async (name) => {
    const path = join(examples, name);
    expect((await run('validate', path)).code).toBe(0);
    const policy = await run('policy', path, '--account', '123456789012');
    expect(policy.code).toBe(0);
    const policyFile = join(dir, `${name}.policy.json`);
    writeFileSync(policyFile, policy.stdout);
    expect(
      (await run('check', '--definition', path, '--policy', policyFile, '--account', '123456789012')).code,
    ).toBe(0);
    // Tasks of other services (Lambda, SNS) run where the example has mocks (its HappyPath case);
    // elsewhere the emulator runs up to them.
    const mocks = path.replace(/\.json$/, '.mocks.json');
    const hasMocks = readdirSync(examples).includes(name.replace(/\.json$/, '.mocks.json'));
    if (!hasMocks && findTasks(JSON.parse(readFileSync(path, 'utf8'))).unmodelled.length > 0) return;
    const input = path.replace(/\.json$/, '.input.json');
    const hasInput = readdirSync(examples).includes(name.replace(/\.json$/, '.input.json'));
    const exec = await run(
      'exec',
      path,
      '--policy',
      policyFile,
      '--account',
      '123456789012',
      ...(hasInput ? ['--input', `@${input}`] : []),
      ...(hasMocks ? ['--mock', mocks, '--mock-case', 'HappyPath'] : []),
      '--format',
      'json',
    );
    expect(JSON.parse(exec.stdout).status, exec.stderr).toBe('SUCCEEDED');
  });
});

describe('lambda-train-notify.json with its Step Functions Local mocks', () => {
  const path = join(examples, 'lambda-train-notify.json');
  const exec = async (testCase: string, ...more: string[]) => {
    const r = await run(
      'exec',
      path,
      '--input',
      `@${join(examples, 'lambda-train-notify.input.json')}`,
      '--mock',
      join(examples, 'lambda-train-notify.mocks.json'),
      '--mock-case',
      testCase,
      '--format',
      'json',
      '--history',
      ...more,
    );
    const body = JSON.parse(r.stdout) as {
      status: string;
      error?: string;
      output?: Record<string, unknown>;
      calls: { action: string }[];
      history: { type: string; timestamp: string }[];
    };
    return { code: r.code, ...body };
  };

  it('HappyPath: the Lambda and SNS steps answered, the SageMaker steps run as the role', async () => {
    const r = await exec('HappyPath');
    expect(r.code).toBe(0);
    expect(r.output).toMatchObject({
      prepared: { trainUri: 's3://amzn-s3-demo-bucket/churn/prepared/train', rows: 120000 },
      evaluation: { auc: 0.93 },
      model: { ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/churn-2026-11-30' },
    });
    expect(r.calls.map((c) => c.action)).toContain('sagemaker:CreateModel');
    expect(r.calls.some((c) => /lambda|sns/.test(c.action))).toBe(false);
  });

  it('LambdaThrottled: two throttles retried (2 s, then 4 s) before the answer', async () => {
    const [happy, throttled] = [await exec('HappyPath'), await exec('LambdaThrottled')];
    expect(throttled.code).toBe(0);
    const scheduled = (h: typeof happy) => h.history.filter((e) => e.type === 'TaskScheduled').length;
    expect(scheduled(throttled) - scheduled(happy)).toBe(2);
    const seconds = (h: typeof happy) =>
      (Date.parse(h.history.at(-1)!.timestamp) - Date.parse(h.history[0]!.timestamp)) / 1000;
    expect(seconds(throttled) - seconds(happy)).toBe(6);
  });

  it('LowScore and TrainingFails end in the Fail state; a failed training job is caught before any model', async () => {
    const low = await exec('LowScore');
    expect(low).toMatchObject({ code: 1, status: 'FAILED', error: 'Pipeline.NoModel' });
    const failed = await exec('TrainingFails');
    expect(failed).toMatchObject({ code: 1, status: 'FAILED', error: 'Pipeline.NoModel' });
    expect(failed.calls.map((c) => c.action)).not.toContain('sagemaker:CreateTrainingJob');
  });

  it('a test case that mocks a state the definition lacks, or no test case at all: exit 2, one line', async () => {
    const mocks = JSON.parse(readFileSync(join(examples, 'lambda-train-notify.mocks.json'), 'utf8'));
    mocks.StateMachines.TrainEvaluateNotify.TestCases.HappyPath['Prepare date'] = 'PrepareSucceeds';
    const typo = join(dir, 'typo.mocks.json');
    writeFileSync(typo, JSON.stringify(mocks));
    const spaced = join(dir, 'spaced.mocks.json');
    writeFileSync(
      spaced,
      JSON.stringify({
        ...mocks,
        StateMachines: { 'Train Evaluate': mocks.StateMachines.TrainEvaluateNotify },
      }),
    );
    for (const argv of [
      ['--mock', typo, '--mock-case', 'HappyPath'],
      ['--mock', spaced, '--mock-case', 'LowScore'],
      ['--mock', join(examples, 'lambda-train-notify.mocks.json')],
      ['--mock-case', 'HappyPath'],
    ]) {
      const r = await run('exec', path, ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await run('exec', path, '--mock', typo, '--mock-case', 'HappyPath')).stderr).toMatch(
      /mocks "Prepare date", which is not a Task state of the definition/,
    );
  });
});
