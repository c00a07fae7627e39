/**
 * moto's server for the AWS target's tests: whether `moto_server` is on PATH, and one started on a
 * free local port with Step Functions executing its state machines.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Whether `moto_server` is on PATH. */
export function hasMoto(): boolean {
  try {
    execFileSync('moto_server', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A running moto server: its address, and how to stop it. */
export interface MotoServer {
  readonly endpoint: string;
  stop(): void;
}

/** Starts moto's server with Step Functions executing state machines; waits until it answers. */
export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const moto: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', process.env.MOTO_LOG ? 'inherit' : 'ignore'],
  });
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${endpoint}/moto-api/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stepfunctions: { execute_state_machine: true } }),
      });
      if (r.ok) break;
    } catch {
      if (i > 600) {
        moto.kill();
        throw new Error('moto_server did not start in two minutes');
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { endpoint, stop: () => void moto.kill() };
}
