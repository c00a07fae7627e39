/**
 * Normalisation for differential output: ARNs, request ids and timestamps become numbered
 * placeholders (`<arn:1>`), so that links between values survive while literal values do not.
 */
export class Placeholders {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  private placeholder(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`;
    let p = this.seen.get(key);
    if (!p) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      p = `<${kind}:${n}>`;
      this.seen.set(key, p);
    }
    return p;
  }

  text(value: string): string {
    return (
      value
        // An ARN ends at a quote, also one JSON escaped (`\"`): the backslash is not part of it.
        .replace(/arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d*:[^\s"'\\,)]+/g, (m) => this.placeholder('arn', m))
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (m) =>
          this.placeholder('uuid', m),
        )
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, (m) => this.placeholder('time', m))
    );
  }

  /** Each placeholder given so far, with the value it stands for, in the order given. */
  entries(): readonly (readonly [placeholder: string, value: string])[] {
    return [...this.seen].map(([key, p]) => [p, key.slice(key.indexOf('\u0000') + 1)] as const);
  }

  value(v: unknown): string {
    return this.text(JSON.stringify(v) ?? 'undefined');
  }
}

/** One difference in the `(-) / (+) / (~)` style: predicted only, observed only, or both differing. */
export function diffLine(path: string, predicted: unknown, observed: unknown, p: Placeholders): string {
  const absent = (v: unknown) => v === undefined || v === '(absent)' || v === '(no call)';
  if (absent(observed)) return `(-) ${path} ${p.value(predicted)}`;
  if (absent(predicted)) return `(+) ${path} ${p.value(observed)}`;
  return `(~) ${path} ${p.value(predicted)} -> ${p.value(observed)}`;
}
