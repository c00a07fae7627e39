/** What an entry of the evidence table is: a rule, its kind, and the sources it rests on. */

/** How a claim is known: a page says it, AWS was seen doing it, or neither (strongest first). */
export type ProvenanceKind = 'documented' | 'observed' | 'inferred';

/** Where a claim comes from. */
export type Source =
  /** An AWS documentation page (its address) and the section that says it. */
  | { readonly page: string; readonly section: string }
  /** A shape path of an AWS API model in its botocore form, e.g. `sagemaker operations.CreateEndpoint.errors`. */
  | { readonly model: string }
  /** A public report: an issue or pull request (`owner/repo#N`), or a file (`owner/repo path`). */
  | { readonly report: string; readonly shows: string }
  /** An execution recorded on AWS, by its file in this repository. */
  | { readonly recording: string };

/** One rule of the evidence table. */
export interface EvidenceEntry {
  readonly id: string;
  readonly claim: string;
  readonly kind: ProvenanceKind;
  readonly sources: readonly Source[];
  /** An assumption the harness makes about every target, not a claim AWS makes. */
  readonly assumption?: true;
  /** Where the oracle predicts nothing because of this rule: the aspect is left undecided. */
  readonly undecided?: true;
  /** What contradicts the claim, or what is not known. */
  readonly caveat?: string;
}

/** A source as one line of text. */
export function sourceText(s: Source): string {
  if ('page' in s) return `${s.page} (${s.section})`;
  if ('model' in s) return `AWS API model: ${s.model}`;
  if ('report' in s) return `${s.report}: ${s.shows}`;
  return s.recording;
}
