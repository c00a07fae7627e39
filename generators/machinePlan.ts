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
  Template,
  ValueSource,
} from '../contracts/casePlan.js';
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

/** What a state does in the shapes drawn here; its name comes from the machine's style. */
type Role =
  | 'single'
  | 'train'
  | 'model'
  | 'config'
  | 'endpoint'
  | 'transform'
  | 'tune'
  | 'process'
  | 'evaluate'
  | 'update'
  | 'choose';

const ROLE_API: Readonly<Record<Exclude<Role, 'single' | 'choose'>, Api>> = {
  train: 'CreateTrainingJob',
  model: 'CreateModel',
  config: 'CreateEndpointConfig',
  endpoint: 'CreateEndpoint',
  transform: 'CreateTransformJob',
  tune: 'CreateHyperParameterTuningJob',
  process: 'CreateProcessingJob',
  evaluate: 'CreateProcessingJob',
  update: 'UpdateEndpoint',
};

type NameStyle = Readonly<Record<Role, string>>;

/**
 * State names as people write them: identifiers, words with spaces, punctuation, other scripts
 * (paths reach them in bracket notation). The states of one machine get names of one style.
 */
const NAME_STYLES: readonly NameStyle[] = [
  {
    single: 'Task',
    train: 'TrainingJob',
    model: 'Model',
    config: 'EndpointConfig',
    endpoint: 'Endpoint',
    transform: 'TransformJob',
    tune: 'TuningJob',
    process: 'ProcessingJob',
    evaluate: 'EvaluationJob',
    update: 'UpdateEndpoint',
    choose: 'EndpointExists',
  },
  {
    single: 'Train model',
    train: 'Train model',
    model: 'Save model',
    config: 'Create endpoint config',
    endpoint: 'Deploy endpoint',
    transform: 'Batch transform',
    tune: 'Tune hyperparameters',
    process: 'Preprocess data',
    evaluate: 'Evaluate model',
    update: 'Update endpoint',
    choose: 'Endpoint exists?',
  },
  {
    single: 'Step 1: train (v2)',
    train: 'Step 1: train (v2)',
    model: 'Step 2: model',
    config: 'Step 3: config',
    endpoint: 'Step 4: endpoint',
    transform: 'Step 3: score',
    tune: 'Step 1: tune (v2)',
    process: 'Step 0: prepare',
    evaluate: 'Step 2: evaluate',
    update: 'Step 4b: update',
    choose: 'Step 4a: exists?',
  },
  {
    single: 'Entraîner le modèle',
    train: 'Entraîner le modèle',
    model: 'Créer le modèle',
    config: 'Configurer',
    endpoint: 'Déployer',
    transform: 'Évaluer le lot',
    tune: 'Optimiser',
    process: 'Préparer les données',
    evaluate: 'Évaluer le modèle',
    update: 'Mettre à jour',
    choose: 'Le point existe ?',
  },
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

/**
 * Task, a Choice that checks the ARN in its output (as the connect-sagemaker page's examples do),
 * Succeed; or the Task alone.
 */
function topLevel(
  options: MachineOptions,
  api: Api,
  shape: 'documented' | 'single',
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  return fc
    .tuple(
      taskPlanArb({
        ...options,
        api,
        name: style.single,
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

/** The chains people write, by what each state does. */
const CHAINS = {
  'deploy-chain': ['train', 'model', 'config', 'endpoint'],
  'transform-chain': ['train', 'model', 'transform'],
  'tuning-chain': ['tune', 'model', 'transform'],
  'processing-chain': ['process', 'train', 'evaluate'],
} as const satisfies Record<string, readonly Exclude<Role, 'single' | 'choose'>[]>;
type ChainShape = keyof typeof CHAINS;

/** How the later steps of a chain read what the earlier ones produced. */
interface ChainFlow {
  readonly nameFromTraining: boolean;
  readonly dataFromTraining: boolean;
  readonly bracket: boolean;
  /** After a request-response job the result has only the ARN: a read of more fails (States.Runtime). */
  readonly readAnyway?: boolean;
  /** A Lambda step first (a Pass with the shape it returns) that names the job and gives its hyperparameters. */
  readonly prepare?: boolean;
  /** JSONPath: a ResultSelector keeps only the members the later steps read. */
  readonly select?: boolean;
  /** JSONPath: the last step's OutputPath makes its result the execution's output. */
  readonly lastOnly?: boolean;
}

const languageArb = (options: MachineOptions) =>
  options.queryLanguage
    ? fc.constant(options.queryLanguage)
    : fc.constantFrom<QueryLanguage>('JSONPath', 'JSONPath', 'JSONata');

/** Each task keeps its result under its own key (JSONPath ResultPath) or variable (JSONata Assign). */
function keepsResult(task: TaskPlan): TaskPlan {
  return task.queryLanguage === 'JSONPath'
    ? { ...task, resultPath: [task.name] }
    : {
        ...task,
        assign: { [variableName(task.name)]: { ref: 'result', path: [] } },
        output: { ref: 'input', path: [] },
      };
}

/**
 * A chain of tasks; each keeps its result under its own key (or variable) so the next sees the
 * input. A step's catcher ends the chain: in the Fail state, or in a Pass that recovers.
 */
function chain(options: MachineOptions, shape: ChainShape, style: NameStyle): fc.Arbitrary<DrawnMachine> {
  const roles = CHAINS[shape];
  const steps = (queryLanguage: QueryLanguage) =>
    roles.map((role, i) =>
      taskPlanArb({
        api: ROLE_API[role],
        name: style[role],
        executionName: options.executionName,
        inputPrefix: `step${i + 1}`,
        resultWrappers: false,
        references: false,
        catchTargets: CATCH_TARGETS,
        ...(i === 0 && options.pattern ? { pattern: options.pattern } : {}),
        queryLanguage,
      }),
    );
  // How the later steps read what the earlier ones produced, as the Data Science SDK's pipelines do.
  const flowArb = fc.record({
    nameFromTraining: fc.boolean(),
    dataFromTraining: fc.boolean(),
    bracket: fc.boolean(),
    readAnyway: sometimes(fc.constant(true), 0.2),
    prepare: sometimes(fc.constant(true), roles[0] === 'train' ? 0.3 : 0),
    select: sometimes(fc.constant(true), 0.5),
    lastOnly: sometimes(fc.constant(true), 0.25),
  });
  return languageArb(options)
    .chain((l) => fc.tuple(fc.tuple(...steps(l)), machineTimeoutArb, flowArb))
    .map(([drawn, timeout, flow]) => {
      // The later steps name what the earlier ones created: the model, then its endpoint config.
      const model = (roles as readonly Role[]).indexOf('model');
      const config = (roles as readonly Role[]).indexOf('config');
      const tasks = drawn.map((d, i): TaskPlan => {
        const literal: Record<string, unknown> = { ...d.plan.request.literal };
        if (model >= 0 && i > model) {
          const modelName = drawn[model]!.resourceName;
          if ('ModelName' in literal) literal.ModelName = modelName;
          if (Array.isArray(literal.ProductionVariants))
            literal.ProductionVariants = (literal.ProductionVariants as Record<string, unknown>[]).map(
              (v) => ({ ...v, ModelName: modelName }),
            );
        }
        if (config >= 0 && i > config && 'EndpointConfigName' in literal)
          literal.EndpointConfigName = drawn[config]!.resourceName;
        return keepsResult({ ...d.plan, request: { ...d.plan.request, literal } });
      });
      const read = readResults(tasks, roles, flow);
      // Now and then the execution's output is the last step's result alone (OutputPath).
      const last = read.at(-1)!;
      const flowing =
        flow.lastOnly && last.queryLanguage === 'JSONPath' && last.resultPath
          ? [...read.slice(0, -1), { ...last, outputPath: last.resultPath }]
          : read;
      const steps: StepPlan[] = flow.prepare ? prepared(flowing, drawn[0]!.resourceName) : flowing;
      const jittered = flowing.some((t) => t.retry.some((r) => r.jitterStrategy === 'FULL'));
      return machine(shape, steps, inputOf(...drawn), jittered ? undefined : timeout);
    });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path of a literal request. */
function literalAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const k of path)
    v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** The literal with `value` at `path`, copying the containers on the way (they are shared with the draw). */
function withLiteral(literal: Obj, path: JsonPath, value: unknown): Obj {
  const [head, ...rest] = path;
  if (head === undefined) return value as Obj;
  const copy = (c: unknown, k: string | number): unknown => {
    const child = Array.isArray(c)
      ? [...(c as unknown[])]
      : isObj(c)
        ? { ...c }
        : typeof k === 'number'
          ? []
          : {};
    return child;
  };
  const out = { ...literal };
  let parent: Record<string | number, unknown> = out;
  const keys = [head, ...rest];
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    const child = copy(parent[k], keys[i + 1]!);
    parent[k] = child;
    parent = child as Record<string | number, unknown>;
  }
  parent[keys.at(-1)!] = value;
  return out;
}

/**
 * The chain's later steps reading what the earlier ones produced (each result kept under its
 * ResultPath, or in its variable): the model named after the training or tuning job and made of
 * its artifacts (or its image), the transform or endpoint configuration naming that model the same
 * way; training on what the processing job wrote, evaluation of the training job's model.
 */
function readResults(tasks: readonly TaskPlan[], roles: readonly Role[], flow: ChainFlow): TaskPlan[] {
  /** A read of the result of step `from`; undefined where that result has no such field. */
  const reader = (from: number) => {
    const source = tasks[from]!;
    if (source.pattern !== 'sync' && !flow.readAnyway) return undefined;
    const key = source.resultPath ? String(source.resultPath[0]) : source.name;
    // JSONPath reads the result where ResultPath kept it; JSONata the variable its Assign set.
    const variable = source.assign ? Object.keys(source.assign)[0] : undefined;
    // A ResultSelector keeps only what the later steps read, each under the name of its last member.
    const selecting = flow.select && variable === undefined && source.pattern === 'sync';
    return (...path: JsonPath): PlanValue => {
      if (variable !== undefined)
        return { given: 'jsonata', parts: [{ from: 'variable', name: variable, path, result: source.name }] };
      let kept = path;
      if (selecting) {
        const fields = (selected[from] ??= {});
        const name = String([...path].reverse().find((p) => typeof p === 'string'));
        fields[name] = path;
        kept = [name];
      }
      return {
        given: 'path',
        source: { from: 'input', path: [key, ...kept], result: source.name },
        ...(flow.bracket ? { notation: 'bracket' as const } : {}),
      };
    };
  };
  const selected: Record<number, Record<string, JsonPath>> = {};
  const out = tasks.map((t) => ({
    literal: { ...t.request.literal } as Obj,
    dynamic: [...t.request.dynamic],
  }));
  const set = (i: number, at: JsonPath, value: PlanValue) => {
    const r = out[i]!;
    const k = JSON.stringify(at);
    r.dynamic = [...r.dynamic.filter((d) => JSON.stringify(d.at) !== k), { at, value }];
  };
  /** Moves a literal member to a read: where the request has it (or, with `add`, has its container). */
  const move = (i: number, at: JsonPath, value: PlanValue | undefined, add = false) => {
    if (!value) return;
    const r = out[i]!;
    if (r.dynamic.some((d) => d.at.every((k, j) => at[j] === k))) return;
    const parent = literalAt(r.literal, at.slice(0, -1));
    if (!isObj(parent) || (!add && literalAt(r.literal, at) === undefined)) return;
    const { [String(at.at(-1))]: _moved, ...rest } = parent;
    r.literal = withLiteral(r.literal, at.slice(0, -1), rest);
    set(i, at, value);
  };
  const source = roles.findIndex((r) => r === 'train' || r === 'tune');
  const model = roles.indexOf('model');
  if (model > source && source >= 0) {
    const read = reader(source);
    const nameField = roles[source] === 'train' ? 'TrainingJobName' : 'HyperParameterTuningJobName';
    if (flow.nameFromTraining && read)
      tasks.forEach((task, i) => {
        if (i <= source || task.api === 'CreateEndpoint') return;
        const r = out[i]!;
        if ('ModelName' in r.literal || task.api === 'CreateModel') {
          const { ModelName: _named, ...rest } = r.literal;
          r.literal = rest;
          set(i, ['ModelName'], read(nameField));
        }
        if (Array.isArray(r.literal.ProductionVariants))
          r.literal.ProductionVariants.forEach((_v, j) =>
            move(i, ['ProductionVariants', j, 'ModelName'], read(nameField)),
          );
      });
    if (flow.dataFromTraining && read) {
      const m = out[model]!.literal;
      const container: JsonPath | undefined = isObj(m.PrimaryContainer)
        ? ['PrimaryContainer']
        : Array.isArray(m.Containers)
          ? ['Containers', m.Containers.length - 1]
          : undefined;
      if (container && roles[source] === 'train')
        move(model, [...container, 'ModelDataUrl'], read('ModelArtifacts', 'S3ModelArtifacts'), true);
      // A tuning job's best model runs in the image it was trained with.
      const image = ['TrainingJobDefinition', 'AlgorithmSpecification', 'TrainingImage'];
      if (
        container &&
        roles[source] === 'tune' &&
        typeof literalAt(tasks[source]!.request.literal, image) === 'string'
      )
        move(model, [...container, 'Image'], read(...image));
    }
  }
  const process = roles.indexOf('process');
  const train = roles.indexOf('train');
  const evaluate = roles.indexOf('evaluate');
  if (process >= 0 && train > process && flow.dataFromTraining) {
    // The training channel reads what the processing job wrote; the job writes somewhere.
    const p = out[process]!;
    const written = ['ProcessingOutputConfig', 'Outputs', 0, 'S3Output', 'S3Uri'];
    if (
      literalAt(p.literal, written) === undefined &&
      !p.dynamic.some((d) => d.at[0] === 'ProcessingOutputConfig')
    )
      p.literal = withLiteral(p.literal, ['ProcessingOutputConfig'], {
        Outputs: [
          {
            OutputName: 'train',
            S3Output: {
              S3Uri: 's3://amzn-s3-demo-bucket/processed/train',
              LocalPath: '/opt/ml/processing/output',
              S3UploadMode: 'EndOfJob',
            },
          },
        ],
      });
    const t = out[train]!;
    const channel = ['InputDataConfig', 0, 'DataSource', 'S3DataSource', 'S3Uri'];
    if (literalAt(t.literal, channel) === undefined && !t.dynamic.some((d) => d.at[0] === 'InputDataConfig'))
      t.literal = withLiteral(
        t.literal,
        ['InputDataConfig'],
        [
          {
            ChannelName: 'train',
            DataSource: {
              S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://amzn-s3-demo-bucket/processed/train' },
            },
          },
        ],
      );
    if (literalAt(out[process]!.literal, written) !== undefined)
      move(train, channel, reader(process)?.(...written));
  }
  if (train >= 0 && evaluate > train && flow.dataFromTraining) {
    // The evaluation job reads the model the training job wrote.
    const e = out[evaluate]!;
    const input = ['ProcessingInputs', 0, 'S3Input', 'S3Uri'];
    if (literalAt(e.literal, input) === undefined && !e.dynamic.some((d) => d.at[0] === 'ProcessingInputs'))
      e.literal = withLiteral(
        e.literal,
        ['ProcessingInputs'],
        [
          {
            InputName: 'model',
            S3Input: {
              S3Uri: 's3://amzn-s3-demo-bucket/models/model.tar.gz',
              LocalPath: '/opt/ml/processing/model',
              S3DataType: 'S3Prefix',
              S3InputMode: 'File',
            },
          },
        ],
      );
    move(evaluate, input, reader(train)?.('ModelArtifacts', 'S3ModelArtifacts'));
  }
  return tasks.map((task, i) => {
    const fields = selected[i];
    const resultSelector: Template | undefined = fields && {
      fields: Object.fromEntries(Object.entries(fields).map(([k, path]) => [k, { ref: 'result', path }])),
    };
    return { ...task, request: out[i]!, ...(resultSelector ? { resultSelector } : {}) };
  });
}

/**
 * Create or update an endpoint, as deployment pipelines do: a Choice on whether it exists goes to
 * UpdateEndpoint, else CreateEndpoint, whose catcher goes to the same UpdateEndpoint (the endpoint
 * was there after all). Now and then an endpoint configuration is created first, and both name it.
 */
function createOrUpdate(options: MachineOptions, style: NameStyle): fc.Arbitrary<DrawnMachine> {
  const task = (role: 'config' | 'endpoint' | 'update', queryLanguage: QueryLanguage, i: number) =>
    taskPlanArb({
      api: ROLE_API[role],
      name: style[role],
      executionName: options.executionName,
      inputPrefix: `step${i}`,
      resultWrappers: false,
      references: false,
      ...(role === 'update' ? { catchTargets: CATCH_TARGETS } : {}),
      ...(role === 'endpoint' && options.pattern ? { pattern: options.pattern } : {}),
      queryLanguage,
    });
  return languageArb(options)
    .chain((l) =>
      fc.record({
        // A requested API is the first task's: no configuration before it then.
        config: options.api ? fc.constant(undefined) : sometimes(task('config', l, 1), 0.5),
        create: task('endpoint', l, 2),
        update: task('update', l, 3),
        exists: fc.boolean(),
        errorEquals: fc.constantFrom(
          ['SageMaker.AmazonSageMakerException'],
          ['States.TaskFailed'],
          ['States.ALL'],
          ['SageMaker.ResourceInUseException', 'SageMaker.AmazonSageMakerException'],
          // As written by those who expect an endpoint in use to be ResourceInUse (it is a ValidationException).
          ['SageMaker.ResourceInUseException'],
        ),
        // Where the error goes in the input of UpdateEndpoint; replacing the input loses what it reads.
        resultPath: fc.constantFrom<JsonPath | undefined>(
          ['createError'],
          ['createError'],
          ['createError'],
          undefined,
        ),
        timeout: machineTimeoutArb,
      }),
    )
    .map(({ config, create, update, exists, errorEquals, resultPath, timeout }) => {
      // Both name the same endpoint and configuration (the one created first, where there is one).
      const shared = ['EndpointName', 'EndpointConfigName'];
      let createRequest = create.plan.request;
      if (config)
        createRequest = {
          literal: { ...createRequest.literal, EndpointConfigName: config.resourceName },
          dynamic: createRequest.dynamic.filter((d) => d.at[0] !== 'EndpointConfigName'),
        };
      const updateLiteral: Obj = { ...update.plan.request.literal };
      for (const k of shared) {
        delete updateLiteral[k];
        if (k in createRequest.literal) updateLiteral[k] = createRequest.literal[k];
      }
      const updateTask: TaskPlan = {
        ...update.plan,
        request: {
          literal: updateLiteral,
          dynamic: [
            ...update.plan.request.dynamic.filter((d) => !shared.includes(String(d.at[0]))),
            ...createRequest.dynamic.filter((d) => shared.includes(String(d.at[0]))),
          ],
        },
      };
      const createTask: TaskPlan = {
        ...create.plan,
        request: createRequest,
        catch: [
          {
            errorEquals,
            target: { kind: 'task', state: updateTask.name, task: updateTask },
            ...(resultPath && create.plan.queryLanguage === 'JSONPath' ? { resultPath } : {}),
          },
        ],
      };
      const language = create.plan.queryLanguage;
      const steps: StepPlan[] = [
        ...(config ? [keepsResult(config.plan)] : []),
        {
          kind: 'choose',
          name: style.choose,
          queryLanguage: language,
          flag: ['endpointExists'],
          whenTrue: { steps: [updateTask] },
          otherwise: { steps: [createTask] },
        },
      ];
      const drawn = [...(config ? [config] : []), create, update];
      const jittered = drawn.some((t) => t.plan.retry.some((r) => r.jitterStrategy === 'FULL'));
      return machine(
        'create-or-update',
        steps,
        { ...inputOf(...drawn), endpointExists: exists },
        jittered ? undefined : timeout,
      );
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
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  return taskPlanArb({ ...options, api, name: style.single, catchTargets: CATCH_TARGETS }).map((task) => {
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
  });
}

/** A state machine of one Task that ends it. */
export function singleTaskPlan(task: TaskPlan): MachinePlan {
  return { shape: 'single', queryLanguage: 'JSONPath', flow: { steps: [task] } };
}

/** The first API of a shape that is not a single task's: a requested API other than that gets a single task. */
const FIRST_API: Partial<Record<MachineShape, readonly Api[]>> = {
  'deploy-chain': ['CreateTrainingJob'],
  'transform-chain': ['CreateTrainingJob'],
  'tuning-chain': ['CreateHyperParameterTuningJob'],
  'processing-chain': ['CreateProcessingJob'],
  'create-or-update': ['CreateEndpoint'],
};

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
        'tuning-chain',
        'processing-chain',
        'create-or-update',
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
  /** Whether the shape's own first task can be the requested API and pattern. */
  const fits = (shape: MachineShape): boolean => {
    const first = FIRST_API[shape];
    if (!first) return true;
    return (
      (options.api === undefined || first.includes(options.api)) &&
      (options.pattern === undefined || SAGEMAKER_APIS[first[0]!].patterns.value.includes(options.pattern))
    );
  };
  return fc.tuple(shapeArb, apiArb, nameStyleArb, commentArb).chain(([drawnShape, api, style, comment]) => {
    const shape = fits(drawnShape) ? drawnShape : 'documented';
    const drawn =
      shape === 'create-or-update'
        ? createOrUpdate(options, style)
        : shape in CHAINS
          ? chain(options, shape as ChainShape, style)
          : shape === 'map' || shape === 'parallel'
            ? nested(options, api, shape, style)
            : topLevel(options, api, shape === 'single' ? 'single' : 'documented', style);
    return comment === undefined ? drawn : drawn.map((m) => ({ ...m, plan: { ...m.plan, comment } }));
  });
}
