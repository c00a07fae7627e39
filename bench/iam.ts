/**
 * The IAM evaluator (dist/) against iam-simulate on the same (policy, request) pairs, in
 * interleaved rounds: small generated policies (1-4 statements) with the policy compiled once,
 * with every statement explained, and parsed and compiled on every call; and large ones (50-80
 * statements) parsed and compiled on every call, what `check` and `regress` pay per policy.
 * Goal: the parse-and-compile path at least 5x iam-simulate on the large policies. Figures are
 * evaluations per second. Needs `npm run build` first.
 */
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import type * as Evaluate from '../iam/evaluate.js';
import type * as Policy from '../iam/policy.js';
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import {
  largePolicyArb,
  policyArb,
  requestArb,
  toSimulation,
  type GeneratedRequest,
} from '../iam/testing/policyArbitraries.js';
import { interleaved, ratio, timed, type Spread } from './measure.js';

export interface IamFigures {
  readonly small: Record<'compiledOnce' | 'explained' | 'parsedEachCall' | 'iamSimulate', Spread>;
  readonly large: Record<'parsedEachCall' | 'iamSimulate', Spread>;
  readonly ratios: {
    readonly compiledOnce: number;
    readonly explained: number;
    readonly parsedEachCall: number;
    readonly largeParsedEachCall: number;
  };
}

export async function benchIam(rounds: number): Promise<IamFigures> {
  const { PolicySet } = (await import('../dist/iam/evaluate.js' as string)) as typeof Evaluate;
  const { parsePolicy } = (await import('../dist/iam/policy.js' as string)) as typeof Policy;
  const pairs = (arb: fc.Arbitrary<PolicyDocument>, n: number): [PolicyDocument, GeneratedRequest][] =>
    fc.sample(fc.tuple(arb, requestArb), { numRuns: n, seed: 42 });
  const small = pairs(policyArb, 2000);
  const large = pairs(largePolicyArb, 200);
  const compiled = small.map(([policy, request]) => {
    const parsed = parsePolicy(policy);
    if (!parsed.ok) throw new Error('invalid generated policy');
    return [new PolicySet([parsed.policy]), request] as const;
  });
  const parsedEachCall = (list: [PolicyDocument, GeneratedRequest][]) => () =>
    timed(() => {
      for (const [policy, request] of list) {
        const parsed = parsePolicy(policy);
        if (parsed.ok) new PolicySet([parsed.policy]).evaluate(request);
      }
    });
  const simulate = (list: [PolicyDocument, GeneratedRequest][]) => () =>
    timed(() => {
      for (const [policy, request] of list) runUnsafeSimulation(toSimulation(policy, request), {});
    });
  const perSecond = (count: number, s: Spread): Spread => ({
    min: (count / s.max) * 1000,
    median: (count / s.median) * 1000,
    max: (count / s.min) * 1000,
    samples: s.samples.map((ms) => (count / ms) * 1000),
  });
  const smallMs = await interleaved(
    {
      compiledOnce: () =>
        timed(() => {
          for (const [set, request] of compiled) set.evaluate(request);
        }),
      explained: () =>
        timed(() => {
          for (const [set, request] of compiled) void set.evaluate(request).statements;
        }),
      parsedEachCall: parsedEachCall(small),
      iamSimulate: simulate(small),
    },
    { rounds, warmup: 1 },
  );
  const largeMs = await interleaved(
    { parsedEachCall: parsedEachCall(large), iamSimulate: simulate(large) },
    { rounds, warmup: 1 },
  );
  return {
    small: {
      compiledOnce: perSecond(small.length, smallMs.compiledOnce),
      explained: perSecond(small.length, smallMs.explained),
      parsedEachCall: perSecond(small.length, smallMs.parsedEachCall),
      iamSimulate: perSecond(small.length, smallMs.iamSimulate),
    },
    large: {
      parsedEachCall: perSecond(large.length, largeMs.parsedEachCall),
      iamSimulate: perSecond(large.length, largeMs.iamSimulate),
    },
    ratios: {
      compiledOnce: ratio(smallMs.iamSimulate, smallMs.compiledOnce),
      explained: ratio(smallMs.iamSimulate, smallMs.explained),
      parsedEachCall: ratio(smallMs.iamSimulate, smallMs.parsedEachCall),
      largeParsedEachCall: ratio(largeMs.iamSimulate, largeMs.parsedEachCall),
    },
  };
}
