import { describe, expect, it } from 'vitest';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import type { Api } from '../../../catalog/api.js';
import { type BillableJobs, CHEAPEST_INSTANCE_TYPES, withinCaps, worstCaseBillable } from './billableJobs.js';

const caps: BillableJobs = {
  maxJobs: 3,
  instanceTypes: CHEAPEST_INSTANCE_TYPES,
  maxRuntimeInSeconds: 600,
  sagemakerRoleArn: 'arn:aws:iam::210987654321:role/MySageMaker',
  trainingImage: '210987654321.dkr.ecr.us-east-1.amazonaws.com/mine:1',
  inputS3Uri: 's3://mine/in',
  outputS3Uri: 's3://mine/out',
  hyperParameters: { num_round: '1' },
};
const tag = { key: 'sfn-conformance:run-id', value: 'run1' };

const draw = (api: Api, i: number) =>
  withId(drawCase(validCaseArb({ api }), 5, i).value, { seed: 5, path: `x:${i}` });

/** Every value under a key anywhere in the JSON. */
function valuesOf(json: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === key) out.push(x);
        walk(x);
      }
  };
  walk(json);
  return out;
}

describe('withinCaps', () => {
  const apis: Api[] = [
    'CreateTrainingJob',
    'CreateTransformJob',
    'CreateProcessingJob',
    'CreateHyperParameterTuningJob',
    'CreateModel',
    'CreateEndpointConfig',
    'CreateEndpoint',
  ];
  it.each(apis)('puts every %s request inside the caps and on the user resources', (api) => {
    for (let i = 0; i < 15; i++) {
      const c = draw(api, i);
      const r = withinCaps(c, caps, tag);
      if (!('case' in r)) throw new Error(r.skipped);
      const { definition, policy, input } = r.case;
      for (const t of valuesOf(definition, 'InstanceType')) expect(CHEAPEST_INSTANCE_TYPES).toContain(t);
      for (const n of valuesOf(definition, 'MaxRuntimeInSeconds')) expect(n).toBeLessThanOrEqual(600);
      for (const k of ['InstanceCount', 'InitialInstanceCount', 'MaxNumberOfTrainingJobs'])
        for (const n of valuesOf(definition, k)) expect(n).toBe(1);
      for (const k of ['TrainingImage', 'ImageUri', 'Image'])
        for (const v of valuesOf(definition, k)) expect(v).toBe(caps.trainingImage);
      for (const v of valuesOf(definition, 'HyperParameters')) expect(v).toEqual(caps.hyperParameters);
      const text = JSON.stringify({ definition, input });
      for (const uri of text.match(/s3:\/\/[^"]+/g) ?? [])
        expect(['s3://mine/in', 's3://mine/out']).toContain(uri);
      expect(valuesOf(definition, 'TimeoutSeconds')).toEqual([]);
      // The role the requests pass is the one the policy lets pass.
      expect(JSON.stringify({ definition, input, policy })).not.toMatch(
        /:role\/(SageMakerExecution|sagemaker-training|ml\/|docs-)/,
      );
      for (const task of findTasks(definition).tasks) {
        const tags = (task.request as { Tags?: unknown[] }).Tags;
        if (task.facts.api.startsWith('Create'))
          expect(tags).toContainEqual({ Key: tag.key, Value: tag.value });
      }
    }
  });

  it('never runs a labeling job', () => {
    const r = withinCaps(draw('CreateLabelingJob', 0), caps, tag);
    expect(r).toEqual({ skipped: expect.stringMatching(/labeling jobs need a work team/) });
  });

  it('skips a request no allowed instance type fits', () => {
    const r = withinCaps(draw('CreateTransformJob', 1), { ...caps, instanceTypes: ['ml.t3.medium'] }, tag);
    expect(r).toEqual({ skipped: expect.stringMatching(/no allowed instance type fits CreateTransformJob/) });
  });

  it('counts every attempt a Retry allows as billable', () => {
    const c = draw('CreateTrainingJob', 0);
    const retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }, { ErrorEquals: ['X'] }];
    const task = findTasks(c.definition).tasks[0]!;
    const state = task.pointer
      .split('/')
      .slice(1)
      .reduce<any>((n, k) => n[k], c.definition); // eslint-disable-line @typescript-eslint/no-explicit-any
    const { Next: _n, Catch: _c, ...alone } = state as Record<string, unknown>;
    const definition = { StartAt: 'T', States: { T: { ...alone, Retry: retry, End: true } } };
    const calls = [
      'sagemaker:CreateTrainingJob allowed',
      'sagemaker:CreateModel allowed',
      'sagemaker:AddTags denied',
    ];
    expect(worstCaseBillable({ ...c, definition }, calls)).toBe(1 * (1 + 2 + 3));
    expect(worstCaseBillable(c, ['sagemaker:CreateTrainingJob denied'])).toBe(0);
  });
});
