/**
 * Divergences grouped by cause (docs/reports.md, "A divergence's cause"): the rule the target broke
 * and what it did there, whatever case, API or state it was met in; largest group first. A case is
 * grouped by its shrunk case's cause where it has one (shrinking keeps the cause), and a case of a
 * report written before causes by its difference paths.
 */
import { causeKey, placeText, type Cause } from './cause.js';
import { divergenceSignature } from './compare.js';
import type { Finding } from './tally.js';

/** Divergences of one cause. */
export interface CauseGroup<C extends Finding = Finding> {
  /** What the group is: `rule | answer` (a report without causes: its difference paths, `; `-joined). */
  readonly key: string;
  /** The cause, as its example has it (absent in a report written before causes). */
  readonly cause?: Cause;
  /** Where it happened, each place once: `state "Train" (CreateTrainingJob sync)`. */
  readonly places: readonly string[];
  readonly cases: readonly C[];
  /** The smallest case of the group: shrunk if one is, else the first. */
  readonly example: C;
}

/** A finding's cause: its shrunk case's, else its own. */
export const findingCause = (c: Finding): Cause | undefined => c.shrunk?.cause ?? c.cause;

/** What a finding is grouped by. */
export function groupKey(c: Finding): string {
  const cause = findingCause(c);
  if (cause) return causeKey(cause);
  return divergenceSignature(c.shrunk?.differences ?? c.differences)
    .split('\n')
    .join('; ');
}

/** The divergences grouped by cause, largest group first. */
export function groupByCause<C extends Finding>(cases: readonly C[]): CauseGroup<C>[] {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const key = groupKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups]
    .map(([key, list]) => {
      const example = list.find((c) => c.shrunk) ?? list[0]!;
      const cause = findingCause(example);
      const places = [
        ...new Set(list.flatMap((c) => (findingCause(c) ? [placeText(findingCause(c)!.at)] : []))),
      ];
      return { key, ...(cause ? { cause } : {}), places, cases: list, example };
    })
    .sort((a, b) => b.cases.length - a.cases.length || a.key.localeCompare(b.key));
}

/** A group's heading: the rule broken, where, and what the target did. */
export function groupHeading(g: CauseGroup): string {
  if (!g.cause) return g.key;
  const where =
    g.places.length <= 3
      ? g.places.join(', ')
      : `${g.places.slice(0, 3).join(', ')} and ${g.places.length - 3} more`;
  return `${g.cause.rule.id} broken at ${where}: ${g.cause.answer}`;
}

/**
 * How far a finding can be trusted: the kind of the weakest rule its prediction rests on (its first
 * difference's), which `--fail-on` reads too. The rule its cause names may be stronger: a
 * documented rule broken where the prediction also rests on an inferred one.
 */
export function trustKind(c: Finding): 'documented' | 'observed' | 'inferred' | undefined {
  return (c.shrunk?.differences ?? c.differences)[0]?.provenance.kind;
}

/** Whether a finding is the target's failure to answer (no expectation of the oracle's). */
export function targetFailed(c: Finding): boolean {
  const cause = findingCause(c);
  return cause
    ? cause.rule.id === 'harness.target-answers'
    : (c.shrunk?.differences ?? c.differences)[0]?.path === 'target';
}

/** Where a group is shown: the target's failures apart, the rest by how far they can be trusted. */
export type SectionKind = 'target' | 'documented' | 'observed' | 'inferred';

/**
 * The divergences grouped by cause, each group in one section (its example's): the target's
 * failures to answer, then by the kind of the expectation they rest on, strongest first.
 */
export function groupSections<C extends Finding>(
  cases: readonly C[],
): { readonly kind: SectionKind; readonly groups: CauseGroup<C>[]; readonly cases: number }[] {
  const groups = groupByCause(cases);
  const kinds: SectionKind[] = ['target', 'documented', 'observed', 'inferred'];
  const sectionOf = (g: CauseGroup<C>): SectionKind =>
    targetFailed(g.example) ? 'target' : (trustKind(g.example) ?? 'inferred');
  return kinds
    .map((kind) => {
      const of = groups.filter((g) => sectionOf(g) === kind);
      return { kind, groups: of, cases: of.reduce((n, g) => n + g.cases.length, 0) };
    })
    .filter((section) => section.groups.length > 0);
}
