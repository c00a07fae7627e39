/**
 * The emulator held to AWS: every execution in testdata/aws-recorded/ (recorded on real AWS Step
 * Functions by LocalStack's AWS-validated snapshot tests) run as `exec` runs a definition
 * (CreateStateMachine's checks included) and compared by status, output, error, cause and event
 * types. Skipped, saying so, where the folder is absent. The files that do not match
 * are listed in KNOWN_MISSES with the reason; the figure is printed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatedStepFunctions, StepFunctionsError } from '../stepFunctions.js';
import { type Actual, recordedDifference, type Recording } from './matchRecorded.js';

const DIR = resolve(import.meta.dirname, '../../testdata/aws-recorded');
const available = existsSync(DIR);
if (!available) console.warn(`SKIPPED: ${DIR} is absent; the emulator is not held to AWS's recordings`);

/** Files the emulator does not match yet, each with why (an AWS behaviour not modelled). */
export const KNOWN_MISSES: Readonly<Record<string, string>> = {
  '464-stop-execution.json':
    "the recording's test stops the execution from outside (StopExecution during its Wait); a definition and input alone cannot",
};

async function emulate(r: Recording): Promise<Actual> {
  const sfn = new EmulatedStepFunctions({});
  let stateMachineArn: string;
  try {
    ({ stateMachineArn } = sfn.createStateMachine({ definition: r.definition as Record<string, unknown> }));
  } catch (e) {
    if (e instanceof StepFunctionsError)
      return { status: 'NOT_CREATED', error: e.code, cause: e.message, eventTypes: [] };
    throw e;
  }
  const { executionArn } = sfn.startExecution({ stateMachineArn, input: r.input });
  const x = await sfn.awaitExecution(executionArn);
  return {
    status: x.status,
    ...(x.output !== undefined ? { output: x.output } : {}),
    ...(x.error !== undefined ? { error: x.error } : {}),
    ...(x.cause !== undefined ? { cause: x.cause } : {}),
    eventTypes: x.history.map((e) => e.type),
  };
}

describe.skipIf(!available)("the emulator against AWS's recorded executions", () => {
  it('matches at least 463 of the 464, and each miss is a known one', async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const misses: Record<string, string> = {};
    for (const f of files) {
      const r = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Recording;
      let difference: string | undefined;
      try {
        difference = recordedDifference(r, await emulate(r));
      } catch (e) {
        difference = `threw: ${(e as Error).message}`;
      }
      if (difference) misses[f] = difference;
    }
    const matched = files.length - Object.keys(misses).length;
    console.log(`aws-recorded: ${matched} of ${files.length} match`);
    if (process.env.SFN_RECORDED_MISSES)
      for (const [f, d] of Object.entries(misses)) console.log(`${f}: ${d.slice(0, 400)}`);
    expect(Object.keys(misses).filter((f) => !(f in KNOWN_MISSES))).toEqual([]);
    expect(matched).toBeGreaterThanOrEqual(463);
  });
});
