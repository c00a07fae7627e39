/** Text as one cell of a Markdown table: a `|` escaped, line breaks as `<br>`, so that the row holds. */
export const cell = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
