import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicySet, type Decision } from './evaluate.js';
import { parsePolicy, type PolicyDocument } from './policy.js';
import { policyArb, requestArb, toSimulation, type GeneratedRequest } from './testing/policyArbitraries.js';

/**
 * Differential test of our evaluator against @cloud-copilot/iam-simulate (AGPL, devDependency only):
 * at least 10,000 generated (policy, request) pairs, zero disagreements.
 */
const SIMULATE_DECISION: Record<string, Decision> = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny',
};

function simulate(policy: PolicyDocument, request: GeneratedRequest): Decision {
  const result = runUnsafeSimulation(toSimulation(policy, request), {}) as unknown as string;
  const decision = SIMULATE_DECISION[result];
  if (!decision) throw new Error(`iam-simulate returned ${JSON.stringify(result)}`);
  return decision;
}

function ours(policy: PolicyDocument, request: GeneratedRequest): Decision {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const evaluation = new PolicySet([parsed.policy]).evaluate(request);
  // The fast decision and the explanations are two code paths: they must tell the same story.
  const applying = evaluation.statements.filter((s) => s.applies);
  const explained: Decision = applying.some((s) => s.effect === 'Deny')
    ? 'explicitDeny'
    : applying.length > 0
      ? 'allowed'
      : 'implicitDeny';
  if (explained !== evaluation.decision) {
    throw new Error(
      `decision ${evaluation.decision} but explanations say ${explained}: ${JSON.stringify({ policy, request })}`,
    );
  }
  return evaluation.decision;
}

/** Rewrites every condition value of a policy (one value may become several). */
function mapConditionValues(policy: PolicyDocument, f: (value: string) => string[]): PolicyDocument {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return {
    ...policy,
    Statement: statements.map((s) => {
      if (!s.Condition) return s;
      const Condition: NonNullable<typeof s.Condition> = {};
      for (const [op, entries] of Object.entries(s.Condition)) {
        Condition[op] = {};
        for (const [key, value] of Object.entries(entries)) {
          Condition[op][key] = (Array.isArray(value) ? value : [value]).flatMap((v) => f(String(v)));
        }
      }
      return { ...s, Condition };
    }),
  };
}

/**
 * Where iam-simulate is wrong, written down: each entry names the bug, says why our answer is the
 * right one, and gives a rewrite of the policy that means the same in IAM but avoids the bug. A
 * disagreement counts as explained only when, after the rewrite, iam-simulate agrees with us and our
 * own decision is unchanged.
 */
const KNOWN_SIMULATE_BUGS: readonly {
  readonly name: string;
  readonly why: string;
  readonly rewrite: (policy: PolicyDocument) => PolicyDocument;
}[] = [
  {
    name: 'ipv4-slash-zero',
    why:
      'iam-simulate computes the IPv4 mask as `-1 << (32 - prefix)`, and JavaScript reduces shift counts ' +
      'mod 32, so 0.0.0.0/0 only contains 0.0.0.0. In IAM, 0.0.0.0/0 contains every IPv4 address ' +
      '(the IAM guide uses it as "any address"). The rewrite splits it into 0.0.0.0/1 and 128.0.0.0/1.',
    rewrite: (policy) =>
      mapConditionValues(policy, (v) => (v === '0.0.0.0/0' ? ['0.0.0.0/1', '128.0.0.0/1'] : [v])),
  },
];

function explainDisagreement(
  policy: PolicyDocument,
  request: GeneratedRequest,
  actual: Decision,
): string | undefined {
  for (const bug of KNOWN_SIMULATE_BUGS) {
    const rewritten = bug.rewrite(policy);
    if (JSON.stringify(rewritten) === JSON.stringify(policy)) continue;
    if (ours(rewritten, request) === actual && simulate(rewritten, request) === actual) return bug.name;
  }
  return undefined;
}

describe('IAM evaluator vs iam-simulate', () => {
  it('agrees on 10,000 generated (policy, request) pairs', () => {
    const pairs = fc.sample(fc.tuple(policyArb, requestArb), {
      numRuns: Number(process.env.IAM_DIFF_RUNS ?? 10_000),
      seed: Number(process.env.IAM_DIFF_SEED ?? 20261124),
    });
    const disagreements: unknown[] = [];
    const explained = new Map<string, number>();
    const decisions = { allowed: 0, implicitDeny: 0, explicitDeny: 0 };
    for (const [policy, request] of pairs) {
      const expected = simulate(policy, request);
      const actual = ours(policy, request);
      decisions[actual]++;
      if (expected === actual) continue;
      const known = explainDisagreement(policy, request, actual);
      if (known) explained.set(known, (explained.get(known) ?? 0) + 1);
      else disagreements.push({ policy, request, expected, actual });
    }
    if (explained.size > 0) {
      console.info(
        `disagreements explained by known iam-simulate bugs: ${JSON.stringify(Object.fromEntries(explained))}`,
      );
    }
    // The pairs exercise every outcome, not only the easy one.
    expect(decisions.allowed).toBeGreaterThan(1000);
    expect(decisions.explicitDeny).toBeGreaterThan(300);
    expect(decisions.implicitDeny).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  });
});
