/** `sample` on the command line: the cases drawn, their distribution, bad input. */
import { describe, expect, it } from 'vitest';
import { expectUsageError } from '../testing/commandLine.js';
import { run } from '../testing/runInProcess.js';

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
