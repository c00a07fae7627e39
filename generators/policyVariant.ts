/**
 * Policy variants: the predicted policy, or a named mutation of it. Their consumers (necessity,
 * regression) decide what each should do to an execution; here they are described and applied.
 */
import fc from 'fast-check';
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';

import type { PolicyVariant, VariantKind } from '../contracts/case.js';

/** The variants that take one permission away (the necessity suite's). */
export const TAKING_AWAY: readonly VariantKind[] = ['leaveOneOut', 'extraDeny', 'wrongResourceName'];

const statementsOf = (doc: PolicyDocument): PolicyStatement[] =>
  Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Every action the policy names, in order (the leave-one-out candidates). */
export function policyActions(doc: PolicyDocument): string[] {
  return [...new Set(statementsOf(doc).flatMap((s) => list(s.Action)))];
}

const PREDICTED: fc.Arbitrary<PolicyVariant> = fc.constant({ kind: 'predicted' } as const);

/** The actions every grant of which names resources that can be scoped to another name (none is `*`). */
export function scopedActions(doc: PolicyDocument): string[] {
  const statements = statementsOf(doc);
  return policyActions(doc).filter((action) =>
    statements
      .filter((s) => list(s.Action).includes(action))
      .every((s) => list(s.Resource).every((r) => r.includes('/'))),
  );
}

/**
 * One of the actions, those of `favoured` (if any is among them) as often as all the others
 * together: a rare call whose denial matters is taken away often enough to be seen.
 */
function actionArb(actions: readonly string[], favoured: readonly string[]): fc.Arbitrary<string> {
  const chosen = actions.filter((a) => favoured.includes(a));
  const rest = actions.filter((a) => !favoured.includes(a));
  if (chosen.length === 0 || rest.length === 0) return fc.constantFrom(...actions);
  return fc.oneof(fc.constantFrom(...chosen), fc.constantFrom(...rest));
}

/**
 * A variant of the predicted policy. `only`: just these kinds; `actions`: the actions a variant
 * may take away (default: every action of the policy); `favoured`: actions taken away as often as
 * all the others together.
 */
export function policyVariantArb(
  predicted: PolicyDocument,
  only?: readonly VariantKind[],
  actions?: readonly string[],
  favoured: readonly string[] = [],
): fc.Arbitrary<PolicyVariant> {
  if (only?.length === 1 && only[0] === 'predicted') return PREDICTED;
  actions ??= policyActions(predicted);
  const scoped = scopedActions(predicted).filter((a) => actions.includes(a));
  const hasPassRole = policyActions(predicted).includes('iam:PassRole');
  const arbs: { kind: VariantKind; weight: number; arbitrary: fc.Arbitrary<PolicyVariant> }[] = [
    { kind: 'predicted', weight: 6, arbitrary: fc.constant({ kind: 'predicted' } as const) },
  ];
  if (actions.length > 0) {
    arbs.push({
      kind: 'leaveOneOut',
      weight: 3,
      arbitrary: actionArb(actions, favoured).map((action) => ({ kind: 'leaveOneOut', action }) as const),
    });
    arbs.push({
      kind: 'extraDeny',
      weight: 1,
      arbitrary: actionArb(actions, favoured).map((action) => ({ kind: 'extraDeny', action }) as const),
    });
  }
  if (scoped.length > 0)
    arbs.push({
      kind: 'wrongResourceName',
      weight: 1,
      arbitrary: actionArb(scoped, favoured).map(
        (action) => ({ kind: 'wrongResourceName', action }) as const,
      ),
    });
  if (hasPassRole)
    arbs.push({
      kind: 'missingPassRoleCondition',
      weight: 1,
      arbitrary: fc.constant({ kind: 'missingPassRoleCondition' } as const),
    });
  const chosen = only ? arbs.filter((a) => only.includes(a.kind)) : arbs;
  if (chosen.length === 0) throw new Error(`no policy variant of ${only?.join(', ')} applies`);
  return fc.oneof(...chosen.map(({ weight, arbitrary }) => ({ weight, arbitrary })));
}

/** `arn:...:training-job/name*` scoped to `arn:...:training-job/other-name*`. */
const elsewhere = (r: string): string => {
  const slash = r.lastIndexOf('/');
  return slash < 0 ? r : `${r.slice(0, slash + 1)}other-${r.slice(slash + 1)}`;
};

/** The policy document a variant stands for. */
export function applyPolicyVariant(predicted: PolicyDocument, variant: PolicyVariant): PolicyDocument {
  if (variant.kind === 'predicted') return predicted;
  const statements = structuredClone(statementsOf(predicted));
  switch (variant.kind) {
    case 'leaveOneOut':
      return {
        Version: '2012-10-17',
        Statement: statements
          .map((s) => ({ ...s, Action: list(s.Action).filter((a) => a !== variant.action) }))
          .filter((s) => s.Action.length > 0),
      };
    case 'wrongResourceName':
      return {
        Version: '2012-10-17',
        Statement: statements.flatMap((s) => {
          const actions = list(s.Action);
          if (!actions.includes(variant.action)) return [s];
          const rest = actions.filter((a) => a !== variant.action);
          const moved = { ...s, Action: [variant.action], Resource: list(s.Resource).map(elsewhere) };
          return rest.length > 0 ? [{ ...s, Action: rest }, moved] : [moved];
        }),
      };
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
