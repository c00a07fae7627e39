/**
 * Divergences grouped by cause: the cases whose (shrunk) differences are at the same paths (a
 * call difference by the calls it is about, the output's as one), largest group first.
 */
import { divergenceSignature } from './compare.js';
import type { Finding } from './tally.js';

/** Divergences of one cause: the paths their differences are at. */
export interface CauseGroup<C extends Finding = Finding> {
  /** The difference paths, `; `-joined (`calls sagemaker:AddTags sagemaker:AddTags; status`). */
  readonly cause: string;
  readonly cases: readonly C[];
  /** The smallest case of the group: shrunk if one is, else the first. */
  readonly example: C;
}

/** The divergences grouped by cause, largest group first. */
export function groupByCause<C extends Finding>(cases: readonly C[]): CauseGroup<C>[] {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const cause = divergenceSignature(c.shrunk?.differences ?? c.differences)
      .split('\n')
      .join('; ');
    groups.set(cause, [...(groups.get(cause) ?? []), c]);
  }
  return [...groups]
    .map(([cause, list]) => ({ cause, cases: list, example: list.find((c) => c.shrunk) ?? list[0]! }))
    .sort((a, b) => b.cases.length - a.cases.length || a.cause.localeCompare(b.cause));
}
