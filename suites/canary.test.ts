/**
 * The canary: a target that a case leaves broken does not make every later case a finding. Those
 * cases are marked "target state changed" (undecided), the report and the summary say so; a target
 * that stays as it was keeps every finding.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../contracts/case.js';
import type { Observation } from '../contracts/observation.js';
import type { Target } from '../contracts/target.js';
import { canaryLine } from '../reports/canaryLine.js';
import { Canary } from './canary.js';
import { runSuites } from './runner.js';
import { EmbeddedTarget } from './targets/embedded.js';

/**
 * The built-in emulator, broken for good by the `breakAt`-th execution (as moto's parser was by a
 * JSONata definition it refused half-parsed): from then on every execution fails to start.
 */
class BreakingTarget implements Target {
  readonly kind = 'endpoint' as const;
  readonly description = 'an endpoint a case breaks';
  private readonly inner = new EmbeddedTarget([]);
  readonly capabilities = this.inner.capabilities;
  private executions = 0;
  constructor(private readonly breakAt: number) {}
  async execute(c: Case): Promise<Observation> {
    if (++this.executions >= this.breakAt)
      return { created: false, createError: 'InvalidDefinition: the parser is in a bad state' };
    return this.inner.execute(c);
  }
}

const options = (target: Target, canary?: boolean) => ({
  target,
  runs: 30,
  seed: 2,
  concurrency: 1,
  suites: ['outcome'] as const,
  shrinkBudget: 0,
  targetArgs: '--target endpoint',
  region: 'us-east-1',
  version: 'test',
  ...(canary !== undefined ? { canary } : {}),
});

describe('the canary', () => {
  it('marks the cases after a target broke as "target state changed", not findings', async () => {
    const report = await runSuites(options(new BreakingTarget(12)));
    expect(report.canary).toMatchObject({ relabelled: expect.any(Number) });
    expect(report.canary!.relabelled).toBeGreaterThan(10);
    const changed = report.cases.filter((c) => c.undecidedReason?.startsWith('target state changed'));
    expect(changed).toHaveLength(report.canary!.relabelled);
    // The case after which the canary changed ran on the target as it was: it stays a finding,
    // the one to replay alone; every divergence after it is not counted.
    const culprit = report.cases.find((c) => c.id === report.canary!.changedAfter)!;
    expect(culprit.verdict).toBe('diverged');
    expect(report.totals.diverged).toBe(1);
    expect(report.cases.indexOf(culprit)).toBeLessThan(report.cases.indexOf(changed[0]!));
    expect(canaryLine(report)).toMatch(
      /^target state changed: after case \w+ .* (\d+) divergences since are marked undecided/,
    );
  });

  it('without it, each of those cases is a finding of its own', async () => {
    const report = await runSuites(options(new BreakingTarget(12), false));
    expect(report.canary).toBeUndefined();
    expect(report.totals.diverged).toBeGreaterThan(10);
  });

  it('keeps every finding of a target whose state stays as it was', async () => {
    const withCanary = await runSuites({
      ...options(new EmbeddedTarget(['passrole-not-checked']), true),
      suites: ['outcome', 'necessity'],
    });
    const without = await runSuites({
      ...options(new EmbeddedTarget(['passrole-not-checked']), false),
      suites: ['outcome', 'necessity'],
    });
    expect(withCanary.totals.diverged).toBeGreaterThan(0);
    expect(withCanary.totals).toEqual(without.totals);
    expect(withCanary.canary).toMatchObject({ relabelled: 0 });
    expect(withCanary.canary!.checks).toBeGreaterThan(1);
  });
});

describe('Canary.settled', () => {
  it('waits for the run under way and for the one queued behind it, however many were asked for', async () => {
    const canary = new Canary(new EmbeddedTarget());
    const ended: number[] = [];
    let started = 0;
    // Each run takes a while; which ran is what counts here, not what the canary saw.
    (canary as unknown as { runOnce: () => Promise<string> }).runOnce = async () => {
      const n = ++started;
      await new Promise((r) => setTimeout(r, 30));
      ended.push(n);
      return 'same';
    };
    await canary.begin();
    for (let i = 0; i < 3; i++) {
      canary.checkNow();
      canary.checkNow();
      await new Promise((r) => setTimeout(r, 40));
    }
    await canary.settled();
    expect(ended).toEqual(Array.from({ length: started }, (_, i) => i + 1));
    // A check after everything ended starts a run of its own.
    canary.checkNow();
    await canary.settled();
    expect(ended.length).toBe(started);
    expect(started).toBeGreaterThanOrEqual(5);
  });
});
