/**
 * Start-up of the shipped command line (`node bin/sfn-conformance.js`, which runs dist/): wall
 * time of each command from spawn to exit, against `node -e 0`, in interleaved rounds. Needs
 * `npm run build` first. Goals: `--help` and `--version` at most 2x `node -e 0`; `policy`,
 * `check` and `validate` at most 3x.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleaved, ratio, timed, type Spread } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'sfn-conformance.js');

export interface StartupFigure {
  readonly command: string;
  readonly ms: Spread;
  /** Median over `node -e 0`'s median. */
  readonly ratio: number;
  readonly goal?: number;
}

export async function benchStartup(rounds: number): Promise<StartupFigure[]> {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before the start-up bench');
  const example = join(root, 'examples', 'training-job.json');
  const dir = mkdtempSync(join(tmpdir(), 'sfn-conformance-bench-'));
  const policy = join(dir, 'policy.json');
  const made = spawnSync(process.execPath, [bin, 'policy', example, '--account', '123456789012']);
  writeFileSync(policy, made.stdout);
  const commands: Record<string, { argv: string[]; goal?: number }> = {
    'node -e 0': { argv: ['-e', '0'] },
    '--help': { argv: [bin, '--help'], goal: 2 },
    '--version': { argv: [bin, '--version'], goal: 2 },
    validate: { argv: [bin, 'validate', example], goal: 3 },
    policy: { argv: [bin, 'policy', example, '--account', '123456789012'], goal: 3 },
    check: {
      argv: [bin, 'check', '--definition', example, '--policy', policy, '--account', '123456789012'],
      goal: 3,
    },
    exec: { argv: [bin, 'exec', example] },
  };
  const spreads = await interleaved(
    Object.fromEntries(
      Object.entries(commands).map(([name, { argv }]) => [
        name,
        () =>
          timed(() => {
            const r = spawnSync(process.execPath, argv, { stdio: 'ignore' });
            if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
          }),
      ]),
    ),
    { rounds, warmup: 2 },
  );
  const base = spreads['node -e 0']!;
  return Object.entries(commands).map(([command, { goal }]) => ({
    command,
    ms: spreads[command]!,
    ratio: ratio(spreads[command]!, base),
    ...(goal !== undefined ? { goal } : {}),
  }));
}
