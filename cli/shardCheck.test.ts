/**
 * `merge` refuses shards whose files are not their run's: each tampering is exit 2 with one line
 * naming the shard and what is wrong, and nothing is written; the merged report has no cases/s.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOneLine, run } from './testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-shard-check-'));
const args = (seed: string) => [
  '--runs',
  '6',
  '--seed',
  seed,
  '--suite',
  'outcome',
  '--suite',
  'necessity',
  '--quiet',
];
const shard = (i: number, seed = '5') => join(base, `seed-${seed}-shard-${i}`);
let copies = 0;

/** A copy of both shards, the first changed by `tamper`. */
function tampered(tamper: (first: string, second: string) => void): [string, string] {
  const dirs = [1, 2].map((i) => {
    const to = join(base, `copy-${++copies}`, `shard-${i}`);
    cpSync(shard(i), to, { recursive: true });
    return to;
  }) as [string, string];
  tamper(...dirs);
  return dirs;
}

const lines = (dir: string) => readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n');
const writeLines = (dir: string, l: string[]) => writeFileSync(join(dir, 'cases.jsonl'), `${l.join('\n')}\n`);
const editReport = (dir: string, edit: (r: Record<string, unknown>) => void) => {
  const r = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Record<string, unknown>;
  edit(r);
  writeFileSync(join(dir, 'report.json'), JSON.stringify(r));
};

beforeAll(async () => {
  for (const seed of ['5', '6'])
    for (const i of [1, 2]) {
      const r = await run('run', ...args(seed), '--shard', `${i}/2`, '--report', shard(i, seed));
      expect(r.code, r.stderr).toBe(0);
    }
});

describe('merge checks each shard', () => {
  it('merges untouched shards, and prints no cases/s (the shards ran apart: no rate is theirs together)', async () => {
    const out = join(base, 'merged');
    const r = await run('merge', shard(1), shard(2), '--report', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^12 cases: \d+ matched, 0 diverged, 0 errored(, \d+ undecided)? \(seed 5\)\n/);
    expect(r.stdout).not.toContain('cases/s');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      stats: Record<string, unknown>;
    };
    expect(report.stats).not.toHaveProperty('casesPerSecond');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain('cases/s');
  });

  const tamperings: [string, (first: string, second: string) => void, RegExp][] = [
    [
      "a shard's cases.jsonl copied over another's",
      (first, second) => cpSync(join(second, 'cases.jsonl'), join(first, 'cases.jsonl')),
      /shard 1\/2 \(".*"\): its cases\.jsonl's case \w+:\d+ belongs to shard 2\/2, not this one/,
    ],
    [
      'an emptied cases.jsonl',
      (first) => writeFileSync(join(first, 'cases.jsonl'), ''),
      /shard 1\/2 .*its cases\.jsonl holds 0 cases, and its report lists 6/,
    ],
    [
      'an emptied report',
      (first) =>
        editReport(first, (r) => {
          r.cases = [];
          r.totals = { ...(r.totals as object), cases: 0, matched: 0 };
        }),
      /shard 1\/2 .*its report lists 0 cases, and the shard has 6/,
    ],
    [
      'shard 3 of 2',
      (first) => editReport(first, (r) => (r.shard = { index: 3, count: 2 })),
      /shard 3\/2 .*there is no shard 3 of 2/,
    ],
    [
      'a duplicated line',
      (first) => writeLines(first, [...lines(first), lines(first)[0]!]),
      /shard 1\/2 .*its cases\.jsonl holds case \w+:0 twice/,
    ],
    [
      'a case of another seed',
      (first) => writeLines(first, [lines(shard(1, '6'))[0]!, ...lines(first).slice(1)]),
      /shard 1\/2 .*its cases\.jsonl's case \w+:\d+ is of seed 6, not 5/,
    ],
    [
      'totals that do not add up',
      (first) => editReport(first, (r) => (r.totals = { ...(r.totals as object), matched: 5, errored: 1 })),
      /shard 1\/2 .*its totals say 5 matched, and its cases 6/,
    ],
    [
      "a case's id changed in the report",
      (first) =>
        editReport(first, (r) => {
          const [c] = r.cases as { id: string }[];
          c!.id = 'ffffffffffffffff';
        }),
      /shard 1\/2 .*case \w+:0 is \w+ match in its cases\.jsonl and ffffffffffffffff match in its report/,
    ],
  ];
  it.each(tamperings)('refuses %s: exit 2, one line, nothing written', async (_what, tamper, line) => {
    const [first, second] = tampered(tamper);
    const out = join(base, `out-${copies}`);
    expectOneLine(await run('merge', first, second, '--report', out), line);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
