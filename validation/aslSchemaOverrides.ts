/**
 * Where asl-validator 4.0.0's JSON Schemas refuse definitions AWS accepts (recorded on AWS:
 * testdata/aws-recorded/ 003, 378-385, 418, 463), its schemas are corrected in place, once per
 * process, before it compiles them: asl-validator reads them as cached JSON modules.
 *
 * - a JSONata `Output` may be any JSON value (null, a number, a boolean, a plain string, a list),
 *   not only an expression or an object, on every state that has one (a Choice rule's too);
 * - a JSONata Choice `Condition` may be a boolean constant;
 * - a JSONPath payload template (Parameters, Assign, ResultSelector) may hold null, and strings
 *   that look like JSONata, inside lists.
 */
import { createRequire } from 'node:module';

type Schema = { definitions: Record<string, unknown> };
const require = createRequire(import.meta.url);
const jsonata = require('asl-validator/dist/src/schemas/jsonata.json') as Schema;
const paths = require('asl-validator/dist/src/schemas/paths.json') as Schema;

jsonata.definitions.output = { $comment: 'any JSON value; its strings may be JSONata expressions' };
jsonata.definitions.condition = {
  oneOf: [{ $ref: '#/definitions/jsonata' }, { type: 'boolean' }],
};
paths.definitions.asl_payload_template = {
  oneOf: [
    { $ref: '#/definitions/_payload_template_object' },
    { type: 'array', items: { $ref: '#/definitions/asl_payload_template' } },
    { type: ['boolean', 'number', 'null', 'string'] },
  ],
};

/** Imported for its effect; this names it. */
export const ASL_SCHEMA_OVERRIDES = [
  'jsonata#output',
  'jsonata#condition',
  'paths#asl_payload_template',
] as const;
