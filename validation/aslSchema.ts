/**
 * asl-validator's checks, with its JSON Schemas compiled once per process. asl-validator 4.0.0
 * builds a new Ajv and compiles its 15 schemas on every call (about 100 ms warm, 250 ms cold),
 * which capped `validate` and `exec` near ten definitions a second. Its schema pass is replaced
 * here, in its module (its entry reads it at call time), by one that keeps the compiled validator
 * and picks the same errors: those at the deepest instance path, a `oneOf` error standing for the
 * others at its path, each schema path and instance path once. Its other checks run as they are.
 * The schemas are corrected first (aslSchemaOverrides.ts).
 */
import './aslSchemaOverrides.js';
import { createRequire } from 'node:module';
import aslValidator from 'asl-validator';

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
interface Ajv {
  addFormat(name: string, format: (value: string) => boolean): void;
  getSchema(id: string): Compiled | undefined;
}
interface SchemaError {
  readonly 'Error code': string;
  readonly Message: string;
  readonly schemaError: { readonly instancePath: string; readonly schemaPath: string };
}
/** As asl-validator reads them: an option left out is off (its entry passes both on by default). */
type Options = { readonly checkPaths?: boolean; readonly checkArn?: boolean };

// asl-validator's own dependencies, resolved from where it is installed.
const fromAsl = createRequire(createRequire(import.meta.url).resolve('asl-validator'));
const SCHEMAS = [
  'common',
  'paths',
  'jsonata',
  'choice',
  'fail',
  'parallel',
  'pass',
  'base-state-machine',
  'state-machine',
  'state',
  'succeed',
  'task',
  'wait',
  'map',
  'errors',
].map((name) => fromAsl(`./schemas/${name}.json`) as object);
const STATE_MACHINE = 'http://asl-validator.cloud/state-machine.json#';
const SCHEMA_VALIDATION_FAILED = (
  fromAsl('./types') as { StateMachineErrorCode: { SchemaValidationFailed: string } }
).StateMachineErrorCode.SchemaValidationFailed;

const compiled = new Map<string, Compiled>();

/** The state machine schema compiled with asl-validator's formats for these options, once. */
function stateMachineSchema(options: Options): Compiled {
  const key = `${options.checkPaths === true}/${options.checkArn === true}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const AjvClass = (fromAsl('ajv') as { default: new (o: object) => Ajv }).default;
  const addFormats = (fromAsl('ajv-formats') as { default: (ajv: Ajv) => void }).default;
  const jsonata = fromAsl('jsonata') as (expression: string) => unknown;
  const ajv = new AjvClass({ schemas: SCHEMAS, allowUnionTypes: true });
  addFormats(ajv);
  const parses = (value: string): boolean => {
    let expression = value.trim();
    if (expression.startsWith('{%')) expression = expression.slice(2);
    if (expression.endsWith('%}')) expression = expression.slice(0, -2);
    try {
      jsonata(expression);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('jsonata_string', parses);
  ajv.addFormat('maybe_jsonata_string', (value) => {
    const t = value.trim();
    return t.startsWith('{%') || t.endsWith('%}') ? parses(t) : true;
  });
  const any = () => true;
  if (options.checkPaths)
    (fromAsl('asl-path-validator') as { registerAll: (ajv: Ajv) => void }).registerAll(ajv);
  else
    for (const f of ['asl_path', 'asl_ref_path', 'asl_payload_template', 'asl_result_path'])
      ajv.addFormat(f, any);
  const { isArnFormatValid } = fromAsl('./checks/formats') as { isArnFormatValid: (v: string) => boolean };
  ajv.addFormat('asl_arn', options.checkArn ? isArnFormatValid : any);
  const schema = ajv.getSchema(STATE_MACHINE)!;
  compiled.set(key, schema);
  return schema;
}

/** The schema errors asl-validator reports for a definition. */
function schemaErrors(definition: unknown, options: Options = {}): SchemaError[] {
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

const schemaPass = fromAsl('./checks/json-schema-errors') as { jsonSchemaErrors: typeof schemaErrors };
/** asl-validator's own schema pass (a new Ajv a call): the test holds `schemaErrors` equal to it. */
export const upstreamSchemaErrors: typeof schemaErrors = schemaPass.jsonSchemaErrors;
schemaPass.jsonSchemaErrors = schemaErrors;
export { schemaErrors };

/** asl-validator on a copy of the definition (it writes QueryLanguage into the states it reads). */
export function aslValidate(definition: unknown): ReturnType<typeof aslValidator> {
  return aslValidator(structuredClone(definition));
}
