/**
 * One whole `run` of the shipped command line (dist/, spawn to exit, reports written), timed: what
 * the whole-process benches (bench/workers.ts, bench/serve.ts) compare. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
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
