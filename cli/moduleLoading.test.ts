/**
 * Every command loads only what it uses: start-up is module loading. The command line runs as a
 * child with a module-resolution hook that writes down every package it loads; `--help` loads no
 * command's modules, and no command but the AWS targets and `sweep` loads the AWS SDK.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');
const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-modules-'));
const hooks = join(dir, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.MODULE_LOG, resolved.url + '\\n');
  return resolved;
}
`,
);
// CommonJS modules (asl-validator and its dependencies) do not pass the hook: the cache says.
const cjs = join(dir, 'cjs.cjs');
writeFileSync(
  cjs,
  `process.on('exit', () => require('node:fs').appendFileSync(process.env.MODULE_LOG, Object.keys(require.cache).map((f) => 'file://' + f).join('\\n') + '\\n'));\n`,
);
const register = join(dir, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
);

let logs = 0;

/** The packages (node_modules/<name>) and project folders a command line loads. */
function loaded(...argv: string[]): { packages: Set<string>; files: string[] } {
  const log = join(dir, `log-${++logs}`);
  writeFileSync(log, '');
  try {
    execFileSync(
      process.execPath,
      ['--require', cjs, '--import', register, '--import', 'tsx', entry, ...argv],
      {
        cwd: root,
        env: { ...process.env, MODULE_LOG: log, AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '' },
        stdio: 'pipe',
      },
    );
  } catch {
    // The exit code is not the point here (a FAILED exec exits 1).
  }
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(
    urls.flatMap((u) => {
      const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
      return m ? [m[1]!] : [];
    }),
  );
  return {
    packages,
    files: urls.filter((u) => u.startsWith(pathToFileURL(root).href) && !u.includes('node_modules')),
  };
}

const example = join(root, 'examples', 'training-job.json');
/** What `--import tsx` itself loads, to run the sources. */
const TSX = new Set(['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps']);
const aws = (packages: Set<string>) =>
  [...packages].filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'));

describe('what each command loads', () => {
  it('--help and --version load commander and no command', () => {
    for (const argv of [['--help'], ['--version']]) {
      const { packages, files } = loaded(...argv);
      expect([...packages].filter((p) => !TSX.has(p)).sort()).toEqual(['commander', 'jsonc-parser']);
      expect(files.some((f) => f.includes('/cli/commands/'))).toBe(false);
    }
  });

  it.each([
    ['validate', example],
    ['policy', example, '--account', '123456789012'],
    ['exec', example],
    ['run', '--runs', '1', '--report', 'REPORT'],
  ])('%s loads no AWS SDK module', (...argv) => {
    const args = argv.map((a) => (a === 'REPORT' ? join(dir, `report-${argv[0]}`) : a));
    const { packages } = loaded(...args);
    expect(packages.size).toBeGreaterThan(1); // the hook saw the command's own packages
    expect(aws(packages)).toEqual([]);
  });

  it('validate and policy do not load the generators, fast-check or the reports', () => {
    for (const argv of [
      ['validate', example],
      ['policy', example, '--account', '123456789012'],
    ]) {
      const { packages, files } = loaded(...argv);
      expect(packages.has('fast-check')).toBe(false);
      expect(files.filter((f) => /\/(generators|reports|suites\/targets)\//.test(f))).toEqual([]);
    }
  });

  it('validate and exec run asl-validator without loading Ajv (its schemas are precompiled)', () => {
    for (const argv of [
      ['validate', example],
      ['exec', example],
    ]) {
      const { packages } = loaded(...argv);
      expect(packages.has('asl-validator')).toBe(true);
      // ajv-formats' table of formats (date-time) is read; Ajv itself is not loaded.
      expect([...packages].filter((p) => p === 'ajv' || p === 'fast-uri')).toEqual([]);
    }
  });

  it('the AWS target loads the SDK (the hook does see it)', () => {
    const { packages } = loaded('run', '--target', 'aws', '--plan', '--runs', '1');
    expect(aws(packages).length).toBeGreaterThan(0);
  });
});
