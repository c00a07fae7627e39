import { describe, expect, it } from 'vitest';
import { checkActionsAgainstCatalog } from './actionCatalog.js';
import { parsePolicy } from './policy.js';

async function warningsFor(actions: string[]) {
  const parsed = parsePolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  });
  if (!parsed.ok) throw new Error('invalid');
  return checkActionsAgainstCatalog(parsed.policy);
}

describe('checkActionsAgainstCatalog', () => {
  it('accepts real actions, any case, and wildcards that match something', async () => {
    expect(
      await warningsFor([
        'sagemaker:CreateTrainingJob',
        'SageMaker:addtags',
        'events:Put*',
        'iam:PassRole',
        '*',
      ]),
    ).toEqual([]);
  });

  it('names a misspelled action with the closest real one', async () => {
    const [warning] = await warningsFor(['sagemaker:CreateTrainingJobs']);
    expect(warning).toEqual({
      path: '/Statement/0/Action/0',
      message:
        '"sagemaker:CreateTrainingJobs" matches no sagemaker action in the IAM catalog (did you mean "sagemaker:CreateTrainingJob"?)',
    });
  });

  it('names an unknown service and a wildcard that matches nothing', async () => {
    const warnings = await warningsFor(['sagemakr:CreateTrainingJob', 'events:Frobnicate*']);
    expect(warnings.map((w) => w.message)).toEqual([
      'unknown service prefix "sagemakr" in action "sagemakr:CreateTrainingJob"',
      '"events:Frobnicate*" matches no events action in the IAM catalog',
    ]);
  });
});
