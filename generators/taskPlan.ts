/**
 * Task plans for the SageMaker integration: the API, pattern and query language, the request with
 * its dynamic members (how each is given and where it comes from), Retry rules, catchers with
 * their targets, timeouts and the data-flow fields; with the execution input the dynamic members
 * read.
 */
import { RETRY_DEFAULTS } from '../catalog/stepFunctionsLimits.js';
import fc from 'fast-check';
import type { Api, Pattern, QueryLanguage } from '../catalog/api.js';
import { REFERENCES, SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type {
  CatchTarget,
  CatcherPlan,
  DynamicMember,
  JsonPath,
  PlanValue,
  RetrierPlan,
  TaskPlan,
  Template,
  ValueSource,
} from '../contracts/casePlan.js';
import { REQUEST_ARBITRARIES } from './requests.js';
import { resourceNameArb, sometimes, takesName } from './values.js';

/** How a dynamic member is computed. */
export type DynamicKind = 'inputPath' | 'format' | 'executionName' | 'executionInput';

/**
 * A member other than the name given at run time, as pipelines pass configuration: a whole object
 * (`"HyperParameters.$": "$.hp"`), an element of a list in the input (`$.dataUris[1]`), a JSON
 * string parsed (`States.StringToJson`, `$parse`), or the name of the resource it references
 * (`"ModelName.$"`, `"EndpointConfigName.$"`).
 */
export type ValueKind = 'object' | 'listElement' | 'stringToJson' | 'reference';

/** Objects people pass whole, in this order of preference. */
export const WHOLE_OBJECTS = [
  'HyperParameters',
  'Environment',
  'StoppingCondition',
  'ResourceConfig',
  'TransformResources',
  'ProcessingResources',
  'OutputDataConfig',
  'TransformOutput',
  'TrainingJobDefinition',
  'PrimaryContainer',
];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The path of the first S3 location below the top level (a channel's, an input's, a container's). */
function nestedS3Path(value: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return at.length >= 2 && /^(s3|https):\/\//.test(value) ? at : undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    const found = nestedS3Path(v, [...at, k]);
    if (found) return found;
  }
  return undefined;
}

/** A drawn task: its plan, the input it reads, and the name it gives its resource once resolved. */
export interface DrawnTask {
  readonly plan: TaskPlan;
  /** Members of the state's effective input the task reads (`$.x`). */
  readonly stateInput: Record<string, unknown>;
  /** Members of the execution input the task reads (`$$.Execution.Input.x`). */
  readonly executionInput: Record<string, unknown>;
  /** The resource name once Step Functions has resolved it. */
  readonly resourceName: string;
  /** Where the created resource's ARN is in the state's output (absent when the output drops it). */
  readonly arnPath?: JsonPath;
}

/** What a task is drawn for: its API and state name, and what it may have around it. */
export interface TaskOptions {
  readonly api: Api;
  readonly name: string;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  /** States a catcher may go to; none: no Catch. */
  readonly catchTargets?: readonly CatchTarget[];
  /** Input field names are prefixed with this, so several tasks of one machine do not collide. */
  readonly inputPrefix?: string;
  /** The resource's name is read from the state's input (a Map over jobs: each item names its own). */
  readonly nameFromInput?: boolean;
  /** The execution's name, for `$$.Execution.Name` names (must itself be a valid name then). */
  readonly executionName: string;
  /** Whether the task may read its input through InputPath (JSONPath). */
  readonly inputPath?: boolean;
  /** Whether the result wrappers are drawn (a chain sets its own). */
  readonly resultWrappers?: boolean;
  /** Whether a referenced resource may be named at run time (a chain names its own). */
  readonly references?: boolean;
}

/**
 * Errors a SageMaker task can raise (sfn.sagemaker.error-names, sfn.sync.failed-job, asl.task-timeout,
 * asl.heartbeat-timeout-error; States.Permissions: the error-handling page's Error names).
 */
export const TASK_ERROR_NAMES = [
  'SageMaker.AmazonSageMakerException',
  'SageMaker.ResourceLimitExceededException',
  'SageMaker.ResourceInUseException',
  'SageMaker.ResourceNotFoundException',
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.Permissions',
] as const;

/**
 * Names close to the errors a task raises, as people mistype or misremember them: a prefix, other
 * cases, another SageMaker exception, the name without its service. None matches (the ASL
 * specification, Retry: names match exactly).
 */
export const NEAR_MISS_ERROR_NAMES = [
  'SageMaker.AmazonSageMaker',
  'sagemaker.AmazonSageMakerException',
  'SageMaker.amazonsagemakerexception',
  'SageMaker.ValidationException',
  'SageMaker.ResourceLimitExceeded',
  'SageMaker.ResourceInUse',
  'AmazonSageMakerException',
  'ResourceNotFoundException',
] as const;

/** An error name of a retrier or catcher: mostly one a task raises, now and then a near miss. */
const errorNameArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<string>(...TASK_ERROR_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom<string>(...NEAR_MISS_ERROR_NAMES) },
);

/** Error lists of retriers and catchers: named errors, with `States.ALL` alone and last. */
function errorListsArb(maxLists: number): fc.Arbitrary<string[][]> {
  // `States.TaskFailed` alone is common in real definitions, and the error-matching rule that needs testing most.
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null).map(() => [['States.TaskFailed']]) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.array(fc.uniqueArray(errorNameArb, { minLength: 1, maxLength: 3 }), {
            minLength: 0,
            maxLength: maxLists,
          }),
          fc.boolean(),
        )
        .map(([lists, all]) => (all || lists.length === 0 ? [...lists, ['States.ALL']] : lists)),
    },
  );
}

const retrierArb = (errorEquals: string[]): fc.Arbitrary<RetrierPlan> =>
  fc
    .record({
      intervalSeconds: sometimes(fc.integer({ min: 1, max: 60 }), 0.5),
      maxAttempts: sometimes(fc.integer({ min: 0, max: 5 }), 0.5),
      backoffRate: sometimes(fc.constantFrom(1, 1.1, 1.5, 2, 3), 0.5),
      // MaxDelaySeconds as people set it: to cap the growth of the waits, so it bites by the second or third retry.
      maxDelay: sometimes(fc.double({ min: 1, max: 4, noNaN: true }), 0.4),
      jitterStrategy: sometimes(fc.constantFrom<'FULL' | 'NONE'>('FULL', 'FULL', 'NONE'), 0.45),
    })
    .map(({ maxDelay, ...rest }) => {
      const interval = rest.intervalSeconds ?? RETRY_DEFAULTS.value.intervalSeconds;
      return {
        ...rest,
        maxDelaySeconds: maxDelay === undefined ? undefined : Math.max(1, Math.floor(interval * maxDelay)),
      };
    })
    .map((fields) => {
      const retrier: { -readonly [K in keyof RetrierPlan]: RetrierPlan[K] } = { errorEquals };
      for (const [k, v] of Object.entries(fields))
        if (v !== undefined) (retrier as Record<string, unknown>)[k] = v;
      return retrier;
    });

/**
 * The Retry of the SageMaker examples in the Step Functions guide: the generic exception 100 times,
 * capacity (ResourceLimitExceeded) 5000 times a minute apart.
 */
const GUIDE_RETRY: readonly RetrierPlan[] = [
  {
    errorEquals: ['SageMaker.AmazonSageMakerException'],
    intervalSeconds: 1,
    maxAttempts: 100,
    backoffRate: 1.1,
  },
  {
    errorEquals: ['SageMaker.ResourceLimitExceededException'],
    intervalSeconds: 60,
    maxAttempts: 5000,
    backoffRate: 1,
  },
];

const retryArb = fc.oneof(
  { weight: 11, arbitrary: errorListsArb(2).chain((lists) => fc.tuple(...lists.map(retrierArb))) },
  { weight: 1, arbitrary: fc.constant(GUIDE_RETRY) },
);

const catchArb = (targets: readonly CatchTarget[], language: QueryLanguage): fc.Arbitrary<CatcherPlan[]> =>
  errorListsArb(2).chain((lists) =>
    fc.tuple(
      ...lists.map((errorEquals) =>
        fc
          .record({
            target: fc.constantFrom(...targets),
            resultPath:
              language === 'JSONPath'
                ? fc.constantFrom<JsonPath | null | undefined>(
                    undefined,
                    ['error'],
                    ['error'],
                    ['error'],
                    null,
                  )
                : fc.constant(undefined),
          })
          .map(({ target, resultPath }): CatcherPlan =>
            resultPath === undefined ? { errorEquals, target } : { errorEquals, target, resultPath },
          ),
      ),
    ),
  );

const at = (path: JsonPath, source: ValueSource): ValueSource =>
  source.from === 'executionName' || source.from === 'variable' || source.from === 'context'
    ? source
    : { ...source, path: [...path, ...source.path] };

/**
 * A dynamic member's value as the query language writes it; with `version`, the format kind
 * appends a version number read from there (`{}-v{}`).
 */
function written(
  language: QueryLanguage,
  kind: DynamicKind,
  source: ValueSource,
  version?: ValueSource,
): PlanValue {
  if (language === 'JSONata')
    return {
      given: 'jsonata',
      parts:
        kind !== 'format'
          ? [source]
          : version
            ? [source, { text: '-v' }, version]
            : [source, { text: '-run' }],
    };
  if (kind !== 'format') return { given: 'path', source };
  return version
    ? { given: 'format', template: '{}-v{}', args: [source, version] }
    : { given: 'format', template: '{}-run', args: [source] };
}

/** Where each API's request names the S3 location its job writes to. */
export const OUTPUT_S3_PATHS: Partial<Record<Api, readonly JsonPath[]>> = {
  CreateTrainingJob: [['OutputDataConfig', 'S3OutputPath']],
  CreateTransformJob: [['TransformOutput', 'S3OutputPath']],
  CreateProcessingJob: [['ProcessingOutputConfig', 'Outputs', 0, 'S3Output', 'S3Uri']],
  CreateHyperParameterTuningJob: [['TrainingJobDefinition', 'OutputDataConfig', 'S3OutputPath']],
  CreateLabelingJob: [['OutputConfig', 'S3OutputPath']],
  CreateEndpointConfig: [['DataCaptureConfig', 'DestinationS3Uri']],
};

/**
 * The templates pipelines build an output location with (`States.Format`; JSONata joins the same
 * parts with `&`): the bucket, the execution's name, a version number. In a template `\{`, `\}`
 * are escapes and a `'` is escaped in the definition; those forms are JSONPath's alone.
 */
export const S3_FORMATS: readonly {
  readonly template: string;
  readonly args: readonly ('bucket' | 'name' | 'version')[];
  readonly jsonPathOnly?: true;
}[] = [
  { template: 's3://{}/{}/output', args: ['bucket', 'name'] },
  { template: 's3://{}/models/v{}/{}', args: ['bucket', 'version', 'name'] },
  { template: 's3://{}/runs/{}-{}', args: ['bucket', 'name', 'version'] },
  { template: 's3://{}/runs/\\{{}\\}/v{}', args: ['bucket', 'name', 'version'], jsonPathOnly: true },
  { template: "s3://{}/team's-runs/{}", args: ['bucket', 'name'], jsonPathOnly: true },
];

/** The first output location of the request written literally as an `s3://` URI. */
function outputS3Path(api: Api, literal: Record<string, unknown>): JsonPath | undefined {
  return OUTPUT_S3_PATHS[api]?.find((path) => {
    let v: unknown = literal;
    for (const k of path)
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' && v.startsWith('s3://');
  });
}

/** A template's parts as a JSONata concatenation: its text between the `{}`, and the arguments. */
function jsonataParts(template: string, args: readonly ValueSource[]): (ValueSource | { text: string })[] {
  const parts: (ValueSource | { text: string })[] = [];
  template.split('{}').forEach((text, i) => {
    if (text) parts.push({ text });
    if (i < args.length) parts.push(args[i]!);
  });
  return parts;
}

/** The attempt's retry count, as pipelines number a retried job's name (sfn.context.retry-count). */
const RETRY_COUNT: ValueSource = { from: 'context', field: 'State.RetryCount' };

/**
 * A name numbered by the attempt: JSONPath `States.Format('{}-{}', $.jobName, $$.State.RetryCount)`,
 * JSONata `$states.input.jobName & '-' & $states.context.State.RetryCount`.
 */
function numbered(language: QueryLanguage, source: ValueSource): PlanValue {
  return language === 'JSONata'
    ? { given: 'jsonata', parts: [source, { text: '-' }, RETRY_COUNT] }
    : { given: 'format', template: '{}-{}', args: [source, RETRY_COUNT] };
}

/** A Task plan for the API, with everything the case needs to know about it. */
export function taskPlanArb(options: TaskOptions): fc.Arbitrary<DrawnTask> {
  const facts = SAGEMAKER_APIS[options.api];
  const patterns = facts.patterns.value;
  const topRole = facts.roleFields.value.find((f) => f.path.length === 1);
  const wrappers = options.resultWrappers ?? true;
  // The execution's name names the resource only where SageMaker takes it (valid cases are valid).
  const byExecutionName = takesName(options.api, facts.nameField.value, options.executionName)
    ? (['executionName'] as const)
    : [];
  return fc
    .record({
      request: REQUEST_ARBITRARIES[options.api],
      pattern: options.pattern ? fc.constant(options.pattern) : fc.constantFrom(...patterns),
      language: options.queryLanguage
        ? fc.constant(options.queryLanguage)
        : fc.constantFrom<QueryLanguage>('JSONPath', 'JSONata'),
      dynamic: options.nameFromInput
        ? fc.constantFrom<DynamicKind>('inputPath', 'inputPath', 'format')
        : sometimes(
            fc.constantFrom<DynamicKind>(
              'inputPath',
              'inputPath',
              'format',
              ...byExecutionName,
              'executionInput',
            ),
            0.5,
          ),
      // A name SageMaker takes, short enough for every name field (HPO's 32 characters included)
      // with the '-run' suffix (or '-v' and a version of up to three digits).
      dynamicValue: resourceNameArb(27),
      // The format kind names a version of the run now and then: `{}-v{}` with a number of the input.
      nameVersion: sometimes(fc.integer({ min: 1, max: 999 }), 0.5),
      // The output location built at run time from a bucket, the execution's name and a version
      // (an integer or a decimal: a number Format writes), the version now and then from the
      // execution's input.
      s3Format: sometimes(
        fc.record({
          form: fc.constantFrom(...S3_FORMATS),
          bucket: fc.constantFrom('amzn-s3-demo-bucket', 'amzn-s3-demo-bucket-ml'),
          version: fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min: 1, max: 999 }) },
            { weight: 1, arbitrary: fc.constantFrom(1.5, 2.25, 10.1) },
          ),
          versionFromExecution: fc.boolean(),
        }),
        0.35,
      ),
      roleFromInput: sometimes(fc.constant(true), 0.15),
      valueKind: sometimes(
        fc.constantFrom<ValueKind>(
          'object',
          'object',
          'listElement',
          'stringToJson',
          ...(options.references === false ? [] : (['reference'] as const)),
        ),
        0.3,
      ),
      // Where such a value comes from: the state's input, or the execution's (`$$.Execution.Input['config']`).
      valueFromExecution: fc.boolean(),
      inputPath: options.inputPath ? sometimes(fc.constant(['job']), 0.3) : fc.constant(undefined),
      retry: sometimes(retryArb, 0.5),
      // With a retrier, the name numbered by the attempt's retry count, so each attempt's is its own.
      retryCounter: sometimes(fc.constant(true), 0.3),
      catchers:
        options.catchTargets && options.catchTargets.length > 0
          ? sometimes(fc.constant(options.catchTargets), 0.6)
          : fc.constant(undefined),
      // Short timeouts too, so that jobs outlive them now and then.
      timeout: sometimes(
        fc.oneof(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 900, max: 86_400 })),
        0.45,
      ),
      heartbeat: sometimes(fc.constant(true), 0.7),
      selector: wrappers ? fc.boolean() : fc.constant(false),
      resultPath: wrappers
        ? fc.constantFrom<JsonPath | null | undefined>(undefined, undefined, ['result'], null)
        : fc.constant(undefined),
      output: wrappers ? fc.boolean() : fc.constant(false),
    })
    .chain((g) =>
      (g.catchers ? catchArb(g.catchers, g.language) : fc.constant(undefined)).map((catchers) => ({
        ...g,
        catchers,
      })),
    )
    .map((g): DrawnTask => {
      const language = g.language;
      const prefix = options.inputPrefix ?? '';
      const nameField = facts.nameField.value;
      const literal: Record<string, unknown> = { ...g.request };
      const dynamic: DynamicMember[] = [];
      const stateInput: Record<string, unknown> = {};
      const executionInput: Record<string, unknown> = {};
      let resourceName = String(g.request[nameField]);
      const counted = g.retry !== undefined && g.retry.length > 0 && g.retryCounter === true;
      // A numbered name is built from the input's (the execution's name may leave no room for the number).
      const kind = counted && (!g.dynamic || g.dynamic === 'executionName') ? 'inputPath' : g.dynamic;
      if (kind) {
        const field = `${prefix}${kind === 'format' ? 'runId' : 'jobName'}`;
        const source: ValueSource =
          kind === 'executionName'
            ? { from: 'executionName' }
            : kind === 'executionInput'
              ? { from: 'executionInput', path: [field] }
              : { from: 'input', path: [field] };
        if (kind === 'executionInput') executionInput[field] = g.dynamicValue;
        else if (kind !== 'executionName') stateInput[field] = g.dynamicValue;
        delete literal[nameField];
        const value = kind === 'executionName' ? options.executionName : g.dynamicValue;
        if (counted) {
          dynamic.push({ at: [nameField], value: numbered(language, source) });
          resourceName = `${value}-0`;
        } else {
          const versioned = kind === 'format' && g.nameVersion !== undefined;
          if (versioned) stateInput[`${prefix}nameVersion`] = g.nameVersion;
          const version: ValueSource | undefined = versioned
            ? { from: 'input', path: [`${prefix}nameVersion`] }
            : undefined;
          dynamic.push({ at: [nameField], value: written(language, kind, source, version) });
          resourceName =
            kind !== 'format' ? value : versioned ? `${value}-v${g.nameVersion}` : `${value}-run`;
        }
      }
      if (topRole && g.roleFromInput && typeof literal[topRole.path[0]!] === 'string') {
        const roleField = topRole.path[0]!;
        const field = `${prefix}roleArn`;
        stateInput[field] = literal[roleField];
        delete literal[roleField];
        dynamic.push({
          at: [roleField],
          value: written(language, 'inputPath', { from: 'input', path: [field] }),
        });
      }
      if (g.valueKind) {
        const member = valueMember(options.api, g.valueKind, literal);
        if (member) {
          const field = `${prefix}${g.valueKind === 'listElement' ? 'dataUris' : g.valueKind === 'stringToJson' ? 'json' : 'value'}`;
          const value = getAt(literal, member);
          const stored =
            g.valueKind === 'listElement'
              ? ['s3://amzn-s3-demo-bucket/other', value]
              : g.valueKind === 'stringToJson'
                ? JSON.stringify(value)
                : value;
          const path: JsonPath = g.valueKind === 'listElement' ? [field, 1] : [field];
          const source: ValueSource = g.valueFromExecution
            ? { from: 'executionInput', path: [`${prefix}config`, ...path] }
            : { from: 'input', path };
          if (g.valueFromExecution) executionInput[`${prefix}config`] = { [field]: stored };
          else stateInput[field] = stored;
          removeAt(literal, member);
          dynamic.push({
            at: member,
            value:
              g.valueKind === 'stringToJson'
                ? { given: 'parse', source }
                : language === 'JSONata'
                  ? { given: 'jsonata', parts: [source] }
                  : {
                      given: 'path',
                      source,
                      ...(g.valueFromExecution ? { notation: 'bracket' as const } : {}),
                    },
          });
        }
      }
      // After the value kinds: a whole object moved to the input keeps its location as written.
      const s3Path = g.s3Format ? outputS3Path(options.api, literal) : undefined;
      if (g.s3Format && s3Path) {
        const { form, bucket, version, versionFromExecution } = g.s3Format;
        const usable = language === 'JSONPath' || !form.jsonPathOnly ? form : S3_FORMATS[0]!;
        stateInput[`${prefix}bucket`] = bucket;
        if (versionFromExecution) executionInput[`${prefix}version`] = version;
        else stateInput[`${prefix}version`] = version;
        const sources: Record<'bucket' | 'name' | 'version', ValueSource> = {
          bucket: { from: 'input', path: [`${prefix}bucket`] },
          name: { from: 'executionName' },
          version: versionFromExecution
            ? { from: 'executionInput', path: [`${prefix}version`] }
            : { from: 'input', path: [`${prefix}version`] },
        };
        const args = usable.args.map((a) => sources[a]);
        removeAt(literal, s3Path);
        dynamic.push({
          at: s3Path,
          value:
            language === 'JSONata'
              ? { given: 'jsonata', parts: jsonataParts(usable.template, args) }
              : { given: 'format', template: usable.template, args },
        });
      }
      const sync = g.pattern === 'sync';
      const resultField = facts.resultField.value;
      const plan: { -readonly [K in keyof TaskPlan]: TaskPlan[K] } = {
        kind: 'task',
        name: options.name,
        api: options.api,
        pattern: g.pattern,
        queryLanguage: language,
        request: { literal, dynamic },
        retry: g.retry ?? [],
        catch: g.catchers ?? [],
      };
      if (g.timeout !== undefined) {
        plan.timeoutSeconds = g.timeout;
        if (g.heartbeat && sync) plan.heartbeatSeconds = Math.max(1, Math.floor(g.timeout / 2));
      }
      let arnPath: JsonPath | undefined;
      if (language === 'JSONPath') {
        if (g.inputPath) plan.inputPath = g.inputPath;
        let key = resultField;
        if (g.selector) {
          plan.resultSelector = { fields: { Arn: { ref: 'result', path: [resultField] } } };
          key = 'Arn';
        }
        if (g.resultPath !== undefined) plan.resultPath = g.resultPath;
        if (g.resultPath === null) arnPath = undefined;
        else if (g.resultPath !== undefined) {
          if (g.output) {
            plan.outputPath = g.resultPath;
            arnPath = [key];
          } else arnPath = [...g.resultPath, key];
        } else arnPath = [key];
      } else if (g.output) {
        const output: Template = { fields: { arn: { ref: 'result', path: [resultField] } } };
        plan.output = output;
        arnPath = ['arn'];
      } else arnPath = [resultField];
      return {
        plan,
        stateInput: plan.inputPath ? { [String(plan.inputPath[0])]: stateInput } : stateInput,
        executionInput,
        resourceName,
        ...(arnPath === undefined ? {} : { arnPath }),
      };
    });
}

/** The member a value kind moves to the input: undefined when the request has none. */
function valueMember(api: Api, kind: ValueKind, literal: Record<string, unknown>): JsonPath | undefined {
  if (kind === 'reference') {
    const ref = REFERENCES[api]?.find((r) => r.path.length === 1);
    return ref && typeof literal[ref.path[0]!] === 'string' ? [ref.path[0]!] : undefined;
  }
  if (kind === 'listElement') return nestedS3Path(literal);
  const name = WHOLE_OBJECTS.find((k) => isPlainObject(literal[k]));
  return name ? [name] : undefined;
}

function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** Removes the member at `path`, copying the containers on the way (the literal shares them with the draw). */
function removeAt(literal: Record<string, unknown>, path: JsonPath): void {
  let parent: Record<string | number, unknown> = literal;
  for (const k of path.slice(0, -1)) {
    const child = parent[k];
    const copy = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Record<string, unknown>) };
    parent[k] = copy;
    parent = copy as Record<string | number, unknown>;
  }
  delete parent[path.at(-1)!];
}

/** The task's input sources moved under `path` (a Map item), its execution-input sources under `executionPath`. */
export function relocateSources(plan: TaskPlan, path: JsonPath, executionPath: JsonPath): TaskPlan {
  const move = (s: ValueSource): ValueSource =>
    s.from === 'input' ? at(path, s) : s.from === 'executionInput' ? at(executionPath, s) : s;
  const value = (v: PlanValue): PlanValue =>
    v.given === 'path' || v.given === 'parse'
      ? { ...v, source: move(v.source) }
      : v.given === 'format'
        ? { ...v, args: v.args.map(move) }
        : v.given === 'jsonata'
          ? { ...v, parts: v.parts.map((p) => ('from' in p ? move(p) : p)) }
          : v;
  return {
    ...plan,
    request: { ...plan.request, dynamic: plan.request.dynamic.map((d) => ({ ...d, value: value(d.value) })) },
  };
}
