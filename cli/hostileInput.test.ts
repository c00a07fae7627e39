/**
 * Hostile and malformed input: each is refused with exit 2 and one line, and does nothing else (no
 * file written, no option smuggled into a child process, no hang, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectOneLine, run } from './testing/runInProcess.js';

const base = mkdtempSync(join(tmpdir(), 'sfnc-hostile-'));
const legacy = fileURLToPath(new URL('../examples/training-policy-legacy.json', import.meta.url));

describe('git refs', () => {
  it('a ref or path that starts with "-" is refused, and git is never handed an option', async () => {
    for (const spec of [
      `git:--output=${join(base, 'x')}:y`,
      'git:HEAD:--help',
      `git:-o${join(base, 'y')}:z`,
    ]) {
      expectOneLine(await run('regress', '--old', spec, '--new', legacy), /cannot start with "-"/);
    }
    expect(existsSync(join(base, 'x'))).toBe(false);
    expect(existsSync(join(base, 'y'))).toBe(false);
  });

  it('without git on the PATH, a git: policy says git is missing and how to do without it', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(base, 'no-such-bin');
    try {
      expectOneLine(
        await run('regress', '--old', 'git:HEAD:policy.json', '--new', legacy),
        /cannot read --old git:HEAD:policy\.json: git is not installed .*give the policy as a file/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
const written = (name: string, content: string) => {
  const path = join(base, name);
  writeFileSync(path, content);
  return path;
};

describe('sizes and nesting', () => {
  it('a definition over the 1,048,576 characters CreateStateMachine takes: validate, policy and exec refuse it', async () => {
    const definition = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
    const big = written('big.json', JSON.stringify({ ...definition, Comment: 'x'.repeat(1_048_576) }));
    for (const argv of [
      ['validate', big],
      ['policy', big],
      ['exec', big],
    ])
      expectOneLine(await run(...argv), /more than 1048576 \(the most CreateStateMachine takes\)/);
  });

  it('what counts is the definition as CreateStateMachine receives it: an indented file may be longer', async () => {
    const definition = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
    const compact = JSON.stringify({ ...definition, Comment: '' }).length;
    const fits = { ...definition, Comment: 'x'.repeat(1_048_576 - compact) };
    const indented = written('indented.json', JSON.stringify(fits, null, 8));
    expect(readFileSync(indented, 'utf8').length).toBeGreaterThan(1_048_576);
    expect((await run('validate', indented)).code).toBe(0);
    const over = written('over.json', JSON.stringify({ ...fits, Comment: `${fits.Comment}x` }));
    expectOneLine(await run('validate', over), /has 1048577 characters as compact JSON, more than 1048576/);
  });

  it('an execution input over 256 KiB is refused as StartExecution refuses it', async () => {
    const input = JSON.stringify({ data: 'é'.repeat(131_100) });
    expectOneLine(
      await run('exec', example, '--input', input),
      /bytes, more than 262144 \(the most StartExecution takes/,
    );
    expectOneLine(
      await run('exec', example, '--input', `@${written('big-input.json', input)}`),
      /more than 262144/,
    );
  });

  it('JSON nested thousands of levels deep is refused before any code walks it', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const path = written(
      'deep.json',
      `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${deep},"End":true}}}`,
    );
    for (const argv of [
      ['validate', path],
      ['policy', path],
      ['check', '--definition', example, '--policy', written('deep-policy.json', deep)],
      ['exec', example, '--input', deep],
      ['exec', example, '--scenario', written('deep-scenario.json', `{"job":${deep}}`)],
    ])
      expectOneLine(await run(...argv), /nests deeper than 100 levels at line 1, column \d+/);
    // Brackets inside strings are text, not nesting.
    const text = written(
      'brackets.json',
      JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: '['.repeat(500), End: true } } }),
    );
    expect((await run('validate', text)).code).toBe(0);
  });
});

describe('scenario bounds', () => {
  it.each([
    [{ job: { outcome: 'Completed', polls: 1e8 } }, /job\.polls must be an integer from 0 to 10000/],
    [
      { job: { outcome: 'Completed', durationSeconds: 1e308 } },
      /job\.durationSeconds must be a number from 1 to 31536000/,
    ],
    [{ job: { outcome: 'Completed', durationSeconds: -5 } }, /job\.durationSeconds/],
    [{ job: { outcome: 'Completed', polls: -1 } }, /job\.polls/],
    [
      { createError: { error: 'ThrottlingException', times: 1e9 } },
      /createError\.times must be an integer from 1 to 10000/,
    ],
    [{ abortAfterPolls: -3 }, /abortAfterPolls must be an integer from 0 to 10000/],
    [{ job: { outcome: 'Failed', failureReason: 'x'.repeat(2000) } }, /at most 1024 characters/],
  ])('%j is refused, naming the bounds', async (scenario, message) => {
    const started = Date.now();
    expectOneLine(
      await run('exec', example, '--scenario', written('scenario.json', JSON.stringify(scenario))),
      message,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('definitions Step Functions rejects', () => {
  const task = {
    Type: 'Task',
    Resource: 'arn:aws:states:::sagemaker:createModel',
    Parameters: {
      ModelName: 'm',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R',
      PrimaryContainer: { Image: 'i' },
    },
    End: true,
  };
  const { Parameters, ...taskWithoutParameters } = task;
  it.each([
    ['an unknown StartAt', { StartAt: 'Nope', States: { A: task } }],
    ['an unreachable state', { StartAt: 'A', States: { A: task, B: { Type: 'Pass', End: true } } }],
    ['no terminal state', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } }],
    [
      'Arguments in a JSONPath state',
      { StartAt: 'A', States: { A: { ...taskWithoutParameters, Arguments: Parameters } } },
    ],
  ])('%s: policy and check refuse it with the problem validate reports', async (what, definition) => {
    const path = written(`rejected-${what.replace(/\W+/g, '-')}.json`, JSON.stringify(definition));
    const validated = await run('validate', path);
    expect(validated.code).toBe(1);
    const first = validated.stdout.split('\n')[0]!.replace(/ \[[\w:-]+\]$/, '');
    const policy = await run('policy', path);
    expectOneLine(policy, /./);
    expect(policy.stderr).toContain(first);
    const check = await run('check', '--definition', path, '--policy', legacy);
    expectOneLine(check, /./);
    expect(check.stderr).toContain(first);
    expect(check.stdout).not.toContain('Sufficient');
  });
});

describe('replay of a damaged report', () => {
  let reports = 0;
  async function report(): Promise<{
    path: string;
    body: { cases: { id: string; suite: string; replay: { seed: number; path: string } }[] };
  }> {
    const dir = join(base, `report-${++reports}`);
    expect(
      (
        await run(
          'run',
          '--runs',
          '3',
          '--seed',
          '4',
          '--suite',
          'outcome',
          '--suite',
          'sufficiency',
          '--report',
          dir,
        )
      ).code,
    ).toBe(0);
    const path = join(dir, 'report.json');
    return { path, body: JSON.parse(readFileSync(path, 'utf8')) as never };
  }

  it('replays the case it names; corrupted coordinates are refused, not replayed as another case', async () => {
    const { path, body } = await report();
    const id = body.cases[0]!.id;
    expect((await run('replay', path, id)).code).toBe(0);
    const damaged = (edit: (c: (typeof body.cases)[number]) => void) => {
      const copy = structuredClone(body);
      edit(copy.cases[0]!);
      return written(`damaged-${++reports}.json`, JSON.stringify(copy));
    };
    expectOneLine(
      await run(
        'replay',
        damaged((c) => (c.replay.path = `${c.suite}:2`)),
        id,
      ),
      /draw case ".*": the report is damaged/,
    );
    expectOneLine(
      await run(
        'replay',
        damaged((c) => (c.replay.seed = 5)),
        id,
      ),
      /the report is damaged/,
    );
    expectOneLine(
      await run(
        'replay',
        damaged((c) => (c.replay.path = 'outcome:x')),
        id,
      ),
      /has replay\.path "outcome:x"/,
    );
    expectOneLine(
      await run(
        'replay',
        damaged((c) => (c.replay.seed = 2 ** 40)),
        id,
      ),
      /damaged|replay\.seed/,
    );
  });

  it('an id found in several suites needs --suite', async () => {
    const { body } = await report();
    const copy = structuredClone(body);
    const other = copy.cases.find((c) => c.suite !== copy.cases[0]!.suite)!;
    other.id = copy.cases[0]!.id;
    const twice = written('twice.json', JSON.stringify(copy));
    expectOneLine(await run('replay', twice, other.id), /is in the suites .* say which with --suite/);
    // With the suite, the case is the one of that suite (its own coordinates draw another id: refused as such).
    expect((await run('replay', twice, other.id, '--suite', copy.cases[0]!.suite)).code).toBe(0);
  });
});

describe('values each checked one way', () => {
  it.each([
    [['--region', 'not a region'], /--region "not a region" is not a region name/],
    [['--account', 'abc'], /--account "abc" is not a 12-digit AWS account id/],
    [['--name', 'has space'], /--name "has space" contains " "/],
    [['--name', 'a/b'], /contains "\/"/],
    [['--name', 'x'.repeat(81)], /has 81 characters; an execution name has 1 to 80/],
    [['--seed', String(2 ** 32)], /--seed "4294967296" must be an integer from 0 to 4294967295/],
  ])('exec %j', async (args, message) => {
    expectOneLine(await run('exec', example, ...args), message);
  });

  it('replay and run take the same seeds', async () => {
    expectOneLine(
      await run('replay', '--suite', 'outcome', '--seed', String(2 ** 32), '--path', '1'),
      /from 0 to 4294967295/,
    );
    expectOneLine(await run('run', '--seed', '-1', '--runs', '1'), /from 0 to 4294967295/);
    expectOneLine(
      await run('replay', '--suite', 'outcome', '--seed', '1', '--path', '9999999'),
      /--path "9999999" must be an integer from 0 to 999999/,
    );
  });
});

describe('an endpoint that accepts connections and never answers', () => {
  it.each([
    ['run', '--runs', '1', '--seed', '1', '--report', join(base, 'silent-run')],
    ['sweep', '--older-than', '1h', '--dry-run'],
  ])(
    '%s reports it unreachable, exit 2, one line, in about the timeout',
    async (...args) => {
      const server = createServer(() => undefined).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const { port } = server.address() as AddressInfo;
      try {
        const started = Date.now();
        const result = await run(
          ...args,
          '--target',
          'endpoint',
          '--endpoint',
          `http://127.0.0.1:${port}`,
          '--request-timeout',
          '1',
        );
        expectOneLine(result, /is unreachable: .*--request-timeout SECONDS/);
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        server.close();
      }
    },
    20_000,
  );

  it('run reports it unreachable within 30 s with the default request timeout, exit 2, one line', async () => {
    const server = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      const result = await run(
        'run',
        '--runs',
        '1',
        '--seed',
        '1',
        '--report',
        join(base, 'silent-default'),
        '--target',
        'endpoint',
        '--endpoint',
        `http://127.0.0.1:${port}`,
      );
      expectOneLine(
        result,
        new RegExp(`http://127\\.0\\.0\\.1:${port} is unreachable: .*--request-timeout SECONDS`),
      );
      // The target is 30 s; a machine twice as slow still passes.
      expect(Date.now() - started).toBeLessThan(45_000);
    } finally {
      server.close();
    }
  }, 120_000);
});

describe('one line, and only that line', () => {
  it('no command, help for a command that does not exist, an out-of-range option after others that warn', async () => {
    expectOneLine(await run(), /a command is needed: policy, check/);
    expectOneLine(await run('help', 'frob'), /there is no command "frob"/);
    expectOneLine(
      await run('regress', '--old', legacy, '--new', legacy, '--runs', '0'),
      /--runs "0" must be an integer from 1 to 100000/,
    );
    expect((await run('help', 'run')).code).toBe(0);
    // Without --seed, run draws one; an error before the run starts is said alone.
    expectOneLine(
      await run('run', '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:1', '--runs', '1'),
      /sts:GetCallerIdentity failed on http:\/\/127\.0\.0\.1:1/,
    );
  });
});

describe('messages name the right thing', () => {
  it('a bad policy given to exec is named as the policy file; a report that fails its schema says where', async () => {
    const bad = written(
      'bad-policy.json',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 1, Resource: '*' }] }),
    );
    expectOneLine(
      await run('exec', example, '--policy', bad),
      new RegExp(`policy file ".*bad-policy\\.json": /Statement/0/Action`),
    );
    const report = written('not-a-report.json', JSON.stringify({ schemaVersion: 1, cases: [{ id: 1 }] }));
    expectOneLine(
      await run('replay', report, 'abc'),
      /is not a report of this tool \(schema version 1\): at \/\w+/,
    );
  });
});

describe('after a run that did not finish', () => {
  it('cases.jsonl is what replay reads, and a rerun says so', async () => {
    const dir = join(base, 'unfinished');
    expect((await run('run', '--runs', '2', '--seed', '3', '--suite', 'outcome', '--report', dir)).code).toBe(
      0,
    );
    // What a killed run leaves: the lines written so far, no report.
    rmSync(join(dir, 'report.json'));
    const line = readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n')[0]!;
    const id = (JSON.parse(line) as { id: string }).id;
    const replayed = await run('replay', join(dir, 'cases.jsonl'), id, '--format', 'json');
    expect(replayed.code, replayed.stderr).toBe(0);
    expect((JSON.parse(replayed.stdout) as { id: string }).id).toBe(id);
    expectOneLine(
      await run('run', '--runs', '2', '--seed', '3', '--suite', 'outcome', '--report', dir),
      /holds the cases\.jsonl of a run that did not finish \(2 cases\): replay one with `sfn-conformance replay .*cases\.jsonl <id>`, or pass --overwrite/,
    );
    writeFileSync(join(dir, 'broken.jsonl'), `${line}\n{"id":`);
    expectOneLine(
      await run('replay', join(dir, 'broken.jsonl'), id),
      /line 2 of ".*broken\.jsonl" is not valid JSON/,
    );
  });
});

describe('the process as a whole says one line', () => {
  it('a command that makes AWS clients prints no SDK notice, only its error', () => {
    // As a user's shell has it: the SDK's switch unset.
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _set, ...withoutNotice } = process.env;
    const entry = fileURLToPath(new URL('./testing/entry.ts', import.meta.url));
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        entry,
        'sweep',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:1',
        '--older-than',
        '1h',
        '--dry-run',
      ],
      { encoding: 'utf8', env: withoutNotice },
    );
    expect(child.status, child.stderr).toBe(2);
    expect(child.stderr.trimEnd().split('\n'), child.stderr).toHaveLength(1);
    expect(child.stderr).toMatch(/^sfn-conformance: /);
  });
});
