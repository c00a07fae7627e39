/**
 * `validate` of many definitions in one process (dist/): asl-validator's schema pass compiled once
 * (validation/aslSchema.ts) against asl-validator as shipped, which compiles its schemas on every
 * call; the same 100 definitions, the whole of validateDefinition each time, interleaved rounds.
 * Goal: at least 20x. Needs `npm run build` first.
 */
import fc from 'fast-check';
import { validCaseArb } from '../generators/case.js';
import type * as AslSchema from '../validation/aslSchema.js';
import type * as ValidateDefinition from '../validation/validateDefinition.js';
import { interleaved, ratio, timed, type Spread } from './measure.js';

export interface ValidateFigures {
  readonly definitions: number;
  readonly compiledOnceMs: Spread;
  readonly perCallMs: Spread;
  readonly ratio: number;
}

export async function benchValidate(rounds: number, count = 100): Promise<ValidateFigures> {
  const { useSchemaPass } = (await import('../dist/validation/aslSchema.js' as string)) as typeof AslSchema;
  const { validateDefinition } = (await import(
    '../dist/validation/validateDefinition.js' as string
  )) as typeof ValidateDefinition;
  const definitions = fc
    .sample(validCaseArb({ policy: 'predicted' }), { numRuns: count, seed: 20261201 })
    .map((c) => c.definition);
  const validateAll = () => {
    for (const d of definitions)
      if (validateDefinition(d).length > 0) throw new Error('a generated definition is invalid');
  };
  const spreads = await interleaved(
    {
      compiledOnce: () => timed(validateAll),
      perCall: () => {
        useSchemaPass('upstream');
        try {
          return timed(validateAll);
        } finally {
          useSchemaPass('compiled-once');
        }
      },
    },
    { rounds, warmup: 1 },
  );
  return {
    definitions: count,
    compiledOnceMs: spreads.compiledOnce,
    perCallMs: spreads.perCall,
    ratio: ratio(spreads.perCall, spreads.compiledOnce),
  };
}
