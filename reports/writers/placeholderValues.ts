/**
 * What the placeholders of a divergence stand for, in that case: the normaliser's (`<arn:1>`,
 * `<uuid:1>`, `<time:1>`: the literal values they replace) and the prediction's (`${ExecutionArn}`:
 * the observed execution's ARN; `${ExecutionStart}+Nms`: N ms after the observed execution
 * started, as epoch ms and ISO time; any other `${Name}`: a value the execution gives at run time,
 * which the prediction does not know).
 */
import type { Placeholders } from '../normalise.js';
import type { ObservedExecution } from '../report.js';

/** One placeholder of a divergence: what kind of value it stands for, and the value where the case holds it. */
export interface PlaceholderValue {
  readonly placeholder: string;
  /** What kind of value it stands for. */
  readonly means: string;
  /** The value in this case; absent where the case does not record it (or the prediction cannot know it). */
  readonly value?: string;
}

/** A placeholder in a normalised diff line: the normaliser's, or the prediction's. */
export const PLACEHOLDER =
  /<(?:arn|uuid|time):\d+>|\$\{ExecutionStart\}\+\d+ms(?: \(up to \d+ms earlier\))?|\$\{[A-Za-z][\w:/.-]*\}/g;

const NORMALISED: Readonly<Record<string, string>> = {
  arn: 'an ARN',
  uuid: 'a request id (UUID)',
  time: 'a time',
};

/** Epoch ms and the ISO time of it (an epoch out of Date's range: the number alone). */
function at(epochMs: number): string {
  const d = new Date(epochMs);
  return Number.isNaN(d.getTime()) ? String(epochMs) : `${epochMs} (${d.toISOString()})`;
}

function meaning(
  placeholder: string,
  normalised: ReadonlyMap<string, string>,
  execution: ObservedExecution | undefined,
): PlaceholderValue {
  const kind = /^<(\w+):\d+>$/.exec(placeholder)?.[1];
  if (kind !== undefined)
    return { placeholder, means: NORMALISED[kind] ?? 'a value', value: normalised.get(placeholder) };
  if (placeholder === '${ExecutionArn}')
    return {
      placeholder,
      means: "the execution's ARN, which the target chooses",
      ...(execution?.arn !== undefined ? { value: execution.arn } : {}),
    };
  const start = /^\$\{ExecutionStart\}\+(\d+)ms(?: \(up to (\d+)ms earlier\))?$/.exec(placeholder);
  if (start) {
    const after = Number(start[1]);
    const earlier = start[2] === undefined ? 0 : Number(start[2]);
    const means =
      `${after} ms after the execution started (epoch ms)` +
      (earlier > 0 ? `, or up to ${earlier} ms earlier (FULL jitter)` : '');
    if (execution?.startEpochMs === undefined) return { placeholder, means };
    const when = execution.startEpochMs + after;
    return {
      placeholder,
      means,
      value: earlier > 0 ? `${at(when - earlier)} to ${at(when)}` : at(when),
    };
  }
  const name = placeholder.slice(2, -1);
  return {
    placeholder,
    means: `the ${name} the execution gives at run time (the prediction does not know it)`,
  };
}

/**
 * The placeholders of a divergence's normalised lines, in the order they first appear (and then
 * those inside the values they stand for: a role ARN ending in `${RoleArn}`), each with its value in
 * the case: the normaliser `p` that made the lines, and the observed execution.
 */
export function placeholderValues(
  lines: readonly string[],
  p: Placeholders,
  execution: ObservedExecution | undefined,
): PlaceholderValue[] {
  const normalised = new Map(p.entries());
  const out = new Map<string, PlaceholderValue>();
  const scan = (text: string) => {
    for (const m of text.matchAll(PLACEHOLDER))
      if (!out.has(m[0])) out.set(m[0], meaning(m[0], normalised, execution));
  };
  for (const line of lines) scan(line);
  for (const v of [...out.values()]) if (v.value !== undefined) scan(v.value);
  return [...out.values()];
}
