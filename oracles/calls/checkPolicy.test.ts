import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../../iam/evaluate.js';
import { parsePolicy, type PolicyDocument } from '../../iam/policy.js';
import { DEFAULT_OPTIONS, type PredictionOptions } from '../options.js';
import { predictPolicy } from '../policy/predictPolicy.js';
import { definitionArb, lowerCaseDefinitionArb } from '../testing/definitionArbitraries.js';
import { checkPolicy } from './checkPolicy.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const trainingSync = {
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: { TrainingJobName: 'train', RoleArn: ROLE },
      End: true,
    },
  },
};

function policySet(doc: PolicyDocument): PolicySet {
  const parsed = parsePolicy(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return new PolicySet([parsed.policy]);
}

function check(definition: unknown, policy: PolicyDocument, options: Partial<PredictionOptions> = {}) {
  const result = checkPolicy(definition, policySet(policy), { ...DEFAULT_OPTIONS, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function predicted(definition: unknown, options: Partial<PredictionOptions> = {}): PolicyDocument {
  const result = predictPolicy(definition, { ...DEFAULT_OPTIONS, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

const statements = (doc: PolicyDocument) => (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]);

describe('check', () => {
  it('derives the calls of a .sync training task with levels', () => {
    const result = check(trainingSync, predicted(trainingSync));
    expect(result.sufficient).toBe(true);
    expect(result.requirements.map((r) => [r.action, r.level])).toEqual([
      ['sagemaker:CreateTrainingJob', 'required'],
      ['sagemaker:ListTags', 'documented'],
      ['iam:PassRole', 'required'],
      ['sagemaker:AddTags', 'required'],
      ['sagemaker:DescribeTrainingJob', 'documented'],
      ['sagemaker:StopTrainingJob', 'documented'],
      ['events:PutTargets', 'required'],
      ['events:PutRule', 'required'],
      ['events:DescribeRule', 'required'],
    ]);
    const passRole = result.requirements.find((r) => r.action === 'iam:PassRole');
    expect(passRole?.resource).toBe(ROLE);
    expect(passRole?.context['iam:PassedToService']).toBe('sagemaker.amazonaws.com');
    expect(result.requirements[0]?.resource).toBe(
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/train',
    );
  });

  it('the legacy revision has no AddTags in its policy, but .sync still tags on create (the known gap)', () => {
    const legacy = predicted(trainingSync, { docRevision: 'legacy' });
    expect(JSON.stringify(legacy)).not.toContain('sagemaker:AddTags');
    const result = check(trainingSync, legacy, { docRevision: 'legacy' });
    expect(result.requirements.find((r) => r.action === 'sagemaker:AddTags')).toMatchObject({
      level: 'required',
      decision: 'implicitDeny',
    });
    expect(result.sufficient).toBe(false);
    expect(result.warnings.join('\n')).toContain('the legacy template has no sagemaker:AddTags');
  });

  it('a legacy-revision policy is not enough for .sync under the current revision (the AddTags gap)', () => {
    const result = check(trainingSync, predicted(trainingSync, { docRevision: 'legacy' }));
    expect(result.sufficient).toBe(false);
    expect(result.requirements.filter((r) => r.decision !== 'allowed').map((r) => r.action)).toEqual([
      'sagemaker:AddTags',
    ]);
    expect(statements(result.missing!)).toEqual([
      { Effect: 'Allow', Action: ['sagemaker:AddTags'], Resource: ['*'] },
    ]);
  });

  it('a dynamic name that a prefix grant covers depends on the name: allowed under the prefix, denied elsewhere', () => {
    const dynamic = {
      ...trainingSync,
      States: {
        Train: { ...trainingSync.States.Train, Parameters: { 'TrainingJobName.$': '$.name', RoleArn: ROLE } },
      },
    };
    const scoped = predicted(trainingSync); // training-job/train*
    const result = check(dynamic, scoped);
    expect(result.sufficient).toBe(false);
    expect(result.dependsOnNames).toBe(true);
    expect(result.requirements[0]).toMatchObject({
      action: 'sagemaker:CreateTrainingJob',
      resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/${TrainingJobName}',
      decision: 'dependsOnName',
      byName: {
        field: 'TrainingJobName',
        allowedWhere: ['arn:aws:sagemaker:us-east-1:123456789012:training-job/train*'],
        deniedWhere: ['any other name'],
      },
    });
    expect(check(dynamic, predicted(dynamic)).sufficient).toBe(true);
  });

  describe('a name given at run time, decided for the names it may take', () => {
    const dynamic = {
      StartAt: 'Train',
      States: {
        Train: {
          ...trainingSync.States.Train,
          Parameters: { 'TrainingJobName.$': '$.name', RoleArn: ROLE },
        },
      },
    };
    const grant = (resource: string): PolicyDocument => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: resource }],
    });
    const create = (policy: PolicyDocument) =>
      check(dynamic, policy).requirements.find((r) => r.action === 'sagemaker:CreateTrainingJob')!;

    it('a prefix grant with wildcard region and account covers the names under the prefix', () => {
      expect(create(grant('arn:aws:sagemaker:*:*:training-job/ade-*'))).toMatchObject({
        decision: 'dependsOnName',
        byName: { allowedWhere: ['arn:aws:sagemaker:*:*:training-job/ade-*'] },
      });
    });

    it('a prefix with capitals covers no name: SageMaker writes names in ARNs lower-cased', () => {
      expect(create(grant('arn:aws:sagemaker:us-east-1:123456789012:training-job/ADE-*')).decision).toBe(
        'implicitDeny',
      );
    });

    it('a grant of another type or account covers no name', () => {
      expect(create(grant('arn:aws:sagemaker:us-east-1:123456789012:model/ade-*')).decision).toBe(
        'implicitDeny',
      );
      expect(create(grant('arn:aws:sagemaker:us-east-1:999999999999:training-job/*')).decision).toBe(
        'implicitDeny',
      );
    });
  });

  it('the statements to add for a static name with capitals grant the name SageMaker sends (lower-cased)', () => {
    const caps = {
      StartAt: 'Train',
      States: {
        Train: { ...trainingSync.States.Train, Parameters: { TrainingJobName: 'MyJob', RoleArn: ROLE } },
      },
    };
    const result = check(caps, predicted(caps));
    expect(result.sufficient).toBe(false);
    expect(JSON.stringify(result.missing)).toContain('training-job/myjob*');
    expect(JSON.stringify(result.missing)).not.toContain('training-job/MyJob*');
  });

  it('an explicit Deny makes it insufficient and names the statement', () => {
    const policy = predicted(trainingSync);
    const withDeny: PolicyDocument = {
      ...policy,
      Statement: [
        ...statements(policy),
        { Sid: 'NoPassRole', Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
      ],
    };
    const result = check(trainingSync, withDeny);
    expect(result.sufficient).toBe(false);
    const denied = result.requirements.find((r) => r.action === 'iam:PassRole');
    expect(denied?.decision).toBe('explicitDeny');
    expect(denied?.statements[0]).toMatchObject({ sid: 'NoPassRole', effect: 'Deny' });
    expect(result.missing).toBeUndefined();
  });

  it('a PassRole grant without the iam:PassedToService condition still allows; one for another service does not', () => {
    const policy = predicted(trainingSync);
    const otherService = JSON.parse(
      JSON.stringify(policy).replace('sagemaker.amazonaws.com', 'states.amazonaws.com'),
    ) as PolicyDocument;
    const result = check(trainingSync, otherService);
    expect(result.requirements.find((r) => r.action === 'iam:PassRole')?.decision).toBe('implicitDeny');
    expect(result.sufficient).toBe(false);
  });

  it('missing documented permissions degrade but do not make the policy insufficient', () => {
    const policy = predicted(trainingSync);
    const withoutStop: PolicyDocument = {
      ...policy,
      Statement: statements(policy).map((s) =>
        Array.isArray(s.Action) && s.Action.includes('sagemaker:StopTrainingJob')
          ? { ...s, Action: s.Action.filter((a) => a !== 'sagemaker:StopTrainingJob') }
          : s,
      ),
    };
    const result = check(trainingSync, withoutStop);
    expect(result.sufficient).toBe(true);
    expect(result.requirements.find((r) => r.action === 'sagemaker:StopTrainingJob')?.decision).toBe(
      'implicitDeny',
    );
  });
});

describe('properties over generated definitions', () => {
  it('the predicted policy allows every call, required or documented, of names kept in their ARNs', () => {
    fc.assert(
      fc.property(lowerCaseDefinitionArb, (definition) => {
        const result = check(definition, predicted(definition, { passRoleArn: ROLE }), { passRoleArn: ROLE });
        expect(result.requirements.filter((r) => r.decision !== 'allowed')).toEqual([]);
        expect(result.sufficient).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('with capitals in a static name, exactly the calls on its lower-cased ARN are denied, with a warning', () => {
    fc.assert(
      fc.property(definitionArb, (definition) => {
        const result = check(definition, predicted(definition, { passRoleArn: ROLE }), { passRoleArn: ROLE });
        for (const r of result.requirements.filter((x) => x.decision !== 'allowed')) {
          expect(r.action.startsWith('sagemaker:')).toBe(true);
          const name = r.resource.slice(r.resource.lastIndexOf('/') + 1);
          expect(
            result.warnings.some(
              (w) => w.includes(`"${r.state}"`) && w.includes(`/${name}; use a lower-case`),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('leaving out any statement that grants a required call makes the policy insufficient', () => {
    fc.assert(
      fc.property(lowerCaseDefinitionArb, (definition) => {
        const prediction = predictPolicy(definition, { ...DEFAULT_OPTIONS, passRoleArn: ROLE });
        if (!prediction.ok) throw new Error('invalid definition');
        const all = statements(prediction.document);
        all.forEach((removed, i) => {
          const actions = Array.isArray(removed.Action) ? removed.Action : [removed.Action];
          // Each action's grants sit in one statement, so this statement is the only grant of its required calls.
          const grantsRequired = prediction.calls.some(
            (c) => c.level === 'required' && actions.includes(c.action),
          );
          const without: PolicyDocument = {
            ...prediction.document,
            Statement: all.filter((__, j) => j !== i),
          };
          const result = check(definition, without, { passRoleArn: ROLE });
          expect(result.sufficient).toBe(!grantsRequired);
          // The statements to add give back what was removed.
          if (!result.sufficient) {
            const restored: PolicyDocument = {
              ...without,
              Statement: [...statements(without), ...statements(result.missing!)],
            };
            expect(check(definition, restored, { passRoleArn: ROLE }).sufficient).toBe(true);
          }
        });
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('what counts as tagging on create', () => {
  const rr = (request: Record<string, unknown>) => ({
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
        Parameters: { TrainingJobName: 'train', RoleArn: ROLE, ...request },
        End: true,
      },
    },
  });
  const addTags = (definition: unknown) =>
    check(definition, predicted(definition)).requirements.find((r) => r.action === 'sagemaker:AddTags');

  it('Tags with tags, or given at run time, need AddTags; with an empty Tags list or none no call is made', () => {
    expect(addTags(rr({ Tags: [{ Key: 'team', Value: 'ml' }] }))?.level).toBe('required');
    expect(addTags(rr({ 'Tags.$': '$.tags' }))?.level).toBe('required');
    // A statement of the template that no call needs is no requirement (it stays in `policy`).
    expect(addTags(rr({ Tags: [] }))).toBeUndefined();
    expect(addTags(rr({}))).toBeUndefined();
  });
});
