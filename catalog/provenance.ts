/**
 * Where a fact or an expectation comes from (design.md, "Every expectation carries provenance").
 *
 * - `documented`: an AWS documentation page says so (`source` names the page and the spec section).
 * - `observed`: a public report of real AWS behaviour (issue, captured output).
 * - `inferred`: derived by analogy from documented or observed facts; a divergence from an inferred
 *   expectation may be a finding about the oracle rather than the target.
 */
export type ProvenanceKind = 'documented' | 'observed' | 'inferred';

export interface Provenance {
  readonly kind: ProvenanceKind;
  /** Spec section and original source, e.g. `spec §2.2; connect-sagemaker (IAM policies)`. */
  readonly source: string;
}

/** A value together with where it comes from. */
export interface Fact<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

export const documented = (source: string): Provenance => ({ kind: 'documented', source });
export const observed = (source: string): Provenance => ({ kind: 'observed', source });
export const inferred = (source: string): Provenance => ({ kind: 'inferred', source });

export function fact<T>(value: T, provenance: Provenance): Fact<T> {
  return { value, provenance };
}

/** Orders provenance from strongest to weakest: documented, observed, inferred. */
export const provenanceRank: Readonly<Record<ProvenanceKind, number>> = {
  documented: 0,
  observed: 1,
  inferred: 2,
};
