/**
 * iam:PassRole in the predicted policy: granted for the calls that pass a role, never widened. A
 * CreateTransformJob passes no role: the documented template's statement on the model's role
 * (`[[roleArn]]`) appears only on the role `--pass-role-arn` names, and never merges into `*`.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../iam/policy.js';
import { DEFAULT_OPTIONS, type PredictionOptions } from '../options.js';
import { predictPolicy } from './predictPolicy.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const MODEL_ROLE = 'arn:aws:iam::123456789012:role/ModelRole';

const state = (resource: string, parameters: Record<string, unknown>, next?: string) => ({
  Type: 'Task',
  Resource: `arn:aws:states:::sagemaker:${resource}`,
  Parameters: parameters,
  ...(next ? { Next: next } : { End: true }),
});
const transform = state('createTransformJob', { TransformJobName: 't', ModelName: 'm' });
const training = (role = ROLE) =>
  state('createTrainingJob', { TrainingJobName: 'train', RoleArn: role }, 'Transform');

function predict(states: Record<string, unknown>, options: Partial<PredictionOptions> = {}) {
  const result = predictPolicy(
    { StartAt: Object.keys(states)[0], States: states },
    { ...DEFAULT_OPTIONS, ...options },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

const passRoleResources = (statements: readonly PolicyStatement[]) =>
  statements.filter((s) => [s.Action].flat().includes('iam:PassRole')).flatMap((s) => [s.Resource].flat());

describe('iam:PassRole', () => {
  it('a transform passes no role: no PassRole statement, no "*", and a warning that says why', () => {
    const p = predict({ Transform: transform });
    expect(passRoleResources(p.document.Statement as PolicyStatement[])).toEqual([]);
    expect(p.calls.filter((c) => c.action === 'iam:PassRole')).toEqual([]);
    expect(p.warnings.join('\n')).toMatch(/passes no role; .*--pass-role-arn/);
  });

  it("with --pass-role-arn, the template's statement on that role alone, in the template, required by no call", () => {
    const p = predict({ Transform: transform }, { passRoleArn: MODEL_ROLE });
    expect(passRoleResources(p.document.Statement as PolicyStatement[])).toEqual([MODEL_ROLE]);
    const call = p.calls.find((c) => c.action === 'iam:PassRole')!;
    expect(call).toMatchObject({ phase: 'template', level: 'documented', resource: MODEL_ROLE });
  });

  it("a training role and a transform: PassRole on the training role only, never merged with '*'", () => {
    const p = predict({ Train: training(), Transform: transform });
    expect(passRoleResources(p.document.Statement as PolicyStatement[])).toEqual([ROLE]);
  });

  it('a role of another account: granted as named, and a warning that IAM will not let it be passed', () => {
    const other = 'arn:aws:iam::210987654321:role/SageMakerRole';
    const p = predict(
      { Train: { ...training(other), End: true, Next: undefined } },
      { account: '123456789012' },
    );
    expect(passRoleResources(p.document.Statement as PolicyStatement[])).toEqual([other]);
    expect(p.warnings.join('\n')).toContain(
      'is of account 210987654321, not 123456789012: IAM lets a role be passed only to a service of its own account',
    );
  });
});
