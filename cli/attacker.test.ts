/**
 * The command line as an attacker tries it: fast-check draws malformed files (truncated, wrong
 * types, huge, deep, binary, a BOM), option vectors (unknown, out of range, repeated, missing
 * values) and paths (missing, directories, special files) for every command, runs the command in
 * process and holds it to the README's promises: exit 0, 1 or 2; on 2 exactly one stderr line;
 * never a stack frame; nothing written but into the report directory it was given; no file the
 * user had replaced. `SFN_CONFORMANCE_ATTACK_RUNS` sets the number of runs (npm test: 150;
 * `npm run test:attack`: 1,000).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';

const RUNS = Number(process.env.SFN_CONFORMANCE_ATTACK_RUNS ?? 150);
const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(join(root, 'examples', 'training-job.json'), 'utf8');
const policyPath = join(root, 'examples', 'training-policy-legacy.json');
const policy = readFileSync(policyPath, 'utf8');

/** What a file may hold: valid JSON, broken in the ways files break. */
const contentArb: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(example) },
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
);

type PathKind = 'file' | 'missing' | 'directory' | 'special';
const pathKindArb = fc.constantFrom<PathKind>('file', 'file', 'file', 'missing', 'directory', 'special');

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
  ),
  fc.constantFrom(
    '123456789012',
    'x'.repeat(300),
    'a/b',
    'git:--output=/tmp/x:y',
    '-rf',
    '@',
    '@missing.json',
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
  '--frob',
];

interface Attack {
  readonly command: string;
  readonly file: { readonly content: string | Buffer; readonly kind: PathKind };
  readonly options: readonly (readonly [string, string | undefined])[];
}

const attackArb: fc.Arbitrary<Attack> = fc.record({
  command: fc.constantFrom(
    'validate',
    'policy',
    'check',
    'exec',
    'sample',
    'replay',
    'regress',
    'sweep',
    'frob',
  ),
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
});

/** Every file below a directory, with its size and time (what was written, what replaced). */
function inventory(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
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

const base = mkdtempSync(join(tmpdir(), 'sfnc-attack-'));
let n = 0;
/** Exit codes by command, to hold the attacks to reaching each command's work. */
const seen = new Map<string, number>();

describe('the command line, attacked', () => {
  it(`keeps its promises over ${RUNS} drawn attacks`, async () => {
    const reports = join(root, 'sfn-conformance-reports');
    const before = entries(reports);
    await fc.assert(
      fc.asyncProperty(attackArb, async (attack) => {
        const dir = join(base, String(++n));
        mkdirSync(dir);
        const given = join(dir, 'given.json');
        writeFileSync(given, attack.file.content);
        const path =
          attack.file.kind === 'file'
            ? given
            : attack.file.kind === 'missing'
              ? join(dir, 'missing.json')
              : attack.file.kind === 'directory'
                ? dir
                : '/dev/null';
        const argv: string[] = [attack.command];
        if (['validate', 'policy', 'exec'].includes(attack.command)) argv.push(path);
        if (attack.command === 'check') argv.push('--definition', path, '--policy', policyPath);
        if (attack.command === 'replay') argv.push(path, 'caseid');
        if (attack.command === 'regress') argv.push('--old', policyPath, '--new', path, '--runs', '2');
        for (const [option, value] of attack.options) {
          argv.push(option);
          if (value !== undefined) argv.push(value === '@' ? `@${path}` : value);
        }
        // Remote targets are out of reach here: no option may send the command to the network.
        if (argv.includes('--target')) argv.splice(argv.indexOf('--target'), 2);
        const files = inventory(dir);
        let stdout = '';
        let stderr = '';
        const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
        const line = `${JSON.stringify(argv)}: exit ${code}, stderr ${JSON.stringify(stderr.slice(0, 300))}`;
        seen.set(`${attack.command} ${code}`, (seen.get(`${attack.command} ${code}`) ?? 0) + 1);
        expect([0, 1, 2], line).toContain(code);
        expect(stderr + stdout, line).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
        if (code === 2) {
          expect(
            stderr
              .trimEnd()
              .split('\n')
              .filter((l) => !l.startsWith('seed: ')),
            line,
          ).toHaveLength(1);
          expect(stderr, line).toMatch(/^(seed: .*\n)?sfn-conformance: /);
        }
        // Nothing of the user's replaced; nothing written beside it.
        const after = inventory(dir);
        for (const [p, stamp] of files) expect(after.get(p), `${line}: ${p} replaced`).toBe(stamp);
        expect(
          [...after.keys()].filter((p) => !files.has(p)),
          line,
        ).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
    const afterReports = entries(reports);
    expect(afterReports, 'a report written into the working directory').toBe(before);
    // The attacks reach the commands' work, not only their option parsing.
    for (const command of ['validate', 'policy', 'check', 'exec', 'sample'])
      expect(
        (seen.get(`${command} 0`) ?? 0) + (seen.get(`${command} 1`) ?? 0),
        `${command} never ran`,
      ).toBeGreaterThan(0);
    for (const command of [
      'validate',
      'policy',
      'check',
      'exec',
      'sample',
      'replay',
      'regress',
      'sweep',
      'frob',
    ])
      expect(seen.get(`${command} 2`) ?? 0, `${command} never refused an input`).toBeGreaterThan(0);
  });
});
