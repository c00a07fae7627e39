import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocRevision } from '../../catalog/api.js';
import type { PolicyDocument, PolicyStatement } from '../../iam/policy.js';
import { DEFAULT_OPTIONS, type PredictionOptions } from '../options.js';
import { predictPolicy } from './predictPolicy.js';

interface Fixture {
  id: string;
  definition: unknown;
  options: { region: string; account: string; docRevision: DocRevision; passRoleArn?: string };
  bindings: Record<string, string>;
  expected: PolicyDocument;
}

const FIXTURES = new URL('./fixtures/documented/', import.meta.url);
const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as Fixture);

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A policy as a set of (effect, action, resource, condition) triples: IAM meaning, not layout. */
function triples(policy: PolicyDocument): string[] {
  return list<PolicyStatement>(policy.Statement)
    .flatMap((s) =>
      list(s.Action).flatMap((a) =>
        list(s.Resource).map((r) => JSON.stringify([s.Effect, a, r, s.Condition ?? null])),
      ),
    )
    .sort();
}

function bind(policy: PolicyDocument, bindings: Record<string, string>): PolicyDocument {
  let text = JSON.stringify(policy);
  for (const [placeholder, value] of Object.entries(bindings)) text = text.split(placeholder).join(value);
  return JSON.parse(text) as PolicyDocument;
}

function predict(definition: unknown, options: Partial<PredictionOptions> = {}) {
  const result = predictPolicy(definition, { ...DEFAULT_OPTIONS, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

const task = (
  resource: string,
  parameters: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  Type: 'Task',
  Resource: resource,
  Parameters: parameters,
  End: true,
  ...extra,
});
const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: Object.keys(states)[0],
  States: states,
  ...extra,
});
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const training = (name: Record<string, unknown> = { TrainingJobName: 'train' }, suffix = '.sync') =>
  task(`arn:aws:states:::sagemaker:createTrainingJob${suffix}`, { ...name, RoleArn: ROLE });

describe('the 16 documented templates (sfn.template.documented)', () => {
  it('has all 16 fixtures', () => {
    expect(fixtures).toHaveLength(16);
  });

  for (const fixture of fixtures) {
    it(`reproduces ${fixture.id} exactly`, () => {
      const predicted = predict(fixture.definition, { ...fixture.options, type: 'STANDARD' });
      const expected = bind(fixture.expected, fixture.bindings);
      expect(triples(predicted.document)).toEqual(triples(expected));
      // One task: the statements come out in the template's order and shape too.
      expect(predicted.document).toEqual(expected);
      for (const origin of predicted.origins)
        expect(new Set(origin.provenance.map((p) => p.kind))).toEqual(new Set(['documented']));
    });
  }
});

describe('static and dynamic names (sfn.template.documented)', () => {
  const jobResource = (policy: PolicyDocument) => list<PolicyStatement>(policy.Statement)[0]?.Resource;

  it('scopes a literal name to <type>/<name>* and a .$ path to <type>/*', () => {
    expect(jobResource(predict(machine({ T: training() })).document)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/train*',
    ]);
    expect(
      jobResource(predict(machine({ T: training({ 'TrainingJobName.$': '$.name' }) })).document),
    ).toEqual(['arn:aws:sagemaker:us-east-1:123456789012:training-job/*']);
  });

  it('treats intrinsic functions and $$.Execution.Name as dynamic', () => {
    for (const value of ["States.Format('job-{}', $.id)", '$$.Execution.Name']) {
      expect(jobResource(predict(machine({ T: training({ 'TrainingJobName.$': value }) })).document)).toEqual(
        ['arn:aws:sagemaker:us-east-1:123456789012:training-job/*'],
      );
    }
  });

  it('treats a JSONata {% %} value as dynamic and a plain JSONata string as static', () => {
    const jsonata = (name: string) =>
      machine(
        {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
            Arguments: { TrainingJobName: name, RoleArn: ROLE },
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      );
    expect(jobResource(predict(jsonata('{% $states.input.name %}')).document)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/*',
    ]);
    expect(jobResource(predict(jsonata('fixed')).document)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/fixed*',
    ]);
  });

  it('uses a literal role as is; a dynamic role takes --pass-role-arn, else * with a warning', () => {
    const passRole = (p: ReturnType<typeof predict>) =>
      list<PolicyStatement>(p.document.Statement).find((s) => list(s.Action).includes('iam:PassRole'))
        ?.Resource;
    expect(passRole(predict(machine({ T: training() })))).toEqual([ROLE]);
    const dynamicRole = machine({
      T: task('arn:aws:states:::sagemaker:createTrainingJob', {
        TrainingJobName: 'x',
        'RoleArn.$': '$.role',
      }),
    });
    expect(passRole(predict(dynamicRole, { passRoleArn: 'arn:aws:iam::123456789012:role/Given' }))).toEqual([
      'arn:aws:iam::123456789012:role/Given',
    ]);
    const fallback = predict(dynamicRole);
    expect(passRole(fallback)).toEqual(['*']);
    expect(fallback.warnings.join('\n')).toContain('--pass-role-arn');
  });

  it('reads CreateModel ExecutionRoleArn and every HPO training definition role', () => {
    const model = predict(
      machine({
        M: task('arn:aws:states:::sagemaker:createModel', { ModelName: 'm', ExecutionRoleArn: ROLE }),
      }),
    );
    expect(model.calls.find((c) => c.action === 'iam:PassRole')?.resource).toBe(ROLE);
    const hpo = predict(
      machine({
        H: task('arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync', {
          HyperParameterTuningJobName: 'h',
          TrainingJobDefinitions: [{ RoleArn: ROLE }, { RoleArn: 'arn:aws:iam::123456789012:role/Other' }],
        }),
      }),
    );
    expect(hpo.calls.filter((c) => c.action === 'iam:PassRole').map((c) => c.resource)).toEqual([
      ROLE,
      'arn:aws:iam::123456789012:role/Other',
    ]);
  });
});

describe('definitions with several tasks', () => {
  it('finds tasks in Parallel branches and Map Iterator / ItemProcessor, and merges without duplicates', () => {
    const definition = machine({
      Par: {
        Type: 'Parallel',
        Branches: [
          machine({ A: training({ TrainingJobName: 'a' }) }),
          machine({ B: training({ TrainingJobName: 'b' }) }),
        ],
        Next: 'Map1',
      },
      Map1: { Type: 'Map', Iterator: machine({ C: training({ TrainingJobName: 'c' }) }), Next: 'Map2' },
      Map2: { Type: 'Map', ItemProcessor: machine({ D: training({ TrainingJobName: 'd' }) }), End: true },
    });
    const result = predict(definition);
    expect(result.calls.map((c) => c.state).filter((s, i, all) => all.indexOf(s) === i)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    const statements = list<PolicyStatement>(result.document.Statement);
    expect(statements).toHaveLength(4);
    expect(statements[0]?.Resource).toEqual(
      ['a', 'b', 'c', 'd'].map((n) => `arn:aws:sagemaker:us-east-1:123456789012:training-job/${n}*`),
    );
    const all = statements.flatMap((s) =>
      list(s.Action).flatMap((a) => list(s.Resource).map((r) => `${a} ${r}`)),
    );
    expect(new Set(all).size).toBe(all.length);
  });

  it('names tasks it does not model and keeps going', () => {
    const result = predict(
      machine({ L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'T' }, T: training() }),
    );
    expect(result.unmodelled.map((u) => u.stateName)).toEqual(['L']);
    expect(result.calls.length).toBeGreaterThan(0);
  });
});

describe('the seven APIs without a published template', () => {
  it('follow the same shape by analogy, every statement inferred', () => {
    const result = predict(
      machine({
        P: task('arn:aws:states:::sagemaker:createProcessingJob.sync', {
          ProcessingJobName: 'p',
          RoleArn: ROLE,
        }),
      }),
    );
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'sagemaker:CreateProcessingJob',
            'sagemaker:DescribeProcessingJob',
            'sagemaker:StopProcessingJob',
          ],
          Resource: ['arn:aws:sagemaker:us-east-1:123456789012:processing-job/p*'],
        },
        { Effect: 'Allow', Action: ['sagemaker:ListTags', 'sagemaker:AddTags'], Resource: ['*'] },
        {
          Effect: 'Allow',
          Action: ['iam:PassRole'],
          Resource: [ROLE],
          Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
        },
        {
          Effect: 'Allow',
          Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
          Resource: [
            'arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule',
          ],
        },
      ],
    });
    for (const origin of result.origins) expect(origin.provenance.map((p) => p.kind)).toEqual(['inferred']);
  });

  it('CreateEndpoint is granted on the endpoint and on the endpoint config it names', () => {
    const result = predict(
      machine({
        E: task('arn:aws:states:::sagemaker:createEndpoint', {
          EndpointName: 'ep',
          EndpointConfigName: 'cfg',
        }),
      }),
    );
    expect(list<PolicyStatement>(result.document.Statement)[0]).toEqual({
      Effect: 'Allow',
      Action: ['sagemaker:CreateEndpoint'],
      Resource: [
        'arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep*',
        'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/cfg*',
      ],
    });
    expect(result.calls.some((c) => c.action === 'iam:PassRole')).toBe(false);
  });
});

describe('partition and region', () => {
  it('takes the partition from the Resource ARN and a region of that partition', () => {
    const cn = predict(
      machine({ T: { ...training(), Resource: 'arn:aws-cn:states:::sagemaker:createTrainingJob.sync' } }),
    );
    const resources = list<PolicyStatement>(cn.document.Statement).flatMap((s) => list(s.Resource));
    expect(resources).toContain('arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/train*');
    expect(resources).toContain(
      'arn:aws-cn:events:cn-north-1:123456789012:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
    );
    const gov = predict(
      machine({ T: { ...training(), Resource: 'arn:aws-us-gov:states:::sagemaker:createTrainingJob' } }),
      {
        region: 'us-gov-east-1',
      },
    );
    expect(list<PolicyStatement>(gov.document.Statement)[0]?.Resource).toEqual([
      'arn:aws-us-gov:sagemaker:us-gov-east-1:123456789012:training-job/train*',
    ]);
  });
});

describe('definitions Step Functions rejects', () => {
  const problem = (definition: unknown, options: Partial<PredictionOptions> = {}) => {
    const result = predictPolicy(definition, { ...DEFAULT_OPTIONS, ...options });
    return result.ok ? undefined : result.problems[0];
  };

  it('.waitForTaskToken on sagemaker:*', () => {
    expect(problem(machine({ T: training({ TrainingJobName: 'x' }, '.waitForTaskToken') }))).toEqual({
      pointer: '/States/T/Resource',
      message: expect.stringContaining('.waitForTaskToken is not supported') as string,
    });
  });

  it('.sync on an API without it, and in an Express state machine', () => {
    expect(
      problem(machine({ M: task('arn:aws:states:::sagemaker:createModel.sync', { ModelName: 'm' }) }))
        ?.message,
    ).toContain('.sync is not available for sagemaker:createModel');
    expect(problem(machine({ T: training() }), { type: 'EXPRESS' })?.message).toContain('Express');
  });

  it('an unknown sagemaker: API, with a hint for a mis-cased one', () => {
    expect(
      problem(machine({ T: { ...training(), Resource: 'arn:aws:states:::sagemaker:CreateTrainingJob' } }))
        ?.message,
    ).toContain('did you mean "sagemaker:createTrainingJob"');
    expect(
      problem(machine({ T: { ...training(), Resource: 'arn:aws:states:::sagemaker:createPipeline' } }))
        ?.message,
    ).toContain('aws-sdk:sagemaker');
  });
});
