/**
 * The known gaps between AWS's documents and reality (design.md), pinned as fixed examples, with
 * `policy`, `check`, the outcome oracle (`run`) and the emulator (`exec`) agreeing on each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmulatedStepFunctions, StepFunctionsError } from '../emulator/stepFunctions.js';
import { singleTaskPlan } from '../generators/machine/singleTask.js';
import { createTrainingJobArb } from '../generators/requests/training.js';
import { createTransformJobArb } from '../generators/requests/transform.js';
import { PolicySet } from '../iam/evaluate.js';
import { parsePolicy, type PolicyDocument } from '../iam/policy.js';
import { checkPolicy } from '../oracles/calls/checkPolicy.js';
import { findTasks } from '../oracles/definition/sagemakerTasks.js';
import { DEFAULT_OPTIONS, type PredictionOptions } from '../oracles/options.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { predictPolicy } from '../oracles/policy/predictPolicy.js';
import type { MachinePlan } from '../contracts/casePlan.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const options: PredictionOptions = { ...DEFAULT_OPTIONS, account: ACCOUNT, region: REGION };

function training(name: string, sync: boolean): Record<string, unknown> {
  const [request] = fc.sample(createTrainingJobArb, { numRuns: 1, seed: 4 });
  const { Tags: _tags, ...untagged } = request!;
  return {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: `arn:aws:states:::sagemaker:createTrainingJob${sync ? '.sync' : ''}`,
        Parameters: { ...untagged, TrainingJobName: name },
        End: true,
      },
    },
  };
}

function policyOf(definition: unknown, revision: 'current' | 'legacy' = 'current') {
  const result = predictPolicy(definition, { ...options, docRevision: revision });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function check(definition: unknown, policy: PolicyDocument, revision: 'current' | 'legacy' = 'current') {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) throw new Error('policy invalid');
  const result = checkPolicy(definition, new PolicySet([parsed.policy]), {
    ...options,
    docRevision: revision,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

async function exec(definition: Record<string, unknown>, policy: PolicyDocument) {
  const sfn = new EmulatedStepFunctions({ region: REGION, account: ACCOUNT, aslSchemaCheck: false });
  const { stateMachineArn } = sfn.createStateMachine({ definition, policy });
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    name: 'gap',
    scenario: { referencesExist: true, job: { polls: 0, outcome: 'Completed', durationSeconds: 60 } },
  });
  return sfn.awaitExecution(executionArn);
}

/** The single-task plan of a definition (its task as findTasks reads it). */
function planOf(definition: unknown): MachinePlan {
  return singleTaskPlan(findTasks(definition).tasks[0]!.plan);
}

describe('known gaps, pinned', () => {
  it('mixed-case names: the template grants training-job/MyJob*, SageMaker authorizes training-job/myjob', async () => {
    const definition = training('MyJob', false);
    const policy = policyOf(definition);
    expect(JSON.stringify(policy.document)).toContain(`training-job/MyJob*`);
    expect(policy.warnings.join('\n')).toContain('SageMaker lower-cases names in ARNs');
    const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/myjob`;
    // check: insufficient, the create call denied on the lower-cased ARN.
    const checked = check(definition, policy.document);
    expect(checked.sufficient).toBe(false);
    expect(checked.requirements[0]).toMatchObject({
      action: 'sagemaker:CreateTrainingJob',
      resource: arn,
      decision: 'implicitDeny',
    });
    // exec: the same call, the same decision; the task fails.
    const r = await exec(definition, policy.document);
    expect(r.calls[0]).toMatchObject({
      action: 'sagemaker:CreateTrainingJob',
      resource: arn,
      decision: 'implicitDeny',
    });
    expect([r.status, r.error]).toEqual(['FAILED', 'SageMaker.AmazonSageMakerException']);
    // run: the outcome oracle predicts it.
    const predicted = predictExecution({
      plan: planOf(definition),
      input: {},
      executionName: 'gap',
      region: REGION,
      account: ACCOUNT,
      scenario: { referencesExist: true },
      policy: policy.document,
    });
    expect(predicted.calls.value).toEqual([
      { action: 'sagemaker:CreateTrainingJob', resource: arn, decision: 'implicitDeny' },
    ]);
    expect(predicted.error?.value).toBe('SageMaker.AmazonSageMakerException');
  });

  it('AddTags: the legacy template lacks it, and a .sync task tags the job it starts', async () => {
    const definition = training('search-model', true);
    const legacy = policyOf(definition, 'legacy');
    expect(JSON.stringify(legacy.document)).not.toContain('sagemaker:AddTags');
    expect(policyOf(definition, 'current').document).not.toEqual(legacy.document);
    const checked = check(definition, legacy.document, 'legacy');
    expect(checked.sufficient).toBe(false);
    expect(checked.requirements.filter((x) => x.decision !== 'allowed').map((x) => x.action)).toEqual([
      'sagemaker:AddTags',
    ]);
    const r = await exec(definition, legacy.document);
    expect(r.calls.find((x) => x.action === 'sagemaker:AddTags')?.decision).toBe('implicitDeny');
    expect(r.status).toBe('FAILED');
  });

  it('CreateTransformJob: documented templates, but Step Functions generates no policy for it', () => {
    const [request] = fc.sample(createTransformJobArb, { numRuns: 1, seed: 4 });
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTransformJob',
          Parameters: request,
          End: true,
        },
      },
    };
    expect(policyOf(definition).warnings.join('\n')).toContain(
      'Step Functions does not generate a policy for CreateTransformJob',
    );
    expect(policyOf(training('search-model', false)).warnings.join('\n')).not.toContain(
      'does not generate a policy',
    );
  });

  it('.waitForTaskToken: the template heading names it, the integration rejects it', () => {
    const definition = training('search-model', false);
    const task = (definition.States as Record<string, Record<string, unknown>>).Train!;
    task.Resource = 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken';
    const policy = predictPolicy(definition, options);
    expect(policy.ok).toBe(false);
    expect(JSON.stringify(policy)).toContain(
      '.waitForTaskToken is not supported by the SageMaker integration',
    );
    const sfn = new EmulatedStepFunctions({ aslSchemaCheck: false });
    expect(() => sfn.createStateMachine({ definition })).toThrow(StepFunctionsError);
    const predicted = predictExecution({
      plan: planOf(training('search-model', false)),
      input: {},
      executionName: 'gap',
      region: REGION,
      account: ACCOUNT,
      scenario: { referencesExist: true },
      policy: policyOf(training('search-model', false)).document,
      validity: { valid: false, breaks: { kind: 'resource', problem: 'waitForTaskToken' } },
    });
    expect(predicted.created.value).toBe(false);
  });
});
