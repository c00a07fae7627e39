/**
 * `serve --state DIR`: the emulated account kept in `DIR/state.json` between two runs of the
 * server. The file holds each part's snapshot (Step Functions with its clock and executions, IAM,
 * SageMaker's world) under a version; a file that cannot be read, or is not a state file of this
 * version, is refused with one line and left as it is.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../contracts/usageError.js';
import type { IamSnapshot } from '../emulator/iam/roles.js';
import type { SageMakerSnapshot } from '../emulator/sagemaker/service.js';
import type { StepFunctionsSnapshot } from '../emulator/stepFunctions.js';
import { writeWhole } from '../reports/reporters/fileWrites.js';
import { isObject } from '../syntax/json.js';

/** The version of the state file this server reads and writes. */
export const STATE_VERSION = 1;

/** The file of a state directory that holds the account. */
export const STATE_FILE = 'state.json';

/** The content of a state file: the version, and each part's snapshot. */
export interface ServerState {
  readonly version: typeof STATE_VERSION;
  readonly stepFunctions: StepFunctionsSnapshot;
  readonly iam: IamSnapshot;
  readonly sagemaker: SageMakerSnapshot;
}

/** A state file's path, as messages name it. */
export const stateFile = (dir: string): string => join(dir, STATE_FILE);

/** A problem of the state directory or file, in one line (exit 2). */
const refused = (message: string): UsageError => new UsageError('bad-state', message);

/**
 * Readies a state directory (created if missing, its parent not) and reads its state file: the state kept there,
 * or undefined where there is none yet. A directory that is a file, or a state file that cannot
 * be read or is not a state file of this version, is a UsageError; nothing is changed then.
 */
export function readState(dir: string): ServerState | undefined {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && !statSync(dir).isDirectory())
      throw refused(
        `--state "${dir}" is a file, not a directory; give a directory (it is created if missing)`,
      );
    if (code !== 'EEXIST')
      throw refused(
        `--state "${dir}": cannot create the directory (${code === 'ENOENT' ? 'its parent does not exist' : code === 'ENOTDIR' ? 'its parent is a file' : (code ?? (e as Error).message)})`,
      );
  }
  const file = stateFile(dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw refused(`state file "${file}" cannot be read (${code ?? (e as Error).message})`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (e) {
    throw refused(
      `state file "${file}" is not valid JSON (${(e as Error).message}); move it away to start afresh`,
    );
  }
  if (!isObject(state) || state.version !== STATE_VERSION)
    throw refused(
      `state file "${file}" is not a state file of version ${STATE_VERSION}${isObject(state) && state.version !== undefined ? ` (its version: ${JSON.stringify(state.version)})` : ''}; move it away to start afresh`,
    );
  for (const part of ['stepFunctions', 'iam', 'sagemaker'] as const)
    if (!isObject(state[part]))
      throw refused(
        `state file "${file}" has no "${part}"; it is not a state file of version ${STATE_VERSION}`,
      );
  return state as unknown as ServerState;
}

/** The problem of a state file whose content the emulator refused while restoring it, in one line. */
export function unreadableState(dir: string, e: unknown): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  return refused(
    `state file "${stateFile(dir)}" is damaged: ${message.split('\n')[0]}; move it away to start afresh`,
  );
}

/** Writes the state file whole: a temporary file beside it, renamed over it. */
export function writeState(dir: string, state: ServerState): void {
  writeWhole(stateFile(dir), `${JSON.stringify(state)}\n`);
}
