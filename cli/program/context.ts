/** What registering a command needs of the program. */
import type { Io } from '../io.js';

/** Where a command writes, how it sets the exit code, and the tool's version. */
export interface CommandContext {
  readonly io: Io;
  /** The exit code of the command line (0 ok, 1 a finding, 2 bad input, 130 interrupted). */
  readonly setExit: (code: number) => void;
  /** The package's version. */
  readonly version: string;
}
