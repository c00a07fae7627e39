/**
 * `npm run bench -- --versus REF`: `run`'s cases per second on the built-in emulator, this
 * checkout against the git revision REF, measured in one run and interleaved (REF, this, REF,
 * this, ...), so that the ratio is taken under the same load. REF is checked out into a temporary
 * worktree that borrows this checkout's node_modules (or installs its own, where REF's lock file
 * differs) and is built with its TypeScript; the worktree
 * is removed at the end. Each round runs `sfn-conformance run --runs R --seed S --shrink-budget 0`
 * as a child process and reads `casesPerSecond` from the report it writes (and times the whole
 * process, spawn to exit, for its cases per second start-up and reports included); then the start-up of
 * `--version` and of `policy examples/training-job.json` on each side (milliseconds to exit).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withRefCheckout } from './refCheckout.js';

export interface VersusFigures {
  readonly ref: string;
  readonly runs: number;
  readonly rounds: number;
  /** Median cases per second of each side. */
  readonly refCasesPerSecond: number;
  readonly headCasesPerSecond: number;
  /** head / ref: above 1, this checkout is faster. */
  readonly ratio: number;
  readonly samples: { readonly ref: number[]; readonly head: number[] };
  /** Cases per second from spawn to exit (start-up and reports included), median of each side. */
  readonly wholeProcess: {
    readonly refCasesPerSecond: number;
    readonly headCasesPerSecond: number;
    readonly ratio: number;
    readonly samples: { readonly ref: number[]; readonly head: number[] };
  };
  /** Start-up: milliseconds of a command that does little (median of each side, head / ref). */
  readonly startup: readonly {
    readonly command: string;
    readonly refMs: number;
    readonly headMs: number;
    readonly ratio: number;
  }[];
}

/** The commands whose start-up is measured: they load what `main` loads, and little else. */
const STARTUP_COMMANDS: readonly (readonly string[])[] = [
  ['--version'],
  ['policy', 'examples/training-job.json', '--account', '123456789012'],
];

/** Milliseconds one command takes, start to exit, as a child process. */
function startupMs(root: string, args: readonly string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'bin', 'sfn-conformance.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

let reports = 0;

/** The run's own rate (its report's `casesPerSecond`) and the whole process's (spawn to exit). */
function casesPerSecond(root: string, runs: number, seed: number, dir: string): Rates {
  const report = join(dir, `r-${++reports}`);
  const started = process.hrtime.bigint();
  execFileSync(
    process.execPath,
    [
      join(root, 'bin', 'sfn-conformance.js'),
      'run',
      '--runs',
      String(runs),
      '--seed',
      String(seed),
      '--shrink-budget',
      '0',
      '--report',
      report,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const body = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as {
    stats: { casesPerSecond: number };
    totals: { cases: number };
  };
  rmSync(report, { recursive: true, force: true });
  return { run: body.stats.casesPerSecond, wholeProcess: +(body.totals.cases / seconds).toFixed(1) };
}

interface Rates {
  readonly run: number;
  readonly wholeProcess: number;
}

export async function benchVersus(ref: string, runs = 300, rounds = 5, seed = 1): Promise<VersusFigures> {
  const head = resolve('.');
  return withRefCheckout(ref, (worktree, dir) => {
    const samples = { ref: [] as number[], head: [] as number[] };
    const whole = { ref: [] as number[], head: [] as number[] };
    casesPerSecond(worktree, runs, seed, dir); // warm-up of the disk cache, both sides
    casesPerSecond(head, runs, seed, dir);
    for (let i = 0; i < rounds; i++) {
      const [r, h] = [casesPerSecond(worktree, runs, seed, dir), casesPerSecond(head, runs, seed, dir)];
      samples.ref.push(r.run);
      samples.head.push(h.run);
      whole.ref.push(r.wholeProcess);
      whole.head.push(h.wholeProcess);
    }
    const refRate = median(samples.ref);
    const headRate = median(samples.head);
    const startup = STARTUP_COMMANDS.map((args) => {
      const times = { ref: [] as number[], head: [] as number[] };
      for (let i = 0; i < rounds * 2; i++) {
        times.ref.push(startupMs(worktree, args));
        times.head.push(startupMs(head, args));
      }
      const [refMs, headMs] = [median(times.ref), median(times.head)];
      return {
        command: args.join(' '),
        refMs: Math.round(refMs),
        headMs: Math.round(headMs),
        ratio: +(headMs / refMs).toFixed(2),
      };
    });
    return {
      ref,
      runs,
      rounds,
      refCasesPerSecond: refRate,
      headCasesPerSecond: headRate,
      ratio: +(headRate / refRate).toFixed(2),
      samples,
      wholeProcess: {
        refCasesPerSecond: median(whole.ref),
        headCasesPerSecond: median(whole.head),
        ratio: +(median(whole.head) / median(whole.ref)).toFixed(2),
        samples: whole,
      },
      startup,
    };
  });
}
