import { integer } from '../values.js';
import { parseSeed } from '../seed.js';
import { API_NAMES, PATTERNS, isApi, type Api, type Pattern } from '../../catalog/api.js';
import { WRAPPERS, type Case } from '../../contracts/case.js';
import { withId } from '../../generators/invalidCase.js';
import { caseArb, generateCase, legalPairs, plain } from '../../generators/sampleCases.js';
import { featureCounts } from '../../generators/pipelineFeatures.js';
import { scenarioMix } from '../../generators/scenarioMix.js';
import { drawSuiteCase, isSuiteName, SUITE_NAMES, type SuiteName } from '../../suites/suites.js';
import { UsageError } from '../../contracts/usageError.js';
import type { Io } from '../io.js';
import { chosenFormat, SAMPLE_FORMATS } from '../options/report.js';

/** `sample`'s options, as commander hands them over. */
export interface SampleRaw {
  count?: string;
  seed?: string;
  path?: string;
  api?: string[];
  pattern?: string[];
  format?: string;
  includeInvalid?: boolean;
  stats?: boolean;
  suite?: string;
}

function stats(cases: Case[]): string {
  const lines: string[] = [];
  const count = (key: (c: Case) => string) => {
    const m = new Map<string, number>();
    for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const section = (title: string, rows: [string, number][]) => {
    lines.push(title);
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, n] of rows)
      lines.push(
        `  ${k.padEnd(width)}  ${String(n).padStart(6)}  ${((100 * n) / cases.length).toFixed(1).padStart(5)}%`,
      );
  };
  lines.push(`${cases.length} cases (${cases.filter((c) => c.validity.valid).length} valid)`);
  section(
    'api x pattern',
    count((c) => `${c.api} ${c.pattern}`),
  );
  section(
    'name mode x query language',
    count((c) => `${c.resourceMode} ${c.queryLanguage}`),
  );
  section(
    'api x pattern x name mode x query language',
    count((c) => `${c.api} ${c.pattern} ${c.resourceMode} ${c.queryLanguage}`),
  );
  section(
    'shape',
    count((c) => c.shape),
  );
  section(
    'wrappers (cases with each)',
    WRAPPERS.map((w): [string, number] => [w, cases.filter((c) => c.wrappers.includes(w)).length]).filter(
      ([, n]) => n > 0,
    ),
  );
  section(
    'policy variant',
    count((c) => c.policyVariant.kind),
  );
  // What makes the cases look like real pipelines (generators/pipelineFeatures.ts).
  for (const { section: title, rows } of featureCounts(cases)) {
    const base = rows[0]![2];
    if (base === 0) {
      lines.push(`${title}: no invalid cases drawn (add --include-invalid, or --suite validation)`);
      continue;
    }
    lines.push(`${title} (cases with each${base === cases.length ? '' : `, of ${base} invalid`})`);
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, n, base] of rows)
      lines.push(
        `  ${k.padEnd(width)}  ${String(n).padStart(6)}  ${(base === 0 ? 0 : (100 * n) / base).toFixed(1).padStart(5)}%`,
      );
  }
  // The world as the oracle's model runs it: what gets somewhere, what is cut short.
  const mix = scenarioMix(cases);
  const rows: [string, number, number, string][] = [
    ['injected create error', mix.createErrors, cases.length, 'of cases'],
    ['names in use (run again)', mix.namesInUse, cases.length, 'of cases'],
    ['outcome undecided by the oracle', mix.undecided, cases.length, 'of cases'],
    ['.sync cases (valid)', mix.syncCases, cases.length, 'of cases'],
    ['  with an abort', mix.aborts, mix.syncCases, 'of .sync'],
    ['  a denied best-effort Stop', mix.deniedStops, mix.syncCases, 'of .sync'],
    ...Object.entries(mix.firstJob).map(([end, n]): [string, number, number, string] => [
      `  first job ${end === 'none' ? 'not started' : end}`,
      n,
      mix.syncCases,
      'of .sync',
    ]),
    ['  first job reached its end', mix.jobsEnded, mix.syncCases, 'of .sync'],
    ["a quota of jobs at once (a Map's)", mix.jobQuotas, cases.length, 'of cases'],
    ['  a Create it refuses', mix.quotaMet, mix.jobQuotas, 'of quotas'],
    ['request mutations', mix.requestMutations, cases.length, 'of cases'],
    ['  reaching SageMaker validation', mix.validated, mix.requestMutations, 'of mutations'],
  ];
  lines.push('scenario mix (as the oracle runs the cases)');
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, n, base, of] of rows)
    lines.push(
      `  ${k.padEnd(width)}  ${String(n).padStart(6)}  ${(base === 0 ? 0 : (100 * n) / base).toFixed(1).padStart(5)}% ${of}`,
    );
  return `${lines.join('\n')}\n`;
}

/** `sfn-conformance sample`: prints generated cases (or, with --stats, their distribution). */
export function sampleCommand(raw: SampleRaw, io: Io): number {
  const count = integer(raw.count ?? '10', '--count', 1, 1_000_000);
  const format = chosenFormat(raw.format, SAMPLE_FORMATS);
  for (const a of raw.api ?? []) {
    if (!isApi(a)) throw new UsageError('bad-option', `--api "${a}" is not one of ${API_NAMES.join(', ')}`);
  }
  for (const p of raw.pattern ?? []) {
    if (!(PATTERNS as readonly string[]).includes(p))
      throw new UsageError('bad-option', `--pattern "${p}" is not one of ${PATTERNS.join(', ')}`);
  }
  const apis = raw.api as Api[] | undefined;
  const patterns = raw.pattern as Pattern[] | undefined;
  if (legalPairs(apis ?? API_NAMES, patterns).length === 0) {
    throw new UsageError(
      'bad-option',
      'no legal (api, pattern) pair matches --api and --pattern (.sync exists only for the five job APIs; .waitForTaskToken for none)',
    );
  }
  if (raw.suite !== undefined) {
    if (!isSuiteName(raw.suite))
      throw new UsageError('bad-option', `--suite "${raw.suite}" is unknown; use ${SUITE_NAMES.join(', ')}`);
    if (apis || patterns || raw.includeInvalid)
      throw new UsageError(
        'bad-option',
        "--suite draws the suite's own cases: leave out --api, --pattern and --include-invalid",
      );
  }
  const seed = parseSeed(raw.seed, io);
  if (raw.suite !== undefined) {
    const suite = raw.suite as SuiteName;
    const draw = (i: number) =>
      withId(plain(drawSuiteCase(suite, seed, i).value), { seed, path: `${suite}:${i}` });
    return printCases(raw, format, count, io, draw);
  }
  const arb = caseArb({
    ...(apis ? { apis } : {}),
    ...(patterns ? { patterns } : {}),
    includeInvalid: raw.includeInvalid ?? false,
  });
  return printCases(raw, format, count, io, (i) => generateCase(arb, seed, i));
}

function printCases(
  raw: SampleRaw,
  format: string,
  count: number,
  io: Io,
  draw: (i: number) => Case,
): number {
  if (raw.path !== undefined) {
    const index = integer(raw.path, '--path', 0, 1_000_000_000);
    io.stdout(`${JSON.stringify(draw(index), null, format === 'json' ? 2 : undefined)}\n`);
    return 0;
  }
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const c = draw(i);
    if (raw.stats || format === 'json') cases.push(c);
    else io.stdout(`${JSON.stringify(c)}\n`);
  }
  if (raw.stats) io.stdout(stats(cases));
  else if (format === 'json') io.stdout(`${JSON.stringify(cases, null, 2)}\n`);
  return 0;
}
