/**
 * What interrupts a long command: SIGINT, SIGTERM or SIGHUP, or the end of the process that started
 * it (npx killed: its shell dies, and this process is handed to init without a signal).
 */

/** How often the parent is looked for (ms). */
const PARENT_POLL_MS = 500;

/**
 * Calls `onInterrupt` once, with the reason, at the first signal or when the parent process has
 * gone; returns the function that stops watching.
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
  const timer = setInterval(() => {
    if (process.ppid !== parent) fire('the parent process ended');
  }, PARENT_POLL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const [s, h] of handlers) process.off(s, h);
  };
}
