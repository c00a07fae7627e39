/**
 * Peak resident memory of `run` on the built-in emulator (the shipped command line, dist/, reports
 * written) at two lengths, each in a process of its own: the peak as the kernel counts it
 * (`process.resourceUsage().maxRSS`, read as the process exits). Goal: `--runs 20000` (100,000
 * cases) at most 1.3x `--runs 1000`. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'sfn-conformance.js');
/** Loaded before the command line: says the process's peak resident memory (KiB) as it exits. */
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kib '+process.resourceUsage().maxRSS+'\\n'))`;

export interface MemoryFigure {
  readonly runs: number;
  readonly cases: number;
  readonly peakRssMiB: number;
  readonly seconds: number;
}

export interface MemoryFigures {
  readonly small: MemoryFigure;
  readonly large: MemoryFigure;
  readonly ratio: number;
}

function measure(runs: number, dir: string): MemoryFigure {
  const report = join(dir, String(runs));
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', PEAK, bin, 'run', '--runs', String(runs), '--seed', '1', '--quiet', '--report', report],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-rss-kib (\d+)/.exec(r.stderr);
  const cases = /^(\d+) cases:/m.exec(r.stdout);
  if (r.status !== 0 || !peak || !cases)
    throw new Error(`run --runs ${runs} failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
  return {
    runs,
    cases: Number(cases[1]),
    peakRssMiB: Math.round((Number(peak[1]) / 1024) * 10) / 10,
    seconds: +seconds.toFixed(1),
  };
}

export function benchMemory(small: number, large: number): MemoryFigures {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-bench-memory-'));
  try {
    const s = measure(small, dir);
    const l = measure(large, dir);
    return { small: s, large: l, ratio: +(l.peakRssMiB / s.peakRssMiB).toFixed(2) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
