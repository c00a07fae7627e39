/**
 * `npm run bench -- --findings REF`: whether a change of the AWS target left its findings as they
 * were. For seeds 1, 2 and 3, REF (built in a temporary worktree, bench/refCheckout.ts) and this
 * checkout each run `run --target endpoint` against a fresh `serve` of their own with an emulator
 * mutant behind it (so that cases diverge and are shrunk); the two runs' cases.jsonl are compared
 * case by case after `comparableCase` has put aside what differs from run to run by design: run
 * ids and the names made from them, times, request ids, ports and report paths.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withRefCheckout } from './refCheckout.js';
import { endpointRun } from './runProcess.js';
import { startServe } from './serve.js';

/** What the comparison found for one seed. */
export interface SeedFindings {
  readonly seed: number;
  readonly cases: number;
  /** Cases whose comparable form differs between the two runs, by id (at most 10 listed). */
  readonly differing: number;
  readonly examples: readonly string[];
  /** Verdict counts of each side. */
  readonly ref: Record<string, number>;
  readonly head: Record<string, number>;
}

/**
 * A case line of cases.jsonl with what differs between runs by design put aside: run ids (and
 * the `sfnc-<run id>-<n>` names), times and dates, epoch milliseconds, durations, request ids,
 * loopback ports and report paths.
 */
export function comparableCase(line: string, runIds: readonly string[]): string {
  let text = line;
  for (const id of runIds) if (id !== '') text = text.split(id).join('RUN');
  return text
    .replace(/sfnc-RUN-\d+/g, 'NAME')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
    .replace(/(Time|Date)(\\?"):\d+(\.\d+)?/g, '$1$2:T')
    .replace(/"(durationMs|startEpochMs|durationSeconds)":[\d.]+/g, '"$1":0')
    .replace(/Request ID: [0-9a-f-]+/g, 'Request ID: R')
    .replace(/127\.0\.0\.1:\d+/g, 'HOST')
    .replace(/[^ "]*\/report\.json/g, 'REPORT');
}

/** Runs one side against a fresh serve of its own; resolves with its report directory's cases and run id. */
async function side(root: string, seed: number, runs: number, dir: string, mutant: string) {
  const bin = join(root, 'bin', 'sfn-conformance.js');
  const server = await startServe(['--emulator-mutant', mutant], bin);
  try {
    const report = join(dir, `report-${seed}`);
    await endpointRun(bin, server.url, report, [
      '--runs',
      String(runs),
      '--seed',
      String(seed),
      '--concurrency',
      '8',
      '--overwrite',
    ]);
    const lines = readFileSync(join(report, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean);
    // The run id, as the tag every SageMaker request carries shows it (or a name made from it).
    const all = lines.join('\n');
    const runId = /run-id\\?":\\?"([0-9a-z]+)/.exec(all)?.[1] ?? /sfnc-([0-9a-z]+)-\d+/.exec(all)?.[1] ?? '';
    return { lines, runId };
  } finally {
    server.stop();
  }
}

/** The verdicts of a run's cases, counted. */
function verdicts(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const { verdict } = JSON.parse(line) as { verdict: string };
    counts[verdict] = (counts[verdict] ?? 0) + 1;
  }
  return counts;
}

/** Seeds 1 to 3, REF against this checkout. */
export async function benchSameFindings(
  ref: string,
  runs = 40,
  mutant = 'resultselector-ignored',
): Promise<SeedFindings[]> {
  const head = resolve('.');
  return withRefCheckout(ref, async (root, dir) => {
    const out: SeedFindings[] = [];
    for (const seed of [1, 2, 3]) {
      const before = await side(root, seed, runs, join(dir, 'ref'), mutant);
      const after = await side(head, seed, runs, join(dir, 'head'), mutant);
      const ids = [before.runId, after.runId];
      const byId = (lines: readonly string[]) =>
        new Map(lines.map((line) => [(JSON.parse(line) as { id: string }).id, comparableCase(line, ids)]));
      const [a, b] = [byId(before.lines), byId(after.lines)];
      const differing = [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id));
      out.push({
        seed,
        cases: a.size,
        differing: differing.length,
        examples: differing.slice(0, 10),
        ref: verdicts(before.lines),
        head: verdicts(after.lines),
      });
    }
    return out;
  });
}

/** One line per seed. */
export function formatSameFindings(ref: string, rows: readonly SeedFindings[]): string[] {
  return rows.map(
    (r) =>
      `seed ${r.seed}: ${r.cases} cases, ${r.differing} differ from ${ref} (apart from run ids, names, times, request ids, ports)${r.differing ? `: ${r.examples.join(', ')}` : ''}; verdicts ${ref} ${JSON.stringify(r.ref)}, this checkout ${JSON.stringify(r.head)}`,
  );
}
