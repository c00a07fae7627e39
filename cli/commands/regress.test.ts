/** `regress` on the command line: what a policy change breaks and widens. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dir, file, expectUsageError } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

describe('regress', () => {
  const example = fileURLToPath(new URL('../../examples/training-job.json', import.meta.url));
  const legacy = fileURLToPath(new URL('../../examples/training-policy-legacy.json', import.meta.url));

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
