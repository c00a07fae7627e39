/**
 * The string formats asl-validator's schemas name, as it defines them for its options: its
 * JSONata and ARN checks, asl-path-validator's path formats (or none, without `checkPaths`),
 * and ajv-formats' `date-time`. The compiled-once schema pass and the precompiled validator
 * (validation/generated/aslStateMachineValidator.ts) both take them from here.
 */
import { createRequire } from 'node:module';

/** A string format as Ajv takes it: a test, a pattern, or a format object. */
export type AslFormat = ((value: string) => boolean) | RegExp | { validate: unknown; compare?: unknown };
/** As asl-validator reads them: an option left out is off (its entry passes both on by default). */
export type AslOptions = { readonly checkPaths?: boolean; readonly checkArn?: boolean };

/** Resolves from asl-validator's own folder: its dependencies, as it would load them. */
export const fromAsl = createRequire(createRequire(import.meta.url).resolve('asl-validator'));

const PATH_FORMATS = ['asl_path', 'asl_ref_path', 'asl_payload_template', 'asl_result_path'];

/** The formats asl-validator defines for these options, by name. */
export function aslFormats(options: AslOptions): Record<string, AslFormat> {
  const jsonata = fromAsl('jsonata') as (expression: string) => unknown;
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
  const any = () => true;
  const out: Record<string, AslFormat> = {
    'date-time': (fromAsl('ajv-formats/dist/formats') as { fullFormats: Record<string, AslFormat> })
      .fullFormats['date-time']!,
    jsonata_string: parses,
    maybe_jsonata_string: (value) => {
      const t = value.trim();
      return t.startsWith('{%') || t.endsWith('%}') ? parses(t) : true;
    },
  };
  if (options.checkPaths)
    (fromAsl('asl-path-validator') as { registerAll: (ajv: unknown) => void }).registerAll({
      addFormat: (name: string, format: AslFormat) => (out[name] = format),
    });
  else for (const f of PATH_FORMATS) out[f] = any;
  const { isArnFormatValid } = fromAsl('./checks/formats') as { isArnFormatValid: (v: string) => boolean };
  out.asl_arn = options.checkArn ? isArnFormatValid : any;
  return out;
}
