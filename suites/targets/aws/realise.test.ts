/** The AWS target realising cases on a real account: billable cases kept out or inside their caps. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import { findShape } from '../../../apimodel/lookup.js';
import type { Api } from '../../../catalog/api.js';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';
import { predictExecution } from '../../../oracles/outcome/predictExecution.js';
import type { BillableJobs } from './billableJobs.js';
import { TAG_KEY } from './naming.js';
import { mockSucceedingAws, sts, target } from './testing/mockedAws.js';

beforeEach(mockSucceedingAws);

describe('AwsTarget: realising cases', () => {
  it('on a real account, does not run a case whose create call the policy allows (it would bill)', async () => {
    const { t } = target('aws');
    sts.on(GetCallerIdentityCommand).resolves({ Account: '210987654321' });
    await t.identify();
    let skipped = 0;
    let moved = 0;
    for (let i = 0; i < 30; i++) {
      const c = withId(drawCase(validCaseArb({}), 3, i).value, { seed: 3, path: `x:${i}` });
      const r = t.realise(c);
      if ('skipped' in r) {
        skipped++;
        expect(r.skipped).toMatch(/would be allowed to sagemaker:(Create|Update)|computed at run time/);
      } else {
        moved++;
        expect(JSON.stringify(r.case)).not.toContain('123456789012');
        expect(r.case.scenario).toEqual({ referencesExist: false });
      }
    }
    expect(skipped).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('with --allow-billable-jobs, runs creating cases inside the caps until --max-billable-jobs is reached', async () => {
    const billableJobs: BillableJobs = {
      maxJobs: 4,
      instanceTypes: ['ml.t3.medium', 'ml.t2.medium', 'ml.m5.large'],
      maxRuntimeInSeconds: 300,
      sagemakerRoleArn: 'arn:aws:iam::210987654321:role/MySageMaker',
      trainingImage: 'img',
      inputS3Uri: 's3://mine/in',
      outputS3Uri: 's3://mine/out',
    };
    const { t } = target('aws', { billableJobs });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '210987654321' });
    await t.identify();
    const reasons: string[] = [];
    let ran = 0;
    for (let i = 0; i < 40; i++) {
      const c = withId(drawCase(validCaseArb({ api: 'CreateTrainingJob' }), 3, i).value, {
        seed: 3,
        path: `x:${i}`,
      });
      const asCandidate = t.realise(c, 'shrink');
      if ('case' in asCandidate) continue;
      expect(asCandidate.skipped).toMatch(/^shrinking does not run billable jobs$|computed at run time/);
      const r = t.realise(c);
      if ('skipped' in r) reasons.push(r.skipped);
      else {
        ran++;
        expect(JSON.stringify(r.case.definition)).toContain('"MaxRuntimeInSeconds":300');
      }
    }
    expect(ran).toBeGreaterThan(0);
    expect(t.summary().billableCalls).toBeLessThanOrEqual(4);
    expect(reasons).toContain('the --max-billable-jobs cap (4) is reached');
    let updates = 0;
    for (let i = 0; i < 20; i++) {
      const c = withId(drawCase(validCaseArb({ api: 'UpdateEndpoint' }), 3, i).value, {
        seed: 3,
        path: `u:${i}`,
      });
      const r = t.realise(c);
      if ('skipped' in r && r.skipped.startsWith('UpdateEndpoint changes an existing endpoint')) updates++;
      // Never an update of an endpoint that may be the account's own.
      if ('case' in r)
        expect(predictExecution(r.case).calls.value).not.toContain('sagemaker:UpdateEndpoint allowed');
    }
    expect(updates).toBeGreaterThan(0);
  });

  it('without --allow-billable-jobs, a shrinking candidate is realised like a drawn case', () => {
    const { t } = target('aws');
    for (let i = 0; i < 20; i++) {
      const c = withId(drawCase(validCaseArb({}), 4, i).value, { seed: 4, path: `s:${i}` });
      expect(t.realise(c, 'shrink')).toEqual(t.realise(c, 'case'));
    }
  });

  it('on an endpoint, tags every SageMaker create request with the run id, and the oracle predicts the tagged case', () => {
    const { t } = target('endpoint');
    let creates = 0;
    let syncTags = 0;
    for (let i = 0; i < 40; i++) {
      const c = withId(drawCase(validCaseArb({}), 5, i).value, { seed: 5, path: `e:${i}` });
      const r = t.realise(c);
      if (!('case' in r)) throw new Error(`case ${i} skipped: ${r.skipped}`);
      for (const task of findTasks(r.case.definition, r.case.stateMachineType).tasks) {
        if (!task.facts.api.startsWith('Create') || !findShape(task.facts.api as Api, 'Tags')) continue;
        creates++;
        const state = task.state as { Arguments?: { Tags?: unknown }; Parameters?: { Tags?: unknown } };
        expect((state.Arguments ?? state.Parameters)?.Tags).toContainEqual({ Key: TAG_KEY, Value: 'test1' });
        // The plan the oracle reads says so too.
        expect(JSON.stringify(task.plan.request)).toContain(TAG_KEY);
      }
      // A `.sync` job's result holds the tags it was created with: the run id among them.
      const output = predictExecution(r.case).output?.value ?? {};
      if (Object.keys(output).some((at) => at.endsWith(`/Tags/${TAG_KEY}`))) {
        syncTags++;
        expect(Object.entries(output)).toContainEqual([
          expect.stringMatching(/\/Tags\/sfn-conformance:run-id$/),
          'test1',
        ]);
      }
    }
    expect(creates).toBeGreaterThan(10);
    expect(syncTags).toBeGreaterThan(0);
  });
});
