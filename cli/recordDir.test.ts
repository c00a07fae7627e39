/**
 * `run --record DIR` and `exec --recorded DIR` on the command line: the recording directory taken
 * as `--report DIR` is (recordings already there refused without --overwrite, replaced with it,
 * the user's other files left alone; not the report directory), `--record` refused with the
 * built-in emulator and with --plan, and `exec --recorded` replaying a directory: exit 0 when every
 * recording meets its outcome, 1 when one does not, 2 (one line) for a directory of something else.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../serve/server.js';
import { expectOneLine, run } from './testing/runInProcess.js';
import { takeRecordDir } from './recordDir.js';

const CORPUS = resolve(import.meta.dirname, '../testdata/aws-recorded-tasks');
const fresh = () => mkdtempSync(join(tmpdir(), 'sfnc-record-dir-'));

describe('run --record DIR', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
  });
  const endpointRun = (base: string, ...more: string[]) =>
    run(
      'run',
      '--target',
      'endpoint',
      '--endpoint',
      server.url,
      '--suite',
      'outcome',
      '--runs',
      '2',
      '--seed',
      '3',
      '--quiet',
      '--shrink-budget',
      '0',
      '--report',
      join(base, 'report'),
      ...more,
    );

  it('is refused with the built-in emulator, which would replay its own executions', async () => {
    expectOneLine(
      await run('run', '--runs', '1', '--record', join(fresh(), 'r')),
      /--record is for --target aws or endpoint/,
    );
  });

  it('is refused with --plan, and as the report directory itself', async () => {
    expectOneLine(
      await run(
        'run',
        '--target',
        'endpoint',
        '--endpoint',
        server.url,
        '--plan',
        '--record',
        join(fresh(), 'r'),
      ),
      /--record does not go with --plan/,
    );
    const base = fresh();
    expectOneLine(
      await endpointRun(base, '--record', join(base, 'report')),
      /--record ".*" is the report directory/,
    );
  });

  it('does not overwrite recordings without --overwrite; with it, replaces them and leaves other files', async () => {
    const base = fresh();
    const dir = join(base, 'rec');
    const first = await endpointRun(base, '--record', dir);
    expect(first.code, first.stderr).toBe(0);
    const recorded = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(recorded.length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'mine.txt'), "the user's own");
    // Files of the user's that merely look like a recorder's: kept whatever --overwrite says.
    writeFileSync(join(dir, '2024-q1-budget.json'), '{"budget":1}');
    const recordedNames = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== '2024-q1-budget.json');
    const again = await endpointRun(fresh(), '--record', dir);
    expectOneLine(
      again,
      /the recording directory ".*rec" already holds \d+ recording files .*pass --overwrite/,
    );
    const replaced = await endpointRun(base, '--record', dir, '--overwrite', '--runs', '1');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(
      /recorded \d+ executions? in .*rec; replay them with: npx sfn-conformance exec --recorded/,
    );
    const now = readdirSync(dir);
    expect(now).toContain('mine.txt');
    expect(now).toContain('2024-q1-budget.json');
    expect(recordedNames.length).toBe(recorded.length);
    expect(now.filter((f) => f.endsWith('.json')).length).toBeLessThan(recorded.length);
    // The run's recordings replay (exec --recorded takes every JSON file of DIR for one).
    rmSync(join(dir, '2024-q1-budget.json'));
    const replay = await run('exec', '--recorded', dir);
    expect(replay.code, replay.stdout).toBe(0);
    expect(replay.stdout).toMatch(/^(\d+) of \1 recordings replay to their recorded outcome\n$/);
  });
});

describe('exec --recorded DIR', () => {
  it('replays the corpus: the two known misses differ, the rest match', async () => {
    const result = await run('exec', '--recorded', CORPUS, '--format', 'json');
    expect(result.code).toBe(1);
    const { files, matched, misses } = JSON.parse(result.stdout) as {
      files: number;
      matched: number;
      misses: object;
    };
    expect(files).toBe(131);
    expect(matched).toBe(129);
    expect(Object.keys(misses)).toEqual([
      '087-lambda-invoke-with-retry-extended-input.json',
      '088-lambda-service-invoke-with-retry-extended-input.json',
    ]);
  });

  it('exits 1 when a recording does not meet its outcome, 0 when all do', async () => {
    const dir = fresh();
    copyFileSync(join(CORPUS, '024-result-selector.json'), join(dir, 'a.json'));
    expect((await run('exec', '--recorded', dir)).code).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as { expected: { status: string } };
    r.expected.status = 'FAILED';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(r));
    const differs = await run('exec', '--recorded', dir);
    expect(differs.code).toBe(1);
    expect(differs.stdout).toMatch(/^a\.json: differs: status: recorded FAILED, emulated SUCCEEDED\n0 of 1 /);
  });

  it('refuses what is not a directory of recordings, a definition beside it, and options for one execution', async () => {
    const dir = fresh();
    expectOneLine(await run('exec', '--recorded', dir), /holds no \.json recording/);
    expectOneLine(await run('exec', '--recorded', join(dir, 'none')), /is not there/);
    writeFileSync(join(dir, 'report.json'), '{"schemaVersion":1}');
    expectOneLine(
      await run('exec', '--recorded', dir),
      /recording ".*report\.json" is not a recording of run --record \(it has no "definition" object\)/,
    );
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'bad.json'), '{"definition": ');
    expectOneLine(await run('exec', '--recorded', join(dir, 'sub')), /bad\.json/);
    expectOneLine(await run('exec', 'd.json', '--recorded', CORPUS), /leave out "d\.json"/);
    expectOneLine(await run('exec', '--recorded', CORPUS, '--input', '{}'), /--input is for one definition/);
    expectOneLine(await run('exec'), /exec needs a definition/);
  });
});

describe('--record DIR with files of the user', () => {
  it('keeps a README and JSON files a recorder did not write, with --overwrite too', () => {
    const dir = join(fresh(), 'rec');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), 'my notes');
    writeFileSync(join(dir, '2024-q1-budget.json'), '{"budget":1}');
    const lock = takeRecordDir(dir, true, fresh());
    lock.release();
    expect(readdirSync(dir).sort()).toEqual(['2024-q1-budget.json', 'README.md']);
  });
});

describe('exec --recorded DIR with a damaged recording', () => {
  it('is exit 2 and one line naming the file, not a stack trace', async () => {
    const dir = fresh();
    const one = readdirSync(CORPUS).find((f) => f.endsWith('.json'))!;
    const recording = JSON.parse(readFileSync(join(CORPUS, one), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, one), JSON.stringify({ ...recording, mocks: { X: 42 } }));
    expectOneLine(await run('exec', '--recorded', dir), /recording ".*" cannot be replayed \(its mocks: /);
  });
});
