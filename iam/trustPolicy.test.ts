import { describe, expect, it } from 'vitest';
import { parseTrustPolicy, trustsService, type TrustPolicy } from './trustPolicy.js';

const ROLE = 'arn:aws:iam::123456789012:role/exec';
const STATES = ['states.amazonaws.com', 'states.us-east-1.amazonaws.com'];

function trust(...Statement: object[]): TrustPolicy {
  const parsed = parseTrustPolicy({ Version: '2012-10-17', Statement });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.trust;
}

const allowStates = (extra: object = {}) => ({
  Effect: 'Allow',
  Principal: { Service: 'states.amazonaws.com' },
  Action: 'sts:AssumeRole',
  ...extra,
});

describe('trust policies', () => {
  it('lets the service principal it names assume the role, and no other', () => {
    const t = trust(allowStates());
    expect(trustsService(t, STATES, ROLE)).toBe(true);
    expect(trustsService(t, ['lambda.amazonaws.com'], ROLE)).toBe(false);
    // The regional name of the service counts as well (either is given).
    expect(
      trustsService(
        trust(allowStates({ Principal: { Service: ['states.us-east-1.amazonaws.com'] } })),
        STATES,
        ROLE,
      ),
    ).toBe(true);
  });

  it('asks the action and the conditions of the statements that name the principal', () => {
    const t = trust(allowStates({ Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }));
    expect(trustsService(t, STATES, ROLE, { 'aws:SourceAccount': '123456789012' })).toBe(true);
    expect(trustsService(t, STATES, ROLE, { 'aws:SourceAccount': '210987654321' })).toBe(false);
    expect(trustsService(trust(allowStates({ Action: 'sts:TagSession' })), STATES, ROLE)).toBe(false);
    expect(trustsService(trust(allowStates({ Action: 'sts:*' })), STATES, ROLE)).toBe(true);
  });

  it('lets a Deny naming the principal win, and ignores one naming another', () => {
    const deny = { Effect: 'Deny', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' };
    expect(trustsService(trust(allowStates(), deny), STATES, ROLE)).toBe(false);
    expect(
      trustsService(
        trust(allowStates(), { ...deny, Principal: { Service: 'ec2.amazonaws.com' } }),
        STATES,
        ROLE,
      ),
    ).toBe(true);
    // NotPrincipal: every principal but those it names.
    const notEc2 = {
      Effect: 'Allow',
      NotPrincipal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    };
    expect(trustsService(trust(notEc2), STATES, ROLE)).toBe(true);
  });

  it('refuses a statement without a principal, or with a Resource, with where it is', () => {
    const noPrincipal = parseTrustPolicy({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(noPrincipal).toMatchObject({ ok: false, problems: [{ path: '/Statement/0' }] });
    const resource = parseTrustPolicy({ Statement: [allowStates({ Resource: '*' })] });
    expect(resource).toMatchObject({
      ok: false,
      problems: [{ path: '/Statement/0/Resource', message: 'Has prohibited field Resource' }],
    });
    const badEffect = parseTrustPolicy({ Statement: allowStates({ Effect: 'Perhaps' }) });
    expect(badEffect).toMatchObject({ ok: false, problems: [{ path: '/Statement/Effect' }] });
    expect(parseTrustPolicy('nope').ok).toBe(false);
  });
});
