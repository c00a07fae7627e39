/**
 * fast-check arbitraries of (identity policy, authorization request) pairs shaped like the calls
 * Step Functions makes for SageMaker tasks, with conditions from every operator family. Used by the
 * differential test against iam-simulate and by the benchmark. Test support: not part of the build.
 */
import type { Simulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import type { PolicyDocument, PolicyStatement } from '../policy.js';

/** The account of the drawn requests and roles. */
export const ACCOUNT = '123456789012';
/** The region of the drawn requests. */
export const REGION = 'us-east-1';

const NAMES = ['train-a', 'train-b', 'Train-C', 'bob', 'model-x'];
const JOB_TYPES = ['training-job', 'transform-job', 'model'];

/** A drawn authorization request: action, resource, context. */
export interface GeneratedRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
}

const SAGEMAKER_ACTIONS = [
  'sagemaker:CreateTrainingJob',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:StopTrainingJob',
  'sagemaker:CreateTransformJob',
  'sagemaker:AddTags',
  'sagemaker:ListTags',
  'sagemaker:CreateModel',
];
const EVENTS_ACTIONS = ['events:PutRule', 'events:PutTargets', 'events:DescribeRule'];

const sagemakerCall = fc.record({
  action: fc.constantFrom(...SAGEMAKER_ACTIONS),
  resource: fc
    .tuple(fc.constantFrom(...JOB_TYPES), fc.constantFrom(...NAMES))
    .map(([type, name]) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${type}/${name}`),
});
const passRoleCall = fc.record({
  action: fc.constant('iam:PassRole'),
  resource: fc.constantFrom(...NAMES).map((n) => `arn:aws:iam::${ACCOUNT}:role/${n}`),
});
const eventsCall = fc.record({
  action: fc.constantFrom(...EVENTS_ACTIONS),
  resource: fc.constantFrom(
    `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule`,
    `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule`,
  ),
});

const TAG_KEYS = ['team', 'cost-center', 'MANAGED_BY_AWS', 'env'];

const contextArb: fc.Arbitrary<Record<string, string | string[]>> = fc.record(
  {
    'iam:PassedToService': fc.constantFrom(
      'sagemaker.amazonaws.com',
      'states.amazonaws.com',
      'SageMaker.amazonaws.com',
    ),
    'aws:username': fc.constantFrom(...NAMES),
    'aws:PrincipalTag/team': fc.constantFrom('bob', 'ml', 'train-a'),
    'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-1'),
    'aws:TagKeys': fc.uniqueArray(fc.constantFrom(...TAG_KEYS), { maxLength: 3 }),
    'aws:CurrentTime': fc.constantFrom(
      '2026-01-01T00:00:00Z',
      '2026-06-15T12:00:00Z',
      '2027-01-01T00:00:00Z',
    ),
    'aws:SecureTransport': fc.constantFrom('true', 'false'),
    'aws:SourceIp': fc.constantFrom('10.0.0.5', '192.168.1.20', '203.0.113.9', '2001:db8::1'),
    'aws:SourceArn': fc.constantFrom(
      `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:train`,
      `arn:aws:states:${REGION}:${ACCOUNT}:execution:train:run-1`,
      `arn:aws:states:eu-west-1:${ACCOUNT}:stateMachine:other`,
    ),
    'sagemaker:MaxRuntimeInSeconds': fc.constantFrom('3600', '86400', '100000'),
    'aws:SourceAccount': fc.constantFrom(ACCOUNT, '210987654321'),
  },
  { requiredKeys: [] },
);

/** A request as the execution role makes them: SageMaker calls mostly, PassRole, EventBridge. */
export const requestArb: fc.Arbitrary<GeneratedRequest> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: sagemakerCall }, passRoleCall, eventsCall), contextArb)
  .map(([call, context]) => ({ ...call, context }));

/** A pattern derived from a concrete value by one edit: exact, wildcard suffix, `?`, case change... */
function patternFrom(value: string, edits: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constant(value), ...edits);
}

function randomCase(s: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((flips) => [...s].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
}

const ALL_ACTIONS = [...SAGEMAKER_ACTIONS, 'iam:PassRole', ...EVENTS_ACTIONS];

const actionPatternArb: fc.Arbitrary<string> = fc.constantFrom(...ALL_ACTIONS).chain((a) => {
  const [service, name] = a.split(':') as [string, string];
  return patternFrom(a, [
    randomCase(a),
    fc.constant('*'),
    fc.constant(`${service}:*`),
    fc.integer({ min: 0, max: name.length }).map((n) => `${service}:${name.slice(0, n)}*`),
    fc
      .integer({ min: 0, max: name.length - 1 })
      .map((n) => `${service}:${name.slice(0, n)}?${name.slice(n + 1)}`),
    fc.constant(`${service}:${name}x`),
  ]);
});

const RESOURCE_BASES = [
  ...JOB_TYPES.flatMap((t) => NAMES.map((n) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${t}/${n}`)),
  ...NAMES.map((n) => `arn:aws:iam::${ACCOUNT}:role/${n}`),
  `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule`,
];

const resourcePatternArb: fc.Arbitrary<string> = fc.constantFrom(...RESOURCE_BASES).chain((r) => {
  const slash = r.lastIndexOf('/');
  const prefix = r.slice(0, slash + 1);
  const id = r.slice(slash + 1);
  return patternFrom(r, [
    fc.constant('*'),
    fc.constant(`${prefix}*`),
    fc.integer({ min: 0, max: id.length }).map((n) => `${prefix}${id.slice(0, n)}*`),
    fc
      .integer({ min: 0, max: Math.max(0, id.length - 1) })
      .map((n) => `${prefix}${id.slice(0, n)}?${id.slice(n + 1)}`),
    fc.constant(`${prefix}\${aws:username}`),
    fc.constant(`${prefix}\${aws:username}*`),
    fc.constant(`${prefix}\${aws:PrincipalTag/team, 'train-a'}`),
    fc.constant(r.replace(REGION, '*')),
    fc.constant(r.replace(ACCOUNT, '*')),
    fc.constant(r.replace(REGION, 'eu-west-1')),
    randomCase(id).map((c) => prefix + c),
    fc.constant(`${prefix}${id}-other`),
  ]);
});

const IF_EXISTS = fc.constantFrom('', 'IfExists');
const op = (names: string[]) => fc.tuple(fc.constantFrom(...names), IF_EXISTS).map(([n, s]) => n + s);
const values = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }));

type Clause = [operator: string, key: string, value: string | string[]];

const conditionClauseArb: fc.Arbitrary<Clause> = fc.oneof(
  fc.tuple(
    op([
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
    ]),
    fc.constantFrom(
      'iam:PassedToService',
      'aws:RequestedRegion',
      'aws:username',
      'aws:PrincipalTag/team',
      'aws:MissingKey',
    ),
    values(
      fc.constantFrom(
        'sagemaker.amazonaws.com',
        'SageMaker.amazonaws.com',
        'sagemaker.*',
        '*.amazonaws.com',
        'us-east-1',
        'us-*-1',
        'bob',
        'b?b',
        '${aws:username}',
        'train-${aws:username}',
      ),
    ),
  ),
  fc.tuple(
    op([
      'NumericEquals',
      'NumericNotEquals',
      'NumericLessThan',
      'NumericLessThanEquals',
      'NumericGreaterThan',
      'NumericGreaterThanEquals',
    ]),
    fc.constantFrom('sagemaker:MaxRuntimeInSeconds', 'aws:MissingNumber'),
    values(fc.constantFrom('3600', '86400', '100000', '0', '99999.5')),
  ),
  fc.tuple(
    op([
      'DateEquals',
      'DateNotEquals',
      'DateLessThan',
      'DateLessThanEquals',
      'DateGreaterThan',
      'DateGreaterThanEquals',
    ]),
    fc.constant('aws:CurrentTime'),
    values(fc.constantFrom('2026-01-01T00:00:00Z', '2026-06-15T12:00:00Z', '2026-03-01T00:00:00Z')),
  ),
  fc.tuple(
    op(['Bool']),
    fc.constantFrom('aws:SecureTransport', 'aws:MultiFactorAuthPresent'),
    values(fc.constantFrom('true', 'false')),
  ),
  fc.tuple(
    op(['IpAddress', 'NotIpAddress']),
    fc.constant('aws:SourceIp'),
    values(fc.constantFrom('10.0.0.0/8', '192.168.1.0/24', '203.0.113.9/32', '2001:db8::/32', '0.0.0.0/0')),
  ),
  fc.tuple(
    op(['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike']),
    fc.constant('aws:SourceArn'),
    values(
      fc.constantFrom(
        `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:train`,
        `arn:aws:states:*:${ACCOUNT}:stateMachine:*`,
        `arn:aws:states:${REGION}:${ACCOUNT}:execution:train:*`,
        `arn:aws:states:${REGION}:*:*`,
      ),
    ),
  ),
  fc.tuple(
    fc.constantFrom('Null'),
    fc.constantFrom('aws:TagKeys', 'aws:username', 'aws:MissingKey'),
    fc.constantFrom('true', 'false'),
  ),
  fc.tuple(
    fc
      .tuple(
        fc.constantFrom('ForAnyValue:', 'ForAllValues:'),
        fc.constantFrom(
          'StringEquals',
          'StringLike',
          'StringNotEquals',
          'StringNotLike',
          'StringEqualsIgnoreCase',
        ),
      )
      .map(([s, o]) => s + o),
    fc.constantFrom('aws:TagKeys', 'aws:RequestedRegion', 'aws:MissingKey'),
    values(fc.constantFrom(...TAG_KEYS, 'us-east-1', 'cost-*', 'TEAM')),
  ),
);

function conditionBlock(clauses: Clause[]): PolicyStatement['Condition'] {
  const block: Record<string, Record<string, string | string[]>> = {};
  for (const [operator, key, value] of clauses) {
    block[operator] ??= {};
    block[operator][key] = value;
  }
  return block;
}

const one = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }));

const statementArb: fc.Arbitrary<PolicyStatement> = fc
  .record({
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny'),
    actions: one(actionPatternArb),
    actionKind: fc.constantFrom('Action', 'Action', 'Action', 'NotAction'),
    resources: one(resourcePatternArb),
    resourceKind: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource'),
    conditions: fc.array(conditionClauseArb, { maxLength: 3 }),
  })
  .map((s) => {
    const statement: Record<string, unknown> = {
      Effect: s.effect,
      [s.actionKind]: s.actions,
      [s.resourceKind]: s.resources,
    };
    if (s.conditions.length > 0) statement.Condition = conditionBlock(s.conditions);
    return statement as unknown as PolicyStatement;
  });

/** A small policy, one to four statements. */
export const policyArb: fc.Arbitrary<PolicyDocument> = fc
  .array(statementArb, { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

/** A large policy, 50 to 80 statements (what `check` and `regress` meet in a mature account). */
export const largePolicyArb: fc.Arbitrary<PolicyDocument> = fc
  .array(statementArb, { minLength: 50, maxLength: 80 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

/** The same request as iam-simulate takes it (identity policies only, one account). */
export function toSimulation(policy: PolicyDocument, request: GeneratedRequest): Simulation {
  return {
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:role/StepFunctionsExecutionRole`,
      action: request.action,
      resource: { resource: request.resource, accountId: ACCOUNT },
      contextVariables: request.context,
    },
    identityPolicies: [{ name: 'policy', policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}
