/**
 * One model of the calls: `check`, `policy`, the outcome oracle (`run`) and the emulator (`exec`)
 * agree on every call of a task. Over generated plans, with the predicted policy and with one
 * exercised permission taken away, in every world scenario the generators draw.
 */
import { describe, expect, it } from 'vitest';
import { predictedPolicy } from '../generators/case.js';
import { withId } from '../generators/invalidCase.js';
import { PolicySet } from '../iam/evaluate.js';
import { parsePolicy } from '../iam/policy.js';
import { checkPolicy, resourcePattern } from '../oracles/calls/checkPolicy.js';
import { resourceMatches } from '../oracles/calls/taskCalls.js';
import { DEFAULT_OPTIONS } from '../oracles/options.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { singleTaskPlan } from '../generators/machine/singleTask.js';
import { renderMachine } from '../generators/render.js';
import { compare } from '../reports/compare.js';
import { drawSuiteCase, SUITES, type SuiteName } from './suites.js';
import { EmbeddedTarget } from './targets/embedded.js';
import { EmulatedStepFunctions } from '../emulator/stepFunctions.js';
import { firstTaskRequests } from '../emulator/engine/history.js';

describe('check, policy, run and exec agree on every call', () => {
  it.each(['sufficiency', 'necessity'] as SuiteName[])(
    '%s cases: the emulator makes the calls the oracle predicts, and check decides each the same way',
    async (suite) => {
      const target = new EmbeddedTarget();
      let calls = 0;
      for (let i = 0; i < 150; i++) {
        const c = withId(drawSuiteCase(suite, 3, i).value, { seed: 3, path: `${suite}:${i}` });
        // What `policy` prints is the policy the predicted cases carry.
        if (suite === 'sufficiency') expect(c.policy).toEqual(predictedPolicy(c.definition, c.region));
        const observed = await target.execute(c);
        // run: the outcome oracle's calls, in order, with their decisions; but for a Map running
        // iterations at once, whose calls' order is not known (the case is undecided).
        const predicted = predictExecution(c);
        const concurrent = predicted.undecided?.provenance.rules.some(
          (r) => r.id === 'sfn.map.concurrent-iterations',
        );
        if (!concurrent) expect(predicted.calls.value, c.id).toEqual(observed.calls);
        // check: every call the emulator made is one check lists, decided the same way.
        const parsed = parsePolicy(c.policy);
        if (!parsed.ok) throw new Error('case policy invalid');
        const checked = checkPolicy(c.definition, new PolicySet([parsed.policy]), {
          ...DEFAULT_OPTIONS,
          region: c.region,
          account: c.account,
        });
        if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
        for (const call of observed.calls ?? []) {
          calls++;
          const same = checked.requirements.filter(
            (r) => r.action === call.action && resourceMatches(r.resource, call.resource),
          );
          expect(
            same.length,
            `${c.id}: ${call.action} ${call.resource} is not a call check lists`,
          ).toBeGreaterThan(0);
          // A name given at run time that the policy allows only under some patterns: the name
          // the execution gave is allowed exactly where it fits one of them.
          const decisions = same.map((r) =>
            r.byName
              ? r.byName.allowedWhere.some((pattern) => resourcePattern(pattern).test(call.resource))
                ? 'allowed'
                : 'denied'
              : r.decision === 'allowed'
                ? 'allowed'
                : 'denied',
          );
          expect(decisions, `${c.id}: ${call.action} ${call.resource}`).toContain(
            call.decision === 'allowed' ? 'allowed' : 'denied',
          );
          if (!same.some((r) => r.byName)) expect(same.map((r) => r.decision)).toContain(call.decision);
        }
      }
      expect(calls).toBeGreaterThan(500);
    },
    60_000,
  );
});

describe('check lists no call the integration does not make', () => {
  it("every call check lists for a state an execution reached, decided with that execution's names, the emulator made (a Stop only on abort)", async () => {
    let listed = 0;
    for (let i = 0; i < 120; i++) {
      const c = drawSuiteCase('sufficiency', 5, i).value;
      // Every call allowed, every job completing: the calls of a successful run.
      const sfn = new EmulatedStepFunctions({ region: c.region, account: c.account });
      const { stateMachineArn } = sfn.createStateMachine({
        definition: c.definition as Record<string, unknown>,
      });
      const { executionArn } = sfn.startExecution({
        stateMachineArn,
        input: c.input,
        name: c.executionName,
        scenario: { referencesExist: true },
      });
      const run = await sfn.awaitExecution(executionArn);
      const made = new Set(run.calls.map((x) => `${x.action} ${x.resource}`));
      // Each state's request, and the states whose task succeeded (every call of a success made).
      const resolved = firstTaskRequests(run.history);
      const succeeded = new Set<string>();
      let entered = '';
      for (const e of run.history) {
        if (e.type === 'TaskStateEntered')
          entered = String((e.stateEnteredEventDetails as { name: string }).name);
        if (e.type === 'TaskSucceeded') succeeded.add(entered);
      }
      const checked = checkPolicy(
        c.definition,
        new PolicySet([]),
        { ...DEFAULT_OPTIONS, region: c.region, account: c.account },
        resolved,
      );
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      for (const r of checked.requirements) {
        if (!succeeded.has(r.state) || /^sagemaker:Stop/.test(r.action)) continue;
        listed++;
        expect(
          made.has(`${r.action} ${r.resource}`),
          `sufficiency:${i}: check lists ${r.action} ${r.resource}, not made`,
        ).toBe(true);
      }
    }
    expect(listed).toBeGreaterThan(300);
  });
});

describe('resourceMatches', () => {
  it('lets a representative name stand for a name, not for another resource type', () => {
    const r = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/${TrainingJobName}';
    expect(resourceMatches(r, 'arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-1')).toBe(true);
    expect(resourceMatches(r, 'arn:aws:sagemaker:us-east-1:123456789012:model/churn-1')).toBe(false);
    expect(resourceMatches(r, 'arn:aws:sagemaker:us-east-1:123456789012:training-job/')).toBe(false);
    expect(resourceMatches('arn:x', 'arn:x')).toBe(true);
  });
});

describe('values the oracle cannot resolve', () => {
  it('a JSONata value that returns nothing is a catchable States.QueryEvaluationError, as the emulator has it', async () => {
    const plan = singleTaskPlan({
      kind: 'task',
      name: 'Task',
      api: 'CreateModel',
      pattern: 'requestResponse',
      queryLanguage: 'JSONata',
      request: {
        literal: { PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1' } },
        dynamic: [
          {
            at: ['ModelName'],
            value: { given: 'jsonata', parts: [{ from: 'input', path: ['missing'] }] },
          },
        ],
      },
      retry: [],
      catch: [{ errorEquals: ['States.ALL'], target: { kind: 'recover', state: 'Recovered' } }],
    });
    const definition = renderMachine(plan);
    const c = withId(
      {
        api: 'CreateModel',
        pattern: 'requestResponse',
        resourceMode: 'dynamic',
        queryLanguage: 'JSONata',
        shape: 'single',
        wrappers: ['Catch'],
        stateMachineType: 'STANDARD',
        plan,
        definition,
        input: {},
        executionName: 'unresolved',
        region: 'us-east-1',
        account: '123456789012',
        scenario: { referencesExist: true },
        policyVariant: { kind: 'predicted' },
        policy: predictedPolicy(definition),
        validity: { valid: true },
      },
      { seed: 0, path: 'x:0' },
    );
    const predicted = predictExecution(c);
    const observed = await new EmbeddedTarget().execute(c);
    expect(predicted.status?.value).toBe('SUCCEEDED');
    expect(predicted.output?.value['/Error']).toBe('States.QueryEvaluationError');
    expect(compare(predicted, observed, SUITES.outcome.aspects)).toEqual([]);
  });
});
