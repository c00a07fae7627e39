/**
 * Where a fact or an expectation comes from (docs/reports.md, "Provenance: how sure a prediction is"):
 * the rules of the evidence table (catalog/evidence.ts) it rests on. A prediction is as strong as
 * the weakest rule it rests on: its kind is that rule's, and it names every rule of that kind.
 */
import { EVIDENCE, type RuleId } from './evidence.js';
import { sourceText, type ProvenanceKind } from './evidence/entry.js';

export type { ProvenanceKind, RuleId };

/** A rule as a report carries it: its id, kind, claim and sources. */
export interface RuleRef {
  readonly id: RuleId;
  readonly kind: ProvenanceKind;
  readonly claim: string;
  // Mutable in type only (the objects are frozen), as the report's schema types them.
  readonly sources: string[];
  readonly caveat?: string;
  /** A rule nobody knows: an expectation resting on it is not predicted (the case is undecided). */
  readonly undecided?: true;
}

/** Where an expectation comes from: the weakest kind among its rules, the rules of that kind, and a line naming them. */
export interface Provenance {
  readonly kind: ProvenanceKind;
  /** The rules it rests on, of that kind (for a prediction: its weakest rules). */
  readonly rules: RuleRef[];
  /** One line: each rule's id and claim. */
  readonly source: string;
}

/** A value together with where it comes from. */
export interface Fact<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

/** A value with the provenance it rests on. */
export function fact<T>(value: T, provenance: Provenance): Fact<T> {
  return { value, provenance };
}

/** Orders provenance from strongest to weakest: documented, observed, inferred. */
export const provenanceRank: Readonly<Record<ProvenanceKind, number>> = {
  documented: 0,
  observed: 1,
  inferred: 2,
};

const refs = new Map<RuleId, RuleRef>();
const single = new Map<RuleId, Provenance>();

/** A rule of the evidence table, as reports carry it (one object per rule). */
export function ruleRef(id: RuleId): RuleRef {
  let r = refs.get(id);
  if (!r) {
    const e = EVIDENCE[id];
    r = Object.freeze({
      id,
      kind: e.kind,
      claim: e.claim,
      sources: e.sources.map(sourceText),
      ...(e.caveat ? { caveat: e.caveat } : {}),
      ...(e.undecided ? { undecided: true as const } : {}),
    });
    refs.set(id, r);
  }
  return r;
}

const lineOf = (rules: readonly RuleRef[]): string => rules.map((r) => `${r.id}: ${r.claim}`).join(' | ');

/** The provenance of one rule of the evidence table. */
export function rule(id: RuleId): Provenance {
  let p = single.get(id);
  if (!p) {
    const r = ruleRef(id);
    p = Object.freeze({ kind: r.kind, rules: [r], source: lineOf([r]) });
    single.set(id, p);
  }
  return p;
}

/**
 * What several rules together are worth: the weakest kind among them, resting on every rule of
 * that kind (once each, in the order first used).
 */
export function weakest(list: readonly Provenance[]): Provenance {
  if (list.length === 0) throw new Error('weakest of no provenance');
  let kind: ProvenanceKind = 'documented';
  for (const p of list) if (provenanceRank[p.kind] > provenanceRank[kind]) kind = p.kind;
  const rules: RuleRef[] = [];
  for (const p of list)
    if (p.kind === kind) for (const r of p.rules) if (!rules.some((x) => x.id === r.id)) rules.push(r);
  if (rules.length === 1) return rule(rules[0]!.id);
  return { kind, rules, source: lineOf(rules) };
}

/** Whether a provenance rests on a rule nobody knows (the evidence table marks it undecided). */
export const undecided = (p: Provenance): boolean => p.rules.some((r) => r.undecided);

/** The provenance of several rules together (the weakest of them). */
export const rules = (...ids: RuleId[]): Provenance => weakest(ids.map(rule));
