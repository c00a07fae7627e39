/** Reading a user's definition into a plan, construct by construct, and what is not modelled. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../syntax/json.js';
import { definitionPlan } from './flowPlan.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const TRAIN = 'arn:aws:states:::sagemaker:createTrainingJob';
const params = { 'TrainingJobName.$': '$.name', RoleArn: ROLE };

const machine = (states: JsonObject, extra: JsonObject = {}): JsonObject => ({
  StartAt: Object.keys(states)[0]!,
  States: states,
  ...extra,
});
const task = (more: JsonObject = {}): JsonObject => ({
  Type: 'Task',
  Resource: TRAIN,
  Parameters: params,
  End: true,
  ...more,
});

/** The plan's steps as `kind:name`, or the reasons. */
function read(definition: JsonObject): string[] | string {
  const r = definitionPlan(definition);
  return r.modelled ? r.plan.flow.steps.map((s) => `${s.kind}:${s.name}`) : r.plan.unmodelled!;
}

describe('definitionPlan', () => {
  it('a chain of SageMaker tasks with Retry, Catch to a Fail, timeouts and data flow', () => {
    const r = definitionPlan(
      machine({
        Train: task({
          End: undefined,
          Next: 'Save',
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2, BackoffRate: 1.5 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed', ResultPath: '$.error' }],
          TimeoutSeconds: 60,
          InputPath: '$.job',
          ResultSelector: { 'arn.$': '$.TrainingJobArn' },
          ResultPath: '$.train',
          OutputPath: '$.train',
        }),
        Save: task({
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE },
        }),
        Failed: { Type: 'Fail', Error: 'TrainingFailed', Cause: 'the training failed' },
      }),
    );
    expect(r.modelled).toBe(true);
    const [train, save] = r.plan.flow.steps;
    expect(train).toMatchObject({
      kind: 'task',
      api: 'CreateTrainingJob',
      pattern: 'requestResponse',
      retry: [{ errorEquals: ['States.ALL'], maxAttempts: 2, backoffRate: 1.5 }],
      catch: [
        {
          errorEquals: ['States.ALL'],
          resultPath: ['error'],
          target: { kind: 'fail', state: 'Failed', error: 'TrainingFailed', cause: 'the training failed' },
        },
      ],
      timeoutSeconds: 60,
      inputPath: ['job'],
      resultSelector: { fields: { arn: { ref: 'result', path: ['TrainingJobArn'] } } },
      resultPath: ['train'],
      outputPath: ['train'],
    });
    expect(save).toMatchObject({ kind: 'task', api: 'CreateModel' });
    expect(r.plan).toMatchObject({ shape: 'definition', queryLanguage: 'JSONPath' });
  });

  it('catchers to a recovering Pass and to an ending SageMaker task', () => {
    const r = definitionPlan(
      machine({
        Create: task({
          Resource: 'arn:aws:states:::sagemaker:createEndpoint',
          Parameters: { EndpointName: 'e', EndpointConfigName: 'c' },
          Catch: [
            { ErrorEquals: ['SageMaker.ResourceInUseException'], Next: 'Update' },
            { ErrorEquals: ['States.ALL'], Next: 'Recovered', ResultPath: null },
          ],
        }),
        Update: task({
          Resource: 'arn:aws:states:::sagemaker:updateEndpoint',
          Parameters: { EndpointName: 'e', EndpointConfigName: 'c' },
        }),
        Recovered: { Type: 'Pass', End: true },
      }),
    );
    expect(r.modelled).toBe(true);
    const [create] = r.plan.flow.steps;
    expect(create).toMatchObject({
      catch: [
        { target: { kind: 'task', state: 'Update', task: { api: 'UpdateEndpoint' } } },
        { resultPath: null, target: { kind: 'recover', state: 'Recovered' } },
      ],
    });
  });

  it('Pass (a Result, a variable), Succeed, the output check and the boolean flag', () => {
    expect(
      read(
        machine({
          Flag: {
            Type: 'Choice',
            Choices: [{ Variable: '$.retrain', BooleanEquals: true, Next: 'Prepare' }],
            Default: 'Done',
          },
          Prepare: { Type: 'Pass', Result: { Payload: { x: 1 } }, ResultPath: '$.prep', Next: 'Train' },
          Train: task({ End: undefined, Next: 'Check' }),
          Check: {
            Type: 'Choice',
            Choices: [
              {
                And: [
                  { Variable: '$.TrainingJobArn', IsPresent: true },
                  { Not: { Variable: '$.TrainingJobArn', StringEquals: '' } },
                ],
                Next: 'Done',
              },
            ],
            Default: 'Invalid',
          },
          Invalid: { Type: 'Fail', Error: 'NoArn', Cause: 'no ARN' },
          Done: { Type: 'Succeed' },
        }),
      ),
    ).toEqual(['choose:Flag']);
    const r = definitionPlan(
      machine(
        {
          Prepare: { Type: 'Pass', Assign: { prep: { name: 'x' } }, Next: 'Train' },
          Train: {
            Type: 'Task',
            Resource: TRAIN,
            Arguments: { TrainingJobName: '{% $prep.name %}', RoleArn: ROLE },
            Output: '{% $states.input %}',
            Assign: { arn: '{% $states.result.TrainingJobArn %}' },
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
    );
    expect(r.modelled).toBe(true);
    expect(r.plan.flow.steps).toMatchObject([
      { kind: 'pass', variable: 'prep', result: { name: 'x' } },
      {
        kind: 'task',
        queryLanguage: 'JSONata',
        output: { ref: 'input', path: [] },
        assign: { arn: { ref: 'result', path: ['TrainingJobArn'] } },
      },
    ]);
  });

  it('a Choice on a metric against a threshold (the ASL specification, Choice Rules), in JSONPath and JSONata', () => {
    const gate = (rule: JsonObject, extra: JsonObject = {}) =>
      definitionPlan(
        machine({
          Gate: { Type: 'Choice', Choices: [{ ...rule, Next: 'Train' }], Default: 'Skip', ...extra },
          Train: task(),
          Skip: { Type: 'Succeed' },
        }),
      );
    const jsonPath = gate({ Variable: '$.evaluation.accuracy', NumericGreaterThanEquals: 0.9 });
    expect(jsonPath.modelled).toBe(true);
    expect(jsonPath.plan.flow.steps[0]).toMatchObject({
      kind: 'choose',
      flag: ['evaluation', 'accuracy'],
      comparison: { operator: 'NumericGreaterThanEquals', threshold: 0.9 },
      whenTrue: { steps: [{ name: 'Train' }] },
      otherwise: { steps: [{ name: 'Skip' }] },
    });
    const jsonata = gate(
      { Condition: '{% $states.input.evaluation.rmse < 1.5 %}' },
      { QueryLanguage: 'JSONata' },
    );
    expect(jsonata.plan.flow.steps[0]).toMatchObject({
      kind: 'choose',
      queryLanguage: 'JSONata',
      flag: ['evaluation', 'rmse'],
      comparison: { operator: 'NumericLessThan', threshold: 1.5 },
    });
    // The boolean flag stays a flag; a comparison with another value than a number is not modelled.
    expect(
      (
        gate({ Condition: '{% $states.input.ok = true %}' }, { QueryLanguage: 'JSONata' }).plan.flow
          .steps[0] as { comparison?: unknown }
      ).comparison,
    ).toBeUndefined();
    expect(gate({ Variable: '$.n', NumericEquals: '1' }).modelled).toBe(false);
  });

  it("a name numbered by the attempt's $$.State.RetryCount is a value the plan follows", () => {
    const r = definitionPlan(
      machine({
        Train: task({
          Parameters: {
            'TrainingJobName.$': "States.Format('{}-{}', $.name, $$.State.RetryCount)",
            RoleArn: ROLE,
          },
          Retry: [{ ErrorEquals: ['States.ALL'] }],
        }),
      }),
    );
    expect(r.modelled).toBe(true);
    expect((r.plan.flow.steps[0] as { request: unknown }).request).toMatchObject({
      dynamic: [
        {
          at: ['TrainingJobName'],
          value: {
            given: 'format',
            template: '{}-{}',
            args: [
              { from: 'input', path: ['name'] },
              { from: 'context', field: 'State.RetryCount' },
            ],
          },
        },
      ],
    });
  });

  it('an inline Map of one iteration at a time, and a Parallel', () => {
    const inner = {
      StartAt: 'Train',
      States: { Train: task({ Parameters: { 'TrainingJobName.$': '$.value.name', RoleArn: ROLE } }) },
    };
    const r = definitionPlan(
      machine({
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value' },
          MaxConcurrency: 1,
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...inner },
          Next: 'Both',
        },
        Both: { Type: 'Parallel', Branches: [inner], End: true },
      }),
    );
    expect(r.modelled).toBe(true);
    expect(r.plan.flow.steps).toMatchObject([
      { kind: 'map', itemsPath: ['items'], itemAs: 'value', iteration: { steps: [{ kind: 'task' }] } },
      { kind: 'parallel', branches: [{ steps: [{ kind: 'task' }] }] },
    ]);
  });

  it('names each state it does not model, with the reason', () => {
    const r = definitionPlan(
      machine({
        Wait1: { Type: 'Wait', Seconds: 5, Next: 'CallLambda' },
        CallLambda: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'f' },
          Next: 'Decide',
        },
        Decide: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', StringEquals: 'yes', Next: 'Train' }],
          Default: 'Train',
        },
        Train: task(),
      }),
    );
    expect(r.modelled).toBe(false);
    expect(r.plan.unmodelled).toBe(
      'state "Wait1": Wait states are not modelled; state "CallLambda": a Lambda task is not modelled; state "Decide": a Choice with rules other than an output check, one boolean flag or one numeric comparison with a Default is not modelled',
    );
    // Only the SageMaker tasks, for creation and the labels.
    expect(r.plan.flow.steps.map((s) => s.name)).toEqual(['Train']);
  });

  it('is honest about near misses: shapes close to the plan but not the same', () => {
    // A check without IsPresent fails at run time on a missing field (the plan goes to the Fail state).
    expect(
      read(
        machine({
          Train: task({ End: undefined, Next: 'Check' }),
          Check: {
            Type: 'Choice',
            Choices: [{ Not: { Variable: '$.TrainingJobArn', StringEquals: '' }, Next: 'Done' }],
            Default: 'Invalid',
          },
          Invalid: { Type: 'Fail', Error: 'E', Cause: 'C' },
          Done: { Type: 'Succeed' },
        }),
      ),
    ).toMatch(/state "Check": a Choice with rules other than/);
    // A JSONPath flag read after a task replaced the input may be missing: a runtime error.
    expect(
      read(
        machine({
          Train: task({ End: undefined, Next: 'Flag' }),
          Flag: {
            Type: 'Choice',
            Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Done' }],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        }),
      ),
    ).toMatch(/state "Flag": a JSONPath Choice on a flag after a task/);
    // A Map that may run iterations at once, a Pass without Result, a catcher's target going on.
    expect(
      read(
        machine({
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            Iterator: { StartAt: 'T', States: { T: task() } },
            End: true,
          },
        }),
      ),
    ).toMatch(/state "Each": a Map state that may run iterations at once/);
    expect(read(machine({ Start: { Type: 'Pass', Next: 'Train' }, Train: task() }))).toMatch(
      /state "Start": a Pass state without Result is not modelled/,
    );
    expect(
      read(
        machine({
          Train: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Log' }] }),
          Log: { Type: 'Pass', Result: 1, Next: 'Done' },
          Done: { Type: 'Succeed' },
        }),
      ),
    ).toMatch(/state "Log": a catcher's target other than/);
    // An expression the plan does not follow, a loop, a Fail reached by Next, an Express machine.
    expect(
      read(machine({ Train: task({ Parameters: { 'TrainingJobName.$': 'States.UUID()', RoleArn: ROLE } }) })),
    ).toMatch(/state "Train": its request member TrainingJobName is the expression States.UUID\(\)/);
    expect(
      read(
        machine({
          Train: task({ End: undefined, Next: 'Again' }),
          Again: { Type: 'Pass', Result: 1, Next: 'Train' },
        }),
      ),
    ).toMatch(/state "Train": a loop back to an earlier state is not modelled/);
    expect(
      read(
        machine({
          Train: task({ End: undefined, Next: 'Stop' }),
          Stop: { Type: 'Fail', Error: 'E', Cause: 'C' },
        }),
      ),
    ).toMatch(/state "Stop": a Fail state reached other than by a catcher/);
    const express = definitionPlan(machine({ Train: task() }), 'EXPRESS');
    expect(express.plan.unmodelled).toMatch(/an Express state machine is not modelled/);
  });
});
