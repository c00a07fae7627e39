import { describe, expect, it } from 'vitest';
import { problemLabel, validateDefinition } from './validateDefinition.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const machine = (task: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'img:1' } },
      End: true,
      ...task,
    },
  },
  ...extra,
});
const labels = (definition: unknown, type?: 'EXPRESS') =>
  validateDefinition(definition, type).map(problemLabel);

describe('validateDefinition', () => {
  it('accepts a valid definition', () => {
    expect(validateDefinition(machine({}))).toEqual([]);
  });

  it('reports ASL schema errors from asl-validator, without changing the definition', () => {
    const definition = machine({ End: undefined });
    const copy = structuredClone(definition);
    expect(labels(definition).some((l) => l.startsWith('asl at'))).toBe(true);
    expect(definition).toEqual(copy);
  });

  it("names the other query language's fields: one problem each, in place of the schema's", () => {
    const { Parameters, ...task } = machine({}).States.Train;
    expect(labels({ StartAt: 'Train', States: { Train: { ...task, Arguments: Parameters } } })).toEqual([
      'jsonata-field at /States/Train/Arguments',
    ]);
    expect(
      labels({
        StartAt: 'Check',
        States: {
          Check: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'Train' }], Default: 'Train' },
          Train: machine({}).States.Train,
        },
      }),
    ).toEqual(['jsonata-field at /States/Check/Choices/0/Condition']);
    const jsonata = { ...task, Arguments: { ...Parameters, 'ModelName.$': '$.name', ModelName: undefined } };
    const problems = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 'Train',
      States: { Train: jsonata },
    });
    expect(problems.map(problemLabel)).toEqual(['jsonpath-key at /States/Train/Arguments/ModelName.$']);
    expect(problems[0]!.message).toContain('"ModelName": "{% ... %}"');
  });

  it('adds the Retry / Catch / timeout rules asl-validator misses', () => {
    expect(labels(machine({ Retry: [{ ErrorEquals: ['States.TaskFailed'], BackoffRate: 0.5 }] }))).toEqual([
      'retry-backoff-rate at /States/Train/Retry/0/BackoffRate',
    ]);
    expect(labels(machine({ Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 0 }] }))).toEqual([
      'retry-interval at /States/Train/Retry/0/IntervalSeconds',
    ]);
    expect(
      labels(machine({ Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxDelaySeconds: 31_622_401 }] })),
    ).toEqual(['retry-max-delay at /States/Train/Retry/0/MaxDelaySeconds']);
    expect(labels(machine({ Retry: [{ ErrorEquals: ['States.ALL', 'States.Timeout'] }] }))).toEqual([
      'states-all at /States/Train/Retry/0/ErrorEquals',
    ]);
    expect(
      labels(machine({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }] })),
    ).toEqual(['states-all at /States/Train/Retry/0/ErrorEquals']);
    expect(labels(machine({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }))).toEqual([
      'heartbeat-timeout at /States/Train/HeartbeatSeconds',
    ]);
  });

  it('checks the sagemaker: API and suffix, and the request against the model, in nested states too', () => {
    expect(labels(machine({ Resource: 'arn:aws:states:::sagemaker:createModel.sync' }))).toEqual([
      'integration at /States/Train/Resource',
    ]);
    expect(labels(machine({ Resource: 'arn:aws:states:::sagemaker:createModel.waitForTaskToken' }))).toEqual([
      'integration at /States/Train/Resource',
    ]);
    expect(labels(machine({ Resource: 'arn:aws:states:::sagemaker:CreateModel' }))).toEqual([
      'integration at /States/Train/Resource',
    ]);
    const nested = {
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          ItemProcessor: machine({ Parameters: { ModelName: 'bad_name', PrimaryContainer: { Image: 'i' } } }),
          End: true,
        },
      },
    };
    expect(labels(nested)).toEqual([
      'pattern at /States/Map/ItemProcessor/States/Train/Parameters/ModelName',
    ]);
    expect(
      labels(machine({ Parameters: { modelName: 'm', ModelName: 'm', PrimaryContainer: { Image: 'i' } } })),
    ).toEqual(['unknown-field at /States/Train/Parameters/modelName']);
    expect(labels(machine({ Parameters: { ModelName: 'm' } }))).toEqual([
      'semantic:model-container at /States/Train/Parameters/PrimaryContainer',
    ]);
  });

  it('rejects .sync in an Express state machine', () => {
    const training = machine({
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        TrainingJobName: 't',
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://b/o' },
        ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
        StoppingCondition: { MaxRuntimeInSeconds: 60 },
      },
    });
    expect(labels(training)).toEqual([]);
    expect(labels(training, 'EXPRESS')).toEqual(['integration at /States/Train/Resource']);
  });
});

describe('definitions asl-validator 4.0.0 refused and AWS accepts (recorded on AWS)', () => {
  const jsonataPass = (output: unknown) => ({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: output, End: true } },
  });
  it('a JSONata Output of any JSON value, a constant Condition, null in a JSONPath list: valid', () => {
    for (const output of [null, 1, 0.5, true, 'a plain "string"', [], [1, 'x']])
      expect(
        validateDefinition(jsonataPass(output)).filter((p) => p.code.startsWith('SCHEMA')),
        JSON.stringify(output),
      ).toEqual([]);
    const choice = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: true, Next: 'P', Output: 'rule output' }], Default: 'P' },
        P: { Type: 'Pass', End: true },
      },
    };
    expect(validateDefinition(choice).filter((p) => p.code.startsWith('SCHEMA'))).toEqual([]);
    const assign = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', Assign: { list: [null, '{% $x %}', '$.a', [], { k: 0 }] }, End: true } },
    };
    expect(validateDefinition(assign).filter((p) => p.code.startsWith('SCHEMA'))).toEqual([]);
  });

  it('still refuses what AWS refuses: a Condition that is neither an expression nor a boolean, Output on a JSONPath state', () => {
    const choice = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: 'not an expression', Next: 'P' }] },
        P: { Type: 'Pass', End: true },
      },
    };
    expect(validateDefinition(choice).length).toBeGreaterThan(0);
    const jsonPathOutput = { StartAt: 'P', States: { P: { Type: 'Pass', Output: 1, End: true } } };
    expect(validateDefinition(jsonPathOutput).length).toBeGreaterThan(0);
  });
});
