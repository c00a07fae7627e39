/**
 * The README's "Use it as a local endpoint" block, run as a user would run it in a clone: `serve`
 * in the background, the AWS CLI making a role with the generated policy, a state machine and an
 * execution, then `run --target endpoint` against it. Each `npx sfn-conformance` is this checkout's
 * command line, the port a free one, the examples this clone's. Needs the AWS CLI (`aws`; Debian's
 * `awscli` in CI): skipped, saying so, where it is absent.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'cli', 'testing', 'entry.ts');
/** tsx's loader by its path: the script runs outside the clone, where `--import tsx` finds no package. */
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const hasAws = (() => {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasAws)
  console.warn('SKIPPED: the AWS CLI (aws) is not installed; the README endpoint block is not run');

/** A port no one listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe.skipIf(!hasAws)("README: 'Use it as a local endpoint'", () => {
  it('runs as written: the execution starts, and the harness finds no divergence', async () => {
    const block = /## Use it as a local endpoint[\s\S]*?```bash\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has the section and its bash block').toBeDefined();
    const port = String(await freePort());
    const lines = block!
      .trim()
      .split('\n')
      .map((line) =>
        line
          .replaceAll('npx sfn-conformance', `node --import '${tsx}' '${entry}'`)
          .replaceAll('8083', port)
          .replaceAll('examples/', `${root}examples/`),
      );
    // A user types the next command once the server says it is serving; the script waits for the port.
    const ready = `for i in $(seq 300); do (exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null && break; sleep 0.1; done`;
    const script = ['set -euo pipefail', lines[0], ready, ...lines.slice(1), 'kill %1', 'wait'].join('\n');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    const child = spawn('bash', ['-c', script], {
      cwd: mkdtempSync(join(tmpdir(), 'sfnc-readme-serve-')),
      env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain(
      `serving Step Functions (JSON 1.0), SageMaker (JSON 1.1), IAM and STS (query) at http://127.0.0.1:${port}`,
    );
    expect(output).toContain('"executionArn": "arn:aws:states:us-east-1:123456789012:execution:train:');
    expect(output).toMatch(/\d+ cases: \d+ matched, 0 diverged, 0 errored/);
  });
});
