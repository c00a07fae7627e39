/**
 * The emulator's Task states held to AWS: every execution in testdata/aws-recorded-tasks/
 * (recorded on real AWS Step Functions by LocalStack's AWS-validated snapshot tests; README there)
 * run as `exec --mock FILE --mock-case Recorded` runs it: its `mocks` read as a Step Functions
 * Local mock configuration, test case `Recorded` chosen and checked against the definition, the
 * state machine created under the test case's machine name. Compared by status, output, error,
 * cause and event types (matchRecorded.ts), and each scheduled request (state, resource, evaluated
 * parameters, timeout, heartbeat, credentials) against AWS's `taskEvents` (matchTaskEvents.ts).
 * Skipped, saying so, where the folder is absent. The files that do not match are listed in
 * KNOWN_MISSES with the reason; the figure is printed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMockedStates, parseMockConfig, selectMockCase } from '../mock/mockConfig.js';
import { EmulatedStepFunctions, StepFunctionsError } from '../stepFunctions.js';
import { type Actual, recordedDifference, type Recording } from './matchRecorded.js';
import { type RecordedTaskEvent, scheduledRequests, taskEventsDifference } from './matchTaskEvents.js';

const DIR = resolve(import.meta.dirname, '../../testdata/aws-recorded-tasks');
const available = existsSync(DIR);
if (!available)
  console.warn(`SKIPPED: ${DIR} is absent; the emulator's Task states are not held to AWS's recordings`);

/** A recording with Task states: its mock configuration and AWS's scheduled requests. */
interface TaskRecording extends Recording {
  readonly mocks: unknown;
  readonly taskEvents: readonly RecordedTaskEvent[];
}

/** Files the emulator does not match yet, each with why (an AWS behaviour not modelled, or the mock format). */
export const KNOWN_MISSES: Readonly<Record<string, string>> = {
  '087-lambda-invoke-with-retry-extended-input.json':
    "recorded on 24-10-2023, before redrive (November 2023) gave the Context object Execution.RedriveCount; AWS's $$ has it since (later recordings, 065 and 066, show it), the emulator's too",
  '088-lambda-service-invoke-with-retry-extended-input.json':
    "recorded on 24-10-2023, before redrive (November 2023) gave the Context object Execution.RedriveCount; AWS's $$ has it since (later recordings, 065 and 066, show it), the emulator's too",
};

/** The least share of the files that must match (at least 95%). */
const TARGET = 0.95;

async function emulate(r: TaskRecording, file: string): Promise<Actual & { tasks: RecordedTaskEvent[] }> {
  const where = `mock of ${file}`;
  const mock = selectMockCase(parseMockConfig(r.mocks, where), 'Recorded', where);
  checkMockedStates(mock, r.definition, where);
  // The account and region the recordings' resources name (README "Source").
  const sfn = new EmulatedStepFunctions({ region: 'us-east-1', account: '111111111111' });
  let stateMachineArn: string;
  try {
    ({ stateMachineArn } = sfn.createStateMachine({
      name: mock.machine,
      definition: r.definition as Record<string, unknown>,
    }));
  } catch (e) {
    if (e instanceof StepFunctionsError)
      return { status: 'NOT_CREATED', error: e.code, cause: e.message, eventTypes: [], tasks: [] };
    throw e;
  }
  const { executionArn } = sfn.startExecution({ stateMachineArn, input: r.input, mock });
  const x = await sfn.awaitExecution(executionArn);
  return {
    status: x.status,
    ...(x.output !== undefined ? { output: x.output } : {}),
    ...(x.error !== undefined ? { error: x.error } : {}),
    ...(x.cause !== undefined ? { cause: x.cause } : {}),
    eventTypes: x.history.map((e) => e.type),
    tasks: scheduledRequests(x.history),
  };
}

describe.skipIf(!available)("the emulator's Task states against AWS's recorded executions", () => {
  it(`matches at least ${TARGET * 100}% of the files, and each miss is a known one`, async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const misses: Record<string, string> = {};
    for (const f of files) {
      const r = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as TaskRecording;
      let difference: string | undefined;
      try {
        const actual = await emulate(r, f);
        difference =
          recordedDifference(r, actual) ??
          taskEventsDifference(r.taskEvents, actual.tasks, r.looseWords ?? []);
      } catch (e) {
        difference = `threw: ${(e as Error).message}`;
      }
      if (difference) misses[f] = difference;
    }
    const matched = files.length - Object.keys(misses).length;
    console.log(`aws-recorded-tasks: ${matched} of ${files.length} match`);
    if (process.env.SFN_RECORDED_MISSES)
      for (const [f, d] of Object.entries(misses)) console.log(`${f}: ${d.slice(0, 400)}`);
    expect(Object.keys(misses).filter((f) => !(f in KNOWN_MISSES))).toEqual([]);
    expect(matched).toBeGreaterThanOrEqual(Math.ceil(TARGET * files.length));
  });
});
