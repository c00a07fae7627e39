/** The request context of an authorization: condition keys and their values, looked up case-insensitively. */
export type ContextInput = Readonly<Record<string, string | readonly string[]>>;

export class RequestContext {
  /** Lower-cased keys, built on the first lookup that does not hit the key as written. */
  private folded?: Map<string, string | readonly string[]>;

  constructor(private readonly input: ContextInput = {}) {}

  get(key: string): string | readonly string[] | undefined {
    const exact = Object.hasOwn(this.input, key) ? this.input[key] : undefined;
    if (exact !== undefined) return exact;
    if (!this.folded) {
      this.folded = new Map();
      for (const [k, v] of Object.entries(this.input)) this.folded.set(k.toLowerCase(), v);
    }
    return this.folded.get(key.toLowerCase());
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
