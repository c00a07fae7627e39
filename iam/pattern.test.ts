/**
 * Wildcards are matched in time proportional to pattern × name: a Resource, an Action or a
 * condition value with many `*` against a long name is decided at once.
 */
import { describe, expect, it } from 'vitest';
import { RequestContext } from './context.js';
import { PolicySet } from './evaluate.js';
import { parsePolicy, type PolicyStatement } from './policy.js';
import { IamPattern } from './pattern.js';

const ACCOUNT = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/';
/** A name of 2,000 characters: every `a*` of the pattern can take any of its `a`s. */
const LONG = `${ACCOUNT}${'a'.repeat(2000)}`;
/** Twelve stars, then a `b` the name does not end with: a backtracking regex tries every split. */
const TWELVE_STARS = `${ACCOUNT}${'a*'.repeat(12)}b`;

function decide(statement: PolicyStatement, resource: string, action = 'sagemaker:CreateTrainingJob') {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: [statement] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return new PolicySet([parsed.policy]).evaluate({ action, resource }).decision;
}

describe('wildcards in linear time', () => {
  // The timeout guards against a hang only. With a backtracking regex this test does not finish:
  // the regex holds the thread, so that not even the timeout fires.
  it('a Resource of twelve stars against a 2,000-character name is decided', { timeout: 60_000 }, () => {
    const statement: PolicyStatement = { Effect: 'Allow', Action: 'sagemaker:*', Resource: TWELVE_STARS };
    expect(decide(statement, LONG)).toBe('implicitDeny');
    expect(decide(statement, `${LONG}b`)).toBe('allowed');
    expect(decide({ ...statement, Effect: 'Deny' }, `${LONG}b`)).toBe('explicitDeny');
  });

  it(
    'with a variable that has no value, the literal parts still rule the name out',
    { timeout: 60_000 },
    () => {
      const pattern = new IamPattern(`${ACCOUNT}\${aws:PrincipalTag/team}${'a*'.repeat(12)}b`, {
        wildcards: true,
        variables: true,
      });
      expect(pattern.test(LONG, new RequestContext({}))).toBe(false);
      expect(pattern.test(`${LONG}b`, new RequestContext({}))).toEqual({
        variable: 'aws:PrincipalTag/team',
        reason: 'missing',
      });
    },
  );

  it('an Action and a StringLike condition of many stars', { timeout: 60_000 }, () => {
    const action = `sagemaker:${'a*'.repeat(12)}b`;
    expect(
      decide({ Effect: 'Allow', Action: action, Resource: '*' }, LONG, `sagemaker:${'A'.repeat(2000)}`),
    ).toBe('implicitDeny');
    expect(
      decide({ Effect: 'Allow', Action: action, Resource: '*' }, LONG, `sagemaker:${'A'.repeat(2000)}B`),
    ).toBe('allowed');
    const condition = new IamPattern(`${'x*'.repeat(12)}y`, { wildcards: true, variables: true });
    expect(condition.test('x'.repeat(2000), new RequestContext({}))).toBe(false);
  });

  it('? takes exactly one character, * any number, text itself', () => {
    const test = (pattern: string, name: string) =>
      new IamPattern(pattern, { wildcards: true, variables: false }).test(name, new RequestContext({}));
    expect(test('a?c', 'abc')).toBe(true);
    expect(test('a?c', 'ac')).toBe(false);
    expect(test('a*c', 'ac')).toBe(true);
    expect(test('a*b*c', 'axxbyyc')).toBe(true);
    expect(test('a*b*c', 'axxbyy')).toBe(false);
    expect(test('*', '')).toBe(true);
    expect(test('a.c', 'abc')).toBe(false);
    expect(test('a\nc*', 'a\ncd')).toBe(true);
  });
});
