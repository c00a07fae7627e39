/** The built-in emulator as a target: every case in a fresh emulated account, every scenario realisable. */
import type { Case } from '../../contracts/case.js';
import type { MutantName } from '../../emulator/mutants/index.js';
import type { RecordedCall } from '../../emulator/iam/authorizer.js';
import { EmulatedStepFunctions, StepFunctionsError } from '../../emulator/stepFunctions.js';
import type { CallRecord } from '../../contracts/prediction.js';
import type { Observation } from '../../contracts/observation.js';
import type { Target } from '../../contracts/target.js';
import { firstTaskAttempts, taskFailuresOf } from './history.js';

const callRecord = (x: RecordedCall): CallRecord => ({
  action: x.action,
  resource: x.resource,
  decision: x.decision,
});

/** The built-in emulator as a target, with the mutants it is given. */
export class EmbeddedTarget implements Target {
  readonly kind = 'embedded' as const;
  readonly capabilities = { seesCalls: true, scenarios: true };
  readonly description: string;

  /** `mutants`: deliberate deviations of the emulator (emulator/mutants/), applied in turn. */
  constructor(private readonly mutants: readonly MutantName[] = []) {
    this.description =
      mutants.length === 0
        ? 'built-in emulator'
        : `built-in emulator (mutant${mutants.length > 1 ? 's' : ''} ${mutants.join(', ')})`;
  }

  async execute(c: Case): Promise<Observation> {
    // Generated definitions are valid ASL by construction (the generator tests check it): the
    // emulator's own creation checks run, asl-validator's schema pass (about 1 ms a definition,
    // more than executing the case) does not.
    const sfn = new EmulatedStepFunctions({
      region: c.region,
      account: c.account,
      aslSchemaCheck: false,
      mutants: this.mutants,
    });
    let stateMachineArn: string;

    try {
      const created = sfn.createStateMachine({
        definition: c.definition,
        policy: c.policy,
        type: c.stateMachineType,
      });
      stateMachineArn = created.stateMachineArn;
    } catch (e) {
      if (e instanceof StepFunctionsError)
        return {
          created: false,
          createError: `${e.code}: ${e.message}`,
          calls: e.calls.map(callRecord),
        };
      throw e;
    }
    const { executionArn } = sfn.startExecution({
      stateMachineArn,
      input: c.input,
      name: c.executionName,
      scenario: c.scenario,
      seed: c.replay.seed,
    });
    const r = await sfn.awaitExecution(executionArn);
    // As DescribeExecution tells it: a timed-out execution has no error or cause (sfn.timed-out-no-error).
    const told = r.status !== 'TIMED_OUT';
    return {
      created: true,
      executionArn,
      calls: r.calls.map(callRecord),
      status: r.status,
      error: told && r.error !== undefined ? r.error : null,
      ...(told && r.cause !== undefined ? { cause: r.cause } : {}),
      ...(r.output !== undefined ? { output: r.output } : {}),
      attempts: firstTaskAttempts(
        r.history.map((e) => ({
          type: e.type,
          name: (e.stateEnteredEventDetails as { name?: string } | undefined)?.name,
        })),
      ),
      durationSeconds: (r.stopEpochMs - r.startEpochMs) / 1000,
      startEpochMs: r.startEpochMs,
      jobStates: sfn.jobStatuses(r.stopEpochMs),
      historyTypes: r.history.map((e) => e.type),
      taskFailures: taskFailuresOf(r.history),
    };
  }
}
