/**
 * The command line as an attacker tries it: fast-check draws malformed files (truncated, wrong
 * types, huge, deep, binary, a BOM, keys such as `__proto__` that name an object's prototype,
 * catastrophic patterns: a JSONata recursion, a policy Resource of many `*`), paths (missing,
 * directories, /dev/zero, a named pipe) in every file slot of every command, and option vectors
 * (unknown, out of range, repeated, missing values); runs the command in process and holds it to
 * the README's promises: exit 0, 1 or 2; on 2 exactly one stderr line; never a stack frame;
 * nothing written but into the report directory it was given; no file the user had replaced; no
 * object of the tool's own changed; no hang. Then the races and the streams: runs started into one
 * report directory at once, symbolic links in a report directory, and readers that close the pipe.
 * `SFN_CONFORMANCE_ATTACK_RUNS` sets the number of runs (npm test: 150; `npm run test:attack`:
 * 1,000).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';
import {
  catastrophicDefinitions,
  catastrophicPolicies,
  example,
  examplePath,
  examples,
  GOOD,
  GOOD_FILES,
  longNamed,
  mockedPath,
  policy,
  policyPath,
  prototypeKeys,
} from './testing/hostileFiles.js';

const RUNS = Number(process.env.SFN_CONFORMANCE_ATTACK_RUNS ?? 150);
const root = fileURLToPath(new URL('..', import.meta.url));
const STACK_FRAME = /\n\s+at .+:\d+:\d+\)?$/m;

/** What a file may hold: valid JSON, broken in the ways files break, hostile in the ways they are. */
const contentArb: fc.Arbitrary<string | Buffer | typeof GOOD> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(GOOD) },
  { weight: 4, arbitrary: fc.constant(example) },
  fc.constantFrom(policy, '{}', '[]', 'null', '"text"', '42'),
  fc.nat({ max: example.length }).map((n) => example.slice(0, n)),
  fc.constant(`\uFEFF${example}`),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.integer({ min: 50, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  // Deep inside a shape the commands walk: a Pass state's Result.
  fc
    .integer({ min: 50, max: 3000 })
    .map(
      (n) =>
        `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'['.repeat(n)}${']'.repeat(n)},"End":true}}}`,
    ),
  fc.constant(
    JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: 'x'.repeat(1_100_000), End: true } },
    }),
  ),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify({ job: { outcome: 'Completed', polls: 1e9, durationSeconds: -1 } })),
  { weight: 3, arbitrary: fc.constantFrom(...prototypeKeys) },
);

/** Where the attacked path is: a file of its content, or something that is not a file. */
type PathKind = 'file' | 'missing' | 'directory' | 'devnull' | 'devzero' | 'urandom' | 'fifo';
const pathKindArb = fc.constantFrom<PathKind>(
  'file',
  'file',
  'file',
  'file',
  'missing',
  'directory',
  'devnull',
  'devzero',
  'urandom',
  'fifo',
);

const valueArb = fc.oneof(
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1',
    '2',
    '4294967296',
    '1e9',
    'NaN',
    'abc',
    ' ',
    '--',
    'us-east-1',
    'not a region',
    'Mars; 1',
  ),
  fc.constantFrom(
    '123456789012',
    'x'.repeat(300),
    'a/b',
    'git:--output=/tmp/x:y',
    '-rf',
    '@',
    '@missing.json',
    '\u001b[2J',
    'a\nb',
  ),
  fc.string({ maxLength: 12 }),
);

/** Options every command takes, and some it does not. */
const OPTIONS = [
  '--account',
  '--region',
  '--partition',
  '--format',
  '--seed',
  '--count',
  '--path',
  '--runs',
  '--suite',
  '--name',
  '--input',
  '--scenario',
  '--policy',
  '--definition',
  '--doc-revision',
  '--type',
  '--target',
  '--old',
  '--new',
  '--profile',
  '--request-timeout',
  '--execution-timeout',
  '--frob',
];

/**
 * Every file slot of every command: the command line with the attacked path `p` in that slot, the
 * other slots given good files, and any report written under `out` (outside the attack's folder).
 */
const SLOTS: Readonly<Record<string, Readonly<Record<string, (p: string, out: string) => string[]>>>> = {
  validate: { definition: (p) => ['validate', p] },
  policy: { definition: (p) => ['policy', p] },
  check: {
    definition: (p) => ['check', '--definition', p, '--policy', policyPath],
    policy: (p) => ['check', '--definition', examplePath, '--policy', p],
    input: (p) => ['check', '--definition', examplePath, '--policy', policyPath, '--input', `@${p}`],
  },
  exec: {
    definition: (p) => ['exec', p],
    policy: (p) => ['exec', examplePath, '--policy', p],
    input: (p) => ['exec', examplePath, '--input', `@${p}`],
    scenario: (p) => ['exec', examplePath, '--scenario', p],
    mock: (p) => ['exec', mockedPath, '--mock', p, '--mock-case', 'HappyPath'],
  },
  sample: { none: () => ['sample', '--count', '2'] },
  replay: { report: (p) => ['replay', p, 'caseid'] },
  regress: {
    old: (p) => ['regress', '--old', p, '--new', policyPath, '--runs', '2'],
    new: (p) => ['regress', '--old', policyPath, '--new', p, '--runs', '2'],
    definition: (p) => ['regress', '--old', policyPath, '--new', policyPath, '--definition', p],
  },
  run: {
    expect: (p, out) => ['run', '--runs', '2', '--suite', 'outcome', '--expect', p, '--report', out],
    // A plan for a named account calls nothing: the config file is read, the network never reached.
    config: (p) => [
      'run',
      '--target',
      'aws',
      '--config',
      p,
      '--plan',
      '--account',
      '123456789012',
      '--runs',
      '1',
    ],
  },
  merge: { report: (p, out) => ['merge', p, '--report', out] },
  sweep: { none: () => ['sweep'] },
  frob: { none: () => ['frob'] },
};

interface Attack {
  readonly command: string;
  readonly slot: string;
  readonly file: { readonly content: string | Buffer | typeof GOOD; readonly kind: PathKind };
  readonly options: readonly (readonly [string, string | undefined])[];
}

const attackArb: fc.Arbitrary<Attack> = fc.constantFrom(...Object.keys(SLOTS)).chain((command) =>
  fc.record({
    command: fc.constant(command),
    slot: fc.constantFrom(...Object.keys(SLOTS[command]!)),
    file: fc.record({ content: contentArb, kind: pathKindArb }),
    // Often none, so that the file reaches the command's work; else up to four, any of them wrong.
    options: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(fc.constantFrom(...OPTIONS), fc.option(valueArb, { nil: undefined })), {
          minLength: 1,
          maxLength: 4,
        }),
      },
    ),
  }),
);

/** Every file below a directory, with its size and time (what was written, what replaced); links not followed. */
function inventory(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      if (s.isDirectory()) walk(p);
      else out.set(p, `${s.size}:${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** How many entries a directory has (none when it is not there). */
function entries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/** The properties of the objects every object inherits from: an attack must leave them as they are. */
const shared = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');

/** What a command did, with the promises every outcome keeps checked. */
async function attempt(argv: readonly string[], label = JSON.stringify(argv)) {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  const line = `${label}: exit ${code}, stderr ${JSON.stringify(stderr.slice(0, 300))}`;
  expect([0, 1, 2], line).toContain(code);
  expect(stderr + stdout, line).not.toMatch(STACK_FRAME);
  if (code === 2) {
    expect(stderr.trimEnd().split('\n'), line).toHaveLength(1);
    expect(stderr, line).toMatch(/^sfn-conformance: /);
  }
  // No terminal escape reaches the terminal, whatever the input named.
  expect(stderr + stdout, line).not.toContain('\u001b');
  return { code, stdout, stderr, line, seconds: (Date.now() - started) / 1000 };
}

const base = mkdtempSync(join(tmpdir(), 'sfnc-attack-'));
const fifo = join(base, 'fifo');
const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
let n = 0;
/** Exit codes by command, to hold the attacks to reaching each command's work. */
const seen = new Map<string, number>();

describe('the command line, attacked', () => {
  it(`keeps its promises over ${RUNS} drawn attacks`, async () => {
    const reports = join(root, 'sfn-conformance-reports');
    const before = entries(reports);
    const inherited = shared();
    await fc.assert(
      fc.asyncProperty(attackArb, async (attack) => {
        const dir = join(base, String(++n));
        mkdirSync(dir);
        const given = join(dir, 'given.json');
        const content =
          attack.file.content === GOOD ? (GOOD_FILES[attack.slot] ?? example) : attack.file.content;
        writeFileSync(given, content);
        const kind = attack.file.kind === 'fifo' && !hasFifo ? 'devnull' : attack.file.kind;
        const path = {
          file: given,
          missing: join(dir, 'missing.json'),
          directory: dir,
          devnull: '/dev/null',
          devzero: '/dev/zero',
          urandom: '/dev/urandom',
          fifo,
        }[kind];
        const argv = SLOTS[attack.command]![attack.slot]!(path, join(base, `${n}-report`));
        for (const [option, value] of attack.options) {
          argv.push(option);
          if (value !== undefined) argv.push(value === '@' ? `@${path}` : value);
        }
        // Remote targets are out of reach here: no option may send the command to the network.
        for (let i = argv.indexOf('--target'); i >= 0; i = argv.indexOf('--target', i + 1))
          if (argv[i + 1] !== 'aws' || !argv.includes('--plan') || !argv.includes('--account'))
            argv.splice(i, 2);
        const files = inventory(dir);
        const result = await attempt(argv);
        seen.set(`${attack.command} ${result.code}`, (seen.get(`${attack.command} ${result.code}`) ?? 0) + 1);
        // No hang: the catastrophic patterns are bounded (seconds, not minutes).
        expect(result.seconds, `${result.line}: took ${result.seconds} s`).toBeLessThan(60);
        // Nothing of the user's replaced; nothing written beside it.
        const after = inventory(dir);
        for (const [p, stamp] of files) expect(after.get(p), `${result.line}: ${p} replaced`).toBe(stamp);
        expect(
          [...after.keys()].filter((p) => !files.has(p)),
          result.line,
        ).toEqual([]);
        // No file's keys reached the objects every object inherits from.
        expect(shared(), `${result.line}: a prototype was changed`).toBe(inherited);
        expect(({} as Record<string, unknown>).polluted, result.line).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
    const afterReports = entries(reports);
    expect(afterReports, 'a report written into the working directory').toBe(before);
    // The attacks reach the commands' work, not only their option parsing.
    for (const command of ['validate', 'policy', 'check', 'exec', 'sample'])
      expect(
        (seen.get(`${command} 0`) ?? 0) + (seen.get(`${command} 1`) ?? 0),
        `${command} never ran (${JSON.stringify([...seen])})`,
      ).toBeGreaterThan(0);
    for (const command of [
      'validate',
      'policy',
      'check',
      'exec',
      'sample',
      'replay',
      'regress',
      'run',
      'sweep',
      'frob',
    ])
      expect(seen.get(`${command} 2`) ?? 0, `${command} never refused an input`).toBeGreaterThan(0);
  });

  it('a definition whose path writes through a prototype fails as its Fail state says', async () => {
    const path = join(base, 'proto-path.json');
    writeFileSync(path, prototypeKeys[6]!);
    const result = await attempt(['exec', path]);
    expect(result.code, result.line).toBe(1);
    expect(result.stdout).toContain('status: FAILED');
  });
});

describe('runs started into one report directory at once', () => {
  it.each([1, 2, 3])(
    'round %i: one report, whole, of one seed; the other run refused in one line',
    async (round) => {
      const report = join(base, `race-${round}`);
      const seeds = [round * 10 + 1, round * 10 + 2];
      const results = await Promise.all(
        seeds.map((seed) =>
          attempt(['run', '--runs', '3', '--suite', 'outcome', '--seed', String(seed), '--report', report]),
        ),
      );
      expect(
        results.filter((r) => r.code !== 2).length,
        results.map((r) => r.line).join('\n'),
      ).toBeGreaterThan(0);
      const body = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { seed: number };
      expect(seeds).toContain(body.seed);
      const lines = readFileSync(join(report, 'cases.jsonl'), 'utf8').trim().split('\n');
      for (const l of lines)
        expect((JSON.parse(l) as { replay: { seed: number } }).replay.seed).toBe(body.seed);
    },
  );
});

describe('symbolic links in a report directory', () => {
  it('--overwrite never writes through one: the files they point to stay as they were', async () => {
    const report = join(base, 'linked');
    const outside = join(base, 'outside');
    mkdirSync(report);
    mkdirSync(outside);
    for (const name of ['report.json', 'report.md', 'report.html', 'junit.xml', 'cases.jsonl']) {
      writeFileSync(join(outside, name), `mine: ${name}\n`);
      symlinkSync(join(outside, name), join(report, name));
    }
    const before = inventory(outside);
    await attempt([
      'run',
      '--runs',
      '2',
      '--suite',
      'outcome',
      '--seed',
      '1',
      '--report',
      report,
      '--overwrite',
    ]);
    expect(inventory(outside)).toEqual(before);
    for (const name of readdirSync(outside))
      expect(readFileSync(join(outside, name), 'utf8')).toBe(`mine: ${name}\n`);
  });
});

const entry = join(root, 'cli', 'testing', 'entry.ts');

/** The command line as a child process, stopped after `seconds`: a hang is a failure, not a hung test. */
async function child(
  argv: readonly string[],
  seconds: number,
  onStdout?: (stream: NodeJS.ReadableStream & { destroy(): void }) => void,
) {
  const started = Date.now();
  const process_ = spawn(process.execPath, ['--import', 'tsx', entry, ...argv], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  process_.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (onStdout) onStdout(process_.stdout);
  else process_.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => process_.kill('SIGKILL'), seconds * 1000);
  const code = await new Promise<number | null>((resolve) => process_.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr, seconds: (Date.now() - started) / 1000 };
}

describe('catastrophic patterns', () => {
  const files = (name: string, content: string) => {
    const path = join(base, name);
    writeFileSync(path, content);
    return path;
  };
  const long = files('long-named.json', longNamed);
  const cases: [string, string[]][] = [
    ...catastrophicDefinitions.flatMap((d, i): [string, string[]][] => {
      const path = files(`catastrophic-${i}.json`, d);
      return [
        [`exec of JSONata ${i}`, ['exec', path]],
        [
          `check --input of JSONata ${i}`,
          ['check', '--definition', path, '--policy', policyPath, '--input', '{}'],
        ],
      ];
    }),
    ...catastrophicPolicies.flatMap((p, i): [string, string[]][] => {
      const path = files(`many-stars-${i}.json`, p);
      return [
        [`check of many stars ${i}`, ['check', '--definition', long, '--policy', path]],
        [`exec of many stars ${i}`, ['exec', long, '--policy', path]],
      ];
    }),
  ];
  it.each(cases)('%s: ends in time, exit 0, 1 or 2, no stack trace', async (_name, argv) => {
    const result = await child(argv, 60);
    expect(result.code, `${argv.join(' ')}: still running after ${result.seconds} s`).not.toBeNull();
    expect([0, 1, 2], result.stderr).toContain(result.code);
    expect(result.stderr + result.stdout).not.toMatch(STACK_FRAME);
    if (result.code === 2) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('a reader that closes the pipe', () => {
  it.each([
    ['sample', '--count', '400'],
    ['run', '--list-mutants'],
    ['exec', examplePath, '--history'],
    ['policy', join(examples, 'train-and-deploy.json'), '--explain'],
  ])("%s ...: no stack trace, no hang, an exit code of the promises (or SIGPIPE's 141)", async (...argv) => {
    // The reader takes the first bytes, then goes away (`| head -c 1`).
    const { code, stderr } = await child(argv, 120, (stdout) => stdout.once('data', () => stdout.destroy()));
    expect([0, 1, 2, 141], stderr).toContain(code);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/EPIPE/);
    if (code === 2) expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
