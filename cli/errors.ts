/**
 * A problem with what the user gave (a file, an option, a definition): the command prints its one
 * line and exits 2. `code` is stable for scripts and tests.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
