#!/usr/bin/env node
// Entry point of the command, under both its names: `sfn-sagemaker-conformance` (the package's name,
// what `npx` fetches outside a clone) and `sfn-conformance`. The TypeScript sources are compiled to dist/ by
// `npm ci` / `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'sfn-conformance: dist/ is missing: the package was not built. Run `npm ci` (or `npm run build`) in the package folder.\n',
  );
  process.exit(2);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
