/**
 * `exec --recorded DIR`: every recording in DIR (`run --record DIR`'s files, or the project's
 * recorded corpus) replayed in the built-in emulator with its mocks, as the corpus's own test does
 * (emulator/recorded/replayRecording.ts), and compared with what was recorded: status, output,
 * error, cause, history event types and the scheduled requests. Exit 0 when every recording
 * replays to its outcome, 1 when one differs, 2 for a directory or file that is not one of
 * recordings.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MockConfigError } from '../../emulator/mock/mockConfig.js';
import { replayDifference, type TaskRecording } from '../../emulator/recorded/replayRecording.js';
import { UsageError } from '../../contracts/usageError.js';
import { printable } from '../../contracts/printable.js';
import { type Io, readJsonFile } from '../io.js';
import { chosenFormat, TEXT_OR_JSON } from '../options/report.js';

/** exec's options that run one definition, and mean nothing for recordings (each carries its own). */
const ONE_EXECUTION_OPTIONS = {
  input: '--input',
  policy: '--policy',
  scenario: '--scenario',
  seed: '--seed',
  name: '--name',
  mock: '--mock',
  mockCase: '--mock-case',
  region: '--region',
  partition: '--partition',
  account: '--account',
  history: '--history',
} as const;

/** The options of `exec --recorded`. */
export type ExecRecordedRaw = { readonly recorded?: string; readonly format?: string } & {
  readonly [K in keyof typeof ONE_EXECUTION_OPTIONS]?: unknown;
};

/** Whether a parsed file has the fields of a recording with Task states; what is missing if not. */
function missingField(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'it is not a JSON object';
  const r = value as Record<string, unknown>;
  if (r.definition === null || typeof r.definition !== 'object') return 'it has no "definition" object';
  if (!('input' in r)) return 'it has no "input"';
  const expected = r.expected as Record<string, unknown> | undefined;
  if (!expected || typeof expected.status !== 'string' || !Array.isArray(expected.eventTypes))
    return 'it has no "expected" with "status" and "eventTypes"';
  if (r.mocks === null || typeof r.mocks !== 'object') return 'it has no "mocks" object';
  if (!Array.isArray(r.taskEvents)) return 'it has no "taskEvents" list';
  return undefined;
}

/** `sfn-conformance exec --recorded DIR`: each recording replayed; exit 0 all match, 1 one differs. */
export async function execRecordedCommand(
  definition: string | undefined,
  raw: ExecRecordedRaw,
  io: Io,
): Promise<number> {
  const dir = raw.recorded!;
  const format = chosenFormat(raw.format, TEXT_OR_JSON);
  if (definition !== undefined)
    throw new UsageError(
      'bad-option',
      `--recorded replays the recordings of a directory, each with its own definition: leave out "${definition}", or leave out --recorded`,
    );
  for (const [field, option] of Object.entries(ONE_EXECUTION_OPTIONS))
    if (raw[field as keyof typeof ONE_EXECUTION_OPTIONS] !== undefined)
      throw new UsageError(
        'bad-option',
        `${option} is for one definition; each recording of --recorded carries its own input, mocks, region and account: remove ${option}`,
      );
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory())
    throw new UsageError(
      'unreadable-file',
      `--recorded "${dir}" is ${stat ? 'not a directory' : 'not there'}: give the directory run --record wrote`,
    );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0)
    throw new UsageError(
      'unreadable-file',
      `--recorded "${dir}" holds no .json recording: give the directory run --record wrote`,
    );
  // Every file read and checked before any is replayed: a wrong directory is one line, not N misses.
  const recordings = files.map((file) => {
    const value = readJsonFile(join(dir, file), 'recording');
    const missing = missingField(value);
    if (missing)
      throw new UsageError(
        'bad-report',
        `recording "${join(dir, file)}" is not a recording of run --record (${missing}); give a directory of recordings only`,
      );
    return { file, recording: value as TaskRecording };
  });
  const misses: Record<string, string> = {};
  for (const { file, recording } of recordings) {
    const difference = await replayDifference(recording, join(dir, file)).catch((e: unknown) => {
      // A recording the emulator cannot read (its mocks, its definition) is damaged: bad input, one line.
      if (e instanceof UsageError) throw e;
      throw new UsageError(
        'bad-report',
        `recording "${join(dir, file)}" cannot be replayed (${e instanceof MockConfigError ? 'its mocks: ' : ''}${String((e as Error)?.message ?? e).split('\n')[0]}); record it again or remove it`,
      );
    });
    if (difference !== undefined) misses[file] = difference;
  }
  const matched = files.length - Object.keys(misses).length;
  if (format === 'json') io.stdout(`${JSON.stringify({ files: files.length, matched, misses }, null, 2)}\n`);
  else {
    for (const [file, difference] of Object.entries(misses))
      io.stdout(`${printable(file)}: differs: ${printable(difference.slice(0, 400))}\n`);
    io.stdout(`${matched} of ${files.length} recordings replay to their recorded outcome\n`);
  }
  return matched === files.length ? 0 : 1;
}
