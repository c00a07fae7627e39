/**
 * Machine plans in the shapes people write around SageMaker tasks, with the execution input their
 * dynamic members read.
 */
import fc from 'fast-check';
import { API_NAMES, type Api, type Pattern, type QueryLanguage } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type {
  CatchTarget,
  DynamicMember,
  JsonPath,
  MachinePlan,
  MachineShape,
  PlanValue,
  StepPlan,
  TaskPlan,
  ValueSource,
} from '../plan/casePlan.js';
import { relocateSources, taskPlanArb, type DrawnTask } from './taskPlan.js';
import { sometimes } from './values.js';

export interface DrawnMachine {
  readonly plan: MachinePlan;
  readonly input: Record<string, unknown>;
}

export interface MachineOptions {
  readonly api?: Api;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  readonly shape?: MachineShape;
  readonly executionName: string;
}

/** The guide's catcher target, and a Pass that recovers (showing the caught error in the output). */
const TASK_FAILED: CatchTarget = {
  kind: 'fail',
  state: 'TaskFailed',
  error: 'SageMakerTaskFailed',
  cause: 'The SageMaker task failed',
};
const RECOVERED: CatchTarget = { kind: 'recover', state: 'Recovered' };
const CATCH_TARGETS: readonly CatchTarget[] = [TASK_FAILED, RECOVERED];

/**
 * State names as people write them: identifiers, words with spaces, punctuation, other scripts
 * (paths reach them in bracket notation). The states of one machine get names of one style.
 */
const NAME_STYLES: readonly (readonly string[])[] = [
  ['Task', 'TrainingJob', 'Model', 'EndpointConfig', 'Endpoint', 'TransformJob'],
  [
    'Train model',
    'Train model',
    'Save model',
    'Create endpoint config',
    'Deploy endpoint',
    'Batch transform',
  ],
  [
    'Step 1: train (v2)',
    'Step 1: train (v2)',
    'Step 2: model',
    'Step 3: config',
    'Step 4: endpoint',
    'Step 3: score',
  ],
  [
    'Entraîner le modèle',
    'Entraîner le modèle',
    'Créer le modèle',
    'Configurer',
    'Déployer',
    'Évaluer le lot',
  ],
];
const nameStyleArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NAME_STYLES[0]!) },
  { weight: 1, arbitrary: fc.constantFrom(...NAME_STYLES.slice(1)) },
);
const commentArb = sometimes(
  fc.constantFrom('Train and deploy the churn model', 'Nightly batch scoring', 'Pipeline généré'),
  0.2,
);
/** A workflow variable named after a state: letters, digits and underscores only. */
const variableName = (state: string): string =>
  `${state.normalize('NFD').replace(/[^A-Za-z0-9_]/g, '')}Result`;

/** The style's name for a task of this API (the first is a single task's). */
const styledName = (style: readonly string[], api: Api | 'single'): string =>
  style[
    {
      single: 0,
      CreateTrainingJob: 1,
      CreateModel: 2,
      CreateEndpointConfig: 3,
      CreateEndpoint: 4,
      CreateTransformJob: 5,
    }[api as string] ?? 0
  ]!;

/** The state machine's TimeoutSeconds: now and then, often short enough to cut a job or a retry. */
const machineTimeoutArb = sometimes(
  fc.oneof(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 900, max: 36_000 })),
  0.2,
);

const inputOf = (...tasks: DrawnTask[]): Record<string, unknown> =>
  Object.assign({}, ...tasks.flatMap((t) => [t.executionInput, t.stateInput])) as Record<string, unknown>;

function machine(
  shape: MachineShape,
  steps: StepPlan[],
  input: Record<string, unknown>,
  timeoutSeconds?: number,
): DrawnMachine {
  return {
    plan: {
      shape,
      queryLanguage: 'JSONPath',
      ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
      flow: { steps },
    },
    input,
  };
}

/** Task, a Choice that checks the ARN in its output (spec §1.5), Succeed; or the Task alone. */
function topLevel(
  options: MachineOptions,
  api: Api,
  shape: 'documented' | 'single',
  style: readonly string[],
): fc.Arbitrary<DrawnMachine> {
  return fc
    .tuple(
      taskPlanArb({
        ...options,
        api,
        name: styledName(style, 'single'),
        catchTargets: CATCH_TARGETS,
        inputPath: true,
      }),
      machineTimeoutArb,
    )
    .map(([task, timeout]) => {
      const steps: StepPlan[] = [task.plan];
      if (shape === 'documented') {
        if (task.arnPath)
          steps.push({
            kind: 'check',
            name: 'ValidateOutput',
            queryLanguage: task.plan.queryLanguage,
            field: task.arnPath,
            invalid: { state: 'InvalidOutput', error: 'InvalidOutput', cause: 'The task output has no ARN' },
          });
        steps.push({ kind: 'succeed', name: 'Succeeded' });
      }
      // A jittered retry makes the time of every later event uncertain: no state-machine timeout with it.
      const jittered = task.plan.retry.some((r) => r.jitterStrategy === 'FULL');
      return machine(shape, steps, inputOf(task), jittered ? undefined : timeout);
    });
}

/**
 * A chain of tasks; each keeps its result under its own key (or variable) so the next sees the
 * input. A step's catcher ends the chain: in the Fail state, or in a Pass that recovers.
 */
function chain(
  options: MachineOptions,
  shape: 'deploy-chain' | 'transform-chain',
  style: readonly string[],
): fc.Arbitrary<DrawnMachine> {
  const apis: Api[] =
    shape === 'deploy-chain'
      ? ['CreateTrainingJob', 'CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']
      : ['CreateTrainingJob', 'CreateModel', 'CreateTransformJob'];
  const names = apis.map((api) => styledName(style, api));
  const language = options.queryLanguage
    ? fc.constant(options.queryLanguage)
    : fc.constantFrom<QueryLanguage>('JSONPath', 'JSONPath', 'JSONata');
  const steps = (queryLanguage: QueryLanguage) =>
    apis.map((api, i) =>
      taskPlanArb({
        api,
        name: names[i]!,
        executionName: options.executionName,
        inputPrefix: `step${i + 1}`,
        resultWrappers: false,
        references: false,
        catchTargets: CATCH_TARGETS,
        ...(i === 0 && options.pattern ? { pattern: options.pattern } : {}),
        queryLanguage,
      }),
    );
  // How the later steps read what the training job produced, as the Data Science SDK's pipelines do.
  const flowArb = fc.record({
    nameFromTraining: fc.boolean(),
    dataFromTraining: fc.boolean(),
    bracket: fc.boolean(),
    // After a request-response training the result has only the ARN: a read of more fails (States.Runtime).
    readAnyway: sometimes(fc.constant(true), 0.1),
    // A Lambda step first (a Pass with the shape it returns) that names the job and gives its hyperparameters.
    prepare: sometimes(fc.constant(true), 0.3),
  });
  return language
    .chain((l) => fc.tuple(fc.tuple(...steps(l)), machineTimeoutArb, flowArb))
    .map(([drawn, timeout, flow]) => {
      // The later steps name what the earlier ones created: the model, then its endpoint config.
      const modelName = drawn[1]!.resourceName;
      const configName = drawn[2]!.resourceName;
      const tasks = drawn.map((d, i): TaskPlan => {
        const literal: Record<string, unknown> = { ...d.plan.request.literal };
        if (i >= 2) {
          if ('ModelName' in literal) literal.ModelName = modelName;
          if (Array.isArray(literal.ProductionVariants))
            literal.ProductionVariants = (literal.ProductionVariants as Record<string, unknown>[]).map(
              (v) => ({
                ...v,
                ModelName: modelName,
              }),
            );
          if (shape === 'deploy-chain' && i === 3) literal.EndpointConfigName = configName;
        }
        const task: TaskPlan = { ...d.plan, request: { ...d.plan.request, literal } };
        return task.queryLanguage === 'JSONPath'
          ? { ...task, resultPath: [task.name] }
          : {
              ...task,
              assign: { [variableName(task.name)]: { ref: 'result', path: [] } },
              output: { ref: 'input', path: [] },
            };
      });
      const flowing = readResults(tasks, flow);
      const steps: StepPlan[] = flow.prepare ? prepared(flowing, drawn[0]!.resourceName) : flowing;
      const jittered = flowing.some((t) => t.retry.some((r) => r.jitterStrategy === 'FULL'));
      return machine(shape, steps, inputOf(...drawn), jittered ? undefined : timeout);
    });
}

/**
 * The chain's later steps reading the training job's result (kept under its ResultPath): the model
 * named after the job and made of its artifacts, the transform or endpoint configuration naming
 * that model the same way.
 */
function readResults(
  tasks: readonly TaskPlan[],
  flow: { nameFromTraining: boolean; dataFromTraining: boolean; bracket: boolean; readAnyway?: boolean },
): TaskPlan[] {
  const train = tasks[0]!;
  const key = train.resultPath ? String(train.resultPath[0]) : train.name;
  if (train.pattern !== 'sync' && !flow.readAnyway) return [...tasks];
  // JSONPath reads the result where ResultPath kept it; JSONata the variable its Assign set.
  const variable = train.assign ? Object.keys(train.assign)[0] : undefined;
  const read = (...path: string[]): PlanValue =>
    variable !== undefined
      ? { given: 'jsonata', parts: [{ from: 'variable', name: variable, path, result: train.name }] }
      : {
          given: 'path',
          source: { from: 'input', path: [key, ...path], result: train.name },
          ...(flow.bracket ? { notation: 'bracket' as const } : {}),
        };
  const name = flow.nameFromTraining ? read('TrainingJobName') : undefined;
  return tasks.map((task, i) => {
    if (i === 0) return task;
    const literal: Record<string, unknown> = { ...task.request.literal };
    const dynamic: DynamicMember[] = [...task.request.dynamic];
    const set = (at: (string | number)[], value: PlanValue) => {
      const k = JSON.stringify(at);
      const kept = dynamic.filter((d) => JSON.stringify(d.at) !== k);
      dynamic.length = 0;
      dynamic.push(...kept, { at, value });
    };
    if (name && task.api !== 'CreateEndpoint') {
      if ('ModelName' in literal || task.api === 'CreateModel') {
        delete literal.ModelName;
        set(['ModelName'], name);
      }
      if (Array.isArray(literal.ProductionVariants)) {
        literal.ProductionVariants = (literal.ProductionVariants as Record<string, unknown>[]).map((v, j) => {
          const { ModelName: _named, ...rest } = v;
          set(['ProductionVariants', j, 'ModelName'], name);
          return rest;
        });
      }
    }
    if (flow.dataFromTraining && task.api === 'CreateModel' && literal.PrimaryContainer) {
      const { ModelDataUrl: _url, ...container } = literal.PrimaryContainer as Record<string, unknown>;
      literal.PrimaryContainer = container;
      set(['PrimaryContainer', 'ModelDataUrl'], read('ModelArtifacts', 'S3ModelArtifacts'));
    }
    // An inference pipeline: the model's own container is the last.
    if (flow.dataFromTraining && task.api === 'CreateModel' && Array.isArray(literal.Containers)) {
      const containers = [...(literal.Containers as Record<string, unknown>[])];
      const last = containers.length - 1;
      const { ModelDataUrl: _url, ...container } = containers[last]!;
      containers[last] = container;
      literal.Containers = containers;
      set(['Containers', last, 'ModelDataUrl'], read('ModelArtifacts', 'S3ModelArtifacts'));
    }
    return { ...task, request: { literal, dynamic } };
  });
}

/**
 * A Lambda step before the chain, as a Pass with the shape the function returns: it names the
 * training job and gives its hyperparameters, which the training task reads (JSONPath from
 * `$.prep.Payload`, JSONata from the variable `$prep`).
 */
function prepared(tasks: readonly TaskPlan[], jobName: string): StepPlan[] {
  const train = tasks[0]!;
  const language = train.queryLanguage;
  const literal: Record<string, unknown> = { ...train.request.literal };
  const payload: Record<string, unknown> = { trainingJobName: jobName };
  const reads: [JsonPath, JsonPath][] = [[['TrainingJobName'], ['trainingJobName']]];
  delete literal.TrainingJobName;
  if (literal.HyperParameters) {
    payload.hyperparameters = literal.HyperParameters;
    delete literal.HyperParameters;
    reads.push([['HyperParameters'], ['hyperparameters']]);
  }
  const source = (path: JsonPath): ValueSource =>
    language === 'JSONata'
      ? { from: 'variable', name: 'prep', path: ['Payload', ...path] }
      : { from: 'input', path: ['prep', 'Payload', ...path] };
  const dynamic: DynamicMember[] = [
    ...train.request.dynamic.filter(
      (d) => !reads.some(([at]) => JSON.stringify(at) === JSON.stringify(d.at)),
    ),
    ...reads.map(([at, path]): DynamicMember => ({
      at,
      value:
        language === 'JSONata'
          ? { given: 'jsonata', parts: [source(path)] }
          : { given: 'path', source: source(path) },
    })),
  ];
  const pass: StepPlan = {
    kind: 'pass',
    name: 'Prepare training',
    queryLanguage: language,
    result: { Payload: payload, StatusCode: 200 },
    ...(language === 'JSONata' ? { variable: 'prep' } : { resultPath: ['prep'] }),
  };
  return [pass, { ...train, request: { literal, dynamic } }, ...tasks.slice(1)];
}

/**
 * The Task inside a Map's iteration (one item: names are unique per account, iterations would
 * collide) or a Parallel branch; a catcher's Fail or recovering Pass sits in the iteration or branch.
 */
function nested(
  options: MachineOptions,
  api: Api,
  shape: 'map' | 'parallel',
  style: readonly string[],
): fc.Arbitrary<DrawnMachine> {
  return taskPlanArb({ ...options, api, name: styledName(style, 'single'), catchTargets: CATCH_TARGETS }).map(
    (task) => {
      const language = task.plan.queryLanguage;
      if (shape === 'parallel')
        return machine(
          shape,
          [{ kind: 'parallel', name: 'Run', queryLanguage: language, branches: [{ steps: [task.plan] }] }],
          inputOf(task),
        );
      if (language === 'JSONata')
        return machine(
          shape,
          [{ kind: 'map', name: 'Run', queryLanguage: language, iteration: { steps: [task.plan] } }],
          inputOf(task),
        );
      // JSONPath: the items are `$.items`; each iteration reads `{ "value": item }`.
      const inner = relocateSources(task.plan, ['value'], ['items', 0]);
      return machine(
        shape,
        [
          {
            kind: 'map',
            name: 'Run',
            queryLanguage: language,
            itemsPath: ['items'],
            itemAs: 'value',
            iteration: { steps: [inner] },
          },
        ],
        { items: [inputOf(task)] },
      );
    },
  );
}

/** A state machine of one Task that ends it. */
export function singleTaskPlan(task: TaskPlan): MachinePlan {
  return { shape: 'single', queryLanguage: 'JSONPath', flow: { steps: [task] } };
}

/** A state machine with at least one SageMaker task. */
export function machinePlanArb(options: MachineOptions): fc.Arbitrary<DrawnMachine> {
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
  return fc.tuple(shapeArb, apiArb, nameStyleArb, commentArb).chain(([shape, api, style, comment]) => {
    const drawn =
      // Chains start with a training job; a requested API other than that gets a single-task shape.
      (shape === 'deploy-chain' || shape === 'transform-chain') &&
      (options.api === undefined || options.api === 'CreateTrainingJob')
        ? chain(options, shape, style)
        : shape === 'map' || shape === 'parallel'
          ? nested(options, api, shape, style)
          : topLevel(options, api, shape === 'single' ? 'single' : 'documented', style);
    return comment === undefined ? drawn : drawn.map((m) => ({ ...m, plan: { ...m.plan, comment } }));
  });
}
