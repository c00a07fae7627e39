/** The request context of an authorization: condition keys and their values, looked up case-insensitively. */
export type ContextInput = Readonly<Record<string, string | readonly string[]>>;

/** The request context an evaluation reads its condition keys from. */
export class RequestContext {
  constructor(private readonly input: ContextInput = {}) {}

  /** The value of a condition key: the exact key, else one differing only in case. */
  get(key: string): string | readonly string[] | undefined {
    const exact = Object.hasOwn(this.input, key) ? this.input[key] : undefined;
    if (exact !== undefined) return exact;
    // Keys differing only in case: compare lengths first, so most keys cost no lower-casing.
    let lower: string | undefined;
    for (const k in this.input) {
      if (k.length !== key.length) continue;
      lower ??= key.toLowerCase();
      if (k.toLowerCase() === lower) return this.input[k];
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
