/** asl-validator's JSON Schemas, corrected (aslSchemaOverrides.ts), in the order it loads them. */
import './aslSchemaOverrides.js';
import { fromAsl } from './aslFormats.js';

/** The schemas, corrected, in asl-validator's loading order. */
export const ASL_SCHEMAS: readonly object[] = [
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

/** The schema a definition is validated against. */
export const STATE_MACHINE_SCHEMA = 'http://asl-validator.cloud/state-machine.json#';
