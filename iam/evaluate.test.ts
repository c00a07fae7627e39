import { describe, expect, it } from 'vitest';
import { PolicySet, type AuthorizationRequest } from './evaluate.js';
import { parsePolicy, type PolicyDocument, type PolicyStatement } from './policy.js';

const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train-a';

function policyOf(...Statement: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement };
}

function decide(policy: PolicyDocument, request: Partial<AuthorizationRequest> = {}) {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return new PolicySet([parsed.policy]).evaluate({
    action: 'sagemaker:CreateTrainingJob',
    resource: ARN,
    ...request,
  });
}

const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: 'Allow',
  Action: 'sagemaker:CreateTrainingJob',
  Resource: ARN,
  ...extra,
});

describe('statements', () => {
  it('allows with a matching Allow and denies implicitly without one', () => {
    expect(decide(policyOf(allow())).decision).toBe('allowed');
    expect(decide(policyOf(allow({ Action: 'sagemaker:DescribeTrainingJob' }))).decision).toBe(
      'implicitDeny',
    );
  });

  it('lets an explicit Deny win over any Allow and names the denying statement', () => {
    const result = decide(
      policyOf(allow(), { Sid: 'NoTraining', Effect: 'Deny', Action: 'sagemaker:*', Resource: '*' }),
    );
    expect(result.decision).toBe('explicitDeny');
    expect(result.decisive.map((s) => s.sid)).toEqual(['NoTraining']);
  });

  it('matches actions case-insensitively with * and ?', () => {
    expect(decide(policyOf(allow({ Action: 'SageMaker:createtrainingJOB' }))).decision).toBe('allowed');
    expect(decide(policyOf(allow({ Action: 'sagemaker:Create*' }))).decision).toBe('allowed');
    expect(decide(policyOf(allow({ Action: 'sagemaker:?reateTrainingJob' }))).decision).toBe('allowed');
    expect(decide(policyOf(allow({ Action: 'sagemaker:?TrainingJob' }))).decision).toBe('implicitDeny');
    expect(decide(policyOf(allow({ Action: 's3:CreateTrainingJob' }))).decision).toBe('implicitDeny');
    expect(decide(policyOf(allow({ Action: '*' }))).decision).toBe('allowed');
  });

  it('applies NotAction and NotResource as exclusions', () => {
    expect(decide(policyOf({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).decision).toBe('allowed');
    expect(
      decide(policyOf({ Effect: 'Allow', NotAction: 'sagemaker:Create*', Resource: '*' })).decision,
    ).toBe('implicitDeny');
    expect(
      decide(policyOf({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:iam::*:role/*' })).decision,
    ).toBe('allowed');
    expect(decide(policyOf({ Effect: 'Allow', Action: '*', NotResource: `${ARN}*` })).decision).toBe(
      'implicitDeny',
    );
  });

  it('matches resources case-sensitively, field by field, with prefix wildcards', () => {
    expect(
      decide(policyOf(allow({ Resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/train*' })))
        .decision,
    ).toBe('allowed');
    expect(
      decide(policyOf(allow({ Resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/Train*' })))
        .decision,
    ).toBe('implicitDeny');
    expect(decide(policyOf(allow({ Resource: 'arn:aws:sagemaker:*:*:training-job/*' }))).decision).toBe(
      'allowed',
    );
    expect(
      decide(policyOf(allow({ Resource: 'arn:aws:sagemaker:eu-west-1:*:training-job/*' }))).decision,
    ).toBe('implicitDeny');
    expect(
      decide(policyOf(allow({ Resource: 'arn:aws:sagemaker:us-east-1:123456789012:transform-job/*' })))
        .decision,
    ).toBe('implicitDeny');
    // A short ARN is read with the missing fields as wildcards.
    expect(decide(policyOf(allow({ Resource: 'arn:aws:sagemaker' }))).decision).toBe('allowed');
  });

  it('substitutes policy variables, with defaults, and only in 2012-10-17 policies', () => {
    const resource = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/${aws:username}*';
    expect(
      decide(policyOf(allow({ Resource: resource })), { context: { 'aws:username': 'train' } }).decision,
    ).toBe('allowed');
    expect(
      decide(policyOf(allow({ Resource: resource })), { context: { 'aws:username': 'other' } }).decision,
    ).toBe('implicitDeny');
    const missing = decide(policyOf(allow({ Resource: resource })));
    expect(missing.decision).toBe('implicitDeny');
    expect(missing.statements[0]?.reason).toContain('${aws:username}');
    const withDefault = "arn:aws:sagemaker:us-east-1:123456789012:training-job/${aws:username, 'train-a'}";
    expect(decide(policyOf(allow({ Resource: withDefault }))).decision).toBe('allowed');
    const legacy = { Version: '2008-10-17', Statement: [allow({ Resource: resource })] };
    expect(decide(legacy, { context: { 'aws:username': 'train' } }).decision).toBe('implicitDeny');
  });
});

describe('conditions', () => {
  const withCondition = (
    Condition: PolicyStatement['Condition'],
    context: AuthorizationRequest['context'] = {},
  ) => decide(policyOf(allow({ Condition })), { context }).decision;

  it('StringEquals is exact; StringEqualsIgnoreCase is not case-sensitive; StringLike has wildcards', () => {
    const key = 'iam:PassedToService';
    expect(
      withCondition(
        { StringEquals: { [key]: 'sagemaker.amazonaws.com' } },
        { [key]: 'sagemaker.amazonaws.com' },
      ),
    ).toBe('allowed');
    expect(
      withCondition(
        { StringEquals: { [key]: 'sagemaker.amazonaws.com' } },
        { [key]: 'SageMaker.amazonaws.com' },
      ),
    ).toBe('implicitDeny');
    expect(
      withCondition(
        { StringEqualsIgnoreCase: { [key]: 'sagemaker.amazonaws.com' } },
        { [key]: 'SageMaker.amazonaws.com' },
      ),
    ).toBe('allowed');
    expect(
      withCondition({ StringLike: { [key]: 'sage*.amazonaws.com' } }, { [key]: 'sagemaker.amazonaws.com' }),
    ).toBe('allowed');
    expect(withCondition({ StringEquals: { [key]: 'sage*' } }, { [key]: 'sagemaker.amazonaws.com' })).toBe(
      'implicitDeny',
    );
  });

  it('condition keys are case-insensitive; several values are OR, several keys and operators AND', () => {
    expect(
      withCondition({ StringEquals: { 'IAM:passedtoservice': ['a', 'b'] } }, { 'iam:PassedToService': 'b' }),
    ).toBe('allowed');
    expect(withCondition({ StringEquals: { k1: 'a', k2: 'b' } }, { k1: 'a', k2: 'x' })).toBe('implicitDeny');
    expect(
      withCondition({ StringEquals: { k1: 'a' }, StringLike: { k2: 'b*' } }, { k1: 'a', k2: 'bb' }),
    ).toBe('allowed');
  });

  it('a missing key fails positive operators, satisfies negated ones and ...IfExists', () => {
    expect(withCondition({ StringEquals: { k: 'a' } })).toBe('implicitDeny');
    expect(withCondition({ StringNotEquals: { k: 'a' } })).toBe('allowed');
    expect(withCondition({ StringEqualsIfExists: { k: 'a' } })).toBe('allowed');
    expect(withCondition({ StringEqualsIfExists: { k: 'a' } }, { k: 'b' })).toBe('implicitDeny');
    expect(withCondition({ NumericLessThanIfExists: { k: '5' } })).toBe('allowed');
  });

  it('Null tests presence', () => {
    expect(withCondition({ Null: { k: 'true' } })).toBe('allowed');
    expect(withCondition({ Null: { k: 'false' } })).toBe('implicitDeny');
    expect(withCondition({ Null: { k: false } }, { k: 'x' })).toBe('allowed');
  });

  it('numeric, date and bool operators compare values of their type', () => {
    expect(withCondition({ NumericLessThanEquals: { n: '86400' } }, { n: '3600' })).toBe('allowed');
    expect(withCondition({ NumericGreaterThan: { n: 86400 } }, { n: '3600' })).toBe('implicitDeny');
    expect(withCondition({ NumericEquals: { n: '10' } }, { n: 'ten' })).toBe('implicitDeny');
    expect(
      withCondition(
        { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
        { 'aws:CurrentTime': '2026-06-01T00:00:00Z' },
      ),
    ).toBe('allowed');
    // Epoch seconds and ISO 8601 are the same clock.
    expect(
      withCondition(
        { DateGreaterThan: { 'aws:EpochTime': '2026-01-01T00:00:00Z' } },
        { 'aws:EpochTime': '1798761600' },
      ),
    ).toBe('allowed');
    expect(withCondition({ DateEquals: { t: '1767225600' } }, { t: '2026-01-01T00:00:00Z' })).toBe('allowed');
    expect(withCondition({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'TRUE' })).toBe(
      'allowed',
    );
    expect(
      withCondition({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' }),
    ).toBe('implicitDeny');
  });

  it('IpAddress matches IPv4 and IPv6 CIDR blocks', () => {
    expect(
      withCondition({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.1.2.3' }),
    ).toBe('allowed');
    expect(
      withCondition({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '203.0.113.9' }),
    ).toBe('allowed');
    expect(
      withCondition(
        { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
        { 'aws:SourceIp': '2001:db8:0:1::5' },
      ),
    ).toBe('allowed');
    expect(
      withCondition({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db9::5' }),
    ).toBe('implicitDeny');
    expect(
      withCondition({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '192.168.0.1' }),
    ).toBe('allowed');
    expect(
      withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.9' } }, { 'aws:SourceIp': '203.0.113.9' }),
    ).toBe('allowed');
  });

  it('Arn operators match field by field with wildcards', () => {
    const key = 'aws:SourceArn';
    const sm = 'arn:aws:states:us-east-1:123456789012:stateMachine:train';
    expect(
      withCondition({ ArnLike: { [key]: 'arn:aws:states:*:123456789012:stateMachine:*' } }, { [key]: sm }),
    ).toBe('allowed');
    expect(withCondition({ ArnEquals: { [key]: sm } }, { [key]: sm })).toBe('allowed');
    expect(withCondition({ ArnNotLike: { [key]: 'arn:aws:states:eu-*' } }, { [key]: sm })).toBe('allowed');
    expect(withCondition({ ArnLike: { [key]: 'arn:aws:lambda:*' } }, { [key]: sm })).toBe('implicitDeny');
  });

  it('set operators: ForAnyValue needs one match, ForAllValues needs all and holds for a missing key', () => {
    const tags = { 'aws:TagKeys': ['team', 'env'] };
    expect(withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe('allowed');
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe(
      'implicitDeny',
    );
    expect(
      withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'x'] } }, tags),
    ).toBe('allowed');
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } })).toBe('allowed');
    expect(withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } })).toBe('implicitDeny');
    expect(withCondition({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'secret*' } }, tags)).toBe(
      'allowed',
    );
  });

  it('a single-valued operator on a multivalued key does not match', () => {
    expect(withCondition({ StringEquals: { 'aws:TagKeys': 'team' } }, { 'aws:TagKeys': ['team'] })).toBe(
      'implicitDeny',
    );
  });

  it('variables in condition values resolve from the request; without a value the condition fails', () => {
    expect(
      withCondition(
        { StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
        { 'aws:PrincipalTag/team': 'bob', 'aws:username': 'bob' },
      ),
    ).toBe('allowed');
    expect(
      withCondition(
        { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
        { 'aws:PrincipalTag/team': 'bob' },
      ),
    ).toBe('implicitDeny');
  });

  it('explains why a condition did not hold', () => {
    const result = decide(
      policyOf(allow({ Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } })),
      {
        context: { 'iam:PassedToService': 'states.amazonaws.com' },
      },
    );
    expect(result.statements[0]?.reason).toBe(
      'condition StringEquals iam:PassedToService does not hold: value does not match',
    );
    expect(result.statements[0]?.conditions?.[0]?.contextValue).toBe('states.amazonaws.com');
  });
});

describe('parsePolicy', () => {
  it('reports every problem with its path', () => {
    const result = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Permit', Action: 'sagemaker:CreateTrainingJob', Resource: '*' },
        { Effect: 'Allow', Action: 'CreateTrainingJob', Resource: 'training-job/x' },
        { Effect: 'Allow', Action: 'sagemaker:*', NotAction: 'iam:*', Resource: '*', Principal: '*' },
        { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { StringEqualz: { k: 'v' } } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      '/Statement/0/Effect',
      '/Statement/1/Action/0',
      '/Statement/1/Resource/0',
      '/Statement/2/Principal',
      '/Statement/2',
      '/Statement/3/Condition/StringEqualz',
    ]);
  });

  it('warns that a policy without Version reads variables literally', () => {
    const result = parsePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } });
    expect(result.ok && result.warnings[0]?.path).toBe('/Version');
  });
});
