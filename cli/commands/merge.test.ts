/** `run --shard i/n` and `merge`: merged shards equal the unsharded run, case for case; other runs' reports are refused. */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CaseEntry, CaseResultSchema, ReportSchema } from '../../reports/report.js';
import { expectOneLine, run } from '../testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-merge-'));
const read = (dir: string) => ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
// A mutant, so that there are divergences, shrunk cases and their replay commands to merge.
const common = [
  '--runs',
  '9',
  '--seed',
  '4',
  '--emulator-mutant',
  'sync-returns-create-response',
  '--shrink-budget',
  '30',
  '--quiet',
];
/** A case as both runs must have it: its time and the report it names aside. */
const comparable = (c: CaseEntry, dir: string) => {
  const { durationMs: _d, ...rest } = c;
  return JSON.parse(JSON.stringify(rest).split(join(dir, 'report.json')).join('REPORT')) as unknown;
};

describe('shards', () => {
  it('merged, equal the unsharded run case for case, with every file regenerated', async () => {
    const whole = join(base, 'whole');
    expect((await run('run', ...common, '--report', whole)).code).toBe(1);
    const shards = [1, 2, 3].map((i) => join(base, `shard-${i}`));
    for (const [i, dir] of shards.entries()) {
      const r = await run('run', ...common, '--shard', `${i + 1}/3`, '--report', dir);
      expect(r.stdout).toContain(`(shard ${i + 1}/3, seed 4`);
      const report = read(dir);
      expect(report.shard).toEqual({ index: i + 1, count: 3 });
      // Case k of a suite is shard (k mod 3) + 1's.
      for (const c of report.cases) expect(Number(c.replay.path.split(':')[1]) % 3).toBe(i);
    }
    // Merged where CI downloads them: elsewhere than where they ran (their replay commands name that).
    const downloaded = shards.map((dir, i) => {
      const to = join(base, 'downloaded', `shard-${i + 1}`);
      cpSync(dir, to, { recursive: true });
      return to;
    });
    const merged = join(base, 'merged');
    const m = await run('merge', downloaded[2]!, downloaded[0]!, downloaded[1]!, '--report', merged);
    expect(m.code).toBe(1);
    const a = read(whole);
    const b = read(merged);
    expect(b.cases.length).toBe(45);
    expect(b.cases.map((c) => comparable(c, merged))).toEqual(a.cases.map((c) => comparable(c, whole)));
    expect(b.totals).toEqual(a.totals);
    expect(b.cases.some((c) => c.shrunk?.replay)).toBe(true);
    expect(b.mergedShards).toBe(3);
    expect(b.shard).toBeUndefined();
    const testcases = (dir: string) =>
      readFileSync(join(dir, 'junit.xml'), 'utf8')
        .match(/<testcase [^>]*name="[^"]*"/g)!
        .map((t) => t.replace(/ time="[^"]*"/, ''));
    expect(testcases(merged)).toEqual(testcases(whole));
    const lines = readFileSync(join(merged, 'cases.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(45);
    // Every shrunk case's replay command names the merged report, in report.json and cases.jsonl alike.
    const commands = [...b.cases, ...lines.map((l) => CaseResultSchema.parse(JSON.parse(l)))]
      .map((c) => c.shrunk?.replay?.command)
      .filter((c) => c !== undefined);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands)
      expect(command).toMatch(new RegExp(`^npx sfn-conformance replay ${join(merged, 'report.json')} \\w+$`));
    expect(readFileSync(join(merged, 'report.md'), 'utf8')).toContain(
      `npx sfn-conformance replay ${join(merged, 'report.json')} `,
    );
  });

  it('merge refuses reports of another run, a shard given twice, and a bad --shard', async () => {
    const one = join(base, 'seed-1');
    const two = join(base, 'seed-2');
    await run(
      'run',
      '--runs',
      '2',
      '--seed',
      '1',
      '--suite',
      'outcome',
      '--shard',
      '1/2',
      '--report',
      one,
      '--quiet',
    );
    await run(
      'run',
      '--runs',
      '2',
      '--seed',
      '2',
      '--suite',
      'outcome',
      '--shard',
      '2/2',
      '--report',
      two,
      '--quiet',
    );
    expectOneLine(
      await run('merge', one, two, '--report', join(base, 'm1')),
      /is not a shard of the run of .*: its seed is 2, not 1/,
    );
    expectOneLine(
      await run('merge', one, one, '--report', join(base, 'm2')),
      /both hold shard 1\/2; give each shard once/,
    );
    expectOneLine(await run('merge', one), /merge needs --report DIR/);
    expectOneLine(await run('merge', join(base, 'nowhere'), '--report', join(base, 'm3')), /report file/);
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0'])
      expectOneLine(
        await run('run', '--runs', '2', '--shard', bad),
        /--shard ".*" is not a shard: give INDEX\/COUNT/,
      );
    // What is there is not overwritten.
    expectOneLine(await run('merge', one, '--report', one), /report/);
    // A report.json away from its cases.jsonl: its summarised cases are whole nowhere else.
    const alone = join(base, 'alone');
    mkdirSync(alone);
    copyFileSync(join(one, 'report.json'), join(alone, 'report.json'));
    const m4 = join(base, 'm4');
    expectOneLine(
      await run('merge', join(alone, 'report.json'), '--report', m4),
      /has no cases\.jsonl beside it, and its report summarises 1 case: give the shard's report directory/,
    );
    expect(existsSync(m4)).toBe(false);
    // A cases.jsonl line cut short (or not a case result) is named, with exit 2.
    const cut = join(base, 'cut');
    cpSync(one, cut, { recursive: true });
    const jsonl = join(cut, 'cases.jsonl');
    writeFileSync(jsonl, readFileSync(jsonl, 'utf8').slice(0, 40));
    const m5 = join(base, 'm5');
    expectOneLine(await run('merge', cut, '--report', m5), /line 1 of ".*cases\.jsonl"/);
    writeFileSync(jsonl, '{"id": 3}\n');
    expectOneLine(
      await run('merge', cut, '--report', m5, '--overwrite'),
      /line 1 of ".*cases\.jsonl" is not a case result of this tool: at \/id:/,
    );
    // A report whose divergence lost its differences is not a report of this tool.
    const damaged = JSON.parse(readFileSync(join(one, 'report.json'), 'utf8')) as {
      cases: Record<string, unknown>[];
    };
    damaged.cases[0] = { ...damaged.cases[0], verdict: 'diverged' };
    writeFileSync(join(cut, 'report.json'), JSON.stringify(damaged));
    expectOneLine(
      await run('merge', cut, '--report', m5, '--overwrite'),
      /is not a report of this tool .*: at \/cases\/0\/predicted: a case whose verdict is diverged is listed whole/,
    );
  });
});
