import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../catalog/api.js';
import { validateRequest } from '../validation/validateRequest.js';
import { NEGATIVE_EDIT_COUNT, negativeRequestArb } from './negativeRequests.js';
import { SAGEMAKER_MODEL } from '../apimodel/sagemakerModel.generated.js';
import { REFERENCES, SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { Api } from '../catalog/api.js';
import { planTasks, type JsonPath } from '../contracts/casePlan.js';
import type { CaseContent } from '../contracts/case.js';
import { validCaseArb } from './case.js';
import { REQUEST_ARBITRARIES } from './requests.js';
import { plain, sampleCases } from './sampleCases.js';
import { sentRequests } from './testing/sentRequests.js';

describe.each(API_NAMES)('%s requests', (api) => {
  it('are valid by construction: every generated request passes the validator', () => {
    fc.assert(
      fc.property(REQUEST_ARBITRARIES[api], (request) => {
        expect(validateRequest(api, request)).toEqual([]);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('negative requests break exactly their labelled constraint, and every kind of edit occurs', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(negativeRequestArb(api), (negative) => {
        const violations = validateRequest(api, negative.request);
        expect(violations.map((v) => ({ constraint: v.constraint, path: v.path, rule: v.rule }))).toEqual([
          { constraint: negative.breaks.constraint, path: negative.breaks.path, rule: negative.breaks.rule },
        ]);
        kinds.add(`${negative.breaks.constraint}${negative.breaks.path}`);
      }),
      { numRuns: 300, seed: 2 },
    );
    expect(kinds.size).toBe(NEGATIVE_EDIT_COUNT[api]);
  });
});

/** Whether a member names a resource: the request's own name, or a reference (a model, an endpoint configuration). */
function namesResource(api: Api, at: JsonPath): boolean {
  const paths = [[SAGEMAKER_APIS[api].nameField.value], ...(REFERENCES[api] ?? []).map((r) => r.path)];
  return paths.some(
    (path) =>
      path.length === at.length &&
      path.every((k, i) => k === at[i] || (k === '[]' && typeof at[i] === 'number')),
  );
}

/** What a valid case's requests carry that the API model refuses, and how many names it checked. */
async function refusedNames(c: CaseContent, label: string) {
  const problems: string[] = [];
  let references = 0;
  let givenAtRunTime = 0;
  const tasks = planTasks(c.plan.flow);
  for (const { state, api, request } of await sentRequests(c)) {
    for (const v of validateRequest(api, request))
      problems.push(`${label} ${state}: ${api}${v.path}: ${v.message}`);
    if ((REFERENCES[api] ?? []).length > 0) references++;
    const task = tasks.find((t) => t.name === state);
    if (task?.request.dynamic.some((d) => namesResource(api, d.at))) givenAtRunTime++;
  }
  return { problems, references, givenAtRunTime };
}

describe('every request a valid case sends, as Step Functions resolves it', () => {
  // Names first: the request's own, the references (a variant's model, an endpoint's
  // configuration, a transform's model), and the names given at run time (from the input, the
  // execution's name, an earlier result, States.Format or JSONata).
  it('passes the API model, every name included (sample --count 400 --seed 11)', async () => {
    const problems: string[] = [];
    let references = 0;
    let givenAtRunTime = 0;
    for (const c of sampleCases({ seed: 11 }, 400)) {
      const found = await refusedNames(c, `case ${c.replay.path}`);
      problems.push(...found.problems);
      references += found.references;
      givenAtRunTime += found.givenAtRunTime;
    }
    expect(problems).toEqual([]);
    expect(references, 'requests naming a model or an endpoint configuration').toBeGreaterThan(150);
    expect(givenAtRunTime, 'requests with a name or a reference given at run time').toBeGreaterThan(200);
  }, 60_000);

  it('passes the API model, every name included (valid cases of every shape)', async () => {
    await fc.assert(
      fc.asyncProperty(validCaseArb(), async (c) => {
        expect((await refusedNames(plain(c), c.shape)).problems).toEqual([]);
      }),
      { numRuns: 200, seed: 16 },
    );
  }, 60_000);
});

describe('realistic values', () => {
  it('uses the instance-type enum of each API (ml.t3.* trains but does not transform)', () => {
    const transforms = fc.sample(REQUEST_ARBITRARIES.CreateTransformJob, { numRuns: 300, seed: 3 });
    expect(
      transforms.some((r) =>
        String((r.TransformResources as { InstanceType: string }).InstanceType).startsWith('ml.t3.'),
      ),
    ).toBe(false);
  });

  it('keeps HPO names within 32 characters and other job names within 63', () => {
    for (const r of fc.sample(REQUEST_ARBITRARIES.CreateHyperParameterTuningJob, { numRuns: 200, seed: 4 })) {
      expect(String(r.HyperParameterTuningJobName).length).toBeLessThanOrEqual(32);
    }
  });

  it('MaxConcurrentTransforms x MaxPayloadInMB stays within 100', () => {
    for (const r of fc.sample(REQUEST_ARBITRARIES.CreateTransformJob, { numRuns: 300, seed: 5 })) {
      if (typeof r.MaxConcurrentTransforms === 'number')
        expect(r.MaxConcurrentTransforms * (r.MaxPayloadInMB as number)).toBeLessThanOrEqual(100);
    }
  });
});

/**
 * Optional members of the API model the generators leave out, and why: each needs resources or
 * rules beyond the model (an algorithm's own images, a second container set, an existing job),
 * or is newer than what the integration's documents describe.
 */
const NOT_GENERATED: Readonly<Record<string, string>> = {
  'CreateTrainingJob.DebugRuleConfigurations': 'needs Debugger rule-evaluator images',
  'CreateTrainingJob.ProfilerRuleConfigurations': 'needs Debugger rule-evaluator images',
  'CreateTrainingJob.RemoteDebugConfig': 'interactive debugging; rules beyond the model',
  'CreateTrainingJob.InfraCheckConfig': 'only for some instance types (a rule beyond the model)',
  'CreateTrainingJob.SessionChainingConfig': 'needs a session-tag-enabled role',
  'CreateTrainingJob.ServerlessJobConfig': 'serverless training: rules beyond the model',
  'CreateTrainingJob.MlflowConfig': 'needs an MLflow tracking server',
  'CreateTrainingJob.ModelPackageConfig': 'needs a model package group',
  'CreateHyperParameterTuningJob.TrainingJobDefinitions':
    'the generators give a TrainingJobDefinition (one of the two)',
  'CreateHyperParameterTuningJob.WarmStartConfig': 'needs finished parent tuning jobs',
  'CreateEndpointConfig.ExplainerConfig': 'SageMaker Clarify explainers: rules beyond the model',
  'CreateEndpointConfig.ShadowProductionVariants': 'needs variants of other models',
  'CreateEndpointConfig.MetricsConfig': 'newer than the integration documents',
  'CreateEndpoint.DeploymentConfig': 'blue/green policies need alarms and an existing endpoint',
  'UpdateEndpoint.ExcludeRetainedVariantProperties': 'only with RetainAllVariantProperties',
  'UpdateEndpoint.DeploymentConfig': 'blue/green policies need alarms',
};

describe('every optional request member', () => {
  it.each(API_NAMES)(
    '%s: each optional member of the model is generated, or left out with a reason',
    (api) => {
      const shape = SAGEMAKER_MODEL.shapes[SAGEMAKER_MODEL.operations[api]!.input!]!;
      const required = new Set(shape.required ?? []);
      const optional = Object.keys(shape.members ?? {}).filter((m) => !required.has(m));
      const seen = new Set<string>();
      for (const r of fc.sample(REQUEST_ARBITRARIES[api], { numRuns: 600, seed: 13 }))
        for (const k of Object.keys(r)) seen.add(k);
      for (const member of optional) {
        const reason = NOT_GENERATED[`${api}.${member}`];
        if (reason) expect(seen.has(member), `${api}.${member} is generated: drop its reason`).toBe(false);
        else expect(seen.has(member), `${api}.${member} is never generated`).toBe(true);
      }
    },
  );
});
