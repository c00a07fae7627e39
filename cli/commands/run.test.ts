/** `run`'s outputs as the command line makes them: --quiet, several emulator mutants at once. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../reports/report.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-run-'));

describe('run', () => {
  it('--quiet writes no progress, and the summary still prints', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sfnc-quiet-')), 'r');
    const r = await run(
      'run',
      '--runs',
      '2',
      '--seed',
      '1',
      '--suite',
      'outcome',
      '--report',
      dir,
      '--quiet',
      '--progress',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/cases\/s/);
    expect(r.stdout).toMatch(/^2 cases: 2 matched/);
  });

  it('--emulator-mutant twice runs the emulator with both: the report names both, replay takes both', async () => {
    const dir = join(base, 'two-mutants');
    const r = await run(
      'run',
      '--runs',
      '20',
      '--seed',
      '1',
      '--suite',
      'necessity',
      '--emulator-mutant',
      'passrole-not-checked',
      '--emulator-mutant',
      'addtags-not-checked',
      '--shrink-budget',
      '0',
      '--quiet',
      '--report',
      dir,
    );
    expect(r.code, r.stderr).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    expect(report.target.mutant).toBe('passrole-not-checked,addtags-not-checked');
    expect(report.target.description).toContain('passrole-not-checked, addtags-not-checked');
    const diverged = report.cases.find((c) => c.verdict === 'diverged')!;
    expect(diverged.replay.command).toContain(
      '--target embedded --emulator-mutant passrole-not-checked --emulator-mutant addtags-not-checked',
    );
    // Replayed from the report, the case runs on the emulator with both mutants again.
    const replayed = await run('replay', join(dir, 'report.json'), diverged.id);
    expect(replayed.code, replayed.stderr).toBe(1);
    expect(replayed.stdout).toMatch(/^diverged: necessity /);
  });

  it('an unknown one of several mutants is exit 2 with one line', async () => {
    expectOneLine(
      await run(
        'run',
        '--runs',
        '1',
        '--emulator-mutant',
        'passrole-not-checked',
        '--emulator-mutant',
        'nope',
        '--report',
        join(base, 'unknown-mutant'),
      ),
      /--emulator-mutant "nope" is unknown; see sfn-conformance run --list-mutants/,
    );
  });
});
