/**
 * The cost of the wire: `run` on the built-in emulator in process (`--target embedded`) against the
 * same cases through the AWS SDK to `sfn-conformance serve` on loopback (`--target endpoint`), the
 * shipped command line (dist/, spawn to exit, reports written), interleaved rounds: cases per
 * second. Each endpoint round has a fresh `serve` process (started before the round's clock): on
 * one server, a later round would find the job names of the first taken and not run those cases.
 * Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, ratio, type Spread } from './measure.js';
import { timedRun } from './runProcess.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'sfn-conformance.js');

/** The figures of `npm run bench -- --serve`. */
export interface ServeFigures {
  readonly runs: number;
  readonly cases: number;
  readonly concurrency: number;
  /** Wall-clock seconds of the whole process, by target. */
  readonly seconds: Record<'embedded' | 'endpoint', Spread>;
  readonly casesPerSecond: Record<'embedded' | 'endpoint', number>;
  /** How many times longer the run through the wire takes. */
  readonly ratio: number;
}

/**
 * Starts `serve` of a command line (this checkout's, or `cli`) on a free loopback port, with more
 * arguments (`--emulator-mutant NAME`); resolves with its URL and how to stop it.
 */
export async function startServe(
  more: readonly string[] = [],
  cli: string = bin,
): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...more], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** `run --runs N --seed 1` on each target, `rounds` interleaved rounds after a warm-up. */
export async function benchServe(runs: number, rounds: number, concurrency = 8): Promise<ServeFigures> {
  let server: { url: string; stop: () => void } | undefined;
  const run = (target: () => string[]) => () =>
    timedRun([...target(), '--runs', String(runs), '--seed', '1', '--concurrency', String(concurrency)]);
  try {
    const onServer = run(() => ['--target', 'endpoint', '--endpoint', server!.url]);
    const seconds = await interleaved(
      {
        embedded: run(() => []),
        endpoint: async () => {
          server = await startServe();
          try {
            return await onServer();
          } finally {
            server.stop();
          }
        },
      },
      { rounds, warmup: 1 },
    );
    const cases = runs * 5;
    return {
      runs,
      cases,
      concurrency,
      seconds,
      casesPerSecond: {
        embedded: Math.round(cases / seconds.embedded.median),
        endpoint: Math.round(cases / seconds.endpoint.median),
      },
      ratio: ratio(seconds.endpoint, seconds.embedded),
    };
  } finally {
    server?.stop();
  }
}
