/**
 * What each suite draws: the properties design.md names hold for the cases, and the scenario mix
 * lets them show (a suite that draws the wrong cases still prints "0 diverged").
 */
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../contracts/case.js';
import { predictedPolicy } from '../generators/case.js';
import { TAKING_AWAY } from '../generators/policyVariant.js';
import { scenarioMix } from '../generators/scenarioMix.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { OPERATION_ERRORS } from '../catalog/sagemakerApis.js';
import { planTasks } from '../contracts/casePlan.js';
import { drawSuiteCase, SUITES, type SuiteName } from './suites.js';

const N = 500;
const drawn = new Map<SuiteName, CaseContent[]>();
const casesOf = (suite: SuiteName): CaseContent[] => {
  let list = drawn.get(suite);
  if (!list) {
    list = Array.from({ length: N }, (_, i) => drawSuiteCase(suite, 1, i).value);
    drawn.set(suite, list);
  }
  return list;
};

describe('what each suite draws (seed 1)', () => {
  it.each(['sufficiency', 'outcome', 'patterns'] as const)(
    'every valid %s case carries exactly the predicted policy',
    (suite) => {
      for (const c of casesOf(suite).filter((x) => x.validity.valid)) {
        expect(c.policyVariant).toEqual({ kind: 'predicted' });
        expect(c.policy).toEqual(predictedPolicy(c.definition, c.region));
      }
    },
  );

  it('every necessity case takes away one permission its execution exercises, and that call is then denied', () => {
    const kinds = new Set<string>();
    for (const c of casesOf('necessity')) {
      const v = c.policyVariant;
      expect(TAKING_AWAY).toContain(v.kind);
      if (v.kind === 'predicted' || v.kind === 'missingPassRoleCondition') throw new Error('not taking away');
      kinds.add(v.kind);
      // Under the predicted policy the execution calls the action and is allowed ...
      const allowed = predictExecution({ ...c, policy: predictedPolicy(c.definition, c.region) }).calls.value;
      expect(allowed.some((x) => x.action === v.action && x.decision === 'allowed')).toBe(true);
      // ... without the permission, the call is denied.
      const denied = predictExecution(c).calls.value;
      expect(
        denied.some((x) => x.action === v.action && x.decision !== 'allowed'),
        `${c.executionName} ${v.action}`,
      ).toBe(true);
    }
    expect([...kinds].sort()).toEqual([...TAKING_AWAY].sort());
  });

  it('necessity: a denied best-effort Stop<X>Job (an abort meets a running job) is in at least 3% of the cases', () => {
    // Without it a Stop call made though denied (the job stopped all the same) goes unseen.
    expect(scenarioMix(casesOf('necessity')).deniedStops / N).toBeGreaterThanOrEqual(0.03);
  });

  it('suites with the same kind of case draw different cases', () => {
    const ids = (s: SuiteName) => new Set(casesOf(s).map((c) => JSON.stringify(c.plan)));
    const a = ids('sufficiency');
    const shared = [...ids('outcome')].filter((p) => a.has(p));
    expect(shared.length).toBeLessThan(N / 50);
  });

  it('outcome: at least half of the .sync cases let the job reach its end; at most a quarter inject a create error', () => {
    const mix = scenarioMix(casesOf('outcome'));
    expect(mix.syncCases).toBeGreaterThan(N / 5);
    expect(mix.jobsEnded / mix.syncCases).toBeGreaterThanOrEqual(0.5);
    expect(mix.createErrors / mix.cases).toBeLessThanOrEqual(0.25);
    // Every way a job ends occurs, and so do timeouts and aborts.
    for (const end of ['Completed', 'Failed', 'Stopped', 'timedOut', 'aborted'] as const)
      expect(mix.firstJob[end], end).toBeGreaterThan(0);
  });

  it('outcome: an injected error is one every API of the case may answer; names in use and undecided heartbeats are rare', () => {
    const cases = casesOf('outcome');
    for (const c of cases) {
      const e = c.scenario.createError?.error;
      if (e)
        for (const t of planTasks(c.plan.flow))
          expect(OPERATION_ERRORS.value[t.api], `${t.api} ${e}`).toContain(e);
    }
    const { namesInUse: inUse, undecided } = scenarioMix(cases);
    // A pipeline run again with its names: often enough to be seen, not so often that little else is.
    expect(inUse / N).toBeGreaterThan(0.02);
    expect(inUse / N).toBeLessThan(0.12);
    // What the oracle leaves undecided (sfn.sync.heartbeat) costs few cases.
    expect(undecided / N).toBeLessThan(0.1);
  });

  it('validation: at least 80% of the request mutations reach SageMaker validation, where error and cause are compared', () => {
    const mix = scenarioMix(casesOf('validation'));
    expect(mix.requestMutations).toBeGreaterThan(N / 2);
    expect(mix.validated / mix.requestMutations).toBeGreaterThanOrEqual(0.8);
    expect(SUITES.validation.aspects).toEqual(expect.arrayContaining(['error', 'cause']));
  });

  it('patterns: rejected resources (.waitForTaskToken, .sync without a job, unknown APIs) are among the cases', () => {
    const rejected = casesOf('patterns').filter((c) => !c.validity.valid);
    expect(rejected.length / N).toBeGreaterThan(0.15);
    expect(new Set(rejected.map((c) => (c.validity.valid ? '' : c.validity.breaks.kind)))).toEqual(
      new Set(['resource']),
    );
  });
});
