/**
 * The definitions in examples/ are what a user starts from: each is valid, gets a policy, is
 * sufficient with it by `check`, and (when all its tasks are SageMaker's) runs with `exec` under it
 * (with its `.input.json` when it has one) to SUCCEEDED.
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
  if (!f.endsWith('.json') || f.endsWith('.input.json')) return false;
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
    // A definition with tasks of other services (an SNS notification) runs in the emulator up to them.
    if (findTasks(JSON.parse(readFileSync(path, 'utf8'))).unmodelled.length > 0) return;
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
      '--format',
      'json',
    );
    expect(JSON.parse(exec.stdout).status, exec.stderr).toBe('SUCCEEDED');
  });
});
