/**
 * What interrupts a long command: SIGINT, SIGTERM or SIGHUP, or the end of a process that started
 * it. npx runs the command through a shell (npx → sh → node): killing npx leaves the shell, which
 * waits on, so this process's parent never changes. Every ancestor is watched instead: each must
 * still run under the parent it had when the command started (on Linux, read from /proc; elsewhere
 * each must still run, and the parent be the same).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processRuns } from './reportDirLock.js';

/** How often the ancestors are looked at (ms). */
const ANCESTOR_POLL_MS = 500;

/** The most ancestors watched (a deeper tree is cut: the nearest are the ones that start a run). */
const MAX_ANCESTORS = 32;

/** A process's parent and whether it has ended (a zombie), from /proc; undefined where there is none. */
function procStat(pid: number): { ppid: number; ended: boolean } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (name) state ppid ...`: the name may hold spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), ended: state === 'Z' || state === 'X' };
  } catch {
    return undefined;
  }
}

/** An ancestor and the parent it had at the start. */
interface Ancestor {
  readonly pid: number;
  readonly ppid: number | undefined;
}

/** Each process's parent, from one `ps` (where there is no /proc); empty if ps fails. */
function parentsFromPs(): Map<number, number> {
  const parents = new Map<number, number>();
  try {
    const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 5_000 });
    for (const line of out.split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (pid !== undefined && ppid !== undefined && pid > 0) parents.set(pid, ppid);
    }
  } catch {
    // No ps: the parent alone is watched.
  }
  return parents;
}

/**
 * This process's ancestors, nearest first, up to (not including) init; where /proc is missing,
 * their parents as `ps` tells them, and only whether each still runs is watched.
 */
function ancestors(): Ancestor[] {
  const proc = procStat(process.pid) !== undefined;
  const parents = proc ? undefined : parentsFromPs();
  const chain: Ancestor[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < MAX_ANCESTORS) {
    const ppid = proc ? procStat(pid)?.ppid : parents!.get(pid);
    chain.push({ pid, ppid: proc ? ppid : undefined });
    if (ppid === undefined) break;
    pid = ppid;
  }
  return chain;
}

/** The first ancestor that has ended or been handed to another parent, or undefined. */
function goneAncestor(chain: readonly Ancestor[]): number | undefined {
  for (const { pid, ppid } of chain) {
    if (ppid === undefined) {
      if (!processRuns(pid)) return pid;
      continue;
    }
    const now = procStat(pid);
    if (now === undefined || now.ended || now.ppid !== ppid) return pid;
  }
  return undefined;
}

/**
 * Calls `onInterrupt` once, with the reason, at the first signal or when a process that started
 * this one has gone; returns the function that stops watching. While watched, a signal does not
 * end the process: it waits for the command to finish what it writes.
 */
export function watchInterruption(onInterrupt: (why: string) => void): () => void {
  let fired = false;
  const fire = (why: string) => {
    if (fired) return;
    fired = true;
    onInterrupt(why);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handlers = signals.map((s) => [s, () => fire(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  const parent = process.ppid;
  const chain = ancestors();
  const timer = setInterval(() => {
    if (process.ppid !== parent) return fire('the parent process ended');
    const gone = goneAncestor(chain);
    if (gone !== undefined) fire(`process ${gone}, which started this one, has gone`);
  }, ANCESTOR_POLL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const [s, h] of handlers) process.off(s, h);
  };
}
