import { describe, expect, it } from 'vitest';
import { parsePolicy, type PolicyDocument, type PolicyStatement } from '../../iam/policy.js';
import { DEFAULT_OPTIONS } from '../../oracles/options.js';
import { predictPolicy } from '../../oracles/policy/predictPolicy.js';
import { collectCalls, regress } from './regress.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const definition = {
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
const predicted = (() => {
  const p = predictPolicy(definition, DEFAULT_OPTIONS);
  if (!p.ok) throw new Error('bad');
  return p.document;
})();
const statements = (doc: PolicyDocument) => (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]);
const parse = (doc: PolicyDocument, name: string) => {
  const r = parsePolicy(doc, name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
};
const { calls } = collectCalls([{ name: 'train.json', definition }], DEFAULT_OPTIONS);
const compareWith = (changed: PolicyDocument) =>
  regress(calls, [parse(predicted, 'old.json')], [parse(changed, 'new.json')]);
const edit = (f: (s: PolicyStatement[]) => PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: f(structuredClone(statements(predicted))),
});

describe('regress', () => {
  it('an identical policy, reordered and reformatted, reports nothing', () => {
    const reordered = edit((s) =>
      [...s].reverse().map((x) => ({
        ...x,
        Action: Array.isArray(x.Action) && x.Action.length === 1 ? x.Action[0] : x.Action,
      })),
    );
    const r = compareWith(reordered);
    expect(r.newlyDenied).toEqual([]);
    expect(r.newlyAllowed).toEqual([]);
    expect(r.breaking).toBe(false);
    expect(r.unchanged).toBeGreaterThan(5);
  });

  it('a removed action is newly denied, breaking, with the statement that allowed it and the consequence', () => {
    const r = compareWith(
      edit((s) =>
        s.map((x) => ({ ...x, Action: (x.Action as string[]).filter((a) => a !== 'sagemaker:AddTags') })),
      ),
    );
    expect(r.breaking).toBe(true);
    expect(r.newlyDenied.map((c) => c.call.action)).toEqual(['sagemaker:AddTags']);
    const c = r.newlyDenied[0]!;
    expect(c.call.level).toBe('required');
    expect(c.grantedBy[0]).toMatchObject({ policy: 'old.json', index: 1 });
    expect(c.consequence).toContain('SageMaker.AmazonSageMakerException');
    expect(c.why).toContain('new.json');
  });

  it('an action narrowed to the wrong resource is newly denied', () => {
    const r = compareWith(
      edit((s) =>
        s.map((x, i) =>
          i === 0 ? { ...x, Resource: ['arn:aws:sagemaker:us-east-1:123456789012:training-job/other*'] } : x,
        ),
      ),
    );
    expect(r.newlyDenied.map((c) => c.call.action)).toEqual([
      'sagemaker:CreateTrainingJob',
      'sagemaker:DescribeTrainingJob',
      'sagemaker:StopTrainingJob',
    ]);
    expect(r.newlyDenied.find((c) => c.call.action === 'sagemaker:StopTrainingJob')!.consequence).toContain(
      'no cancel on abort',
    );
    expect(r.breaking).toBe(true);
  });

  it('an added Deny is newly denied, naming the Deny', () => {
    const r = compareWith(
      edit((s) => [...s, { Sid: 'NoEvents', Effect: 'Deny', Action: 'events:*', Resource: '*' }]),
    );
    expect(r.newlyDenied.map((c) => c.call.action)).toEqual([
      'events:PutTargets',
      'events:PutRule',
      'events:DescribeRule',
    ]);
    expect(r.newlyDenied[0]!.after).toBe('explicitDeny');
    expect(r.newlyDenied[0]!.why).toContain('NoEvents');
    expect(r.newlyDenied[0]!.consequence).toContain('managed-rule');
  });

  it('a dropped PassRole condition is a widening, flagged, and not breaking', () => {
    const r = compareWith(
      edit((s) =>
        s.map((x) => (x.Condition ? { Effect: x.Effect, Action: x.Action, Resource: x.Resource } : x)),
      ),
    );
    expect(r.newlyDenied).toEqual([]);
    expect(r.breaking).toBe(false);
    expect(r.newlyAllowed).toHaveLength(1);
    expect(r.newlyAllowed[0]!.flags).toEqual(['drops the iam:PassedToService condition']);
  });

  it('a wildcard widening is reported with the statement that grants it', () => {
    const r = compareWith(
      edit((s) =>
        s.map((x, i) =>
          i === 0 ? { ...x, Resource: ['arn:aws:sagemaker:us-east-1:123456789012:training-job/*'] } : x,
        ),
      ),
    );
    expect(r.newlyDenied).toEqual([]);
    expect(r.newlyAllowed).toHaveLength(1);
    expect(r.newlyAllowed[0]!.flags).toContain('widened to * resources');
    expect(r.newlyAllowed[0]!.grantedBy[0]).toMatchObject({ policy: 'new.json', index: 0 });
  });

  it('a NotAction rewrite that allows the same calls reports nothing', () => {
    const old: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sagemaker:*', 'iam:PassRole', 'events:*'], Resource: '*' }],
    };
    const rewritten: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'events:*'], Resource: '*' },
        { Effect: 'Allow', Action: ['iam:PassRole', 'events:*'], Resource: '*' },
      ],
    };
    const r = regress(calls, [parse(old, 'old.json')], [parse(rewritten, 'new.json')]);
    expect(r.newlyDenied).toEqual([]);
    expect(r.newlyAllowed).toEqual([]);
  });
});
