/**
 * What makes a generated case look like the pipelines people run: data flowing between states,
 * values given at run time, the states around the tasks, names and structure, the request content
 * people write, and the invalid forms people hit. `sample --stats` counts each; a test holds every
 * one to a share of the cases (generators/pipelineFeatures.test.ts).
 */
import { partitionOf } from '../catalog/regions.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import {
  planTasks,
  type ChoosePlan,
  type FlowPlan,
  type PlanValue,
  type StepPlan,
  type TaskPlan,
  type ValueSource,
} from '../contracts/casePlan.js';
import type { Case } from '../contracts/case.js';
import { RUN_TIME_NAME_FORM } from './invalidCase.js';
import { NEAR_MISS_ERROR_NAMES, OUTPUT_S3_PATHS, WHOLE_OBJECTS } from './taskPlan.js';
import { REGION } from './values.js';

/** A feature of the pipelines people write, and how to tell a case has it (for `sample --stats`). */
export interface PipelineFeature {
  readonly section: string;
  readonly label: string;
  readonly has: (c: Case) => boolean;
}

const sourcesOf = (v: PlanValue): readonly ValueSource[] =>
  v.given === 'path' || v.given === 'parse'
    ? [v.source]
    : v.given === 'format'
      ? v.args
      : v.given === 'jsonata'
        ? v.parts.filter((p): p is ValueSource => 'from' in p)
        : [];

function steps(flow: FlowPlan): StepPlan[] {
  return flow.steps.flatMap((s) =>
    s.kind === 'map'
      ? [s, ...steps(s.iteration)]
      : s.kind === 'parallel'
        ? [s, ...s.branches.flatMap(steps)]
        : s.kind === 'choose'
          ? [s, ...steps(s.otherwise), ...steps(s.whenTrue)]
          : [s],
  );
}

const tasks = (c: Case) => planTasks(c.plan.flow);
/** The Choices on a metric against a threshold. */
const gates = (c: Case) =>
  steps(c.plan.flow).filter(
    (s): s is ChoosePlan & { comparison: NonNullable<ChoosePlan['comparison']> } =>
      s.kind === 'choose' && s.comparison !== undefined,
  );
/** The metric a gate reads, in the execution input (gates come before anything changes it). */
const metricOf = (c: Case, gate: ChoosePlan): unknown =>
  gate.flag.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    c.input,
  );
/** A Map whose items are several jobs (each item names its own). */
const mapsOverJobs = (c: Case) =>
  c.plan.flow.steps.some((s) => s.kind === 'map' && s.itemsPath !== undefined) &&
  Array.isArray(c.input.items) &&
  c.input.items.length > 1;
/** A request member that is the task's output S3 location, built from several values at run time. */
const builtOutputLocation = (d: TaskPlan['request']['dynamic'][number], t: TaskPlan) =>
  (OUTPUT_S3_PATHS[t.api] ?? []).some((p) => JSON.stringify(p) === JSON.stringify(d.at)) &&
  (d.value.given === 'format' || (d.value.given === 'jsonata' && d.value.parts.length > 1));
const anyTask = (f: (t: TaskPlan) => boolean) => (c: Case) => tasks(c).some(f);
const anyDynamic = (f: (d: TaskPlan['request']['dynamic'][number], t: TaskPlan) => boolean) =>
  anyTask((t) => t.request.dynamic.some((d) => f(d, t)));
const anySource = (f: (s: ValueSource) => boolean) => anyDynamic((d) => sourcesOf(d.value).some(f));
/** A task of the API whose request reads an earlier state's result. */
const readsResult = (api: string) =>
  anyTask(
    (t) =>
      t.api === api &&
      t.request.dynamic.some((d) =>
        sourcesOf(d.value).some(
          (s) => (s.from === 'input' || s.from === 'variable') && s.result !== undefined,
        ),
      ),
  );
const CHAINS: readonly Case['shape'][] = [
  'deploy-chain',
  'transform-chain',
  'tuning-chain',
  'processing-chain',
];
const chained = (api: string) => (c: Case) => CHAINS.includes(c.shape) && tasks(c).some((t) => t.api === api);
/** A task of the API reading the result of an earlier task of the other. */
const readsResultOf = (api: string, from: string) => (c: Case) => {
  const all = tasks(c);
  const fromNames = new Set(all.filter((t) => t.api === from).map((t) => t.name));
  return all.some(
    (t) =>
      t.api === api &&
      t.request.dynamic.some((d) =>
        sourcesOf(d.value).some(
          (s) =>
            (s.from === 'input' || s.from === 'variable') &&
            s.result !== undefined &&
            fromNames.has(s.result),
        ),
      ),
  );
};

/** Whether a literal request has a member `key` somewhere (satisfying `f`, if given). */
function hasKey(value: unknown, key: string, f: (v: unknown) => boolean = () => true): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key, f));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => (k === key && f(v)) || hasKey(v, key, f));
}
function someLeaf(value: unknown, f: (v: unknown) => boolean): boolean {
  if (Array.isArray(value)) return value.length === 0 ? f(value) : value.some((v) => someLeaf(v, f));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => someLeaf(v, f));
  return f(value);
}
const request = (key: string, f?: (v: unknown) => boolean) =>
  anyTask((t) => hasKey(t.request.literal, key, f));
const isEmptyObject = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
const variants = (f: (vs: Record<string, unknown>[]) => boolean) =>
  request('ProductionVariants', (v) => Array.isArray(v) && f(v as Record<string, unknown>[]));

const requestBreak = (form: string) => (c: Case) =>
  !c.validity.valid && c.validity.breaks.kind === 'request' && c.validity.breaks.form === form;
const aslBreak = (rule: string) => (c: Case) =>
  !c.validity.valid && c.validity.breaks.kind === 'asl' && c.validity.breaks.rule === rule;

const F = (section: string, label: string, has: (c: Case) => boolean): PipelineFeature => ({
  section,
  label,
  has,
});

const FLOW = 'data flow';
const VALUES = 'values given at run time';
const AROUND = 'the states around the tasks';
const STRUCTURE = 'names and structure';
const CONTENT = 'request content';
const PLACES = 'partitions and regions';
const INVALID = 'invalid forms (validation suite)';

/** The features `sample --stats` counts, by section, in the order it lists them. */
export const PIPELINE_FEATURES: readonly PipelineFeature[] = [
  F(
    FLOW,
    'a request reads an earlier result',
    anySource((s) => (s.from === 'input' || s.from === 'variable') && s.result !== undefined),
  ),
  F(
    FLOW,
    '  through ResultPath (JSONPath)',
    anySource((s) => s.from === 'input' && s.result !== undefined),
  ),
  F(FLOW, '  through a ResultSelector', (c) => {
    const selecting = new Set(
      tasks(c)
        .filter((t) => t.resultSelector)
        .map((t) => t.name),
    );
    return anySource((s) => s.from === 'input' && s.result !== undefined && selecting.has(s.result))(c);
  }),
  F(
    FLOW,
    '  through a variable (JSONata)',
    anySource((s) => s.from === 'variable' && s.result !== undefined),
  ),
  F(FLOW, 'a read of a field the earlier result lacks (request-response)', (c) => {
    const lacking = new Set(
      tasks(c)
        .filter((t) => t.pattern !== 'sync')
        .map((t) => t.name),
    );
    return anySource((s) => (s.from === 'input' || s.from === 'variable') && lacking.has(s.result ?? ''))(c);
  }),
  F(FLOW, "OutputPath: the execution's output is the last result", (c) => {
    const all = tasks(c);
    return all.length > 1 && all.at(-1)!.outputPath !== undefined;
  }),
  F(
    FLOW,
    'bracket notation',
    anyDynamic((d) => d.value.given === 'path' && d.value.notation === 'bracket'),
  ),
  F(
    FLOW,
    '$$.Execution.Input',
    anySource((s) => s.from === 'executionInput'),
  ),
  F(FLOW, 'model from the training job', readsResult('CreateModel')),
  F(FLOW, 'transform job after the model', chained('CreateTransformJob')),
  F(FLOW, 'endpoint config after the model', chained('CreateEndpointConfig')),
  F(FLOW, 'endpoint from the config', chained('CreateEndpoint')),
  F(FLOW, 'the same API twice', (c) => new Set(tasks(c).map((t) => t.api)).size < tasks(c).length),
  F(FLOW, 'tuning → model', readsResultOf('CreateModel', 'CreateHyperParameterTuningJob')),
  F(
    FLOW,
    '  → transform',
    (c) => c.shape === 'tuning-chain' && tasks(c).some((t) => t.api === 'CreateTransformJob'),
  ),
  F(FLOW, 'processing → training', readsResultOf('CreateTrainingJob', 'CreateProcessingJob')),
  F(FLOW, 'training → evaluation (processing)', readsResultOf('CreateProcessingJob', 'CreateTrainingJob')),
  F(
    VALUES,
    'a role',
    anyDynamic((d, t) =>
      SAGEMAKER_APIS[t.api].roleFields.value.some((f) => f.path.length === 1 && f.path[0] === d.at[0]),
    ),
  ),
  F(
    VALUES,
    'a nested member (X.Y.$)',
    anyDynamic((d) => d.at.length >= 2),
  ),
  F(
    VALUES,
    'a whole object',
    anyDynamic(
      (d) => d.at.length === 1 && WHOLE_OBJECTS.includes(String(d.at[0])) && d.value.given !== 'parse',
    ),
  ),
  F(
    VALUES,
    'a list element',
    anySource((s) => 'path' in s && s.path.some((p) => typeof p === 'number')),
  ),
  F(
    VALUES,
    'States.Format',
    anyDynamic((d) => d.value.given === 'format'),
  ),
  F(
    VALUES,
    'an output S3 location built at run time (States.Format, JSONata &)',
    anyDynamic((d, t) => builtOutputLocation(d, t)),
  ),
  F(
    VALUES,
    '  States.Format with a number',
    anyDynamic(
      (d, t) =>
        builtOutputLocation(d, t) &&
        d.value.given === 'format' &&
        d.value.args.some((s) => 'path' in s && /version$/i.test(String(s.path.at(-1)))),
    ),
  ),
  F(
    VALUES,
    "  a number of an earlier result (the Lambda step's) in it",
    anyDynamic(
      (d, t) =>
        builtOutputLocation(d, t) &&
        sourcesOf(d.value).some((s) => 'path' in s && s.path.join('.').endsWith('Payload.version')),
    ),
  ),
  F(
    VALUES,
    '  States.Format with an escaped brace or a quote',
    anyDynamic((d) => d.value.given === 'format' && /\\[{}]|'/.test(d.value.template)),
  ),
  F(
    VALUES,
    'a name with a version number (States.Format, JSONata &)',
    anyDynamic(
      (d, t) =>
        d.at[0] === SAGEMAKER_APIS[t.api].nameField.value &&
        ((d.value.given === 'format' && d.value.template === '{}-v{}') ||
          (d.value.given === 'jsonata' && d.value.parts.some((p) => 'text' in p && p.text === '-v'))),
    ),
  ),
  F(
    VALUES,
    'States.StringToJson / $parse',
    anyDynamic((d) => d.value.given === 'parse'),
  ),
  F(
    VALUES,
    "a name numbered by the attempt's retry count ($$.State.RetryCount)",
    anyDynamic((d, t) => t.retry.length > 0 && sourcesOf(d.value).some((s) => s.from === 'context')),
  ),
  F(
    VALUES,
    'a JSONata expression',
    anyDynamic((d) => d.value.given === 'jsonata'),
  ),
  F(
    VALUES,
    'a referenced resource (ModelName, EndpointConfigName)',
    anyDynamic(
      (d) => d.at[0] === 'ModelName' || d.at[0] === 'EndpointConfigName' || d.at.at(-1) === 'ModelName',
    ),
  ),
  F(AROUND, 'a Pass standing in for a Lambda step', (c) => steps(c.plan.flow).some((s) => s.kind === 'pass')),
  F(AROUND, 'a Choice on an earlier result', (c) => steps(c.plan.flow).some((s) => s.kind === 'check')),
  F(
    AROUND,
    'a Catch to a recovering Pass',
    anyTask((t) => t.catch.some((x) => x.target.kind === 'recover')),
  ),
  F(AROUND, 'create-or-update endpoint (a Choice on a flag)', (c) =>
    steps(c.plan.flow).some((s) => s.kind === 'choose' && !s.comparison),
  ),
  F(AROUND, 'a Choice on a metric against a threshold', (c) => gates(c).length > 0),
  F(AROUND, '  the metric on the threshold', (c) =>
    gates(c).some((s) => metricOf(c, s) === s.comparison.threshold),
  ),
  F(AROUND, '  in JSONata (a Condition)', (c) => gates(c).some((s) => s.queryLanguage === 'JSONata')),
  F(
    AROUND,
    'a Catch to another SageMaker task',
    anyTask((t) => t.catch.some((x) => x.target.kind === 'task')),
  ),
  F(AROUND, 'a Map or Parallel around the task', (c) => c.shape === 'map' || c.shape === 'parallel'),
  F(AROUND, 'a Map over several jobs (MaxConcurrency)', (c) => mapsOverJobs(c)),
  F(
    AROUND,
    '  with a quota of jobs at once in the account',
    (c) => mapsOverJobs(c) && c.scenario.jobQuota !== undefined,
  ),
  F(
    STRUCTURE,
    'a state name with spaces, punctuation or other scripts',
    anyTask((t) => !/^[A-Za-z0-9_]+$/.test(t.name)),
  ),
  F(STRUCTURE, 'a Comment', (c) => c.plan.comment !== undefined),
  F(
    STRUCTURE,
    'InputPath',
    anyTask((t) => t.inputPath !== undefined),
  ),
  F(STRUCTURE, "the state machine's TimeoutSeconds", (c) => c.plan.timeoutSeconds !== undefined),
  F(
    STRUCTURE,
    'Retry with MaxAttempts 100 or more',
    anyTask((t) => t.retry.some((r) => (r.maxAttempts ?? 0) >= 100)),
  ),
  F(
    STRUCTURE,
    'several catchers, different targets or ResultPaths',
    anyTask(
      (t) =>
        t.catch.length >= 2 &&
        new Set(t.catch.map((x) => `${x.target.state} ${JSON.stringify(x.resultPath)}`)).size >= 2,
    ),
  ),
  F(
    STRUCTURE,
    'an ErrorEquals name close to a raised one',
    anyTask((t) =>
      [...t.retry, ...t.catch].some((r) =>
        r.errorEquals.some((e) => (NEAR_MISS_ERROR_NAMES as readonly string[]).includes(e)),
      ),
    ),
  ),
  F(CONTENT, 'VpcConfig', request('VpcConfig')),
  F(CONTENT, 'a KMS key', request('KmsKeyId')),
  F(CONTENT, 'EnableNetworkIsolation', request('EnableNetworkIsolation')),
  F(CONTENT, 'Environment', request('Environment')),
  F(CONTENT, '  Environment {}', request('Environment', isEmptyObject)),
  F(CONTENT, 'AlgorithmName', request('AlgorithmName')),
  F(CONTENT, 'MetricDefinitions', request('MetricDefinitions')),
  F(CONTENT, 'DebugHookConfig', request('DebugHookConfig')),
  F(CONTENT, 'RetryStrategy', request('RetryStrategy')),
  F(CONTENT, 'CheckpointConfig', request('CheckpointConfig')),
  F(CONTENT, 'an inference pipeline (Containers)', request('Containers')),
  F(CONTENT, '  InferenceExecutionConfig', request('InferenceExecutionConfig')),
  F(
    CONTENT,
    'two production variants with weights',
    variants((vs) => vs.length === 2 && vs.every((v) => 'InitialVariantWeight' in v)),
  ),
  F(
    CONTENT,
    'production variants without weights',
    variants((vs) => vs.every((v) => !('InitialVariantWeight' in v))),
  ),
  F(CONTENT, 'ModelClientConfig', request('ModelClientConfig')),
  F(CONTENT, 'DataCaptureConfig', request('DataCaptureConfig')),
  F(
    CONTENT,
    'an https:// S3 URL',
    anyTask((t) => someLeaf(t.request.literal, (v) => typeof v === 'string' && v.startsWith('https://s3.'))),
  ),
  F(
    CONTENT,
    'an explicit false',
    anyTask((t) => someLeaf(t.request.literal, (v) => v === false)),
  ),
  F(
    CONTENT,
    'an empty list',
    anyTask((t) => someLeaf(t.request.literal, (v) => Array.isArray(v) && v.length === 0)),
  ),
  F(PLACES, 'aws-cn (China)', (c) => partitionOf(c.region) === 'aws-cn'),
  F(PLACES, 'aws-us-gov (GovCloud)', (c) => partitionOf(c.region) === 'aws-us-gov'),
  F(
    PLACES,
    `an aws region other than ${REGION}`,
    (c) => partitionOf(c.region) === 'aws' && c.region !== REGION,
  ),
  F(
    PLACES,
    "an image from the region's own ECR registry",
    (c) => c.region !== REGION && JSON.stringify(c.definition).includes(`.dkr.ecr.${c.region}.`),
  ),
  F(INVALID, 'null for a required value', requestBreak('null for a required value')),
  F(INVALID, 'a role that is not an ARN', requestBreak('a role that is not an ARN')),
  F(INVALID, 'an S3 location that is not a URI', requestBreak('an S3 location that is not a URI')),
  F(INVALID, 'Tags where the API takes none', requestBreak('Tags where the API takes none')),
  F(INVALID, 'Gzip input outside Pipe mode', requestBreak('Gzip input outside Pipe mode')),
  F(INVALID, RUN_TIME_NAME_FORM, requestBreak(RUN_TIME_NAME_FORM)),
  F(INVALID, 'Arguments in a JSONPath state', aslBreak('jsonata-field')),
  F(INVALID, 'a Condition in a JSONPath state', aslBreak('jsonata-condition')),
  F(INVALID, 'a .$ key in JSONata Arguments', aslBreak('jsonpath-key')),
];

/** The features' counts over the cases, by section (invalid forms over the invalid cases). */
export function featureCounts(
  cases: readonly Case[],
): { section: string; rows: [string, number, number][] }[] {
  const sections = [...new Set(PIPELINE_FEATURES.map((f) => f.section))];
  return sections.map((section) => {
    const base = section === INVALID ? cases.filter((c) => !c.validity.valid) : cases;
    return {
      section,
      rows: PIPELINE_FEATURES.filter((f) => f.section === section).map((f): [string, number, number] => [
        f.label,
        base.filter(f.has).length,
        base.length,
      ]),
    };
  });
}
