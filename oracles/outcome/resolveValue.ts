/**
 * The values the generators' dynamic fields take, read from the case (input and execution name).
 * Specialised to the forms generators/taskState.ts writes: `$.x`, `$.value.x`, `$$.Execution.Name`,
 * `States.Format('{}-run', $.x)` and their JSONata twins. Anything else is unknown (undefined).
 */
const get = (input: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      input,
    );

export function resolveDynamic(
  expression: string,
  input: unknown,
  executionName: string,
): string | undefined {
  let m = /^\$\.([\w.]+)$/.exec(expression) ?? /^\{% \$states\.input\.([\w.]+) %\}$/.exec(expression);
  if (m) {
    const v = get(input, m[1]!);
    return typeof v === 'string' ? v : undefined;
  }
  m =
    /^States\.Format\('\{\}-run', \$\.([\w.]+)\)$/.exec(expression) ??
    /^\{% \$states\.input\.([\w.]+) & '-run' %\}$/.exec(expression);
  if (m) {
    const v = get(input, m[1]!);
    return typeof v === 'string' ? `${v}-run` : undefined;
  }
  if (expression === '$$.Execution.Name' || expression === '{% $states.context.Execution.Name %}')
    return executionName;
  return undefined;
}

/** A request with its generated dynamic members resolved (`Name.$` keys and `{% %}` values). */
export function resolveRequest(
  template: Record<string, unknown>,
  input: unknown,
  executionName: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) {
    if (k.endsWith('.$') && typeof v === 'string')
      out[k.slice(0, -2)] = resolveDynamic(v, input, executionName);
    else if (typeof v === 'string' && v.startsWith('{%')) out[k] = resolveDynamic(v, input, executionName);
    else out[k] = v;
  }
  return out;
}
