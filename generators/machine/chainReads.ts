/**
 * The later steps of a chain reading what the earlier ones produced (each result kept under its
 * ResultPath, or in its variable): the model named after the training or tuning job and made of
 * its artifacts (or its image), the transform or endpoint configuration naming that model the same
 * way; training on what the processing job wrote, evaluation of the training job's model.
 */
import type { DynamicMember, JsonPath, PlanValue, TaskPlan, Template } from '../../contracts/casePlan.js';
import type { Role } from './stateNames.js';

/** How the later steps of a chain read what the earlier ones produced. */
export interface ChainReads {
  /** The model (and what names it) takes the training or tuning job's name. */
  readonly nameFromTraining: boolean;
  /** The model, training and evaluation read the data and artifacts the earlier jobs wrote. */
  readonly dataFromTraining: boolean;
  /** JSONPath reads in bracket notation. */
  readonly bracket: boolean;
  /** After a request-response job the result has only the ARN: a read of more fails (States.Runtime). */
  readonly readAnyway?: boolean;
  /** JSONPath: a ResultSelector keeps only the members the later steps read. */
  readonly select?: boolean;
}

type JsonObject = Record<string, unknown>;
const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of a literal request. */
function literalAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const key of path)
    current =
      isJsonObject(current) || Array.isArray(current)
        ? (current as Record<string | number, unknown>)[key]
        : undefined;
  return current;
}

/** The literal with `value` at `path`, copying the containers on the way (they are shared with the draw). */
function withLiteral(literal: JsonObject, path: JsonPath, value: unknown): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return value as JsonObject;
  const copy = (container: unknown, nextKey: string | number): unknown =>
    Array.isArray(container)
      ? [...(container as unknown[])]
      : isJsonObject(container)
        ? { ...container }
        : typeof nextKey === 'number'
          ? []
          : {};
  const out = { ...literal };
  let parent: Record<string | number, unknown> = out;
  const keys = [head, ...rest];
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const child = copy(parent[key], keys[i + 1]!);
    parent[key] = child;
    parent = child as Record<string | number, unknown>;
  }
  parent[keys.at(-1)!] = value;
  return out;
}

/** A step's request as the reads are put in. */
interface StepRequest {
  literal: JsonObject;
  dynamic: DynamicMember[];
}

/** A read of a member of an earlier step's result (by its path in that result). */
type ResultReader = (...path: JsonPath) => PlanValue;

/**
 * The chain's requests as the reads are put in, and the members of each step's result that the
 * later steps read (which its ResultSelector keeps, where the chain selects).
 */
class ChainRequests {
  readonly requests: StepRequest[];
  private readonly selected: Record<number, Record<string, JsonPath>> = {};

  constructor(
    private readonly tasks: readonly TaskPlan[],
    private readonly reads: ChainReads,
  ) {
    this.requests = tasks.map((task) => ({
      literal: { ...task.request.literal } as JsonObject,
      dynamic: [...task.request.dynamic],
    }));
  }

  /** A read of the result of step `from`; undefined where that result has no such field. */
  reader(from: number): ResultReader | undefined {
    const source = this.tasks[from]!;
    if (source.pattern !== 'sync' && !this.reads.readAnyway) return undefined;
    const key = source.resultPath ? String(source.resultPath[0]) : source.name;
    // JSONPath reads the result where ResultPath kept it; JSONata the variable its Assign set.
    const variable = source.assign ? Object.keys(source.assign)[0] : undefined;
    // A ResultSelector keeps only what the later steps read, each under the name of its last member.
    const selecting = this.reads.select && variable === undefined && source.pattern === 'sync';
    return (...path: JsonPath): PlanValue => {
      if (variable !== undefined)
        return { given: 'jsonata', parts: [{ from: 'variable', name: variable, path, result: source.name }] };
      let kept = path;
      if (selecting) {
        const fields = (this.selected[from] ??= {});
        const name = String([...path].reverse().find((segment) => typeof segment === 'string'));
        fields[name] = path;
        kept = [name];
      }
      return {
        given: 'path',
        source: { from: 'input', path: [key, ...kept], result: source.name },
        ...(this.reads.bracket ? { notation: 'bracket' as const } : {}),
      };
    };
  }

  /** Makes the member at `at` of step `step`'s request a read (replacing a dynamic member there). */
  set(step: number, at: JsonPath, value: PlanValue): void {
    const request = this.requests[step]!;
    const key = JSON.stringify(at);
    request.dynamic = [
      ...request.dynamic.filter((member) => JSON.stringify(member.at) !== key),
      { at, value },
    ];
  }

  /** Moves a literal member to a read: where the request has it (or, with `add`, has its container). */
  move(step: number, at: JsonPath, value: PlanValue | undefined, add = false): void {
    if (!value) return;
    const request = this.requests[step]!;
    if (request.dynamic.some((member) => member.at.every((key, j) => at[j] === key))) return;
    const parent = literalAt(request.literal, at.slice(0, -1));
    if (!isJsonObject(parent) || (!add && literalAt(request.literal, at) === undefined)) return;
    const { [String(at.at(-1))]: _moved, ...rest } = parent;
    request.literal = withLiteral(request.literal, at.slice(0, -1), rest);
    this.set(step, at, value);
  }

  /** The tasks with their new requests, and a ResultSelector where later steps read selected members. */
  plans(): TaskPlan[] {
    return this.tasks.map((task, step) => {
      const fields = this.selected[step];
      const resultSelector: Template | undefined = fields && {
        fields: Object.fromEntries(
          Object.entries(fields).map(([name, path]) => [name, { ref: 'result', path }]),
        ),
      };
      return { ...task, request: this.requests[step]!, ...(resultSelector ? { resultSelector } : {}) };
    });
  }
}

/**
 * The chain's later steps reading what the earlier ones produced: the model (and what names it)
 * from the training or tuning job, training from the processing job, evaluation from training.
 */
export function readResults(
  tasks: readonly TaskPlan[],
  roles: readonly Role[],
  reads: ChainReads,
): TaskPlan[] {
  const chain = new ChainRequests(tasks, reads);
  readTrainingIntoModel(chain, tasks, roles, reads);
  readProcessingIntoTraining(chain, roles, reads);
  readTrainingIntoEvaluation(chain, roles, reads);
  return chain.plans();
}

/**
 * The model named after the training or tuning job (and the transform or endpoint configuration
 * naming it the same way), and made of the training job's artifacts or the tuning job's image.
 */
function readTrainingIntoModel(
  chain: ChainRequests,
  tasks: readonly TaskPlan[],
  roles: readonly Role[],
  reads: ChainReads,
): void {
  const source = roles.findIndex((role) => role === 'train' || role === 'tune');
  const model = roles.indexOf('model');
  if (!(model > source && source >= 0)) return;
  const read = chain.reader(source);
  const nameField = roles[source] === 'train' ? 'TrainingJobName' : 'HyperParameterTuningJobName';
  if (reads.nameFromTraining && read)
    tasks.forEach((task, step) => {
      if (step <= source || task.api === 'CreateEndpoint') return;
      const request = chain.requests[step]!;
      if ('ModelName' in request.literal || task.api === 'CreateModel') {
        const { ModelName: _named, ...rest } = request.literal;
        request.literal = rest;
        chain.set(step, ['ModelName'], read(nameField));
      }
      if (Array.isArray(request.literal.ProductionVariants))
        request.literal.ProductionVariants.forEach((_variant, index) =>
          chain.move(step, ['ProductionVariants', index, 'ModelName'], read(nameField)),
        );
    });
  if (reads.dataFromTraining && read) {
    const modelLiteral = chain.requests[model]!.literal;
    const container: JsonPath | undefined = isJsonObject(modelLiteral.PrimaryContainer)
      ? ['PrimaryContainer']
      : Array.isArray(modelLiteral.Containers)
        ? ['Containers', modelLiteral.Containers.length - 1]
        : undefined;
    if (container && roles[source] === 'train')
      chain.move(model, [...container, 'ModelDataUrl'], read('ModelArtifacts', 'S3ModelArtifacts'), true);
    // A tuning job's best model runs in the image it was trained with.
    const image = ['TrainingJobDefinition', 'AlgorithmSpecification', 'TrainingImage'];
    if (
      container &&
      roles[source] === 'tune' &&
      typeof literalAt(tasks[source]!.request.literal, image) === 'string'
    )
      chain.move(model, [...container, 'Image'], read(...image));
  }
}

/** Where the processing job writes and the training channel reads, where neither request says. */
const PROCESSED_TRAIN_URI = 's3://amzn-s3-demo-bucket/processed/train';

/** The training channel reads what the processing job wrote; the job writes somewhere. */
function readProcessingIntoTraining(chain: ChainRequests, roles: readonly Role[], reads: ChainReads): void {
  const process = roles.indexOf('process');
  const train = roles.indexOf('train');
  if (!(process >= 0 && train > process && reads.dataFromTraining)) return;
  const processing = chain.requests[process]!;
  const written = ['ProcessingOutputConfig', 'Outputs', 0, 'S3Output', 'S3Uri'];
  if (
    literalAt(processing.literal, written) === undefined &&
    !processing.dynamic.some((member) => member.at[0] === 'ProcessingOutputConfig')
  )
    processing.literal = withLiteral(processing.literal, ['ProcessingOutputConfig'], {
      Outputs: [
        {
          OutputName: 'train',
          S3Output: {
            S3Uri: PROCESSED_TRAIN_URI,
            LocalPath: '/opt/ml/processing/output',
            S3UploadMode: 'EndOfJob',
          },
        },
      ],
    });
  const training = chain.requests[train]!;
  const channel = ['InputDataConfig', 0, 'DataSource', 'S3DataSource', 'S3Uri'];
  if (
    literalAt(training.literal, channel) === undefined &&
    !training.dynamic.some((member) => member.at[0] === 'InputDataConfig')
  )
    training.literal = withLiteral(
      training.literal,
      ['InputDataConfig'],
      [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: PROCESSED_TRAIN_URI } },
        },
      ],
    );
  // Written literally, or built at run time (States.Format): the job's Describe echoes it.
  if (
    literalAt(chain.requests[process]!.literal, written) !== undefined ||
    processing.dynamic.some((member) => JSON.stringify(member.at) === JSON.stringify(written))
  )
    chain.move(train, channel, chain.reader(process)?.(...written));
}

/** The evaluation job reads the model the training job wrote. */
function readTrainingIntoEvaluation(chain: ChainRequests, roles: readonly Role[], reads: ChainReads): void {
  const train = roles.indexOf('train');
  const evaluate = roles.indexOf('evaluate');
  if (!(train >= 0 && evaluate > train && reads.dataFromTraining)) return;
  const evaluation = chain.requests[evaluate]!;
  const input = ['ProcessingInputs', 0, 'S3Input', 'S3Uri'];
  if (
    literalAt(evaluation.literal, input) === undefined &&
    !evaluation.dynamic.some((member) => member.at[0] === 'ProcessingInputs')
  )
    evaluation.literal = withLiteral(
      evaluation.literal,
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
  chain.move(evaluate, input, chain.reader(train)?.('ModelArtifacts', 'S3ModelArtifacts'));
}
