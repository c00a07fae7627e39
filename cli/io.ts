import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { UsageError } from '../contracts/usageError.js';
import { DEFINITION_MAX_CHARS, PAYLOAD_MAX_BYTES } from '../catalog/stepFunctionsLimits.js';
import { escapePointerSegment } from '../syntax/json.js';
import { MAX_FILE_BYTES, readRegularFile } from './userFile.js';

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

/**
 * How a JSON text is read: its size limits (Step Functions' own) and what a `"__proto__"` key is.
 * JSON has no prototypes: `__proto__` is a key like any other (AWS reads it so in a definition, an
 * input or a policy), and the value read keeps it as an own member, never as the object's
 * prototype. In the files of this tool's own formats (a scenario, a mock configuration, a config
 * file, a baseline) no field has that name, and their schemas would drop it unread: it is refused.
 */
export interface JsonLimits {
  /** CreateStateMachine: a definition of at most 1,048,576 characters. */
  readonly maxChars?: { readonly limit: number; readonly source: string };
  /** StartExecution: an input of at most 262,144 bytes (UTF-8). */
  readonly maxBytes?: { readonly limit: number; readonly source: string };
  /** `ordinary` (data: definitions, inputs, policies, reports) or `refused` (the default: the tool's own formats). */
  readonly protoKeys?: 'ordinary' | 'refused';
}

/** The limits of a definition: what CreateStateMachine takes. */
export const DEFINITION_LIMITS: JsonLimits = {
  maxChars: { limit: DEFINITION_MAX_CHARS.value, source: 'the most CreateStateMachine takes' },
  protoKeys: 'ordinary',
};
/** The limits of an execution input: what StartExecution takes. */
export const INPUT_LIMITS: JsonLimits = {
  maxBytes: { limit: PAYLOAD_MAX_BYTES.value, source: 'the most StartExecution takes (256 KiB)' },
  protoKeys: 'ordinary',
};
/** A document whose keys are data (a policy, a report): no size limit of its own, `__proto__` an ordinary key. */
export const DATA_KEYS: JsonLimits = { protoKeys: 'ordinary' };

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

/**
 * JSON text as a value, as jsonc-parser's `parse` builds it except for one key: a member named
 * `__proto__` is defined as an own member (as JSON.parse does), where `parse` assigns it and so
 * replaces the object's prototype, making its members vanish and others appear. Each such key's
 * JSON pointer is handed to `onProtoKey`.
 */
function buildValue(text: string, errors: ParseError[], onProtoKey: (pointer: string) => void): unknown {
  type Container = unknown[] | Record<string, unknown>;
  const root: unknown[] = [];
  let parent: Container = root;
  let property: string | null = null;
  const parents: Container[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(parent)) parent.push(value);
    else if (property === '__proto__')
      Object.defineProperty(parent, property, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else if (property !== null) parent[property] = value;
  };
  const open = (container: Container): void => {
    add(container);
    parents.push(parent);
    parent = container;
    property = null;
  };
  visit(
    text,
    {
      onObjectBegin: () => open({}),
      onObjectProperty: (name, _offset, _length, _line, _column, path) => {
        property = name;
        if (name === '__proto__')
          onProtoKey([...path(), name].map((s) => `/${escapePointerSegment(String(s))}`).join(''));
      },
      onObjectEnd: () => {
        parent = parents.pop()!;
      },
      onArrayBegin: () => open([]),
      onArrayEnd: () => {
        parent = parents.pop()!;
      },
      onLiteralValue: add,
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return root[0];
}

/** A byte order mark: editors on Windows start UTF-8 files with it; it is no part of the JSON. */
const BOM = '\uFEFF';

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
  if (text.startsWith(BOM))
    throw new UsageError(
      'invalid-json',
      `${what} starts with a byte order mark (U+FEFF), which is no part of JSON; remove it`,
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
  let protoKey: string | undefined;
  const value = buildValue(text, errors, (pointer) => (protoKey ??= pointer));
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    throw new UsageError(
      'invalid-json',
      `${what} is not valid JSON: ${printParseErrorCode(first.error)} at line ${line}, column ${column}; fix the JSON syntax there`,
    );
  }
  if (protoKey !== undefined && (limits.protoKeys ?? 'refused') === 'refused')
    throw new UsageError(
      'bad-key',
      `${what}: ${protoKey}: no field of this file is named "__proto__" (it would be dropped unread); remove it`,
    );
  return value;
}

/** How many bytes of a file may stand for the limits: a character takes up to 3 bytes in UTF-8, a BOM 3. */
function byteCap(limits: JsonLimits): number {
  if (limits.maxBytes) return limits.maxBytes.limit + 3;
  if (limits.maxChars) return 3 * limits.maxChars.limit + 3;
  return MAX_FILE_BYTES;
}

/**
 * Reads and parses a JSON file: a regular file only, read to its limit and no further; a UTF-8 byte
 * order mark at its start is skipped (editors write one; Node reads JSON modules so). Unreadable
 * files and syntax errors become one-line usage errors.
 */
export function readJsonFile(path: string, what: string, limits: JsonLimits = {}): unknown {
  const named = `${what} "${path}"`;
  const { bytes, truncated } = readRegularFile(path, what, byteCap(limits));
  if (truncated)
    throw new UsageError(
      'too-large',
      limits.maxBytes
        ? `${named} has more than ${limits.maxBytes.limit} bytes (${limits.maxBytes.source}); make it smaller`
        : limits.maxChars
          ? `${named} has more than ${limits.maxChars.limit} characters (${limits.maxChars.source}); make it smaller`
          : `${named} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the most this tool reads from a file; is it the right file?`,
    );
  // PowerShell's `>` writes UTF-16, which starts with its own byte order mark (FF FE or FE FF).
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UsageError(
      'invalid-json',
      `${named} is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8`,
    );
  const text = bytes.toString('utf8');
  return parseJsonText(text.startsWith(BOM) ? text.slice(1) : text, named, limits);
}

/** Where in a JSON document a schema problem is: `/cases/0/id`, or `(top level)`. */
export function zodPlace(path: readonly PropertyKey[] | undefined): string {
  return path && path.length > 0 ? `/${path.map(String).join('/')}` : '(top level)';
}

/** An execution input: JSON text, or `@file` (none: `{}`). */
export function readInput(value: string | undefined): unknown {
  if (value === undefined) return {};
  if (value === '@')
    throw new UsageError('bad-option', '--input @ names no file; give --input @FILE, or the JSON itself');
  if (value.startsWith('@')) return readJsonFile(value.slice(1), 'input file', INPUT_LIMITS);
  return parseJsonText(value, '--input', INPUT_LIMITS);
}
