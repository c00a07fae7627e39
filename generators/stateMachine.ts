/**
 * State machines in the shapes people write around SageMaker tasks, with the execution input their
 * dynamic paths need.
 */
import fc from 'fast-check';
import { API_NAMES, type Api, type Pattern, type QueryLanguage } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import { taskStateArb, type GeneratedTask } from './taskState.js';

export type MachineShape =
  /** The guide's examples: Task, then a Choice that validates the output, then Succeed or Fail. */
  | 'documented'
  /** One Task that ends the execution. */
  | 'single'
  /** Train, create the model, the endpoint config and the endpoint. */
  | 'deploy-chain'
  /** Train, create the model, then a batch transform. */
  | 'transform-chain'
  /** The Task inside a Map's ItemProcessor. */
  | 'map'
  /** The Task in a Parallel branch. */
  | 'parallel';

export const MACHINE_SHAPES: readonly MachineShape[] = [
  'documented',
  'single',
  'deploy-chain',
  'transform-chain',
  'map',
  'parallel',
];

export interface GeneratedMachine {
  readonly shape: MachineShape;
  readonly definition: Record<string, unknown>;
  readonly input: Record<string, unknown>;
  /** The SageMaker tasks in document order; the first is the case's primary task. */
  readonly tasks: readonly GeneratedTask[];
}

export interface MachineOptions {
  readonly api?: Api;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  readonly shape?: MachineShape;
  readonly executionName: string;
}

const FAIL = { Type: 'Fail', Error: 'SageMakerTaskFailed', Cause: 'The SageMaker task failed' };

function withTransition(task: GeneratedTask, next: string | undefined): Record<string, unknown> {
  return next === undefined ? { ...task.state, End: true } : { ...task.state, Next: next };
}

/** The Choice that checks the task's output (spec §1.5): an ARN field that is not empty. */
function validateOutput(task: GeneratedTask): Record<string, unknown> {
  if (task.queryLanguage === 'JSONata') {
    return {
      Type: 'Choice',
      QueryLanguage: 'JSONata',
      Choices: [
        {
          Condition: `{% $exists($states.input.${task.arnPath}) and $states.input.${task.arnPath} != '' %}`,
          Next: 'Succeeded',
        },
      ],
      Default: 'InvalidOutput',
    };
  }
  return {
    Type: 'Choice',
    Choices: [
      {
        And: [
          { Variable: task.arnPath, IsPresent: true },
          { Not: { Variable: task.arnPath, StringEquals: '' } },
        ],
        Next: 'Succeeded',
      },
    ],
    Default: 'InvalidOutput',
  };
}

/** Where a Catch goes: the guide's Fail state, or a Pass that recovers (and shows the caught error in the output). */
const catchTargetArb = fc.constantFrom('TaskFailed', 'TaskFailed', 'Recovered');
const catchTarget = (name: string) => (name === 'Recovered' ? { Type: 'Pass', End: true } : FAIL);

function documented(options: MachineOptions, api: Api): fc.Arbitrary<GeneratedMachine> {
  return catchTargetArb.chain((catchTo) =>
    taskStateArb({ ...options, api, catchTo }).map((task) => {
      const states: Record<string, unknown> = {};
      const checks = task.arnPath !== undefined;
      states.Task = withTransition(task, checks ? 'ValidateOutput' : 'Succeeded');
      if (checks) states.ValidateOutput = validateOutput(task);
      states.Succeeded = { Type: 'Succeed' };
      if (checks)
        states.InvalidOutput = { Type: 'Fail', Error: 'InvalidOutput', Cause: 'The task output has no ARN' };
      if (task.wrappers.includes('Catch')) states[catchTo] = catchTarget(catchTo);
      return {
        shape: 'documented' as const,
        definition: { StartAt: 'Task', States: states },
        input: task.input,
        tasks: [task],
      };
    }),
  );
}

function single(options: MachineOptions, api: Api): fc.Arbitrary<GeneratedMachine> {
  return catchTargetArb.chain((catchTo) =>
    taskStateArb({ ...options, api, catchTo }).map((task) => {
      const states: Record<string, unknown> = { Task: withTransition(task, undefined) };
      if (task.wrappers.includes('Catch')) states[catchTo] = catchTarget(catchTo);
      return {
        shape: 'single' as const,
        definition: { StartAt: 'Task', States: states },
        input: task.input,
        tasks: [task],
      };
    }),
  );
}

/** A chain of tasks; each keeps its result under ResultPath `$.<step>` so the next sees the input. */
function chain(
  options: MachineOptions,
  shape: 'deploy-chain' | 'transform-chain',
): fc.Arbitrary<GeneratedMachine> {
  const apis: Api[] =
    shape === 'deploy-chain'
      ? ['CreateTrainingJob', 'CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']
      : ['CreateTrainingJob', 'CreateModel', 'CreateTransformJob'];
  const steps = apis.map((api, i) =>
    taskStateArb({
      api,
      executionName: options.executionName,
      inputPrefix: `step${i + 1}`,
      ...(i === 0 && options.pattern ? { pattern: options.pattern } : {}),
      ...(options.queryLanguage
        ? { queryLanguage: options.queryLanguage }
        : { queryLanguage: 'JSONPath' as const }),
    }),
  );
  return fc.tuple(...steps).map((generated) => {
    // In a chain each step keeps its result under its own key: its output wrappers are replaced.
    const tasks: GeneratedTask[] = generated.map((t) => {
      const { arnPath: _dropped, ...rest } = t;
      const kept = t.wrappers.filter(
        (w) => !['ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Catch'].includes(w),
      );
      return { ...rest, wrappers: [...kept, t.queryLanguage === 'JSONPath' ? 'ResultPath' : 'Output'] };
    });
    // The later steps name what the earlier ones created: the model, then its endpoint config.
    const modelName = String(tasks[1]!.request.ModelName);
    const link = (task: GeneratedTask, field: string, value: string) => {
      const key = task.queryLanguage === 'JSONPath' ? 'Parameters' : 'Arguments';
      const request = task.state[key] as Record<string, unknown>;
      if (field in request) request[field] = value;
      if (field in task.request) (task.request as Record<string, unknown>)[field] = value;
    };
    for (const task of tasks.slice(2)) {
      link(task, 'ModelName', modelName);
      // Copies: the variants belong to fast-check's generated value.
      for (const request of [
        (task.state.Parameters ?? task.state.Arguments) as Record<string, unknown>,
        task.request as Record<string, unknown>,
      ]) {
        if (Array.isArray(request.ProductionVariants)) {
          request.ProductionVariants = (request.ProductionVariants as Record<string, unknown>[]).map((v) => ({
            ...v,
            ModelName: modelName,
          }));
        }
      }
    }
    if (shape === 'deploy-chain') {
      const configName = (tasks[2]!.request as Record<string, unknown>).EndpointConfigName as string;
      link(tasks[3]!, 'EndpointConfigName', configName);
    }
    const names = apis.map((api) => api.replace(/^Create/, ''));
    const states: Record<string, unknown> = {};
    tasks.forEach((task, i) => {
      const state = withTransition(task, names[i + 1]);
      if (task.queryLanguage === 'JSONPath') {
        state.ResultPath = `$.${names[i]}`;
        delete state.OutputPath;
        delete state.ResultSelector;
      } else {
        state.Assign = { [`${names[i]}Result`]: '{% $states.result %}' };
        state.Output = '{% $states.input %}';
      }
      delete state.Catch;
      states[names[i]!] = state;
    });
    const input = Object.assign({}, ...tasks.map((t) => t.input)) as Record<string, unknown>;
    return { shape, definition: { StartAt: names[0], States: states }, input, tasks };
  });
}

function nested(
  options: MachineOptions,
  api: Api,
  shape: 'map' | 'parallel',
): fc.Arbitrary<GeneratedMachine> {
  return taskStateArb({ ...options, api }).map((task) => {
    const inner = { StartAt: 'Task', States: { Task: withTransition(task, undefined) } };
    const language = task.queryLanguage;
    let outer: Record<string, unknown>;
    let input: Record<string, unknown> = task.input;
    if (shape === 'map') {
      // One item: the names are unique per account and region, so iterations would collide.
      outer = {
        Type: 'Map',
        ...(language === 'JSONata'
          ? { QueryLanguage: 'JSONata', Items: '{% [$states.input] %}' }
          : { ItemsPath: '$.items', ItemSelector: { 'value.$': '$$.Map.Item.Value' } }),
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...inner },
        MaxConcurrency: 1,
        End: true,
      };
      if (language === 'JSONPath') {
        input = { items: [task.input] };
        // Inside the Map, the task reads its item: `$.value.<field>`.
        const params = task.state.Parameters as Record<string, unknown>;
        for (const [k, v] of Object.entries(params)) {
          if (k.endsWith('.$') && typeof v === 'string') params[k] = v.replace(/(^|[^$])\$\./g, '$1$.value.');
        }
      }
    } else {
      outer = {
        Type: 'Parallel',
        ...(language === 'JSONata' ? { QueryLanguage: 'JSONata' } : {}),
        Branches: [inner],
        End: true,
      };
    }
    const definition: Record<string, unknown> = { StartAt: 'Run', States: { Run: outer } };
    return { shape, definition, input, tasks: [task] };
  });
}

/** A state machine with at least one SageMaker task. */
export function stateMachineArb(options: MachineOptions): fc.Arbitrary<GeneratedMachine> {
  const shapeArb = options.shape
    ? fc.constant(options.shape)
    : fc.constantFrom<MachineShape>(
        'documented',
        'documented',
        'single',
        'deploy-chain',
        'transform-chain',
        'map',
        'parallel',
      );
  const candidates = API_NAMES.filter(
    (a) => !options.pattern || SAGEMAKER_APIS[a].patterns.value.includes(options.pattern),
  );
  if (candidates.length === 0 || (options.api && !candidates.includes(options.api))) {
    throw new Error(
      `no SageMaker API has the pattern ${options.pattern}${options.api ? ` for ${options.api}` : ''}`,
    );
  }
  const apiArb = options.api ? fc.constant(options.api) : fc.constantFrom(...candidates);
  return fc.tuple(shapeArb, apiArb).chain(([shape, api]) => {
    // Chains start with a training job; a requested API other than that gets a single-task shape.
    if (
      (shape === 'deploy-chain' || shape === 'transform-chain') &&
      (options.api === undefined || options.api === 'CreateTrainingJob')
    ) {
      return chain(options, shape);
    }
    if (shape === 'map' || shape === 'parallel') return nested(options, api, shape);
    if (shape === 'single') return single(options, api);
    return documented(options, api);
  });
}
