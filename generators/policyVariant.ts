/**
 * Policy variants: the predicted policy, or a named mutation of it. Their consumers (necessity,
 * regression) decide what each should do to an execution; here they are described and applied.
 */
import fc from 'fast-check';
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';

export type PolicyVariant =
  | { readonly kind: 'predicted' }
  /** The predicted policy without one action (leave-one-out over the whole policy). */
  | { readonly kind: 'leaveOneOut'; readonly action: string }
  /** The SageMaker resource of the first statement scoped to another name. */
  | { readonly kind: 'wrongResourceName' }
  /** The PassRole statement without its iam:PassedToService condition. */
  | { readonly kind: 'missingPassRoleCondition' }
  /** The predicted policy plus a Deny of one action on every resource. */
  | { readonly kind: 'extraDeny'; readonly action: string };

const statementsOf = (doc: PolicyDocument): PolicyStatement[] =>
  Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Every action the policy names, in order (the leave-one-out candidates). */
export function policyActions(doc: PolicyDocument): string[] {
  return [...new Set(statementsOf(doc).flatMap((s) => list(s.Action)))];
}

/** A variant for the predicted policy, drawn with the predicted one most often. */
export function policyVariantArb(
  predicted: PolicyDocument,
  only?: PolicyVariant['kind'],
): fc.Arbitrary<PolicyVariant> {
  const actions = policyActions(predicted);
  const hasPassRole = actions.includes('iam:PassRole');
  const arbs: fc.WeightedArbitrary<PolicyVariant>[] = [
    { weight: 6, arbitrary: fc.constant({ kind: 'predicted' } as const) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...actions).map((action) => ({ kind: 'leaveOneOut', action }) as const),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'wrongResourceName' } as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...actions).map((action) => ({ kind: 'extraDeny', action }) as const),
    },
  ];
  if (hasPassRole)
    arbs.push({ weight: 1, arbitrary: fc.constant({ kind: 'missingPassRoleCondition' } as const) });
  if (only) {
    const kinds: PolicyVariant['kind'][] = [
      'predicted',
      'leaveOneOut',
      'wrongResourceName',
      'extraDeny',
      'missingPassRoleCondition',
    ];
    const picked = arbs.find((_, i) => kinds[i] === only);
    if (picked) return picked.arbitrary;
  }
  return fc.oneof(...arbs);
}

/** The policy document a variant stands for. */
export function applyPolicyVariant(predicted: PolicyDocument, variant: PolicyVariant): PolicyDocument {
  const statements = structuredClone(statementsOf(predicted));
  switch (variant.kind) {
    case 'predicted':
      return { Version: '2012-10-17', Statement: statements };
    case 'leaveOneOut':
      return {
        Version: '2012-10-17',
        Statement: statements
          .map((s) => ({ ...s, Action: list(s.Action).filter((a) => a !== variant.action) }))
          .filter((s) => s.Action.length > 0),
      };
    case 'wrongResourceName': {
      const first = statements[0];
      if (first) {
        first.Resource = list(first.Resource).map((r) => {
          const slash = r.lastIndexOf('/');
          return slash < 0 ? r : `${r.slice(0, slash + 1)}other-${r.slice(slash + 1)}`;
        });
      }
      return { Version: '2012-10-17', Statement: statements };
    }
    case 'missingPassRoleCondition':
      return {
        Version: '2012-10-17',
        Statement: statements.map((s) => {
          if (!list(s.Action).includes('iam:PassRole')) return s;
          const { Condition: _dropped, ...rest } = s;
          return rest;
        }),
      };
    case 'extraDeny':
      return {
        Version: '2012-10-17',
        Statement: [...statements, { Effect: 'Deny', Action: [variant.action], Resource: ['*'] }],
      };
  }
}
