/**
 * Checking a SageMaker request against the API model (names, types, lengths, patterns, enums,
 * ranges, sizes) and the semantic rules the model does not encode. Dynamic members (JSONPath `.$`
 * keys, JSONata expressions) are not checked, their names are.
 */
import { isJsonata } from './jsonata.js';
import type { Api, QueryLanguage } from '../catalog/api.js';
import { semanticViolations } from './semanticRules.js';
import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import type { ApiModel, Shape } from '../apimodel/shape.js';
import { escapePointerSegment, isObject, ownValue } from '../syntax/json.js';

/** Which constraint of the API model a value breaks. */
export type Constraint =
  | 'unknown-field'
  | 'required'
  | 'type'
  | 'length'
  | 'pattern'
  | 'enum'
  | 'range'
  | 'size'
  /** A rule of the service the model does not encode (validation/semanticRules.ts). */
  | 'semantic';

/** A request value that breaks the API model or a semantic rule, where. */
export interface Violation {
  /** JSON pointer into the request, e.g. `/ResourceConfig/InstanceType`. */
  readonly path: string;
  readonly constraint: Constraint;
  readonly message: string;
  /** For `semantic` violations: the rule's id, e.g. `augmented-manifest-needs-pipe`. */
  readonly rule?: string;
  /** For violations of a value's shape (type, length, range, size, enum): the shape's name. */
  readonly shape?: string;
}

/** A member name as a pointer segment; most need no escape, and skip the two replaces (validation is hot). */
const escape = (name: string): string =>
  name.includes('~') || name.includes('/') ? escapePointerSegment(name) : name;

const patternCache = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
  let r = patternCache.get(pattern);
  if (!r) {
    r = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, r);
  }
  return r;
}

/** Length as the service counts it: characters (code points), not UTF-16 units. */
const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return candidates.find((c) => c.toLowerCase() === lower);
}

/**
 * Checks a request against the API model and lists every violation with its path. Values Step
 * Functions computes at run time (a JSONPath `Key.$`, a JSONata `{% %}` string) count as present
 * and are not checked.
 */
export class RequestValidator {
  /**
   * `fieldsOnly`: only field names (unknown fields), as CreateStateMachine checks them.
   * `timestampsAsText`: a timestamp must be a string (epoch numbers are refused).
   */
  constructor(
    private readonly model: ApiModel = SAGEMAKER_MODEL,
    private readonly fieldsOnly = false,
    private readonly timestampsAsText = false,
  ) {}

  /** Every violation of a request for an operation of the model, with its path. */
  validate(operation: string, request: unknown, language: QueryLanguage = 'JSONPath'): Violation[] {
    const op = this.model.operations[operation];
    if (!op?.input) throw new Error(`operation ${operation} has no input shape in the model`);
    const out: Violation[] = [];
    this.check(op.input, request, '', language, out);
    return out;
  }

  /** Checks a value against any shape of the model (for example a Describe response). */
  validateShape(shapeName: string, value: unknown): Violation[] {
    const out: Violation[] = [];
    this.check(shapeName, value, '', 'JSONPath', out);
    return out;
  }

  /** The unknown fields of a structure, and (through `check`) its members' values; the members present. */
  private checkNames(
    s: Shape,
    shapeName: string,
    value: Record<string, unknown>,
    path: string,
    language: QueryLanguage,
    out: Violation[],
  ): Set<string> {
    const members = s.members ?? {};
    const present = new Set<string>();
    for (const [key, v] of Object.entries(value)) {
      const dynamic = language === 'JSONPath' && key.endsWith('.$');
      const name = dynamic ? key.slice(0, -2) : key;
      // A key from the definition: `constructor` or `toString` is an unknown field, not a member of Object.prototype.
      const member = ownValue(members, name) as string | undefined;
      if (!member) {
        const hint = closest(name, Object.keys(members));
        out.push({
          path: `${path}/${escape(key)}`,
          constraint: 'unknown-field',
          message: hint
            ? `unknown field "${name}" (field names are case-sensitive: did you mean "${hint}"?)`
            : `unknown field "${name}" (not in ${shapeName})`,
        });
      } else {
        present.add(name);
        if (!dynamic) this.check(member, v, `${path}/${escape(name)}`, language, out);
      }
    }
    return present;
  }

  private shape(name: string): Shape {
    const s = this.model.shapes[name];
    if (!s) throw new Error(`shape ${name} is not in the model`);
    return s;
  }

  private check(
    shapeName: string,
    value: unknown,
    path: string,
    language: QueryLanguage,
    out: Violation[],
  ): void {
    if (language === 'JSONata' && isJsonata(value)) return;
    const s = this.shape(shapeName);
    if (this.fieldsOnly) {
      // Field names live in structures; lists and maps hold structures: the rest is SageMaker's.
      if (s.type === 'structure' && isObject(value))
        this.checkNames(s, shapeName, value, path, language, out);
      else if (s.type === 'list' && Array.isArray(value))
        value.forEach((item, i) => this.check(s.member!, item, `${path}/${i}`, language, out));
      else if (s.type === 'map' && isObject(value))
        for (const [k, v] of Object.entries(value))
          this.check(s.value!, v, `${path}/${escape(k)}`, language, out);
      return;
    }
    const at = path || '/';
    switch (s.type) {
      case 'structure': {
        if (!isObject(value)) {
          out.push({
            path: at,
            constraint: 'type',
            shape: shapeName,
            message: `must be an object (${shapeName})`,
          });
          return;
        }
        const present = this.checkNames(s, shapeName, value, path, language, out);
        for (const required of s.required ?? []) {
          if (!present.has(required)) {
            out.push({
              path: `${path}/${escape(required)}`,
              constraint: 'required',
              message: `required field "${required}" is missing`,
            });
          }
        }
        return;
      }
      case 'list': {
        if (!Array.isArray(value)) {
          out.push({ path: at, constraint: 'type', shape: shapeName, message: 'must be a list' });
          return;
        }
        if (s.min !== undefined && value.length < s.min) {
          out.push({
            path: at,
            constraint: 'size',
            shape: shapeName,
            message: `must have at least ${s.min} item(s), has ${value.length}`,
          });
        }
        if (s.max !== undefined && value.length > s.max) {
          out.push({
            path: at,
            constraint: 'size',
            shape: shapeName,
            message: `must have at most ${s.max} item(s), has ${value.length}`,
          });
        }
        value.forEach((item, i) => this.check(s.member!, item, `${path}/${i}`, language, out));
        return;
      }
      case 'map': {
        if (!isObject(value)) {
          out.push({ path: at, constraint: 'type', shape: shapeName, message: 'must be an object (map)' });
          return;
        }
        const entries = Object.entries(value);
        if (s.min !== undefined && entries.length < s.min) {
          out.push({
            path: at,
            constraint: 'size',
            shape: shapeName,
            message: `must have at least ${s.min} entr(ies), has ${entries.length}`,
          });
        }
        if (s.max !== undefined && entries.length > s.max) {
          out.push({
            path: at,
            constraint: 'size',
            shape: shapeName,
            message: `must have at most ${s.max} entries, has ${entries.length}`,
          });
        }
        for (const [k, v] of entries) {
          const dynamic = language === 'JSONPath' && k.endsWith('.$');
          const key = dynamic ? k.slice(0, -2) : k;
          this.check(s.key!, key, `${path}/${escape(key)}`, language, out);
          if (!dynamic) this.check(s.value!, v, `${path}/${escape(key)}`, language, out);
        }
        return;
      }
      case 'string': {
        if (typeof value !== 'string') {
          out.push({ path: at, constraint: 'type', shape: shapeName, message: 'must be a string' });
          return;
        }
        if (s.enum) {
          if (!s.enum.includes(value))
            out.push({
              path: at,
              constraint: 'enum',
              shape: shapeName,
              message: `"${value}" is not one of ${shapeName} (${s.enum.length} values, e.g. ${s.enum.slice(0, 3).join(', ')})`,
            });
          return;
        }
        const length = charLength(value);
        if ((s.min !== undefined && length < s.min) || (s.max !== undefined && length > s.max)) {
          out.push({
            path: at,
            constraint: 'length',
            shape: shapeName,
            message: `length ${length} is outside ${s.min ?? 0}..${s.max ?? '∞'}`,
          });
        }
        if (s.pattern !== undefined && !fullMatch(s.pattern).test(value)) {
          out.push({
            path: at,
            constraint: 'pattern',
            message: `"${value.length > 60 ? value.slice(0, 57) + '...' : value}" does not match ${s.pattern}`,
          });
        }
        return;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const integral = s.type === 'integer' || s.type === 'long';
        if (typeof value !== 'number' || !Number.isFinite(value) || (integral && !Number.isInteger(value))) {
          out.push({
            path: at,
            constraint: 'type',
            shape: shapeName,
            message: integral ? 'must be an integer' : 'must be a number',
          });
          return;
        }
        if ((s.min !== undefined && value < s.min) || (s.max !== undefined && value > s.max)) {
          out.push({
            path: at,
            constraint: 'range',
            shape: shapeName,
            message: `${value} is outside ${s.min ?? '-∞'}..${s.max ?? '∞'}`,
          });
        }
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean')
          out.push({ path: at, constraint: 'type', shape: shapeName, message: 'must be true or false' });
        return;
      case 'timestamp':
        if (
          this.timestampsAsText
            ? typeof value !== 'string'
            : typeof value !== 'number' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        ) {
          out.push({
            path: at,
            constraint: 'type',
            shape: shapeName,
            message: 'must be a timestamp (epoch seconds or ISO 8601)',
          });
        }
        return;
      case 'blob':
        if (typeof value !== 'string')
          out.push({ path: at, constraint: 'type', shape: shapeName, message: 'must be a base64 string' });
        return;
    }
  }
}

/** The validator of whole requests against the SageMaker API model. */
export const sagemakerValidator = new RequestValidator();

/**
 * Field names only: what CreateStateMachine checks of a request
 * (sfn.parameters.field-names-checked-at-creation).
 */
export const fieldNameValidator = new RequestValidator(SAGEMAKER_MODEL, true);

/** Validates the request of one of the nine APIs against the API model and the semantic rules. */
export function validateRequest(
  api: Api,
  request: unknown,
  language: QueryLanguage = 'JSONPath',
): Violation[] {
  const violations = sagemakerValidator.validate(api, request, language);
  return violations.concat(semanticViolations(api, request, language));
}
