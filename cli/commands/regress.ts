import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { caseArb, generateCase } from '../../generators/sampleCases.js';
import type { NormalizedPolicy, PolicyDocument } from '../../iam/policy.js';
import { collectCalls, regress, type CallSource } from '../../reports/regression/regress.js';
import { RegressionReportSchema, type RegressionReport } from '../../reports/regression/report.js';
import { regressionJunit, regressionMarkdown } from '../../reports/regression/writers.js';
import { DEFAULT_REGION } from '../../oracles/options.js';
import { verifyChanges, type VerifySource } from '../../suites/regressionVerify.js';
import { UsageError } from '../../contracts/usageError.js';
import { checkedPolicy } from '../policyFile.js';
import { prepareReportDir } from '../files.js';
import { writeWhole } from '../../reports/reporters/fileWrites.js';
import { integer } from '../values.js';
import { DATA_KEYS, parseJsonText, readJsonFile, type Io } from '../io.js';
import { readDefinition, toPredictionOptions, type RawPredictionOptions } from '../predictionOptions.js';
import { seedLine, seedOf } from '../seed.js';
import { chosenFormat, REGRESS_FORMATS } from '../options/report.js';

/** `regress`'s options, as commander hands them over. */
export interface RegressRaw extends RawPredictionOptions {
  old: string;
  new: string;
  definition?: string[];
  runs?: string;
  seed?: string;
  verify?: string;
  report?: string;
  overwrite?: boolean;
  format?: string;
}

/** A policy from a file, or from git: `git:<ref>:<path>` (read with `git show` in the current repository). */
export function readPolicySource(
  spec: string,
  role: 'old' | 'new',
): { doc: PolicyDocument; policy: NormalizedPolicy } {
  let raw: unknown;
  if (spec.startsWith('git:')) {
    const rest = spec.slice(4);
    const colon = rest.indexOf(':');
    if (colon <= 0 || colon === rest.length - 1)
      throw new UsageError(
        'bad-option',
        `--${role} "${spec}" must be git:<ref>:<path>, e.g. git:origin/main:policies/role.json`,
      );
    const [ref, path] = [rest.slice(0, colon), rest.slice(colon + 1)];
    // A ref or path that starts with '-' would be read by git as an option (`--output=FILE`).
    if (ref.startsWith('-') || path.startsWith('-'))
      throw new UsageError(
        'bad-option',
        `--${role} "${spec}": a git ref or path cannot start with "-"; name a branch, tag or commit, e.g. git:origin/main:policies/role.json`,
      );
    let text: string;
    try {
      // Options end before the object, whatever it says.
      text = execFileSync('git', ['show', '--end-of-options', `${ref}:${path}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new UsageError(
          'unreadable-file',
          `cannot read --${role} ${spec}: git is not installed (no "git" on the PATH); install git, or give the policy as a file (git show ${ref}:${path} > old.json)`,
        );
      const stderr = String((e as { stderr?: unknown }).stderr ?? '')
        .trim()
        .split('\n')[0];
      throw new UsageError(
        'unreadable-file',
        `cannot read --${role} ${spec}: ${stderr || 'git show failed'}; check the ref and the path`,
      );
    }
    raw = parseJsonText(text, `--${role} ${spec}`, DATA_KEYS);
  } else {
    raw = readJsonFile(spec, `--${role} policy file`, DATA_KEYS);
  }
  return checkedPolicy(raw, `--${role} ${spec}`);
}

/** `regress`: what a policy change breaks and widens, verified on a target if asked; returns the exit code. */
export async function regressCommand(raw: RegressRaw, io: Io, version: string): Promise<number> {
  const format = chosenFormat(raw.format, REGRESS_FORMATS);
  if (raw.verify !== undefined && raw.verify !== 'embedded') {
    if (raw.verify === 'aws' || raw.verify === 'endpoint')
      throw new UsageError(
        'unavailable-target',
        `--verify ${raw.verify} is not available in this version; use --verify embedded`,
      );
    throw new UsageError('bad-option', `--verify "${raw.verify}" is unknown; use embedded, aws or endpoint`);
  }
  // The report's place is checked before any work: a run that cannot write its report does not run.
  const reportFiles = ['report.json', 'report.md', 'junit.xml'];
  if (raw.report !== undefined) prepareReportDir(raw.report, reportFiles, raw.overwrite === true);
  const old = readPolicySource(raw.old, 'old');
  const neu = readPolicySource(raw.new, 'new');
  // Every option is checked before anything is said of them (a warning, a drawn seed).
  const runs = integer(raw.runs ?? '100', '--runs', 1, 100_000);
  const { seed, drawn } = seedOf(raw.seed);
  // Every file is read before anything is said (a warning, a drawn seed).
  const definitions = (raw.definition ?? []).map((path) => ({ path, ...readDefinition(path) }));
  const options = toPredictionOptions(raw, undefined, io);
  const sources: CallSource[] = [];
  const verifySources = new Map<string, VerifySource>();
  let generated: { runs: number; seed: number } | undefined;
  if (definitions.length > 0) {
    for (const { path, definition } of definitions) {
      sources.push({ name: path, definition });
      verifySources.set(path, { definition, input: {}, execCommand: `npx sfn-conformance exec ${path}` });
    }
  } else {
    if (drawn) io.stderr(seedLine(seed));
    generated = { runs, seed };
    const arb = caseArb({});
    for (let i = 0; i < runs; i++) {
      const c = generateCase(arb, seed, i);
      const name = `generated:${seed}:${i}`;
      sources.push({ name, definition: c.definition });
      verifySources.set(name, { definition: c.definition, input: c.input });
    }
  }
  const { calls, problems } = collectCalls(sources, options);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new UsageError('rejected-definition', `${p.source}: ${p.problem.pointer}: ${p.problem.message}`);
  }
  const result = regress(calls, [old.policy], [neu.policy]);
  const verification = raw.verify
    ? await verifyChanges(result.newlyDenied, verifySources, old.doc, neu.doc, `--policy ${raw.new}`, {
        region: options.region ?? DEFAULT_REGION[options.partition ?? 'aws'],
        account: options.account,
      })
    : undefined;
  const report: RegressionReport = RegressionReportSchema.parse({
    schemaVersion: 1,
    kind: 'policy-regression',
    tool: { name: 'sfn-sagemaker-conformance', version },
    old: raw.old,
    new: raw.new,
    sources: sources.map((s) => s.name),
    ...(generated ? { generated } : {}),
    options: {
      ...(options.region ? { region: options.region } : {}),
      account: options.account,
      docRevision: options.docRevision,
    },
    totals: {
      calls: calls.filter((c) => !c.probe).length,
      newlyDenied: result.newlyDenied.length,
      newlyDeniedRequired: result.newlyDenied.filter((c) => c.call.level === 'required').length,
      newlyAllowed: result.newlyAllowed.length,
      unchanged: result.unchanged,
    },
    breaking: result.breaking,
    newlyDenied: result.newlyDenied,
    newlyAllowed: result.newlyAllowed,
    ...(verification ? { verification } : {}),
  });
  if (raw.report !== undefined) {
    const content = [
      `${JSON.stringify(report, null, 2)}\n`,
      regressionMarkdown(report),
      regressionJunit(report),
    ];
    reportFiles.forEach((name, i) => writeWhole(join(raw.report!, name), content[i]!));
  }
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(regressionMarkdown(report));
  else {
    const t = report.totals;
    io.stdout(
      `${report.breaking ? 'BREAKING' : 'not breaking'}: ${t.newlyDeniedRequired} required call(s) newly denied, ${t.newlyDenied - t.newlyDeniedRequired} degrading, ${t.newlyAllowed} widening(s), ${t.unchanged} unchanged (${t.calls} calls)\n`,
    );
    for (const c of report.newlyDenied)
      io.stdout(
        `  newly denied (${c.call.level}) ${c.call.state}: ${c.call.action} on ${c.call.resource}\n    why: ${c.why}\n    consequence: ${c.consequence ?? ''}\n`,
      );
    for (const c of report.newlyAllowed)
      io.stdout(
        `  newly allowed ${c.call.state}: ${c.call.action}${c.call.probe ? ` (${c.call.probe})` : ` on ${c.call.resource}`}${c.flags.length ? ` [${c.flags.join('; ')}]` : ''}\n`,
      );
    for (const v of report.verification ?? [])
      io.stdout(
        `  verified ${v.state} ${v.action} (${v.scenario}): predicted ${v.predicted.old} -> ${v.predicted.new}, observed ${v.observed.old} -> ${v.observed.new}: ${v.verdict}\n`,
      );
  }
  return report.breaking ? 1 : 0;
}
