/**
 * The runner: every suite on the built-in emulator, streamed results in order, targets that show
 * no calls, worker threads, shrinking on a slow target, and the docs' mutant table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../emulator/mutants/index.js';
import { type CaseResult, ReportSchema } from '../reports/report.js';
import { progressReporter } from '../reports/reporters/progress.js';
import { ManualClock } from '../reports/testing/manualClock.js';
import { casesPerSecond, REORDER_WINDOW, type RunOptions, runSuites, streamSuites } from './runner.js';
import { SUITE_NAMES, type SuiteName } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';
import { runOnEmulator } from './testing/runOnEmulator.js';
import type { Observation } from '../contracts/observation.js';
import type { Target } from '../contracts/target.js';
import type { Case } from '../contracts/case.js';

const run = runOnEmulator;

describe('run on the built-in emulator', () => {
  it('every suite matches the oracles, the report fits its schema, concurrency is bounded', async () => {
    const report = await run({ runs: 60, seed: 11, suites: SUITE_NAMES, concurrency: 3 });
    expect(report.totals).toMatchObject({ cases: 300, diverged: 0, errored: 0 });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.stats.maxInFlight).toBe(3);
    expect(new Set(report.cases.map((c) => c.suite))).toEqual(new Set(SUITE_NAMES));
  });

  it('is deterministic: the same seed gives the same cases and verdicts', async () => {
    const [a, b] = await Promise.all([
      run({ runs: 20, seed: 5, suites: ['outcome'] }),
      run({ runs: 20, seed: 5, suites: ['outcome'], concurrency: 1 }),
    ]);
    expect(a.cases.map((c) => `${c.id} ${c.verdict}`)).toEqual(b.cases.map((c) => `${c.id} ${c.verdict}`));
  });
});

/** The emulator, each case's answer held back a while that does not follow the cases' order. */
class JitteryTarget implements Target {
  readonly kind = 'embedded';
  readonly description = 'the emulator, late by turns';
  readonly capabilities = { seesCalls: true, scenarios: true };
  private readonly inner = new EmbeddedTarget();
  private n = 0;
  readonly finished: string[] = [];
  async execute(c: Case): Promise<Observation> {
    const observation = await this.inner.execute(c);
    await new Promise((resolve) => setTimeout(resolve, [7, 0, 3, 12, 1][this.n++ % 5]));
    this.finished.push(c.replay.path);
    return observation;
  }
}

/** A streamed run's options: seed 4, no shrinking, replayed on the built-in emulator. */
const streamOptions = (
  target: Target,
  o: { runs: number; concurrency: number; suites: readonly SuiteName[] },
): RunOptions => ({
  target,
  ...o,
  seed: 4,
  shrinkBudget: 0,
  targetArgs: '--target embedded',
  region: 'us-east-1',
  version: 'test',
});

describe('streamed', () => {
  it("gives each case in the report's order however they finish, each once, and the same results", async () => {
    const target = new JitteryTarget();
    const given: string[] = [];
    const streamed: CaseResult[] = [];
    const head = await streamSuites(
      streamOptions(target, { runs: 12, concurrency: 4, suites: ['outcome', 'necessity'] }),
      (c) => {
        given.push(c.replay.path);
        streamed.push(c);
      },
    );
    const order = [
      ...Array.from({ length: 12 }, (_, i) => `outcome:${i}`),
      ...Array.from({ length: 12 }, (_, i) => `necessity:${i}`),
    ];
    // The cases did finish out of order: the order given is the stream's own doing.
    expect(target.finished).not.toEqual(order);
    expect(given).toEqual(order);
    expect(head.stats.casesPerSecond).toBeGreaterThan(0);
    const whole = await run({ runs: 12, seed: 4, suites: ['outcome', 'necessity'], shrinkBudget: 0 });
    const timeless = (c: CaseResult) => ({ ...c, durationMs: 0 });
    expect(streamed.map(timeless)).toEqual(whole.cases.map(timeless));
  });

  it('holds few cases for a slow one: none starts more than the window past the first not in', async () => {
    let given = 0;
    let gap = 0;
    let started = 0;
    const inner = new EmbeddedTarget();
    const target: Target = {
      kind: 'embedded',
      description: 'the emulator, its first case slow',
      capabilities: { seesCalls: true, scenarios: true },
      async execute(c: Case) {
        started++;
        const index = Number(c.replay.path.split(':')[1]);
        gap = Math.max(gap, index - given);
        // The first case takes until 400 others have started, or until no more start (the window
        // is full): past half the window, twenty polls without a new start. No wall-clock limit.
        if (index === 0)
          for (let last = -1, still = 0; started < 400 && !(started > REORDER_WINDOW / 2 && still >= 20);) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            still = started === last ? still + 1 : 0;
            last = started;
          }
        return inner.execute(c);
      },
    };
    await streamSuites(
      streamOptions(target, { runs: 500, concurrency: 2, suites: ['outcome'] }),
      () => given++,
    );
    expect(given).toBe(500);
    expect(gap).toBeLessThanOrEqual(REORDER_WINDOW);
    expect(gap).toBeGreaterThan(REORDER_WINDOW / 2);
  });

  it("a consumer that throws stops the run: no more cases start, and the error is the run's", async () => {
    let given = 0;
    const target = new JitteryTarget();
    await expect(
      streamSuites(streamOptions(target, { runs: 50, concurrency: 2, suites: ['outcome'] }), () => {
        if (++given === 3) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(given).toBe(3);
    expect(target.finished.length).toBeLessThan(10);
  });
});

/** The emulator as a real account shows it: no calls, no job states, the history only. */
class CallBlindTarget implements Target {
  readonly kind = 'endpoint';
  readonly description = 'the emulator, seen without its calls';
  readonly capabilities = { seesCalls: false, scenarios: true };
  private readonly inner = new EmbeddedTarget();
  constructor(private readonly change: (o: Observation) => Observation = (o) => o) {}
  async execute(c: Case): Promise<Observation> {
    const { calls: _calls, jobStates: _jobStates, ...seen } = await this.inner.execute(c);
    return this.change(seen);
  }
}

describe('on a target that shows no calls', () => {
  const blind = (target: Target, suites: readonly SuiteName[]) =>
    runSuites({
      target,
      runs: 150,
      seed: 1,
      concurrency: 4,
      suites,
      shrinkBudget: 0,
      targetArgs: '',
      region: 'us-east-1',
      version: 'test',
    });

  it('a denial the history does not show is undecided; every other case is decided', async () => {
    const report = await blind(new CallBlindTarget(), ['sufficiency', 'necessity']);
    expect(report.totals).toMatchObject({ diverged: 0, errored: 0 });
    const undecided = report.cases.filter((c) => c.verdict === 'undecided');
    expect(undecided.length).toBeGreaterThan(0);
    for (const c of undecided) {
      // An outcome the oracle leaves undecided: it rests on a rule nobody knows.
      if (
        /sfn\.sync\.heartbeat|sagemaker\.missing\.model-on-transform|sfn\.map\.concurrent-iterations/.test(
          c.undecidedReason ?? '',
        )
      )
        continue;
      expect(c.suite).toBe('necessity');
      // Only the calls whose denial changes nothing the history shows: a Describe poll (the job's
      // event ends the wait), ListTags (the result leaves the tags out) and the best-effort Stop.
      // A denied Create names itself in a TaskFailed cause.
      expect(c.undecidedReason).toMatch(
        /denial of sagemaker:(Describe\w+|Stop\w+|ListTags) leaves no trace in the history|jobs' status/,
      );
    }
    expect(report.totals.undecided).toBe(undecided.length);
    expect(report.totals.matched + undecided.length).toBe(report.totals.cases - (report.totals.skipped ?? 0));
  });

  it('a target that fails for another reason than the predicted one diverges, though the status agrees', async () => {
    const otherReason = new CallBlindTarget((o) =>
      o.status === 'FAILED'
        ? { ...o, error: 'Endpoint.InternalError', cause: 'something else went wrong' }
        : o,
    );
    const report = await blind(otherReason, ['sufficiency', 'necessity']);
    const failing = report.cases.filter((c) => c.predicted.status === 'FAILED' && !c.predicted.undecided);
    expect(failing.length).toBeGreaterThan(20);
    for (const c of failing) {
      expect(c.verdict, c.id).toBe('diverged');
      expect(c.differences.map((d) => d.path)).toContain('error');
    }
  });
});

describe('worker threads', () => {
  it('two workers give the report one thread gives, case for case, shrunk divergences included', async () => {
    const options = {
      runs: 30,
      seed: 5,
      concurrency: 4,
      suites: SUITE_NAMES,
      shrinkBudget: 30,
      targetArgs: '--target embedded',
      region: 'us-east-1',
      version: 'test',
    };
    const mutant: MutantName = 'passrole-not-checked';
    const one = await runSuites({ ...options, target: new EmbeddedTarget([mutant]) });
    // The progress line hears of shrinking in a worker as in the main thread: which case, how far.
    const shrinking: string[] = [];
    const two = await runSuites({
      ...options,
      target: new EmbeddedTarget([mutant]),
      workers: { count: 2, mutants: [mutant] },
      reporters: [{ onCaseShrinking: (e) => shrinking.push(`${e.suite}:${e.index}`) }],
    });
    const shrunk = two.cases.filter((c) => c.shrunk).map((c) => c.replay.path);
    expect(new Set(shrinking)).toEqual(new Set(shrunk));
    expect(one.totals.diverged).toBeGreaterThan(0);
    expect(one.cases.some((c) => c.shrunk)).toBe(true);
    // Case for case but the wall-clock time each took.
    // As report.json has them (JSON text), case for case but the wall-clock time each took.
    const timeless = (r: typeof one) => JSON.stringify(r.cases.map(({ durationMs: _d, ...c }) => c));
    expect(timeless(two)).toBe(timeless(one));
    expect(two.totals).toEqual(one.totals);
    expect(two.stats.shrinkExecutions).toBe(one.stats.shrinkExecutions);
  });
});

describe('shrinking on a slow target', () => {
  /** The mutant emulator, each execution taking 200 ms of wall-clock time, as an endpoint's do. */
  class SlowTarget implements Target {
    readonly kind = 'endpoint';
    readonly description = 'a slow mutant emulator';
    readonly capabilities = { seesCalls: true, scenarios: true };
    executions = 0;
    private readonly inner = new EmbeddedTarget(['passrole-not-checked']);
    async execute(c: Case): Promise<Observation> {
      this.executions++;
      await new Promise((r) => setTimeout(r, 200));
      return this.inner.execute(c);
    }
  }
  const shrinkRun = (target: Target, shrinkSeconds?: number) =>
    runSuites({
      target,
      runs: 40,
      seed: 1,
      concurrency: 40,
      suites: ['sufficiency'],
      shrinkBudget: 1000,
      ...(shrinkSeconds !== undefined ? { shrinkSeconds } : {}),
      targetArgs: '',
      region: 'us-east-1',
      version: 'test',
    });

  it('--shrink-seconds bounds the time spent shrinking each divergent case', async () => {
    const target = new SlowTarget();
    const started = Date.now();
    const report = await shrinkRun(target, 1);
    const seconds = (Date.now() - started) / 1000;
    const divergent = report.cases.filter((c) => c.verdict === 'diverged');
    expect(divergent.length).toBeGreaterThan(0);
    expect(divergent.some((c) => c.shrunk)).toBe(true);
    // 40 cases at once (0.2 s), then each divergent case shrunk for 1 s at most, all at once.
    // Unbounded, a case's 60 shrink steps one after another would take 12 s on this target.
    expect(seconds).toBeLessThan(8);
    expect(report.stats.shrinkExecutions).toBeLessThanOrEqual(divergent.length * 7);
  });
  it('while a case is shrunk, a progress line at least every five seconds names it', async () => {
    const clock = new ManualClock();
    const lines: { at: number; text: string }[] = [];
    const shrinking = new Set<string>();
    const named = new Set<string>();
    await runSuites({
      target: new SlowTarget(),
      runs: 40,
      seed: 1,
      concurrency: 40,
      suites: ['sufficiency'],
      shrinkBudget: 3,
      targetArgs: '',
      region: 'us-east-1',
      version: 'test',
      reporters: [
        {
          // Before the progress line hears of it: what is being shrunk as each line is written.
          onCaseShrinking: (p) => shrinking.add(`${p.suite}:${p.index}`),
          onCaseFinished: (r) => shrinking.delete(r.replay.path),
        },
        progressReporter(
          {
            stdout: () => undefined,
            stderr: (text) => {
              if (!text.startsWith('running ')) lines.push({ at: clock.now(), text });
              const name = /; shrinking (\S+) \(\d+ steps?, \d+ of at most 3 candidates tried\)/.exec(
                text,
              )?.[1];
              if (name) {
                expect(shrinking).toContain(name);
                named.add(name);
              }
            },
          },
          { live: false, colour: false, quiet: false, clock },
        ),
        // Each candidate takes ten seconds on this endpoint (virtually): no case finishes meanwhile.
        { onCaseShrinking: () => clock.advance(10_000) },
      ],
    });
    expect(named.size).toBeGreaterThan(0);
    const gaps = lines.slice(1).map((l, k) => l.at - lines[k]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5000);
    expect(lines.at(-1)!.text).toMatch(/^40\/40 cases, \d+ diverged or errored, [\d.]+ cases\/s\n$/);
  });
});

describe('the docs the README links to', () => {
  it('docs/emulator.md lists every mutant with its deviation', () => {
    const page = readFileSync(new URL('../docs/emulator.md', import.meta.url), 'utf8');
    for (const [name, deviation] of Object.entries(MUTANTS))
      expect(page, name).toContain(`| \`${name}\` | ${deviation} |`);
  });
});

describe("a run's rate", () => {
  it('keeps one decimal, and two significant digits below one case a second (a slow target is not 0)', () => {
    expect(casesPerSecond(1000, 2000)).toBe(500);
    expect(casesPerSecond(7, 2000)).toBe(3.5);
    expect(casesPerSecond(50, 1_208_701)).toBe(0.041);
    expect(casesPerSecond(0, 1000)).toBe(0);
  });
});
