import { describe, expect, it } from 'vitest';
import { EmulatedIam, IAM_QUOTAS, IamError } from './roles.js';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const POLICY = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

/** The code of the IamError `f` throws. */
function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IamError) return e.code;
    throw e;
  }
  throw new Error('no error');
}

describe('the emulated IAM: roles as a directory for Step Functions', () => {
  it("gives a role's inline and attached policies, and none for an ARN it does not have", () => {
    const iam = new EmulatedIam({ account: '111122223333', partition: 'aws-cn', now: () => 0 });
    const role = iam.createRole({ RoleName: 'Exec', Path: '/a/b/', AssumeRolePolicyDocument: TRUST });
    expect(role.Arn).toBe('arn:aws-cn:iam::111122223333:role/a/b/Exec');
    expect(role.CreateDate).toEqual(new Date(0));
    iam.putRolePolicy('exec', 'inline', POLICY('sagemaker:CreateModel'));
    const managed = iam.createPolicy({ PolicyName: 'm', PolicyDocument: POLICY('events:PutRule') });
    iam.attachRolePolicy('Exec', managed.Arn);
    expect(iam.policiesOf(role.Arn)!.map((p) => JSON.stringify(p))).toEqual([
      POLICY('sagemaker:CreateModel'),
      POLICY('events:PutRule'),
    ]);
    // The path is part of the ARN: the same name under another path is not the role.
    expect(iam.policiesOf('arn:aws-cn:iam::111122223333:role/Exec')).toBeUndefined();
    expect(iam.assumableBy(role.Arn, ['states.amazonaws.com'], {})).toBe(true);
    expect(iam.assumableBy(role.Arn, ['lambda.amazonaws.com'], {})).toBe(false);
    iam.detachRolePolicy('Exec', managed.Arn);
    iam.deleteRolePolicy('Exec', 'inline');
    expect(iam.policiesOf(role.Arn)).toEqual([]);
    iam.deleteRole('EXEC');
    expect(iam.assumableBy(role.Arn, ['states.amazonaws.com'], {})).toBe(false);
  });

  it('applies the quotas: attached policies per role, tags, the trust policy size', () => {
    const iam = new EmulatedIam();
    iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: TRUST });
    for (let i = 0; i < IAM_QUOTAS.attachedPoliciesPerRole; i++)
      iam.attachRolePolicy(
        'r',
        iam.createPolicy({ PolicyName: `p${i}`, PolicyDocument: POLICY('s3:*') }).Arn,
      );
    const one = iam.createPolicy({ PolicyName: 'one-more', PolicyDocument: POLICY('s3:*') });
    expect(codeOf(() => iam.attachRolePolicy('r', one.Arn))).toBe('LimitExceeded');
    const tags = Array.from({ length: IAM_QUOTAS.tags }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    iam.tagRole('r', tags);
    expect(codeOf(() => iam.tagRole('r', [{ Key: 'extra', Value: '' }]))).toBe('LimitExceeded');
    // Replacing a tag's value is no new tag; keys differing only in case are one key.
    iam.tagRole('r', [{ Key: 'K0', Value: 'v' }]);
    expect(iam.listRoleTags('r', { MaxItems: 1 }).items).toEqual([{ Key: 'K0', Value: 'v' }]);
    expect(
      codeOf(() =>
        iam.tagRole('r', [
          { Key: 'a', Value: '' },
          { Key: 'A', Value: '' },
        ]),
      ),
    ).toBe('InvalidInput');
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'x'.repeat(2100) }, Action: 'sts:AssumeRole' }],
    });
    expect(codeOf(() => iam.createRole({ RoleName: 'big', AssumeRolePolicyDocument: big }))).toBe(
      'LimitExceeded',
    );
  });

  it('refuses AWS managed policies for attaching (their documents are not here), takes them as boundaries', () => {
    const iam = new EmulatedIam();
    const role = iam.createRole({
      RoleName: 'bounded',
      AssumeRolePolicyDocument: TRUST,
      PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    expect(iam.getRole('bounded').PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    expect(role.Tags).toBeUndefined();
    expect(
      codeOf(() => iam.attachRolePolicy('bounded', 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess')),
    ).toBe('NoSuchEntity');
    expect(codeOf(() => iam.attachRolePolicy('bounded', 'not-an-arn'))).toBe('InvalidInput');
    expect(
      codeOf(() =>
        iam.createRole({
          RoleName: 'b2',
          AssumeRolePolicyDocument: TRUST,
          PermissionsBoundary: 'arn:aws:iam::123456789012:policy/absent',
        }),
      ),
    ).toBe('NoSuchEntity');
  });

  it('pages a listing from a marker on, also when items go meanwhile; refuses a marker it did not give', () => {
    const iam = new EmulatedIam();
    for (const n of ['a', 'b', 'c', 'd']) iam.createRole({ RoleName: n, AssumeRolePolicyDocument: TRUST });
    const first = iam.listRoles({ MaxItems: 2 });
    expect(first.items.map((r) => r.RoleName)).toEqual(['a', 'b']);
    iam.deleteRole('c');
    const next = iam.listRoles({ MaxItems: 2, Marker: first.Marker! });
    expect(next.items.map((r) => r.RoleName)).toEqual(['d']);
    expect(next.IsTruncated).toBe(false);
    expect(codeOf(() => iam.listRoles({ Marker: '***' }))).toBe('InvalidInput');
  });
});
