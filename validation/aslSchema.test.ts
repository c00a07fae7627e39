/**
 * The compiled-once schema pass reports what asl-validator's own pass reports, error for error:
 * on AWS's recorded definitions (testdata/aws-recorded), the examples, and generated
 * definitions broken at a random place, with each of asl-validator's options.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCaseArb } from '../generators/case.js';
import { aslValidate, schemaErrors, upstreamSchemaErrors } from './aslSchema.js';

const OPTIONS = [{ checkPaths: true, checkArn: true }, { checkPaths: true }, { checkArn: true }, {}];
/** Both passes on one definition (asl-validator's pass compiles its schemas: about 100 ms a call). */
const same = (definition: unknown, options: (typeof OPTIONS)[number] = OPTIONS[0]!) =>
  expect(schemaErrors(structuredClone(definition), options)).toEqual(
    upstreamSchemaErrors(structuredClone(definition), options),
  );

const RECORDED = resolve(import.meta.dirname, '../testdata/aws-recorded');
const EXAMPLES = resolve(import.meta.dirname, '../examples');

/** Every value's place in a JSON document, as a list of keys. */
function places(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) places(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

/** The definition with the value at `place` replaced (or deleted, for undefined). */
function broken(definition: unknown, place: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(definition) as Record<string | number, unknown>;
  if (place.length === 0) return value;
  let parent = copy;
  for (const k of place.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  if (value === undefined) delete parent[place.at(-1)!];
  else parent[place.at(-1)!] = value;
  return copy;
}

describe('asl-validator with its schemas compiled once', () => {
  it.skipIf(!existsSync(RECORDED))(
    "agrees with asl-validator's own pass on AWS's recorded definitions",
    () => {
      // One in eight: a spread of the features the recordings cover, at a bearable cost.
      const files = readdirSync(RECORDED)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .filter((_, i) => i % 8 === 0);
      expect(files.length).toBeGreaterThan(50);
      for (const f of files)
        same((JSON.parse(readFileSync(join(RECORDED, f), 'utf8')) as { definition: unknown }).definition);
    },
  );

  it('agrees on the examples, and on generated definitions broken at a random place', () => {
    for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')))
      same(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')));
    let invalid = 0;
    fc.assert(
      fc.property(
        validCaseArb({ policy: 'predicted' }),
        fc.nat(),
        fc.option(
          fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.constantFrom('$.a', '$$.Execution', 'arn:aws:x', 'States.ALL'),
          ),
          { nil: undefined },
        ),
        (c, pick, value) => {
          const all = places(c.definition);
          const definition = broken(c.definition, all[pick % all.length]!, value);
          if (schemaErrors(structuredClone(definition), OPTIONS[0]).length > 0) invalid++;
          same(definition, OPTIONS[pick % OPTIONS.length]);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    expect(invalid).toBeGreaterThan(20); // the broken definitions do reach the error selection
  });

  it('leaves the definition it reads unchanged', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    expect(aslValidate(definition).isValid).toBe(true);
    expect(definition).toEqual({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  });
});

describe('the precompiled validator', () => {
  it('is what scripts/gen-asl-schema.ts writes from the installed asl-validator and the overrides', async () => {
    const { generatedValidator, GENERATED } = await import('../scripts/gen-asl-schema.js');
    expect(readFileSync(GENERATED, 'utf8') === generatedValidator()).toBe(true);
  });
});
