import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UsageError } from '../contracts/usageError.js';
import { DEFINITION_MAX_CHARS, PAYLOAD_MAX_BYTES } from '../catalog/stepFunctionsLimits.js';

/** Where a command writes. Tests pass buffers; the binary passes the process streams. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The process's own streams. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The deepest JSON the tool reads. Step Functions documents no nesting limit and IAM's policy
 * grammar nests five levels; real definitions, inputs and policies nest a few dozen at most, and the
 * code that walks them (asl-validator's, the oracles') recurses.
 */
export const MAX_JSON_DEPTH = 100;

/** Size limits of what a file stands for (Step Functions' own). */
export interface JsonLimits {
  /** CreateStateMachine: a definition of at most 1,048,576 characters. */
  readonly maxChars?: { readonly limit: number; readonly source: string };
  /** StartExecution: an input of at most 262,144 bytes (UTF-8). */
  readonly maxBytes?: { readonly limit: number; readonly source: string };
}

/** The limits of a definition: what CreateStateMachine takes. */
export const DEFINITION_LIMITS: JsonLimits = {
  maxChars: { limit: DEFINITION_MAX_CHARS.value, source: 'the most CreateStateMachine takes' },
};
/** The limits of an execution input: what StartExecution takes. */
export const INPUT_LIMITS: JsonLimits = {
  maxBytes: { limit: PAYLOAD_MAX_BYTES.value, source: 'the most StartExecution takes (256 KiB)' },
};

/** How deep brackets nest in JSON text (outside strings), and where the limit is first passed. */
function nesting(text: string, limit: number): { depth: number; offset: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return { depth, offset: i };
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** Parses JSON text; a syntax error names the file, line and column. */
export function parseJsonText(text: string, what: string, limits: JsonLimits = {}): unknown {
  if (limits.maxChars && text.length > limits.maxChars.limit)
    throw new UsageError(
      'too-large',
      `${what} has ${text.length} characters, more than ${limits.maxChars.limit} (${limits.maxChars.source}); make it smaller`,
    );
  const bytes = limits.maxBytes ? Buffer.byteLength(text, 'utf8') : 0;
  if (limits.maxBytes && bytes > limits.maxBytes.limit)
    throw new UsageError(
      'too-large',
      `${what} has ${bytes} bytes, more than ${limits.maxBytes.limit} (${limits.maxBytes.source}); make it smaller`,
    );
  const deep = nesting(text, MAX_JSON_DEPTH);
  if (deep) {
    const { line, column } = lineAndColumn(text, deep.offset);
    throw new UsageError(
      'too-deep',
      `${what} nests deeper than ${MAX_JSON_DEPTH} levels at line ${line}, column ${column} (the most this tool reads); flatten it`,
    );
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    throw new UsageError(
      'invalid-json',
      `${what} is not valid JSON: ${printParseErrorCode(first.error)} at line ${line}, column ${column}; fix the JSON syntax there`,
    );
  }
  return value;
}

/** Reads and parses a JSON file; unreadable files and syntax errors become one-line usage errors. */
export function readJsonFile(path: string, what: string, limits: JsonLimits = {}): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new UsageError('unreadable-file', `cannot read ${what} "${path}": ${reason}; check the path`);
  }
  return parseJsonText(text, `${what} "${path}"`, limits);
}

/** Where in a JSON document a schema problem is: `/cases/0/id`, or `(top level)`. */
export function zodPlace(path: readonly PropertyKey[] | undefined): string {
  return path && path.length > 0 ? `/${path.map(String).join('/')}` : '(top level)';
}

/** An execution input: JSON text, or `@file` (none: `{}`). */
export function readInput(value: string | undefined): unknown {
  if (value === undefined) return {};
  if (value.startsWith('@')) return readJsonFile(value.slice(1), 'input file', INPUT_LIMITS);
  return parseJsonText(value, '--input', INPUT_LIMITS);
}
