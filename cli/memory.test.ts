/**
 * `run` holds no case it has written: the heap it keeps (measured after a full collection, while it
 * runs) is the same at 2,000 cases as at 400 (1.3 MiB apart, measured). A run that held its cases
 * whole keeps about 8 KiB more for each: 12 MiB more here (tried).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { run } from './testing/runInProcess.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const base = mkdtempSync(join(tmpdir(), 'sfnc-memory-'));

/** The largest heap a run keeps (after a full collection, sampled as it runs), in MiB. */
async function keptHeap(runs: number): Promise<number> {
  let peak = 0;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 250);
  try {
    const r = await run(
      'run',
      '--runs',
      String(runs),
      '--seed',
      '2',
      '--quiet',
      '--report',
      join(base, String(runs)),
    );
    expect(r.code, r.stderr).toBe(0);
  } finally {
    clearInterval(timer);
  }
  return peak / 1048576;
}

describe('run in bounded memory', () => {
  it('keeps no more heap at 2,000 cases than at 400', async () => {
    await keptHeap(20); // modules loaded, code compiled
    const small = await keptHeap(80);
    const large = await keptHeap(400);
    expect(large - small).toBeLessThan(6);
  });
});
