/**
 * What a recording keeps of a run on a real account or an endpoint: no credential, and no trace
 * of who ran it. Every string of a recording (keys, values, JSON text nested in strings) goes
 * through the same ordered rules: secrets the process knows and anything shaped like an access
 * key id, a secret key, a session token or an Authorization header become `<...>` placeholders;
 * the account becomes 111111111111 (as the recorded corpus's); the names the run made (role, state
 * machine, execution, SageMaker jobs, models and endpoints) become stable placeholder words, valid
 * as names, the same word for the same name throughout one file; the run id becomes `sfncrunid`.
 * Where values are compared, not run (expected outcome, mocks, task events), times become
 * placeholders too: an ISO date-time in text the corpus's `date`, a value under a time key
 * `<time:N>`.
 */

/** The account every recording names (the recorded corpus's, README "Matching placeholders"). */
export const RECORDED_ACCOUNT = '111111111111';

/** The word that stands for the run id (a loose word of every recording). */
export const RUN_ID_WORD = 'sfncrunid';

/** What a recording must not give away. */
export interface Secrets {
  /** The account the run ran in. */
  readonly account: string;
  /** The run's id, which the names of what it created carry. */
  readonly runId: string;
  /** Exact strings that are secrets wherever they appear (the process's own credentials). */
  readonly literals: readonly string[];
  /** Names the run made, each with the placeholder word it becomes (matched case-insensitively). */
  readonly names: ReadonlyMap<string, string>;
}

/** Where a value of a recording is used: run as given (definition, input) or compared with a replay. */
export type Use = 'run' | 'compared';

/** One rule of the scrubbing: a name (for tests that weaken it) and what it does to a text. */
export interface ScrubRule {
  readonly name: string;
  readonly text: (text: string, secrets: Secrets) => string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The prefixes of AWS's unique ids for keys and principals (access keys, roles, users, ...). */
const KEY_ID =
  /(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|AGPA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** STS session tokens (their base64 starts with these). */
const SESSION_TOKEN = /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]*/g;
/** A secret access key: 40 characters of base64 with upper and lower case letters and a digit, standing alone. */
const SECRET_KEY =
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** An Authorization header, up to the end of its line or quoted string. */
const AUTHORIZATION = /(authorization\\*"?\s*[:=]\s*\\*"?)[^"\\\n\r]*/gi;
/** A named secret in text (`aws_secret_access_key=...`, `"SessionToken": "..."`, `X-Amz-Security-Token: ...`). */
const NAMED_SECRET =
  /((?:aws_)?(?:secret_?access_?key|session_?token|security_?token|secret_?key|x-amz-security-token|x-amz-signature|x-amz-credential|password)\\*"?\s*[:=]\s*\\*"?)[^\s"'\\,;&}]+/gi;
/** Object keys whose values are secrets, whatever they look like. */
export const SECRET_KEY_NAME =
  /^(?:aws_?)?(?:secret_?access_?key|session_?token|security_?token|secret_?key|x-amz-security-token|authorization|password)$/i;

/** The rules, in the order they apply: secrets first, then the account, the names and the run id. */
export const SCRUB_RULES: readonly ScrubRule[] = [
  {
    name: 'known secrets',
    // As written, and as a URL or a form encodes it (a secret key's `/` and `+`).
    text: (t, s) => secretForms(s.literals).reduce((acc, l) => acc.split(l).join('<secret>'), t),
  },
  { name: 'authorization headers', text: (t) => t.replace(AUTHORIZATION, '$1<redacted>') },
  { name: 'named secrets', text: (t) => t.replace(NAMED_SECRET, '$1<redacted>') },
  { name: 'session tokens', text: (t) => t.replace(SESSION_TOKEN, '<session_token>') },
  { name: 'access key ids', text: (t) => t.replace(KEY_ID, '<access_key_id>') },
  { name: 'secret keys', text: (t) => t.replace(SECRET_KEY, '<secret_key>') },
  { name: 'account', text: (t, s) => (s.account === '' ? t : t.split(s.account).join(RECORDED_ACCOUNT)) },
  {
    name: 'names',
    text: (t, s) => {
      // The longest first: a name inside another (a model named after its job) stays whole.
      const names = [...s.names.keys()].filter((n) => n !== '').sort((a, b) => b.length - a.length);
      if (names.length === 0) return t;
      const lower = new Map([...s.names].map(([n, word]) => [n.toLowerCase(), word]));
      const pattern = new RegExp(
        `(?<![A-Za-z0-9])(?:${names.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`,
        'gi',
      );
      return t.replace(pattern, (m) => lower.get(m.toLowerCase()) ?? m);
    },
  },
  {
    name: 'run id',
    text: (t, s) => (s.runId === '' ? t : t.replace(new RegExp(escapeRegExp(s.runId), 'gi'), RUN_ID_WORD)),
  },
];

/** A secret as written, and as URL-encoded (encodeURIComponent, and a form's `+` for a space). */
function secretForms(literals: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const l of literals)
    if (l.length >= 8) {
      forms.add(l);
      forms.add(encodeURIComponent(l));
      forms.add(encodeURIComponent(l).toLowerCase());
    }
  // The longest first, so that no form is cut by a shorter one.
  return [...forms].sort((a, b) => b.length - a.length);
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
/** Keys whose values are times (SageMaker's CreationTime, TrainingEndTime, LastModifiedTime, ...). */
const TIME_KEY = /(Time|Timestamp|Date)$|^(timestamp|date)$/i;

/** Scrubs the values of one recording: one numbering of times for the whole file. */
export class Scrubber {
  private readonly times = new Map<string, string>();

  constructor(
    private readonly secrets: Secrets,
    private readonly rules: readonly ScrubRule[] = SCRUB_RULES,
  ) {}

  /** A text with every rule applied (and, where compared, its date-times as `date`). */
  text(text: string, use: Use): string {
    const scrubbed = this.rules.reduce((t, rule) => rule.text(t, this.secrets), text);
    return use === 'compared' ? scrubbed.replace(ISO_DATE, 'date') : scrubbed;
  }

  /** A JSON value with every string (and key) scrubbed; secrets under secret keys and, where compared, times under time keys replaced whole. */
  value(value: unknown, use: Use, key = ''): unknown {
    if (key !== '' && SECRET_KEY_NAME.test(key) && value !== null && typeof value !== 'object')
      return '<redacted>';
    if (use === 'compared' && TIME_KEY.test(key) && (typeof value === 'number' || typeof value === 'string'))
      return this.time(value);
    if (typeof value === 'string') return this.text(value, use);
    if (Array.isArray(value)) return value.map((v) => this.value(v, use, key));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [this.text(k, use), this.value(v, use, k)]),
      );
    return value;
  }

  /** The placeholder of a time: the same for the same value throughout the file. */
  private time(value: number | string): string {
    const k = `${typeof value}:${value}`;
    let placeholder = this.times.get(k);
    if (!placeholder) {
      placeholder = `<time:${this.times.size + 1}>`;
      this.times.set(k, placeholder);
    }
    return placeholder;
  }
}

/**
 * What survives of the secrets in a recording's text: the account, the run id, a known secret, or
 * anything shaped like an access key id or a session token. The recorder refuses to write a file
 * where this finds anything.
 */
export function leaks(text: string, secrets: Secrets): string[] {
  const found: string[] = [];
  if (secrets.account !== '' && secrets.account !== RECORDED_ACCOUNT && text.includes(secrets.account))
    found.push('the account id');
  if (secrets.runId !== '' && text.toLowerCase().includes(secrets.runId.toLowerCase()))
    found.push('the run id');
  if (secretForms(secrets.literals).some((l) => text.includes(l))) found.push('a credential of the process');
  if (new RegExp(KEY_ID.source).test(text)) found.push('an access key id');
  if (new RegExp(SESSION_TOKEN.source).test(text)) found.push('a session token');
  return found;
}
