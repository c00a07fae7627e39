/** `run --expect`, `--write-expect`, `--fail-on` and `--format`, as a nightly CI job uses them. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../reports/report.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-expect-'));
// A deliberate deviation, so that the run diverges (always at the same cases: the seed is fixed).
const mutant = [
  '--runs',
  '12',
  '--seed',
  '2',
  '--suite',
  'outcome',
  '--emulator-mutant',
  'describe-drops-request',
  '--shrink-budget',
  '0',
  '--quiet',
];

describe('a baseline of known divergences', () => {
  it('written from a run, makes the same run green; a new divergence still fails', async () => {
    const baseline = join(base, 'baseline.json');
    const first = await run('run', ...mutant, '--report', join(base, 'r1'), '--write-expect', baseline);
    expect(first.code).toBe(1);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { expected: { reason: string }[] };
    expect(written.expected.length).toBeGreaterThan(0);
    const again = await run('run', ...mutant, '--report', join(base, 'r2'), '--expect', baseline);
    expect(again.code, again.stdout).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(base, 'r2', 'report.json'), 'utf8')));
    expect(report.totals.expected).toBe(report.totals.diverged);
    expect(again.stdout).toMatch(/diverged \(\d+ expected\)/);
    expect(readFileSync(join(base, 'r2', 'report.md'), 'utf8')).toContain('## Expected divergences');
    // Expected divergences fail no testcase: each cell says how many it had.
    const junit = readFileSync(join(base, 'r2', 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    expect(junit).toMatch(/\d+ diverged[^<]* \(\d+ expected\)/);
    // Another deviation is not in the baseline: it fails, and the old entries are stale.
    const other = await run(
      'run',
      ...mutant.map((a) => (a === 'describe-drops-request' ? 'history-skips-submitted' : a)),
      '--report',
      join(base, 'r3'),
      '--expect',
      baseline,
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/stale expectation \(matched no divergence\)/);
  });

  it('entries past their date match nothing', async () => {
    const baseline = join(base, 'expired.json');
    writeFileSync(
      baseline,
      JSON.stringify({ expected: [{ reason: 'fixed upstream', expires: '2020-01-01' }] }),
    );
    const r = await run('run', ...mutant, '--report', join(base, 'r4'), '--expect', baseline);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expired expectation \(past 2020-01-01\)/);
  });

  it('--fail-on documented lets divergences from weaker expectations pass', async () => {
    const r = await run(
      'run',
      ...mutant,
      '--report',
      join(base, 'r5'),
      '--fail-on',
      'documented',
      '--format',
      'json',
    );
    const summary = JSON.parse(r.stdout) as { totals: { diverged: number }; groups: unknown[] };
    expect(summary.totals.diverged).toBeGreaterThan(0);
    // describe-drops-request shows in the output: an expectation inferred from the API model.
    expect(summary.groups).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('groups the divergences by cause in the summary, one example and replay each', async () => {
    const r = await run('run', ...mutant, '--report', join(base, 'r6'));
    expect(r.stdout).toMatch(
      /\d+ causes?:\n {2}\d+ × [\w.-]+ broken at state .*\n {4}rule \((documented|observed|inferred)\): .*\n {4}e\.g\. outcome \w+: .*\n {4}replay: npx sfn-conformance replay/,
    );
    const md = await run('run', ...mutant, '--report', join(base, 'r7'), '--format', 'markdown');
    expect(md.stdout).toMatch(/\| cases \| cause \| the target said \| replay \|/);
  });

  it('refuses, in one line, a file that is not a baseline, an unknown --fail-on or --format, and an existing --write-expect', async () => {
    const bad = join(base, 'bad.json');
    writeFileSync(bad, JSON.stringify({ expected: [{ path: 'status' }] }));
    expectOneLine(
      await run('run', '--runs', '1', '--expect', bad),
      /--expect ".*bad.json" is not a baseline of known divergences: at \/expected\/0\/reason/,
    );
    expectOneLine(
      await run('run', '--runs', '1', '--fail-on', 'loud'),
      /--fail-on "loud" is not a provenance/,
    );
    expectOneLine(await run('run', '--runs', '1', '--format', 'xml'), /--format "xml" is unknown/);
    const kept = join(base, 'kept.json');
    writeFileSync(kept, 'mine');
    expectOneLine(await run('run', '--runs', '1', '--write-expect', kept), /exists; it is not overwritten/);
    expect(readFileSync(kept, 'utf8')).toBe('mine');
    expect(existsSync(join(base, 'nothing'))).toBe(false);
  });
});
