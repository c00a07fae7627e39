/**
 * The loop the recorded-execution tests share: each recording of a folder run on the emulator as
 * `exec` runs a definition (CreateStateMachine's checks included) and compared with what AWS
 * recorded, the misses collected with their difference and the figure printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '../engine/history.js';
import type { MockCase } from '../mock/mockConfig.js';
import { type EmulatorOptions, EmulatedStepFunctions, StepFunctionsError } from '../stepFunctions.js';
import type { Actual, Recording } from './matchRecorded.js';

/** What the emulator did with a recording's definition and input: the outcome and its history. */
export type Emulated = Actual & { readonly history: readonly HistoryEvent[] };

/**
 * Creates the recording's state machine and runs its input, as `exec` does (under the execution
 * name given, if one is); a refused definition is NOT_CREATED.
 */
export async function emulateRecording(
  r: Recording,
  options: EmulatorOptions = {},
  machine: { readonly name?: string; readonly mock?: MockCase; readonly executionName?: string } = {},
): Promise<Emulated> {
  const sfn = new EmulatedStepFunctions(options);
  let stateMachineArn: string;
  try {
    ({ stateMachineArn } = sfn.createStateMachine({
      ...(machine.name !== undefined ? { name: machine.name } : {}),
      definition: r.definition as Record<string, unknown>,
    }));
  } catch (e) {
    if (e instanceof StepFunctionsError)
      return { status: 'NOT_CREATED', error: e.code, cause: e.message, eventTypes: [], history: [] };
    throw e;
  }
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    input: r.input,
    ...(machine.executionName !== undefined ? { name: machine.executionName } : {}),
    ...(machine.mock ? { mock: machine.mock } : {}),
  });
  const x = await sfn.awaitExecution(executionArn);
  return {
    status: x.status,
    ...(x.output !== undefined ? { output: x.output } : {}),
    ...(x.error !== undefined ? { error: x.error } : {}),
    ...(x.cause !== undefined ? { cause: x.cause } : {}),
    eventTypes: x.history.map((e) => e.type),
    history: x.history,
  };
}

/** How a folder's recordings fared: how many there are, and each miss with its difference. */
export interface RecordedFigure {
  readonly files: number;
  readonly matched: number;
  readonly misses: Readonly<Record<string, string>>;
}

/**
 * Runs `difference` on each recording of `dir` (its `.json` files, in name order), a throw counting
 * as a miss; prints `label: M of N match`, and each miss where SFN_RECORDED_MISSES is set.
 */
export async function recordedFigure<R extends Recording>(
  dir: string,
  label: string,
  difference: (r: R, file: string) => Promise<string | undefined>,
): Promise<RecordedFigure> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const misses: Record<string, string> = {};
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as R;
    let d: string | undefined;
    try {
      d = await difference(r, f);
    } catch (e) {
      d = `threw: ${(e as Error).message}`;
    }
    if (d) misses[f] = d;
  }
  const matched = files.length - Object.keys(misses).length;
  console.log(`${label}: ${matched} of ${files.length} match`);
  if (process.env.SFN_RECORDED_MISSES)
    for (const [f, d] of Object.entries(misses)) console.log(`${f}: ${d.slice(0, 400)}`);
  return { files: files.length, matched, misses };
}
