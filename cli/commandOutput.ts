/**
 * What a command writes, as the command line hands it over: the process's streams with their
 * failures made the command's (a reader that closed the pipe, a full disk), and the notes said on
 * the side (a warning, a drawn seed) held until the command is past its checks, so that bad input
 * stays one line.
 */
import type { Io } from './io.js';
import { systemReason } from './files.js';

/** A write to standard output that failed: its reader closed the pipe (EPIPE), or the device is full. */
export class OutputError extends Error {
  override readonly name = 'OutputError';

  constructor(readonly code: string) {
    super(`standard output: ${code}`);
  }
}

/** The exit code of a command whose reader closed its output (as a program ended by SIGPIPE). */
export const CLOSED_OUTPUT_EXIT = 141;

/** A stream as the process has it: written, and failed (`errored`) once a write did. */
interface Stream {
  write(text: string): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  readonly errored?: Error | null;
}

const quieted = new WeakSet<Stream>();

/**
 * An Io on the process's streams. A write to standard output that fails throws an OutputError at
 * once (the command stops; see `outputFailure`); standard error failing is ignored (nothing could
 * tell it), and its later writes are dropped.
 */
export function streamIo(stdout: Stream, stderr: Stream): Io {
  // The failure is told by the write that met it, not as an unhandled 'error' event.
  for (const s of [stdout, stderr])
    if (!quieted.has(s)) {
      s.on('error', () => undefined);
      quieted.add(s);
    }
  const failed = (s: Stream) => (s.errored as NodeJS.ErrnoException | null | undefined)?.code ?? undefined;
  return {
    stdout: (text) => {
      if (failed(stdout) === undefined) stdout.write(text);
      const code = failed(stdout) ?? (stdout.errored ? 'EIO' : undefined);
      if (code !== undefined) throw new OutputError(code);
    },
    stderr: (text) => {
      if (!stderr.errored) stderr.write(text);
    },
  };
}

/** The one line an OutputError is told in, or undefined: a closed pipe is told nothing. */
export function outputFailure(e: OutputError): string | undefined {
  if (e.code === 'EPIPE') return undefined;
  return `writing to standard output failed: ${systemReason(e.code, e.message)}`;
}

/** Whether a line on stderr is a note on the side (a warning, a note, the drawn seed), held until the checks pass. */
const isNote = (text: string) => /^(warning|note|seed): /.test(text);

/** The held-notes Io of each command running, and how its notes are let out. */
const settlers = new WeakMap<Io, () => void>();

/**
 * A command is past its checks (a run whose report files are open): its notes are said now, and
 * those that follow as they come. Does nothing for an Io without held notes.
 */
export function pastChecks(io: Io): void {
  settlers.get(io)?.();
}

/**
 * `io` with its notes held: a note waits until the command writes its output (its first write to
 * stdout, after it), says anything else on stderr (before it), is past its checks (`pastChecks`),
 * or ends well (`settle`); a command that fails `drop`s them, and its error is its one line.
 */
export function heldNotes(io: Io): { io: Io; settle: () => void; drop: () => void } {
  let held: string[] | undefined = [];
  const settle = () => {
    const notes = held;
    held = undefined;
    for (const n of notes ?? []) io.stderr(n);
  };
  const withNotes: Io = {
    stdout: (text) => {
      io.stdout(text);
      settle();
    },
    stderr: (text) => {
      if (held !== undefined && isNote(text)) held.push(text);
      else {
        settle();
        io.stderr(text);
      }
    },
  };
  settlers.set(withNotes, settle);
  return {
    io: withNotes,
    settle,
    drop: () => {
      held = undefined;
    },
  };
}
