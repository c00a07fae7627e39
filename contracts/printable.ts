/**
 * Text a user or a target gave, made safe to echo on a terminal: a control character (C0, DEL,
 * C1) is written as an escape (`\n`, `\r`, `\t`, else `\xNN`), so a name cannot clear the screen,
 * move the cursor or split the one line an error promises. Report files are data and keep their
 * text (their writers escape it as JSON, XML or HTML).
 */

// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character escaped: one line, nothing a terminal acts on. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A text of several lines (a command's summary) made safe the same way; its line breaks are kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
