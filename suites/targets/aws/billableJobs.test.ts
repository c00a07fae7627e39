import { describe, expect, it } from 'vitest';
import { findTasks } from '../../../oracles/definition/sagemakerTasks.js';
import { validCaseArb } from '../../../generators/case.js';
import { withId } from '../../../generators/invalidCase.js';
import { drawCase } from '../../../generators/sampleCases.js';
import type { Api } from '../../../catalog/api.js';
import {
  billableAttempts,
  type BillableJobs,
  CHEAPEST_INSTANCE_TYPES,
  DEFAULT_LIMITS,
  rewriteForAccount,
} from './billableJobs.js';
import { findShape } from '../../../apimodel/lookup.js';

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

const billable = (c: ReturnType<typeof draw>, caps_: BillableJobs = caps) =>
  rewriteForAccount(c, { limits: caps_, resources: caps_, tag });

const draw = (api: Api, i: number) =>
  withId(drawCase(validCaseArb({ api }), 5, i).value, { seed: 5, path: `x:${i}` });

/** The first draw of the API whose definition writes every request value but the names. */
function drawWritten(api: Api): ReturnType<typeof draw> {
  for (let i = 0; i < 200; i++) {
    const c = draw(api, i);
    const tasks = findTasks(c.definition).tasks;
    if (
      tasks.some((t) => t.plan.api === api) &&
      tasks.every((t) => t.plan.request.dynamic.every((d) => /Name$/.test(String(d.at[0]))))
    )
      return c;
  }
  throw new Error(`no ${api} case writes its request`);
}

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

describe('rewriteForAccount', () => {
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
    let rewritten = 0;
    for (let i = 0; i < 30; i++) {
      const c = draw(api, i);
      const r = billable(c);
      // A configuration given at run time is not run (checked below); anything else must be.
      if (!('case' in r) && /computed at run time/.test(r.skipped)) continue;
      if (!('case' in r)) throw new Error(r.skipped);
      rewritten++;
      const { definition, policy, input } = r.case;
      for (const t of valuesOf(definition, 'InstanceType')) expect(CHEAPEST_INSTANCE_TYPES).toContain(t);
      for (const n of valuesOf(definition, 'MaxRuntimeInSeconds')) expect(n).toBeLessThanOrEqual(600);
      for (const k of ['InstanceCount', 'InitialInstanceCount', 'MaxNumberOfTrainingJobs'])
        for (const n of valuesOf(definition, k)) expect(n).toBe(1);
      for (const k of ['TrainingImage', 'ImageUri', 'Image'])
        for (const v of valuesOf(definition, k)) expect(v).toBe(caps.trainingImage);
      for (const v of valuesOf(definition, 'HyperParameters')) expect(v).toEqual(caps.hyperParameters);
      const text = JSON.stringify({ definition, input });
      for (const uri of JSON.stringify(definition).match(/s3:\/\/[^"]+/g) ?? [])
        expect(['s3://mine/in', 's3://mine/out']).toContain(uri);
      // An input value on someone else's bucket is one no request reads any more (its member replaced).
      for (const [k, v] of Object.entries(input as Record<string, unknown>))
        if (/s3:\/\/(?!mine\/)/.test(JSON.stringify(v))) expect(JSON.stringify(definition)).not.toContain(k);
      // S3 locations written as https:// URLs are moved onto the user's buckets too.
      expect(text).not.toMatch(/https:\/\/s3\./);
      expect(valuesOf(definition, 'TimeoutSeconds')).toEqual([]);
      // The role the requests pass is the one the policy lets pass.
      expect(JSON.stringify({ definition, input, policy })).not.toMatch(
        /:role\/(SageMakerExecution|sagemaker-training|ml\/|docs-)/,
      );
      for (const task of findTasks(definition).tasks) {
        const request = task.plan.request.literal as {
          Tags?: unknown[];
          StoppingCondition?: unknown;
          ProductionVariants?: unknown[];
        };
        if (task.facts.api.startsWith('Create'))
          expect(request.Tags).toContainEqual({ Key: tag.key, Value: tag.value });
        // Every job that can say how long it may run says so; one production variant.
        if (findShape(task.facts.api, 'StoppingCondition'))
          expect(request.StoppingCondition).toMatchObject({ MaxRuntimeInSeconds: expect.any(Number) });
        expect((request.ProductionVariants ?? []).length).toBeLessThanOrEqual(1);
      }
    }
    expect(rewritten).toBeGreaterThanOrEqual(12);
  });

  it('never runs a labeling job', () => {
    const r = billable(draw('CreateLabelingJob', 0));
    expect(r).toEqual({ skipped: expect.stringMatching(/labeling jobs need a work team/) });
  });

  it('skips a request no allowed instance type fits', () => {
    const r = billable(drawWritten('CreateTransformJob'), {
      ...caps,
      instanceTypes: ['ml.t3.medium'],
    });
    expect(r).toEqual({ skipped: expect.stringMatching(/no allowed instance type fits CreateTransformJob/) });
  });

  it('without resources, caps what a job may cost and tags it, but leaves roles, images and data as drawn', () => {
    for (let i = 0; i < 10; i++) {
      const c = draw('CreateTrainingJob', i);
      const r = rewriteForAccount(c, { limits: DEFAULT_LIMITS, tag });
      if (!('case' in r) && /computed at run time, so it cannot be capped/.test(r.skipped)) continue;
      if (!('case' in r)) throw new Error(r.skipped);
      expect(r.case.policy).toEqual(c.policy);
      for (const t of valuesOf(r.case.definition, 'InstanceType'))
        expect(CHEAPEST_INSTANCE_TYPES).toContain(t);
      expect(valuesOf(r.case.definition, 'TrainingImage')).toEqual(valuesOf(c.definition, 'TrainingImage'));
      expect(JSON.stringify(r.case.definition)).toContain(`"Key":"${tag.key}"`);
    }
    // An invalid case is only tagged: its labelled violation stays.
    const tagged = rewriteForAccount(draw('CreateTrainingJob', 0), { tag });
    expect('case' in tagged && valuesOf(tagged.case.definition, 'MaxRuntimeInSeconds')).toEqual(
      valuesOf(draw('CreateTrainingJob', 0).definition, 'MaxRuntimeInSeconds'),
    );
  });

  it('refuses to cap a bound computed at run time', () => {
    const c = draw('CreateTrainingJob', 0);
    const definition = JSON.parse(
      JSON.stringify(c.definition).replace('"InstanceType":', '"InstanceType.$":"$.type","Unused":'),
    ) as Record<string, unknown>;
    expect(rewriteForAccount({ ...c, definition }, { limits: DEFAULT_LIMITS, tag })).toEqual({
      skipped: expect.stringMatching(/InstanceType\.\$ is computed at run time/),
    });
  });

  it('counts every attempt a Retry allows as billable, for every billable task; a Map is unbounded', () => {
    const c = draw('CreateTrainingJob', 0);
    const task = findTasks(c.definition).tasks[0]!;
    const { Next: _n, Catch: _c, End: _e, Retry: _r, ...alone } = task.state;
    const retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }, { ErrorEquals: ['X'] }];
    const one = { StartAt: 'T', States: { T: { ...alone, Retry: retry, End: true } } };
    expect(billableAttempts({ ...c, definition: one })).toBe(1 + 2 + 3);
    const two = { StartAt: 'T', States: { T: { ...alone, Next: 'U' }, U: { ...alone, End: true } } };
    expect(billableAttempts({ ...c, definition: two })).toBe(2);
    const map = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'T', States: { T: { ...alone, End: true } } },
          End: true,
        },
      },
    };
    expect(billableAttempts({ ...c, definition: map })).toBe(Infinity);
  });
});
