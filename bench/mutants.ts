/**
 * `npm run bench -- --mutants`: the mutation table. For every emulator mutant, the suites of
 * `run --runs R --seed S` (default 200, 1) that catch it (divergent cases, no shrinking) and the
 * causes its divergences are grouped in (reports/groups.ts: one bug, ideally one group), then the
 * first divergent case of the suite that catches it most, shrunk with run's default budget (200):
 * its size before and after (states in the definition, bytes of definition and input), and the
 * medians over the mutants.
 */
import { MUTANTS, type MutantName } from '../emulator/mutants/index.js';
import { groupByCause } from '../reports/groups.js';
import { runIndexedCase } from '../suites/caseRun.js';
import { runSuites } from '../suites/runner.js';
import { drawSuiteCase, SUITE_NAMES, type SuiteName } from '../suites/suites.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';
import { isObject } from '../syntax/json.js';
import { walkStates } from '../syntax/stateTree.js';

export interface MutantRow {
  readonly mutant: MutantName;
  /** Divergent cases per suite. */
  readonly caughtBy: Partial<Record<SuiteName, number>>;
  /** The cause groups of its divergences, as the report shows them (`rule | answer`). */
  readonly causes: readonly string[];
  readonly shrunk?: {
    readonly suite: SuiteName;
    readonly index: number;
    readonly steps: number;
    readonly states: [before: number, after: number];
    readonly bytes: [before: number, after: number];
    readonly paths: readonly string[];
  };
}

/** States of a definition, nested ones included. */
export function countStates(definition: unknown): number {
  let count = 0;
  if (isObject(definition)) walkStates(definition, () => void count++);
  return count;
}

const size = (c: { definition?: unknown; input?: unknown }): number =>
  JSON.stringify(c.definition ?? {}).length + JSON.stringify(c.input ?? {}).length;

export async function benchMutants(runs = 200, seed = 1, budget = 200): Promise<MutantRow[]> {
  const rows: MutantRow[] = [];
  for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
    const target = new EmbeddedTarget([mutant]);
    const base = {
      target,
      runs,
      seed,
      concurrency: 4,
      targetArgs: '',
      region: 'us-east-1',
      version: 'bench',
    };
    const report = await runSuites({ ...base, suites: SUITE_NAMES, shrinkBudget: 0 });
    const caughtBy: Partial<Record<SuiteName, number>> = {};
    for (const c of report.cases)
      if (c.verdict === 'diverged')
        caughtBy[c.suite as SuiteName] = (caughtBy[c.suite as SuiteName] ?? 0) + 1;
    const causes = groupByCause(report.cases.filter((c) => c.verdict === 'diverged')).map((g) => g.key);
    const best = (Object.entries(caughtBy) as [SuiteName, number][]).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!best) {
      rows.push({ mutant, caughtBy, causes });
      continue;
    }
    const first = report.cases.find((c) => c.suite === best && c.verdict === 'diverged')!;
    const index = Number(first.replay.path.split(':')[1]);
    const result = await runIndexedCase({ target, seed, shrinkBudget: budget, targetArgs: '' }, best, index);
    const drawnCase = drawSuiteCase(best, seed, index).value;
    const shrunkCase = (result.shrunk?.case ?? drawnCase) as { definition?: unknown; input?: unknown };
    rows.push({
      mutant,
      caughtBy,
      causes,
      shrunk: {
        suite: best,
        index,
        steps: result.shrunk?.steps ?? 0,
        states: [countStates(drawnCase.definition), countStates(shrunkCase.definition)],
        bytes: [size(drawnCase), size(shrunkCase)],
        paths: [...new Set((result.shrunk?.differences ?? result.differences).map((d) => d.path))],
      },
    });
  }
  return rows;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

export function mutantTable(rows: readonly MutantRow[]): string {
  const lines = [
    '| mutant | caught by (divergent cases of 200) | causes | shrunk: suite:case, steps | states | bytes | differences |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const caught = Object.entries(r.caughtBy)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ');
    const s = r.shrunk;
    lines.push(
      s
        ? `| ${r.mutant} | ${caught} | ${r.causes.length} | ${s.suite}:${s.index}, ${s.steps} | ${s.states[0]} → ${s.states[1]} | ${s.bytes[0]} → ${s.bytes[1]} | ${s.paths.join(', ')} |`
        : `| ${r.mutant} | not caught | | | | | |`,
    );
  }
  const shrunk = rows.flatMap((r) => (r.shrunk ? [r.shrunk] : []));
  const caught = rows.filter((r) => r.causes.length > 0);
  const groups = caught.map((r) => r.causes.length);
  lines.push(
    '',
    `${rows.filter((r) => r.shrunk).length} of ${rows.length} mutants caught. Median size of the first divergent case: ` +
      `${median(shrunk.map((s) => s.states[0]))} states, ${median(shrunk.map((s) => s.bytes[0]))} bytes; shrunk: ` +
      `${median(shrunk.map((s) => s.states[1]))} states, ${median(shrunk.map((s) => s.bytes[1]))} bytes.`,
    `Causes per mutant: ${groups.filter((n) => n === 1).length} of ${caught.length} give one group, ` +
      `${groups.filter((n) => n === 2).length} two, ${groups.filter((n) => n >= 3).length} three or more ` +
      `(mean ${(groups.reduce((a, b) => a + b, 0) / Math.max(caught.length, 1)).toFixed(2)}).`,
  );
  return lines.join('\n');
}
