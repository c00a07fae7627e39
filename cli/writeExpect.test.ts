/**
 * `run --write-expect FILE` checked before anything runs (not a file of the report directory, in a
 * directory that exists, not there already, a link included), and its `$schema` resolving from the
 * written file to docs/expectations.schema.json of the package.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from './testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-write-expect-'));
const schema = fileURLToPath(new URL('../docs/expectations.schema.json', import.meta.url));
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

describe('--write-expect', () => {
  it.each(['cases.jsonl', 'report.md', 'report.json', '.report.json.part'])(
    "naming the run's own %s: exit 2, one line, before anything runs",
    async (name) => {
      const dir = join(base, `own-${name}`);
      const started = Date.now();
      expectOneLine(
        await run('run', '--runs', '200', '--seed', '1', '--report', dir, '--write-expect', join(dir, name)),
        /--write-expect ".*" is a file of the report directory the run writes/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(existsSync(dir)).toBe(false);
    },
  );

  it('the report directory reached through a link is the same directory', async () => {
    const dir = join(base, 'real');
    mkdirSync(dir);
    const link = join(base, 'link-to-real');
    symlinkSync(dir, link);
    expectOneLine(
      await run(
        'run',
        '--runs',
        '2',
        '--seed',
        '1',
        '--report',
        dir,
        '--write-expect',
        join(link, 'report.md'),
      ),
      /is a file of the report directory/,
    );
  });

  it('in a directory that does not exist: exit 2 at once, naming the file given', async () => {
    const missing = join(base, 'nowhere', 'expect.json');
    const dir = join(base, 'missing-dir-report');
    const started = Date.now();
    const r = await run('run', '--runs', '200', '--seed', '1', '--report', dir, '--write-expect', missing);
    expectOneLine(r, /--write-expect ".*nowhere\/expect\.json": the directory ".*nowhere" does not exist/);
    expect(r.stderr).not.toMatch(/\.tmp/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(dir)).toBe(false);
  });

  it('inside the report directory the run makes: written there', async () => {
    const dir = join(base, 'made-by-the-run');
    const inside = join(dir, 'expected.json');
    const r = await run('run', ...mutant, '--report', dir, '--write-expect', inside);
    expect(r.code, r.stderr).toBe(1);
    expect(readFileSync(inside, 'utf8')).toContain('"expected"');
  });

  it('a dangling link there counts as a file that exists', async () => {
    const link = join(base, 'dangling.json');
    symlinkSync(join(base, 'no-such-target.json'), link);
    expectOneLine(
      await run(
        'run',
        '--runs',
        '2',
        '--seed',
        '1',
        '--report',
        join(base, 'dangling-report'),
        '--write-expect',
        link,
      ),
      /exists; it is not overwritten/,
    );
    expect(existsSync(join(base, 'no-such-target.json'))).toBe(false);
  });

  it("its $schema resolves, from where the file is written, to the package's docs/expectations.schema.json", async () => {
    const deep = join(base, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    const written = join(deep, 'expected.json');
    const r = await run('run', ...mutant, '--report', join(base, 'schema-report'), '--write-expect', written);
    expect(r.code, r.stderr).toBe(1);
    const { $schema } = JSON.parse(readFileSync(written, 'utf8')) as { $schema: string };
    expect($schema).toMatch(/^\.\.?\//);
    expect(realpathSync(resolve(dirname(written), $schema))).toBe(realpathSync(schema));
  });
});
