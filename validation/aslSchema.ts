/**
 * asl-validator's checks, with its JSON Schemas compiled once per process. asl-validator 4.0.0
 * builds a new Ajv and compiles its 15 schemas on every call (about 100 ms warm, 250 ms cold),
 * which capped `validate` and `exec` near ten definitions a second. Its schema pass is replaced
 * here, in its module (its entry reads it at call time), by one that keeps the compiled validator
 * and picks the same errors: those at the deepest instance path, a `oneOf` error standing for the
 * others at its path, each schema path and instance path once. Its other checks run as they are.
 * The schemas are corrected first (aslSchemaOverrides.ts); for the options asl-validator's entry
 * uses, the validator is precompiled (validation/generated/, by scripts/gen-asl-schema.ts), so
 * that a process starts without compiling them.
 */
import type AslValidator from 'asl-validator';
import { Module } from 'node:module';
import { JSONPath } from 'jsonpath-plus';
import { aslFormats, fromAsl, type AslOptions } from './aslFormats.js';
import { unreadableShapes } from './aslReadable.js';
import { ASL_SCHEMAS, STATE_MACHINE_SCHEMA } from './aslSchemas.js';
import precompiled from './generated/aslStateMachineValidator.js';

interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message?: string;
}
interface Compiled {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}
interface SchemaError {
  readonly 'Error code': string;
  readonly Message: string;
  readonly schemaError: { readonly instancePath: string; readonly schemaPath: string };
}

const SCHEMA_VALIDATION_FAILED = (
  fromAsl('./types') as { StateMachineErrorCode: { SchemaValidationFailed: string } }
).StateMachineErrorCode.SchemaValidationFailed;

/**
 * The state machine schema for these options: precompiled for the entry's (both checks on,
 * scripts/gen-asl-schema.ts), else compiled with Ajv on first use.
 */
const compiled = new Map<string, Compiled>([['true/true', precompiled as Compiled]]);

function stateMachineSchema(options: AslOptions): Compiled {
  const key = `${options.checkPaths === true}/${options.checkArn === true}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const AjvClass = (
    fromAsl('ajv') as {
      default: new (o: object) => {
        addFormat(name: string, format: unknown): void;
        getSchema(id: string): Compiled | undefined;
      };
    }
  ).default;
  const ajv = new AjvClass({ schemas: ASL_SCHEMAS, allowUnionTypes: true });
  for (const [name, format] of Object.entries(aslFormats(options))) ajv.addFormat(name, format);
  const schema = ajv.getSchema(STATE_MACHINE_SCHEMA)!;
  compiled.set(key, schema);
  return schema;
}

/** The schema errors asl-validator reports for a definition. */
function schemaErrors(definition: unknown, options: AslOptions = {}): SchemaError[] {
  const validate = stateMachineSchema(options);
  if (validate(definition) || !validate.errors) return [];
  const depth = (e: AjvError) => e.instancePath.split('/').length;
  const deepest = Math.max(...validate.errors.map(depth));
  const selected = validate.errors.filter((e) => depth(e) === deepest);
  const oneOfAt = new Set(selected.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: SchemaError[] = [];
  for (const e of selected) {
    if (e.keyword !== 'oneOf' && oneOfAt.has(e.instancePath)) continue;
    const schemaPath = decodeURIComponent(e.schemaPath);
    const key = `${schemaPath}\u0000${e.instancePath}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      'Error code': SCHEMA_VALIDATION_FAILED,
      Message: `${e.instancePath} is invalid. ${e.message ?? ''}`,
      schemaError: { instancePath: e.instancePath, schemaPath },
    });
  }
  return out;
}

// asl-validator's entry requires its schema pass on load, and with it Ajv (about 90 ms to load).
// The pass is put in the module cache first, so that the entry finds this one and Ajv is not
// loaded; where the real module is there already (loaded before this one), it is patched instead.
const STUB = Symbol.for('sfn-sagemaker-conformance: schema pass');
const UPSTREAM = Symbol.for('sfn-sagemaker-conformance: asl-validator schema pass');
type Pass = { jsonSchemaErrors: typeof schemaErrors; [STUB]?: true };
const PASS_PATH = fromAsl.resolve('./checks/json-schema-errors');
const originals = globalThis as { [UPSTREAM]?: typeof schemaErrors };
function installPass(): Pass {
  const present = fromAsl.cache[PASS_PATH];
  if (present) {
    const pass = present.exports as Pass;
    if (!pass[STUB]) originals[UPSTREAM] ??= pass.jsonSchemaErrors;
    return pass;
  }
  const stub = new Module(PASS_PATH);
  stub.filename = PASS_PATH;
  stub.loaded = true;
  stub.exports = { jsonSchemaErrors: schemaErrors, [STUB]: true } satisfies Pass;
  fromAsl.cache[PASS_PATH] = stub;
  return stub.exports as Pass;
}
const schemaPass = installPass();
schemaPass.jsonSchemaErrors = schemaErrors;
const aslValidator = fromAsl('./validator.js') as typeof AslValidator;

/**
 * asl-validator's own schema pass (a new Ajv a call), loaded on first use: the test holds
 * `schemaErrors` equal to it, the bench measures against it.
 */
export function upstreamSchemaErrors(definition: unknown, options?: AslOptions): SchemaError[] {
  if (!originals[UPSTREAM]) {
    const stub = fromAsl.cache[PASS_PATH];
    delete fromAsl.cache[PASS_PATH];
    try {
      originals[UPSTREAM] = (fromAsl(PASS_PATH) as Pass).jsonSchemaErrors;
    } finally {
      fromAsl.cache[PASS_PATH] = stub;
    }
  }
  return originals[UPSTREAM](definition, options);
}
export { schemaErrors };

/** Which schema pass asl-validator runs: `upstream` is its own, for the bench's before-and-after. */
export function useSchemaPass(which: 'compiled-once' | 'upstream'): void {
  schemaPass.jsonSchemaErrors = which === 'upstream' ? upstreamSchemaErrors : schemaErrors;
}

type DuplicateCheck = { mustNotHaveDuplicateFieldNamesAfterEvaluation: (definition: unknown) => unknown[] };
const DUPLICATE_FIELD_NAME = (fromAsl('./types') as { StateMachineErrorCode: { DuplicateFieldName: string } })
  .StateMachineErrorCode.DuplicateFieldName;

/**
 * asl-validator's check that no two keys of a payload template become one once `.$` is stripped,
 * with its selector and messages, counting keys in a Map: its own counts them in an object literal,
 * where `constructor` or `toString` is found on Object.prototype and taken for a duplicate.
 */
function duplicateFieldNames(definition: unknown): unknown[] {
  const out: unknown[] = [];
  const inspect = (parent: object): void => {
    const seen = new Set<string>();
    for (const [key, value] of Object.entries(parent)) {
      const name = key.endsWith('.$') ? key.slice(0, -2) : key;
      if (seen.has(name))
        out.push({
          'Error code': DUPLICATE_FIELD_NAME,
          Message: `A duplicate field will exist after renaming to strip the ".$" suffix from: ${key}.$`,
        });
      seen.add(name);
      if (typeof value === 'object' && value !== null) inspect(value);
    }
  };
  const templates = JSONPath({
    json: definition as object,
    path: '$..[Parameters,ResultSelector]',
  }) as unknown[];
  for (const template of templates) if (typeof template === 'object' && template !== null) inspect(template);
  return out;
}
(
  fromAsl('./checks/duplicate-payload-template-fields') as DuplicateCheck
).mustNotHaveDuplicateFieldNamesAfterEvaluation = duplicateFieldNames;

/**
 * asl-validator on a copy of the definition (it writes QueryLanguage into the states it reads).
 * The shapes it cannot read (aslReadable.ts) are reported as schema problems, and it is not called.
 */
export function aslValidate(definition: unknown): ReturnType<typeof aslValidator> {
  const unreadable = unreadableShapes(definition);
  if (unreadable.length > 0) {
    const errors = unreadable.map((u) => ({
      'Error code': SCHEMA_VALIDATION_FAILED,
      Message: `${u.pointer} is invalid. ${u.message}`,
      schemaError: { instancePath: u.pointer },
    }));
    return {
      isValid: false,
      errors,
      errorsText: (separator = '\n') => errors.map((e) => e.Message).join(separator),
    };
  }
  return aslValidator(structuredClone(definition));
}
