/**
 * `merge DIR... --report OUT`: one report from the reports of a run's shards (`run --shard i/n`),
 * with every file regenerated from the merged cases. Reports of different runs (seed, runs per
 * suite, suites, target, tool version, shard count) are refused, as is a shard given twice or a
 * shard whose files are not its run's (cli/shardCheck.ts). The merged report has no cases/s.
 */
import { closeSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CaseEntry, type Report, SCHEMA_VERSION } from '../../reports/report.js';
import { openForWriting, writeAll } from '../../reports/reporters/fileWrites.js';
import { reportDirFiles, ReportFiles } from '../../reports/reporters/reportFiles.js';
import { printSummary } from '../../reports/reporters/summary.js';
import { replayById } from '../../reports/replayCommand.js';
import { summarise, totalsOf } from '../../reports/tally.js';
import { REPORT_FORMATS } from '../../reports/writers/formats.js';
import { UsageError } from '../../contracts/usageError.js';
import { forEachCase } from '../casesFile.js';
import { takeReportDir } from '../files.js';
import { watchInterruption } from '../interruption.js';
import type { Io } from '../io.js';
import { readReportFile } from '../reportFile.js';
import { exitCodeOf, formatOf } from '../runSummary.js';
import { checkShard } from '../shardCheck.js';

/** `merge`'s options, as commander hands them over. */
export interface MergeRaw {
  report?: string;
  overwrite?: boolean;
  format?: string;
}

/** What must agree for reports to be shards of one run, and how a report says it. */
const RUN_IDENTITY: readonly [string, (r: Report) => unknown][] = [
  ['tool version', (r) => r.tool.version],
  ['seed', (r) => r.seed],
  ['runs per suite', (r) => r.runs],
  ['suites', (r) => r.suites.join(', ')],
  ['target', (r) => `${r.target.kind} ${r.target.description ?? ''} ${r.target.mutant ?? ''}`.trim()],
  ['region', (r) => r.target.region],
  ['shard count', (r) => r.shard?.count ?? 1],
];

/** The report.json of a directory (or the file itself). */
function reportPath(dirOrFile: string): string {
  const isDir = existsSync(dirOrFile) && statSync(dirOrFile).isDirectory();
  return isDir ? join(dirOrFile, 'report.json') : dirOrFile;
}

/** Where a case sits in the unsharded run: its suite's place, then its index. */
function order(report: Report): (a: CaseEntry, b: CaseEntry) => number {
  const index = (c: CaseEntry) => Number(c.replay.path.slice(c.replay.path.lastIndexOf(':') + 1));
  const suite = (c: CaseEntry) => report.suites.indexOf(c.suite);
  return (a, b) => suite(a) - suite(b) || index(a) - index(b);
}

/** The reports merged: the cases in the unsharded run's order, totals and figures recomputed. */
export function mergeReports(reports: readonly { path: string; report: Report }[], out: string): Report {
  const first = reports[0]!;
  for (const { path, report } of reports.slice(1))
    for (const [what, of] of RUN_IDENTITY)
      if (of(report) !== of(first.report))
        throw new UsageError(
          'mismatched-reports',
          `"${path}" is not a shard of the run of "${first.path}": its ${what} is ${JSON.stringify(of(report))}, not ${JSON.stringify(of(first.report))}`,
        );
  const seen = new Map<number, string>();
  for (const { path, report } of reports) {
    const index = report.shard?.index ?? 1;
    if (seen.has(index))
      throw new UsageError(
        'duplicate-shard',
        `"${path}" and "${seen.get(index)}" both hold shard ${index}/${report.shard?.count ?? 1}; give each shard once`,
      );
    seen.set(index, path);
  }
  const cases = reports
    .flatMap(({ report }) => report.cases.map((c) => relocated(c, out)))
    .sort(order(first.report));
  const r = first.report;
  const startedAt = reports.map((x) => x.report.startedAt).sort()[0]!;
  const ended = Math.max(...reports.map((x) => Date.parse(x.report.startedAt) + x.report.durationMs));
  const durationMs = ended - Date.parse(startedAt);
  const sum = (k: 'shrinkSteps' | 'shrinkExecutions') => reports.reduce((n, x) => n + x.report.stats[k], 0);
  const targetStats: Record<string, number> = {};
  for (const { report } of reports)
    for (const [k, v] of Object.entries(report.target.stats ?? {}))
      targetStats[k] =
        k === 'lowestConcurrency' ? Math.min(targetStats[k] ?? v, v) : (targetStats[k] ?? 0) + v;
  const count = r.shard?.count ?? 1;
  const { shard: _shard, ...rest } = r;
  return {
    ...rest,
    schemaVersion: SCHEMA_VERSION,
    target: { ...r.target, ...(r.target.stats ? { stats: targetStats } : {}) },
    startedAt,
    durationMs,
    totals: totalsOf(cases),
    ...(count > 1 ? { mergedShards: reports.length } : {}),
    ...(reports.some((x) => x.report.interrupted) ? { interrupted: true } : {}),
    // No rate: the shards ran apart (elsewhere, at other times), and no sum of theirs is the run's.
    stats: {
      maxInFlight: Math.max(...reports.map((x) => x.report.stats.maxInFlight)),
      shrinkSteps: sum('shrinkSteps'),
      shrinkExecutions: sum('shrinkExecutions'),
    },
    cases,
  };
}

/** A shrunk case's replay command names its shard's report: it now lives in the merged one. */
function relocated<C extends CaseEntry>(c: C, out: string): C {
  if (!c.shrunk?.replay) return c;
  const command = replayById(join(out, 'report.json'), c.shrunk.id);
  return { ...c, shrunk: { ...c.shrunk, replay: { command } } };
}

/**
 * Where each shard's whole cases are: its cases.jsonl beside its report.json, or the report itself
 * where it holds every case whole (schema version 1). Checked before anything is written.
 */
function casesOf(reports: readonly { path: string; report: Report }[]): (string | undefined)[] {
  return reports.map(({ path, report }) => {
    const jsonl = join(dirname(path), 'cases.jsonl');
    if (existsSync(jsonl)) return jsonl;
    const summarised = report.cases.filter((c) => c.predicted === undefined).length;
    if (summarised > 0)
      throw new UsageError(
        'missing-cases',
        `"${path}" has no cases.jsonl beside it, and its report summarises ${summarised} ${summarised === 1 ? 'case' : 'cases'}: give the shard's report directory as the run wrote it`,
      );
    return undefined;
  });
}

/**
 * The shards' cases, one after the other, each line a case's whole result (its shrunk case's
 * replay command relocated); a cases.jsonl is read in pieces, as it may be larger than memory.
 */
function writeMergedCases(
  reports: readonly { path: string; report: Report }[],
  sources: readonly (string | undefined)[],
  out: string,
): void {
  const file = join(out, 'cases.jsonl');
  const temporary = `${file}.${process.pid}.tmp`;
  let fd: number | undefined = openForWriting(temporary, 'replace');
  try {
    reports.forEach(({ report }, i) => {
      const jsonl = sources[i];
      const put = (c: CaseEntry) => writeAll(fd!, Buffer.from(`${JSON.stringify(relocated(c, out))}\n`));
      if (jsonl === undefined) report.cases.forEach(put);
      else forEachCase(jsonl, put);
    });
    const done = fd;
    fd = undefined;
    closeSync(done);
    renameSync(temporary, file);
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        // The first error is the one to tell.
      }
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** `merge DIR... --report OUT`: the shards' reports merged and written; returns the exit code. */
export function mergeCommand(dirs: readonly string[], raw: MergeRaw, io: Io): number {
  if (dirs.length === 0)
    throw new UsageError(
      'missing-argument',
      'merge needs the report directories of the shards, e.g. merge shard-1 shard-2 --report merged',
    );
  formatOf(raw.format);
  if (raw.report === undefined)
    throw new UsageError('missing-option', 'merge needs --report DIR: the directory for the merged report');
  const reports = dirs.map((d) => ({ path: reportPath(d), report: readReportFile(reportPath(d)) }));
  const merged = mergeReports(reports, raw.report);
  const sources = casesOf(reports);
  reports.forEach((r, i) => checkShard({ ...r, jsonl: sources[i] }));
  const lock = takeReportDir(raw.report, reportDirFiles(REPORT_FORMATS), raw.overwrite === true);
  // A signal waits until the files are whole: the merge is not cut between its files.
  const unwatch = watchInterruption(() => undefined);
  try {
    writeMergedCases(reports, sources, raw.report);
    const files = new ReportFiles(raw.report, REPORT_FORMATS);
    try {
      for (const c of merged.cases) files.add(c);
    } catch (e) {
      files.discard();
      throw e;
    }
    const summary = summarise(merged);
    files.finish(summary);
    const count = reports[0]!.report.shard?.count ?? 1;
    if (reports.length < count)
      io.stderr(`merged ${reports.length} of ${count} shards: the merged report holds only their cases\n`);
    printSummary(summary, raw.report, io, formatOf(raw.format));
    if (merged.interrupted) return 130;
    return exitCodeOf(summary);
  } finally {
    unwatch();
    lock.release();
  }
}
