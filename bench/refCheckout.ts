/**
 * A git revision of this repository, checked out into a temporary worktree and built, for the
 * benches that compare this checkout with it (bench/versus.ts, bench/sameFindings.ts). The
 * worktree borrows this checkout's node_modules (or installs its own, where REF's lock file
 * differs), is built with its own TypeScript, and is removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Runs `use` with the root of REF built in a temporary worktree (and a scratch directory); removes both after. */
export async function withRefCheckout<T>(
  ref: string,
  use: (root: string, scratch: string) => T | Promise<T>,
): Promise<T> {
  const head = resolve('.');
  const dir = mkdtempSync(join(tmpdir(), 'sfn-ref-'));
  const worktree = join(dir, 'ref');
  if (ref.startsWith('-')) throw new Error(`"${ref}": a git ref cannot start with "-"`);
  execFileSync('git', ['worktree', 'add', '--detach', '--end-of-options', worktree, ref], {
    stdio: 'ignore',
  });
  try {
    // The same dependencies are borrowed; others are installed as REF's lock file pins them.
    const lock = (root: string) => readFileSync(join(root, 'package-lock.json'), 'utf8');
    if (lock(worktree) === lock(head))
      symlinkSync(join(head, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    else
      execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: worktree,
        stdio: 'ignore',
      });
    execFileSync(
      process.execPath,
      [join(worktree, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: worktree, stdio: 'ignore' },
    );
    return await use(worktree, dir);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', '--end-of-options', worktree], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}
