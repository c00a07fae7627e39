/**
 * JSONPath for ASL: reference paths (`$.a.b[0]`, `$['a']`) are read and written by a small parser of
 * their own (they are most paths, and ResultPath must write); anything else goes to jsonpath-plus.
 */
import { JSONPath } from 'jsonpath-plus';
import { ownValue, setOwn } from '../../syntax/json.js';
import { StatesError } from './statesError.js';

type Step = string | number;

const cache = new Map<string, Step[] | null>();

/** The steps of a reference path, or null when the path is not a plain reference. */
export function referenceSteps(path: string): Step[] | null {
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  let steps: Step[] | null = [];
  if (!path.startsWith('$')) steps = null;
  let i = 1;
  while (steps && i < path.length) {
    const c = path[i];
    // `$.abc.['def ghi']`: a dot before a bracket, as the Developer Guide writes it (Using
    // JSONPath paths), is the bracket alone.
    if (c === '.' && path[i + 1] === '[') i++;
    else if (c === '.') {
      const m = /^[^.[\]*?@()'"$ ]+/.exec(path.slice(i + 1));
      if (!m) steps = null;
      else {
        steps.push(m[0]);
        i += 1 + m[0].length;
      }
    } else if (c === '[') {
      const rest = path.slice(i);
      const num = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest) ?? /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
      if (num) {
        steps.push(Number(num[1]));
        i += num[0].length;
      } else if (quoted) {
        steps.push(quoted[1]!.replace(/\\(.)/g, '$1'));
        i += quoted[0].length;
      } else steps = null;
    } else steps = null;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(path, steps);
  return steps;
}

const MISSING = Symbol('missing');

function read(data: unknown, steps: readonly Step[]): unknown {
  let cur: unknown = data;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object') return MISSING;
    if (typeof s === 'number') {
      if (!Array.isArray(cur) || s >= cur.length) return MISSING;
      cur = cur[s];
    } else {
      if (Array.isArray(cur) || !Object.hasOwn(cur, s)) return MISSING;
      cur = ownValue(cur, s);
    }
  }
  return cur;
}

/**
 * The path fields whose missing path AWS words as its path library does (recorded: OutputPath,
 * TimeoutSecondsPath, HeartbeatSecondsPath; InputPath and a Wait's SecondsPath are read the same
 * way). Payload templates, ErrorPath and CausePath word it otherwise (dataFlow.ts).
 */
const LIBRARY_WORDED_FIELDS: ReadonlySet<string> = new Set([
  'InputPath',
  'OutputPath',
  'SecondsPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
]);

const bracketed = (steps: readonly Step[]): string =>
  `$${steps.map((k) => (typeof k === 'number' ? `[${k}]` : `['${k}']`)).join('')}`;

/**
 * Why a reference path selects nothing, in the path library's words (recorded on AWS:
 * testdata/aws-recorded/461, testdata/aws-recorded-tasks/083 and 092): a missing
 * member before the last step is "Missing property in path" up to that member; otherwise "No
 * results for path" and the whole path, the steps in bracket notation.
 */
export function notFound(data: unknown, steps: readonly Step[]): string {
  let cur: unknown = data;
  for (const [i, s] of steps.entries()) {
    if (typeof s === 'string' && cur !== null && typeof cur === 'object' && !Array.isArray(cur)) {
      if (!Object.hasOwn(cur, s))
        return i === steps.length - 1
          ? `No results for path: ${bracketed(steps)}`
          : `Missing property in path ${bracketed(steps.slice(0, i + 1))}`;
      cur = ownValue(cur, s);
    } else {
      const next = read(cur, [s]);
      if (next === MISSING) break;
      cur = next;
    }
  }
  return `No results for path: ${bracketed(steps)}`;
}

/**
 * Reads a path from `data`. A reference path that selects nothing is a runtime error naming the
 * field; other paths return the array of matches.
 */
export function readPath(path: string, data: unknown, field: string): unknown {
  const steps = referenceSteps(path);
  if (steps) {
    const value = read(data, steps);
    if (value === MISSING) {
      if (LIBRARY_WORDED_FIELDS.has(field))
        throw new StatesError('States.Runtime', `Invalid path '${path}' : ${notFound(data, steps)}`);
      throw new StatesError(
        'States.Runtime',
        `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(data)}'`,
      );
    }
    return value;
  }
  try {
    return JSONPath({ path, json: data as object, wrap: true });
  } catch (e) {
    throw new StatesError(
      'States.Runtime',
      `Invalid JSONPath '${path}' for the field '${field}': ${(e as Error).message}`,
    );
  }
}

/** Whether a reference path selects something (Choice `IsPresent`). */
export function pathExists(path: string, data: unknown): boolean {
  const steps = referenceSteps(path);
  if (steps) return read(data, steps) !== MISSING;
  const found = JSONPath({ path, json: data as object, wrap: true }) as unknown[];
  return found.length > 0;
}

/**
 * ResultPath: the input with `value` placed at the reference path (objects created as needed).
 * `$` replaces the input; a path through a non-object is `States.ResultPathMatchFailure`.
 */
export function writePath(input: unknown, path: string, value: unknown): unknown {
  const steps = referenceSteps(path);
  if (!steps) throw new StatesError('States.Runtime', `ResultPath '${path}' is not a reference path`);
  if (steps.length === 0) return value;
  const root: unknown = input === null || typeof input !== 'object' ? undefined : structuredClone(input);
  if (root === undefined) {
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply step "${steps[0]}" to input ${JSON.stringify(input)}`,
    );
  }
  // Own members only, read and written as data: `$.__proto__.End` writes a member named
  // `__proto__`, as on AWS, never the prototype of the input or of every object.
  let cur = root as object;
  steps.forEach((s, i) => {
    if (i === steps.length - 1) {
      setOwn(cur, s, value);
      return;
    }
    let next = ownValue(cur, s);
    if (next === undefined) {
      next = {};
      setOwn(cur, s, next);
    }
    if (next === null || typeof next !== 'object') {
      throw new StatesError(
        'States.ResultPathMatchFailure',
        `Unable to apply step "${steps[i + 1]}" to input ${JSON.stringify(next)}`,
      );
    }
    cur = next;
  });
  return root;
}

/** What a JSONPath path reads: the data, the Context object (`$$`) and the variables. */
export interface PathScope {
  readonly input: unknown;
  readonly context: unknown;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly random: () => number;
  /** How States.Format writes an argument (the ASL rule of that name; by default AWS's). */
  readonly formatArgument?: (value: unknown) => string;
}

const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/;

/** Reads a JSONPath value: `$...` from the input, `$$...` from the Context object, `$name...` from a variable. */
export function readValue(path: string, scope: PathScope, field: string): unknown {
  if (path.startsWith('$$')) return readPath(`$${path.slice(2)}`, scope.context, field);
  const v = VARIABLE.exec(path);
  if (v) {
    const [, name, rest] = v as unknown as [string, string, string];
    if (!Object.hasOwn(scope.variables, name))
      throw new StatesError(
        'States.Runtime',
        `The variable '$${name}' of the field '${field}' is not defined`,
      );
    const value = ownValue(scope.variables, name);
    return rest ? readPath(`$${rest}`, value, field) : value;
  }
  return readPath(path, scope.input, field);
}
