/**
 * The pipeline shapes beyond single tasks: what each renders to, what its later steps read, and
 * (against the emulator) that the oracle follows the Choice and the catcher to another task.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import {
  mapPlanTasks,
  planTasks,
  type MachinePlan,
  type PlanValue,
  type TaskPlan,
} from '../contracts/casePlan.js';
import { compare } from '../reports/compare.js';
import { SUITES } from '../suites/suites.js';
import { EmbeddedTarget } from '../suites/targets/embedded.js';
import { validateDefinition } from '../validation/validateDefinition.js';
import type { CaseContent } from '../contracts/case.js';
import { validCaseArb } from './case.js';
import { plain } from './sampleCases.js';
import { withId } from './invalidCase.js';
import { machinePlanArb } from './machinePlan.js';
import { renderMachine } from './render.js';

type Obj = Record<string, unknown>;

const draw = (shape: MachinePlan['shape'], n: number, seed = 7) =>
  fc.sample(machinePlanArb({ shape, executionName: 'nightly-run' }), { numRuns: n, seed }).map((d) => d.plan);

/**
 * The result paths a request's dynamic members read, by the state whose result they read; through
 * the source's ResultSelector, the member of the result it selects.
 */
function reads(task: TaskPlan, all: readonly TaskPlan[] = []): { at: string; state: string; path: string }[] {
  const through = (state: string, path: readonly (string | number)[]) => {
    const selector = all.find((t) => t.name === state)?.resultSelector;
    const field = selector && 'fields' in selector ? selector.fields[String(path[1])] : undefined;
    return field && 'ref' in field ? [path[0]!, ...field.path] : path;
  };
  const sources = (v: PlanValue) =>
    v.given === 'path' || v.given === 'parse'
      ? [v.source]
      : v.given === 'jsonata'
        ? v.parts.filter((p) => 'from' in p)
        : v.given === 'format'
          ? v.args
          : [];
  return task.request.dynamic.flatMap((d) =>
    sources(d.value).flatMap((s) =>
      'result' in s && s.result !== undefined && (s.from === 'input' || s.from === 'variable')
        ? [{ at: d.at.join('.'), state: s.result, path: through(s.result, s.path).join('.') }]
        : [],
    ),
  );
}

describe('create-or-update endpoint', () => {
  const plans = draw('create-or-update', 60);

  it('renders a Choice on the flag: Default the create, whose catcher goes to the one UpdateEndpoint state', () => {
    for (const plan of plans) {
      const definition = renderMachine(plan);
      const states = definition.States as Record<string, Obj>;
      const choice = Object.values(states).find((s) => s.Type === 'Choice')!;
      const create = states[String(choice.Default)]!;
      expect(create.Resource).toBe('arn:aws:states:::sagemaker:createEndpoint');
      const rule = (choice.Choices as Obj[])[0]!;
      const update = states[String(rule.Next)]!;
      expect(update.Resource).toBe('arn:aws:states:::sagemaker:updateEndpoint');
      expect(update.End).toBe(true);
      expect((create.Catch as Obj[]).map((c) => c.Next)).toEqual([rule.Next]);
      expect(rule.BooleanEquals ?? rule.Condition).toBeDefined();
      // One state per task, and the definition is valid as written.
      const names = planTasks(plan.flow).map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(names)).toEqual(new Set(Object.keys(states).filter((k) => states[k]!.Type === 'Task')));
      if (plans.indexOf(plan) < 12) expect(validateDefinition(definition)).toEqual([]);
    }
  });

  it('UpdateEndpoint names the endpoint and configuration CreateEndpoint names', () => {
    for (const plan of plans) {
      const [create, update] = ['CreateEndpoint', 'UpdateEndpoint'].map((api) =>
        planTasks(plan.flow).find((t) => t.api === api)!,
      );
      for (const member of ['EndpointName', 'EndpointConfigName']) {
        expect(update!.request.literal[member]).toEqual(create!.request.literal[member]);
        expect(update!.request.dynamic.filter((d) => d.at[0] === member)).toEqual(
          create!.request.dynamic.filter((d) => d.at[0] === member),
        );
      }
    }
  });

  it('mapPlanTasks replaces a state reached two ways by one task', () => {
    for (const plan of plans.slice(0, 10)) {
      let calls = 0;
      const flow = mapPlanTasks(plan.flow, (t) => {
        calls++;
        return { ...t, timeoutSeconds: 42 };
      });
      expect(calls).toBe(planTasks(plan.flow).length);
      const create = planTasks(flow).find((t) => t.api === 'CreateEndpoint')!;
      const target = create.catch[0]!.target;
      expect(target.kind === 'task' && target.task.timeoutSeconds).toBe(42);
      expect(planTasks(flow).every((t) => t.timeoutSeconds === 42)).toBe(true);
    }
  });
});

describe('chains that read earlier results', () => {
  it('tuning → model → transform: the model is named after the tuning job, or runs its image', () => {
    const found = new Set<string>();
    for (const plan of draw('tuning-chain', 80)) {
      const [tune, model, transform] = planTasks(plan.flow);
      expect([tune!.api, model!.api, transform!.api]).toEqual([
        'CreateHyperParameterTuningJob',
        'CreateModel',
        'CreateTransformJob',
      ]);
      for (const r of reads(model!, planTasks(plan.flow))) {
        expect(r.state).toBe(tune!.name);
        found.add(`${r.at} ${r.path.split('.').slice(1).join('.') || r.path}`);
      }
    }
    expect(
      [...found].some((f) => f.startsWith('ModelName') && f.includes('HyperParameterTuningJobName')),
    ).toBe(true);
    expect(
      [...found].some((f) => f.endsWith('TrainingJobDefinition.AlgorithmSpecification.TrainingImage')),
    ).toBe(true);
  });

  it('processing → training → processing: training reads what the job wrote, evaluation the model', () => {
    let training = 0;
    let evaluation = 0;
    for (const plan of draw('processing-chain', 80)) {
      const [process, train, evaluate] = planTasks(plan.flow);
      expect([process!.api, train!.api, evaluate!.api]).toEqual([
        'CreateProcessingJob',
        'CreateTrainingJob',
        'CreateProcessingJob',
      ]);
      for (const r of reads(train!, planTasks(plan.flow))) {
        expect(r).toMatchObject({
          at: 'InputDataConfig.0.DataSource.S3DataSource.S3Uri',
          state: process!.name,
        });
        expect(r.path).toMatch(/ProcessingOutputConfig\.Outputs\.0\.S3Output\.S3Uri$/);
        training++;
      }
      for (const r of reads(evaluate!, planTasks(plan.flow))) {
        expect(r).toMatchObject({ at: 'ProcessingInputs.0.S3Input.S3Uri', state: train!.name });
        expect(r.path).toMatch(/ModelArtifacts\.S3ModelArtifacts$/);
        evaluation++;
      }
    }
    expect(training).toBeGreaterThan(5);
    expect(evaluation).toBeGreaterThan(5);
  });
});

describe('the oracle follows the new shapes as the emulator runs them', () => {
  const target = new EmbeddedTarget();
  const aspects = SUITES.outcome.aspects;
  const cases = (shape: MachinePlan['shape'], n: number): CaseContent[] =>
    fc.sample(validCaseArb({ shape }), { numRuns: n, seed: 11 }).map(plain);

  it.each(['create-or-update', 'tuning-chain', 'processing-chain'] as const)(
    '%s: prediction and observation agree (calls, status, output, history)',
    async (shape) => {
      const seen = { updateByFlag: 0, updateByCatch: 0, succeeded: 0 };
      for (const [i, content] of cases(shape, 60).entries()) {
        const c = withId(content, { seed: 11, path: `${shape}:${i}` });
        const predicted = predictExecution(c);
        const observed = await target.execute(c);
        expect(compare(predicted, observed, aspects), c.id).toEqual([]);
        const apis = (observed.calls ?? []).map((x) => x.action);
        if ((c.input as Obj).endpointExists === true && apis.includes('sagemaker:UpdateEndpoint'))
          seen.updateByFlag++;
        if (apis.includes('sagemaker:CreateEndpoint') && apis.includes('sagemaker:UpdateEndpoint'))
          seen.updateByCatch++;
        if (observed.status === 'SUCCEEDED') seen.succeeded++;
      }
      expect(seen.succeeded).toBeGreaterThan(5);
      if (shape === 'create-or-update') {
        expect(seen.updateByFlag).toBeGreaterThan(3);
        expect(seen.updateByCatch).toBeGreaterThan(0);
      }
    },
    60_000,
  );

  it('a name given at run time with an underscore fails the task with ValidationException, as SageMaker does', async () => {
    const [content] = fc
      .sample(validCaseArb({ api: 'CreateTrainingJob', shape: 'single', policy: 'predicted' }), {
        numRuns: 400,
        seed: 5,
      })
      .map(plain)
      .filter(
        (c) =>
          c.scenario.createError === undefined &&
          // No catcher: the execution fails with the task's own error and cause.
          planTasks(c.plan.flow)[0]!.catch.length === 0 &&
          planTasks(c.plan.flow)[0]!.request.dynamic.some(
            (d) =>
              d.at[0] === 'TrainingJobName' &&
              d.value.given === 'path' &&
              d.value.source.from === 'executionName',
          ),
      );
    expect(content, 'a case naming its job $$.Execution.Name').toBeDefined();
    const c = withId({ ...content!, executionName: 'nightly_2026_12_01' }, { seed: 5, path: 'underscore' });
    const predicted = predictExecution(c);
    expect(predicted.status?.value).toBe('FAILED');
    expect(predicted.cause?.value.includes).toEqual(['ValidationException', 'TrainingJobName']);
    const observed = await target.execute(c);
    expect(compare(predicted, observed, SUITES.outcome.aspects)).toEqual([]);
    // The mutant that checks only what the definition writes lets the job start.
    const mutated = await new EmbeddedTarget(['runtime-values-not-validated']).execute(c);
    expect(compare(predicted, mutated, SUITES.outcome.aspects)).not.toEqual([]);
  });
});
