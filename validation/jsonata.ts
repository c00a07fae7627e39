/** A JSONata expression as ASL writes it: a string enclosed in `{%` and `%}`. */
export const isJsonata = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}');
