/**
 * How an execution of the emulator meets one recorded on AWS (testdata/aws-recorded/ and
 * testdata/aws-recorded-tasks/, README "Matching placeholders"): status, output, error, cause and
 * history event types, where the recording's placeholders (`<...>`, the account 111111111111,
 * `date`, `timestamp`, `snf_role_arn`, a file's `looseWords`) match any text of their kind.
 */

/** One execution recorded on AWS: what was run and what AWS answered. */
export interface Recording {
  readonly definition: unknown;
  readonly input: unknown;
  readonly inputText?: string;
  readonly notes?: string;
  readonly features?: readonly string[];
  /** Fixed words the recording put in place of values (README "Matching placeholders"): each matches any text. */
  readonly looseWords?: readonly string[];
  readonly expected: {
    readonly status: string;
    readonly output?: unknown;
    readonly error?: string;
    /** As recorded; an object where the recording parsed a JSON text cause (compared parsed). */
    readonly cause?: unknown;
    readonly eventTypes: readonly string[];
  };
}

/** What the emulator's execution gave, to match against a recording. */
export interface Actual {
  readonly status: string;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly eventTypes: readonly string[];
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An expected string as a pattern: its placeholders (and its loose words, whole) match any text. */
function textMatches(expected: string, actual: string, loose: readonly string[]): boolean {
  if (expected === actual) return true;
  const words = loose.map((w) => `|(?<![\\w-])${escapeRegExp(w)}(?![\\w-])`).join('');
  const parts = expected.split(new RegExp(`(<[^<>\\s]+>|111111111111|\\bdate\\b|snf_role_arn${words})`));
  const pattern = parts
    .map((p, i) => (i % 2 === 1 ? (p === 'date' ? '\\S+' : '[\\s\\S]*?') : escapeRegExp(p)))
    .join('');
  return new RegExp(`^${pattern}$`).test(actual.replace(ISO_DATE, 'date'));
}

/** Whether an actual value meets the expected one (placeholders in strings, `timestamp` under such keys). */
export function valueMatches(
  expected: unknown,
  actual: unknown,
  key = '',
  loose: readonly string[] = [],
): boolean {
  if (expected === 'timestamp' && /timestamp/i.test(key)) return true;
  // Generated values some tests replace with a fixed word (README): a number, a UUID.
  if (expected === 'RandomNumberGenerated') return typeof actual === 'number';
  if (expected === 'generated-uuid')
    return (
      typeof actual === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(actual)
    );
  if (typeof expected === 'string') {
    if (typeof actual === 'string') return textMatches(expected, actual, loose);
    // A placeholder standing for a number or an object the recording replaced (`<json-input:1>`).
    return /^<[^<>\s]+>$/.test(expected) || (expected === 'date' && typeof actual === 'string');
  }
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => valueMatches(e, actual[i], key, loose))
    );
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].every((k) => k in e && k in a && valueMatches(e[k], a[k], k, loose));
  }
  return expected === actual;
}

/** An actual JSON text, parsed where the recording has the value parsed (README: JSON-text fields). */
export function asRecorded(expected: unknown, actual: string): unknown {
  if (expected === null || typeof expected !== 'object') return actual;
  try {
    return JSON.parse(actual) as unknown;
  } catch {
    return actual;
  }
}

/** The first way the actual execution differs from the recording, or undefined where it matches. */
export function recordedDifference(r: Recording, a: Actual): string | undefined {
  const x = r.expected;
  const loose = r.looseWords ?? [];
  if (x.status !== a.status) return `status: recorded ${x.status}, emulated ${a.status}`;
  if (x.status === 'SUCCEEDED' && !valueMatches(x.output, a.output, '', loose))
    return `output: recorded ${JSON.stringify(x.output)}, emulated ${JSON.stringify(a.output)}`;
  if (x.status === 'FAILED') {
    if ((x.error ?? '') !== (a.error ?? '') && !valueMatches(x.error ?? '', a.error ?? '', '', loose))
      return `error: recorded ${x.error}, emulated ${a.error}`;
    if (x.cause !== undefined && !valueMatches(x.cause, asRecorded(x.cause, a.cause ?? ''), '', loose))
      return `cause: recorded ${JSON.stringify(x.cause)}, emulated ${JSON.stringify(a.cause)}`;
  }
  const sameMultiset = (p: readonly string[], q: readonly string[]) =>
    p.length === q.length && [...p].sort().join() === [...q].sort().join();
  // Concurrent branches and iterations interleave as their run went: the events, in any order there.
  const concurrent = /Parallel|Map/.test(x.eventTypes.join());
  const events = concurrent
    ? sameMultiset(x.eventTypes, a.eventTypes)
    : x.eventTypes.join() === a.eventTypes.join();
  if (!events) return `events: recorded ${x.eventTypes.join(',')}, emulated ${a.eventTypes.join(',')}`;
  return undefined;
}
