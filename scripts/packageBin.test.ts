/**
 * The command and the package agree: `npx sfn-sagemaker-conformance` outside a clone fetches this
 * package (npx runs the bin named as the package), and `sfn-conformance` stays as the same command
 * for those who use it. A bin named after a package this project does not own would have npx fetch
 * that package instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { bin?: Record<string, string> }>;
};

describe("the package's commands", () => {
  it('include one named as the package, and sfn-conformance, both the same file', () => {
    expect(Object.keys(manifest.bin).sort()).toEqual([manifest.name, 'sfn-conformance'].sort());
    expect(manifest.bin[manifest.name]).toBe(manifest.bin['sfn-conformance']);
    const file = join(root, manifest.bin[manifest.name]!);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it("are the lock file's too (npm ci links what the lock file says)", () => {
    expect(lock.packages['']?.bin).toEqual(manifest.bin);
  });
});
