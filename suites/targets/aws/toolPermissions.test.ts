/**
 * docs/tool-permissions.json, the policy the README tells users to give the tool, stays true: every
 * AWS call the AWS target, sweep and the TestState lane make (read from their sources; TestState
 * names no resource) is allowed on the resources
 * the tool creates, and the SageMaker clean-up only on resources carrying the run-id tag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../../../iam/evaluate.js';
import { parsePolicy } from '../../../iam/policy.js';

const here = new URL('.', import.meta.url);
/** The TestState lane's target (its calls need the tool's permissions too). */
const testStateLane = new URL('../testState/', import.meta.url);
const policyFile = new URL('../../../docs/tool-permissions.json', import.meta.url);

const SERVICES: Record<string, string> = { sfn: 'states', iam: 'iam', sts: 'sts', sagemaker: 'sagemaker' };

/** `service:Action` of every SDK command the sources construct. */
function callsInSources(): string[] {
  const calls = new Set<string>();
  const sources = [here, testStateLane].flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .map((n) => new URL(n, dir)),
  );
  for (const f of sources) {
    const text = readFileSync(f, 'utf8');
    // Which client each command comes from: the import block naming it.
    for (const m of text.matchAll(/import \{([^}]*)\} from '@aws-sdk\/client-(\w+)'/g)) {
      const service = SERVICES[m[2]!]!;
      for (const name of m[1]!.matchAll(/(\w+)Command\b/g))
        if (new RegExp(`new ${name[1]}Command\\(`).test(text)) calls.add(`${service}:${name[1]}`);
    }
  }
  return [...calls].sort();
}

const ACCOUNT = '123456789012';
const RESOURCES: Record<string, string> = {
  iam: `arn:aws:iam::${ACCOUNT}:role/sfn-conformance/sfnc-run1-0`,
  states: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:sfnc-run1-0`,
  sagemaker: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model/churn-1`,
  sts: '*',
};
const EXECUTION = `arn:aws:states:us-east-1:${ACCOUNT}:execution:sfnc-run1-0:case`;
const ON_EXECUTIONS = new Set(['DescribeExecution', 'GetExecutionHistory', 'StopExecution']);
const LISTS = /^(iam:ListRoles|states:ListStateMachines|states:TestState|sagemaker:List\w+)$/;

describe('docs/tool-permissions.json', () => {
  const parsed = parsePolicy(JSON.parse(readFileSync(policyFile, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  const policy = new PolicySet([parsed.policy]);
  const calls = callsInSources();

  it('finds the calls in the sources', () => {
    expect(calls).toEqual(
      expect.arrayContaining([
        'iam:CreateRole',
        'states:StartExecution',
        'sagemaker:DeleteModel',
        'sts:GetCallerIdentity',
      ]),
    );
    expect(calls.length).toBeGreaterThan(30);
  });

  it('allows every call the tool makes, on what the tool created', () => {
    const tagged = { 'aws:ResourceTag/sfn-conformance:run-id': 'run1' };
    const refused = calls.filter((call) => {
      const [service, action] = call.split(':') as [string, string];
      const resource = LISTS.test(call) ? '*' : ON_EXECUTIONS.has(action) ? EXECUTION : RESOURCES[service]!;
      return policy.evaluate({ action: call, resource, context: tagged }).decision !== 'allowed';
    });
    expect(refused).toEqual([]);
  });

  it('lets the tool stop or delete only SageMaker resources with its run-id tag, and no role of the account', () => {
    for (const call of calls.filter((c) => /^sagemaker:(Stop|Delete|Describe)/.test(c)))
      expect(policy.evaluate({ action: call, resource: RESOURCES.sagemaker! }).decision).toBe('implicitDeny');
    expect(
      policy.evaluate({ action: 'iam:DeleteRole', resource: `arn:aws:iam::${ACCOUNT}:role/Admin` }).decision,
    ).toBe('implicitDeny');
    expect(
      policy.evaluate({
        action: 'states:DeleteStateMachine',
        resource: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:payments`,
      }).decision,
    ).toBe('implicitDeny');
  });
});
