/** The request context of an authorization: condition keys and their values, looked up case-insensitively. */
export type ContextInput = Readonly<Record<string, string | readonly string[]>>;

export class RequestContext {
  private readonly values = new Map<string, string | readonly string[]>();

  constructor(input: ContextInput = {}) {
    for (const [key, value] of Object.entries(input)) this.values.set(key.toLowerCase(), value);
  }

  get(key: string): string | readonly string[] | undefined {
    return this.values.get(key.toLowerCase());
  }

  has(key: string): boolean {
    return this.values.has(key.toLowerCase());
  }
}
