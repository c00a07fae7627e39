/**
 * `regress --verify embedded`: runs each source whose calls are newly denied on the emulator,
 * under the old and the new policy, in the scenario that makes the call, and checks the predicted
 * change of outcome.
 */
import type { WorldScenario } from '../catalog/scenario.js';
import { EmulatedStepFunctions, StepFunctionsError } from '../emulator/stepFunctions.js';
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import { resourceMatches } from '../oracles/calls/taskCalls.js';
import type { Change } from '../reports/regression/regress.js';
import type { Verification } from '../reports/regression/report.js';

/** A definition and input whose newly denied calls are verified. */
export interface VerifySource {
  readonly definition: unknown;
  readonly input: unknown;
  /** How to run it again by hand, without the policy (`npx sfn-conformance exec d.json`). */
  readonly execCommand?: string;
}

const SCENARIOS: Record<string, WorldScenario> = {
  success: { referencesExist: true, job: { polls: 1, outcome: 'Completed', durationSeconds: 120 } },
  abort: {
    referencesExist: true,
    job: { polls: 2, outcome: 'Completed', durationSeconds: 180 },
    abortAfterPolls: 0,
  },
};

/** Where the state machine runs: the region and account the calls were derived for. */
export interface VerifyWhere {
  readonly region: string;
  readonly account: string;
}

async function observe(
  source: VerifySource,
  policy: PolicyDocument,
  scenario: WorldScenario,
  action: string,
  resource: string,
  where: VerifyWhere,
): Promise<{ status: string; callDenied: boolean; runtime: boolean }> {
  const sfn = new EmulatedStepFunctions(where);
  try {
    const { stateMachineArn } = sfn.createStateMachine({
      definition: source.definition as Record<string, unknown>,
      policy,
    });
    const { executionArn } = sfn.startExecution({
      stateMachineArn,
      input: source.input,
      scenario,
      name: 'regress-verify',
    });
    const r = await sfn.awaitExecution(executionArn);
    const callDenied = r.calls.some(
      (c) => c.action === action && c.decision !== 'allowed' && resourceMatches(resource, c.resource),
    );
    return { status: r.status, callDenied, runtime: r.error === 'States.Runtime' };
  } catch (e) {
    if (e instanceof StepFunctionsError)
      return { status: 'NOT CREATED', callDenied: e.code === 'AccessDeniedException', runtime: false };
    throw e;
  }
}

/** Runs each change's source under the old and the new policy on the emulator, and says whether the predicted change of outcome shows. */
export async function verifyChanges(
  changes: readonly Change[],
  sources: ReadonlyMap<string, VerifySource>,
  oldPolicy: PolicyDocument,
  newPolicy: PolicyDocument,
  policyArgs: string,
  where: VerifyWhere = { region: 'us-east-1', account: '123456789012' },
): Promise<Verification[]> {
  const out: Verification[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const { call } = change;
    const key = `${call.source}\u0000${call.state}\u0000${call.action}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = sources.get(call.source);
    if (!source) continue;
    const scenarioName = call.scenarios.includes('creation')
      ? 'creation'
      : call.action.startsWith('sagemaker:Stop')
        ? 'abort'
        : 'success';
    const scenario = SCENARIOS[scenarioName === 'creation' ? 'success' : scenarioName]!;
    const before = await observe(source, oldPolicy, scenario, call.action, call.resource, where);
    const after = await observe(source, newPolicy, scenario, call.action, call.resource, where);
    const predictedOld = scenarioName === 'abort' ? 'ABORTED' : 'SUCCEEDED';
    const predictedNew =
      call.level === 'required' ? (scenarioName === 'creation' ? 'NOT CREATED' : 'FAILED') : predictedOld;
    const verdict =
      before.runtime || after.runtime
        ? 'unverifiable'
        : after.status === predictedNew && after.callDenied && before.status === predictedOld
          ? 'confirmed'
          : 'diverged';
    out.push({
      source: call.source,
      state: call.state,
      action: call.action,
      scenario: scenarioName,
      predicted: { old: predictedOld, new: predictedNew, callDenied: true },
      observed: { old: before.status, new: after.status, callDenied: after.callDenied },
      verdict,
      replay: source.execCommand
        ? `${source.execCommand} ${policyArgs}${scenarioName === 'abort' ? ' --scenario <{"abortAfterPolls":0,"job":{"polls":2,"outcome":"Completed","durationSeconds":180}}>' : ''}`
        : '',
    });
  }
  return out;
}
