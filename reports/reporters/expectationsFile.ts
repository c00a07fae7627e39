/**
 * `run --write-expect FILE`: a baseline of the run's divergences (one entry per suite, API, pattern
 * and first difference), written whole when the run is over, to be edited and given to `--expect`.
 * Its `$schema` is docs/expectations.schema.json of this installed package, as a path relative to
 * the file written (where an editor resolves it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXPECTATIONS_SCHEMA_URL, expectationsFrom } from '../expectations.js';
import { writeWhole } from './fileWrites.js';
import type { RunReporter } from './runReporter.js';

/** docs/expectations.schema.json of this package (from the sources or from dist/), or undefined. */
function installedSchema(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      if (
        (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name !==
        'sfn-sagemaker-conformance'
      )
        continue;
    } catch {
      continue;
    }
    const schema = join(dir, 'docs', 'expectations.schema.json');
    return existsSync(schema) ? schema : undefined;
  }
  return undefined;
}

/** The `$schema` of a baseline written at `path`: the package's schema relative to it (a file URL across drives). */
export function schemaReference(path: string, schema: string | undefined = installedSchema()): string {
  if (schema === undefined) return EXPECTATIONS_SCHEMA_URL;
  const from = relative(dirname(resolve(path)), schema);
  if (isAbsolute(from)) return pathToFileURL(schema).href;
  const posix = from.split(sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

/** The reporter that writes the run's baseline to `path`, naming `reportFile` as where it was seen. */
export function expectationsFileReporter(path: string, reportFile: string): RunReporter {
  return {
    onRunEnd(report) {
      const expectations = { ...expectationsFrom(report, reportFile), $schema: schemaReference(path) };
      writeWhole(path, `${JSON.stringify(expectations, null, 2)}\n`);
    },
  };
}
