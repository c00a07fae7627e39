/**
 * One whole `run` of the shipped command line (dist/, spawn to exit, reports written), timed: what
 * the whole-process benches (bench/workers.ts, bench/serve.ts) compare. Needs `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed } from './measure.js';

const bin = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'sfn-conformance.js');

/** Seconds `sfn-conformance run <args> --quiet` takes, its report written to a directory removed after; a failed run throws. */
export async function timedRun(args: readonly string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-bench-run-'));
  try {
    const ms = await timed(() => {
      const r = spawnSync(
        process.execPath,
        [bin, 'run', ...args, '--quiet', '--report', join(dir, 'report')],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`run ${args.join(' ')} exited ${r.status}: ${r.stdout}`);
    });
    return ms / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `sfn-conformance run --target endpoint --endpoint URL <more> --quiet --report DIR` of a command
 * line (`bin`), as a child process that does not block this one's event loop (a counting proxy or
 * a server may answer in it), with test credentials. Resolves once it exits 0 or 1 (a finding);
 * any other exit throws with what it said.
 */
export async function endpointRun(
  bin: string,
  endpoint: string,
  report: string,
  more: readonly string[],
): Promise<void> {
  const child = spawn(
    process.execPath,
    [bin, 'run', '--target', 'endpoint', '--endpoint', endpoint, ...more, '--quiet', '--report', report],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
    },
  );
  let said = '';
  child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0 && code !== 1) throw new Error(`run ${more.join(' ')} of ${bin} exited ${code}: ${said}`);
}
