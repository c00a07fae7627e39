/**
 * Merging the grants of a definition's calls into policy statements: one per condition and set of
 * resources, each with the rules and states behind it.
 */
import type { Provenance } from '../../catalog/provenance.js';
import type { PolicyDocument } from '../../contracts/iamPolicy.js';
import type { PolicyCondition } from '../calls/taskCalls.js';

/** One permission of a predicted policy: an action on a resource pattern, under a condition. */
export interface Grant {
  readonly action: string;
  readonly resource: string;
  readonly condition?: PolicyCondition;
  readonly provenance: Provenance;
  readonly state: string;
}

/** A statement of the merged policy, with where its permissions come from. */
export interface StatementOrigin {
  readonly index: number;
  readonly provenance: readonly Provenance[];
  readonly states: readonly string[];
}

/** A policy document of merged grants, with the origin of each statement. */
export interface MergedPolicy {
  readonly document: PolicyDocument;
  readonly origins: readonly StatementOrigin[];
}

interface Group {
  readonly condition?: PolicyCondition;
  readonly resources: string[];
  readonly actions: string[];
  readonly provenance: Provenance[];
  readonly states: string[];
}

/** A condition as a key (conditions are mostly one shared object: its text is worked out once). */
const conditionKeys = new WeakMap<object, string>();
function conditionKey(condition: PolicyCondition | undefined): string {
  if (!condition) return 'null';
  let key = conditionKeys.get(condition);
  if (key === undefined) {
    key = JSON.stringify(condition);
    conditionKeys.set(condition, key);
  }
  return key;
}

const pushUnique = <T>(list: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void => {
  if (!list.some((x) => same(x, value))) list.push(value);
};

/**
 * Merges grants into one Allow policy without duplicates: the resources of each (action, condition)
 * are gathered, then actions with the same condition and the same resources share a statement.
 * Order follows first appearance, so one task's grants come out in the template's statement order.
 */
export function mergeGrants(grants: readonly Grant[]): MergedPolicy {
  const byAction = new Map<
    string,
    {
      condition?: PolicyCondition;
      resources: string[];
      provenance: Provenance[];
      states: string[];
      action: string;
    }
  >();
  for (const g of grants) {
    const key = `${g.action}\u0000${conditionKey(g.condition)}`;
    let entry = byAction.get(key);
    if (!entry) {
      entry = {
        action: g.action,
        resources: [],
        provenance: [],
        states: [],
        ...(g.condition ? { condition: g.condition } : {}),
      };
      byAction.set(key, entry);
    }
    pushUnique(entry.resources, g.resource);
    pushUnique(entry.provenance, g.provenance, (a, b) => a.kind === b.kind && a.source === b.source);
    pushUnique(entry.states, g.state);
  }
  const groups = new Map<string, Group>();
  for (const entry of byAction.values()) {
    const key = `${conditionKey(entry.condition)}\u0000${[...entry.resources].sort().join('\u0000')}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        resources: entry.resources,
        actions: [],
        provenance: [],
        states: [],
        ...(entry.condition ? { condition: entry.condition } : {}),
      };
      groups.set(key, group);
    }
    group.actions.push(entry.action);
    for (const p of entry.provenance)
      pushUnique(group.provenance, p, (a, b) => a.kind === b.kind && a.source === b.source);
    for (const s of entry.states) pushUnique(group.states, s);
  }
  const list = [...groups.values()];
  return {
    document: {
      Version: '2012-10-17',
      Statement: list.map((g) => ({
        Effect: 'Allow' as const,
        Action: g.actions,
        Resource: g.resources,
        ...(g.condition ? { Condition: g.condition as Record<string, Record<string, string>> } : {}),
      })),
    },
    origins: list.map((g, index) => ({ index, provenance: g.provenance, states: g.states })),
  };
}
