/**
 * The outcome oracle on hand-written plans, each for a rule the evidence table names: what SageMaker
 * answers for a missing or existing resource, where the heartbeat rule leaves an outcome undecided,
 * a role of another account, an execution that reaches the one-year limit.
 */
import { describe, expect, it } from 'vitest';
import type { Api, Pattern } from '../../catalog/api.js';
import { EVIDENCE } from '../../catalog/evidence.js';
import type { WorldScenario } from '../../catalog/scenario.js';
import type { PolicyDocument } from '../../contracts/iamPolicy.js';
import type { ChoosePlan, MachinePlan, TaskPlan } from '../../contracts/casePlan.js';
import type { Prediction } from '../../contracts/prediction.js';
import { predictExecution } from './predictExecution.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerRole`;
const ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

const REQUESTS: Partial<Record<Api, Record<string, unknown>>> = {
  CreateTrainingJob: {
    TrainingJobName: 'train',
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/i:1`,
      TrainingInputMode: 'File',
    },
    OutputDataConfig: { S3OutputPath: 's3://b/out' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  },
  CreateModel: {
    ModelName: 'm',
    ExecutionRoleArn: ROLE,
    PrimaryContainer: { Image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/i:1` },
  },
  CreateEndpointConfig: {
    EndpointConfigName: 'c',
    ProductionVariants: [
      { VariantName: 'v', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 },
    ],
  },
  CreateEndpoint: { EndpointName: 'e', EndpointConfigName: 'c' },
  CreateTransformJob: {
    TransformJobName: 't',
    ModelName: 'm',
    TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } } },
    TransformOutput: { S3OutputPath: 's3://b/out' },
    TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
  },
};

function task(api: Api, pattern: Pattern = 'requestResponse', extra: Partial<TaskPlan> = {}): TaskPlan {
  return {
    kind: 'task',
    name: 'Task',
    api,
    pattern,
    queryLanguage: 'JSONPath',
    request: { literal: REQUESTS[api]!, dynamic: [] },
    retry: [],
    catch: [],
    ...extra,
  };
}

function predict(
  plan: MachinePlan | TaskPlan,
  scenario: WorldScenario = { referencesExist: true },
  input: Record<string, unknown> = {},
): Prediction {
  const machine: MachinePlan =
    'kind' in plan ? { shape: 'single', queryLanguage: 'JSONPath', flow: { steps: [plan] } } : plan;
  return predictExecution({
    plan: machine,
    input,
    executionName: 'x',
    region: 'us-east-1',
    account: ACCOUNT,
    scenario,
    policy: ALL,
  });
}

const ruleIds = (p: Prediction) => p.error!.provenance.rules.map((r) => r.id);

describe('what SageMaker answers', () => {
  it.each([
    ['CreateEndpointConfig', 'Could not find model', 'sagemaker.missing.model'],
    ['CreateEndpoint', 'Could not find endpoint configuration', 'sagemaker.missing.endpoint-config'],
  ] as const)('%s naming a missing resource: a ValidationException, "%s"', (api, words, id) => {
    const p = predict(task(api), { referencesExist: false });
    expect(p.error?.value).toBe('SageMaker.AmazonSageMakerException');
    expect(p.cause?.value.includes).toEqual([words, 'Error Code: ValidationException']);
    // The answer is the table's (id); which task error a ValidationException becomes is inferred.
    expect(EVIDENCE[id].claim).toContain(words);
    expect(p.error?.provenance.kind).toBe('inferred');
    expect(ruleIds(p)).toContain('sfn.sagemaker.error-names');
  });

  it('a transform of a model that does not exist: not known, so undecided (sagemaker.missing.model-on-transform)', () => {
    const p = predict(task('CreateTransformJob'), { referencesExist: false });
    expect(p.undecided?.value).toMatch(
      /model that does not exist is not known \(sagemaker\.missing\.model-on-transform\)/,
    );
    expect(p.undecided?.provenance.rules.map((r) => r.id)).toEqual(['sagemaker.missing.model-on-transform']);
    // Where the model exists the transform is predicted as usual.
    expect(predict(task('CreateTransformJob'), { referencesExist: true }).undecided).toBeUndefined();
  });

  it('a name in use: a job is ResourceInUse, a model, configuration or endpoint a ValidationException', () => {
    const job = predict(task('CreateTrainingJob'), { referencesExist: true, namesInUse: true });
    expect(job.error?.value).toBe('SageMaker.ResourceInUseException');
    for (const [api, noun] of [
      ['CreateModel', 'model'],
      ['CreateEndpointConfig', 'endpoint configuration'],
      ['CreateEndpoint', 'endpoint'],
    ] as const) {
      const p = predict(task(api), { referencesExist: true, namesInUse: true });
      expect(p.error?.value).toBe('SageMaker.AmazonSageMakerException');
      expect(p.cause?.value.includes).toContain(`Cannot create already existing ${noun}`);
    }
  });

  it('a role of another account: SageMaker refuses the call, though the policy lets it be passed', () => {
    const other = task('CreateTrainingJob', 'requestResponse', {
      request: {
        literal: { ...REQUESTS.CreateTrainingJob, RoleArn: 'arn:aws:iam::210987654321:role/R' },
        dynamic: [],
      },
    });
    const p = predict(other);
    expect(p.status?.value).toBe('FAILED');
    expect(p.error?.value).toBe('SageMaker.AmazonSageMakerException');
    expect(p.calls.value.find((c) => c.action === 'iam:PassRole')?.decision).toBe('allowed');
    expect(ruleIds(p)).toContain('sagemaker.cross-account-role');
  });
});

describe('heartbeats of .sync tasks (sfn.sync.heartbeat: not known)', () => {
  const sync = (heartbeatSeconds: number) =>
    task('CreateTrainingJob', 'sync', { heartbeatSeconds, timeoutSeconds: 100_000 });
  const job = (durationSeconds: number, polls: number): WorldScenario => ({
    referencesExist: true,
    job: { outcome: 'Completed', polls, durationSeconds },
  });

  it('a job polled within HeartbeatSeconds that runs past them: undecided, nothing predicted as a fact', () => {
    // Polled every 100 s, ends at 1000 s; the heartbeat is 300 s.
    const p = predict(sync(300), job(1000, 9));
    expect(p.undecided?.value).toMatch(/HeartbeatSeconds \(300 s\).*sfn\.sync\.heartbeat/);
    expect(p.undecided?.provenance.rules.map((r) => r.id)).toEqual(['sfn.sync.heartbeat']);
  });

  it('a job that ends within HeartbeatSeconds, or is first polled after them: decided', () => {
    expect(predict(sync(1200), job(1000, 9)).undecided).toBeUndefined();
    // One poll at 1000 s, after the 300 s heartbeat: timed out at 300 s either way.
    const late = predict(sync(300), job(1000, 0));
    expect(late.undecided).toBeUndefined();
    expect(late.error?.value).toBe('States.Timeout');
    expect(late.durationSeconds?.value).toBe(300);
  });
});

describe('the one-year limit', () => {
  it('an execution without TimeoutSeconds that reaches a year times out at a year (not NaN)', () => {
    const retrying = task('CreateTrainingJob', 'requestResponse', {
      retry: [{ errorEquals: ['States.ALL'], intervalSeconds: 86_400, maxAttempts: 1000, backoffRate: 1 }],
    });
    const p = predict(retrying, {
      referencesExist: true,
      createError: { error: 'ThrottlingException', times: 10_000 },
    });
    expect(p.status?.value).toBe('TIMED_OUT');
    expect(p.durationSeconds?.value).toBe(365 * 24 * 3600);
  });
});

// https://states-language.net/spec.html (Choice State, Choice Rules: the comparison operators);
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html (Choice Rules, JSONata and JSONPath).
describe('a Choice on a metric against a threshold (asl.choice-numeric: the ASL specification, Choice Rules)', () => {
  const gated = (
    operator: NonNullable<ChoosePlan['comparison']>['operator'],
    queryLanguage: 'JSONPath' | 'JSONata',
  ): MachinePlan => ({
    shape: 'deploy-chain',
    queryLanguage: 'JSONPath',
    flow: {
      steps: [
        {
          kind: 'choose',
          name: 'Gate',
          queryLanguage,
          flag: ['evaluation', 'accuracy'],
          comparison: { operator, threshold: 0.9 },
          whenTrue: { steps: [task('CreateModel')] },
          otherwise: { steps: [{ kind: 'succeed', name: 'Skip' }] },
        },
      ],
    },
  });
  const deploys = (operator: Parameters<typeof gated>[0], value: number, language: 'JSONPath' | 'JSONata') =>
    predict(
      gated(operator, language),
      { referencesExist: true },
      { evaluation: { accuracy: value } },
    ).calls.value.some((call) => call.action === 'sagemaker:CreateModel');

  it.each(['JSONPath', 'JSONata'] as const)(
    '%s: on the threshold, the Equals forms hold and the strict ones do not',
    (language) => {
      expect(deploys('NumericGreaterThanEquals', 0.9, language)).toBe(true);
      expect(deploys('NumericLessThanEquals', 0.9, language)).toBe(true);
      expect(deploys('NumericEquals', 0.9, language)).toBe(true);
      expect(deploys('NumericGreaterThan', 0.9, language)).toBe(false);
      expect(deploys('NumericLessThan', 0.9, language)).toBe(false);
    },
  );

  it('off the threshold, each compares as its name says', () => {
    expect(deploys('NumericGreaterThanEquals', 0.89, 'JSONPath')).toBe(false);
    expect(deploys('NumericGreaterThan', 0.91, 'JSONPath')).toBe(true);
    expect(deploys('NumericLessThan', 0.89, 'JSONata')).toBe(true);
    expect(deploys('NumericEquals', 0.91, 'JSONata')).toBe(false);
  });

  it('the state entered after the gate is entered as the rule decided', () => {
    const p = predict(
      gated('NumericGreaterThanEquals', 'JSONPath'),
      { referencesExist: true },
      { evaluation: { accuracy: 0.9 } },
    );
    const entered = p.trace.timeline!.events.find((event) => event.type === 'TaskStateEntered');
    expect(entered?.rule).toBe('asl.choice-numeric');
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html lists
// State.RetryCount; testdata/aws-recorded-tasks/086-088 show it 0, 1, 2 on the attempts of one retrier.
describe("a name numbered by the attempt's State.RetryCount (sfn.context.retry-count, observed)", () => {
  const numbered = (retry: TaskPlan['retry']): TaskPlan => {
    const { TrainingJobName: _named, ...literal } = REQUESTS.CreateTrainingJob!;
    return task('CreateTrainingJob', 'requestResponse', {
      request: {
        literal,
        dynamic: [
          {
            at: ['TrainingJobName'],
            value: {
              given: 'format',
              template: '{}-{}',
              args: [{ from: 'executionName' }, { from: 'context', field: 'State.RetryCount' }],
            },
          },
        ],
      },
      retry,
    });
  };
  const created = (p: Prediction) =>
    p.calls.value
      .filter((call) => call.action === 'sagemaker:CreateTrainingJob')
      .map((call) => call.resource);

  it('each attempt names its job with the retries made so far: 0, 1, 2', () => {
    const p = predict(numbered([{ errorEquals: ['States.ALL'], maxAttempts: 3 }]), {
      referencesExist: true,
      createError: { error: 'ThrottlingException', times: 2 },
    });
    expect(created(p).map((arn) => arn.split('/').at(-1))).toEqual(['x-0', 'x-1', 'x-2']);
    expect(p.status?.value).toBe('SUCCEEDED');
    // The retried attempts' calls are made by the integration, on resources the retry count names:
    // a call on another resource there is that rule's.
    const calls = p.trace.timeline!.calls;
    const creates = p.calls.value.flatMap((call, i) =>
      call.action === 'sagemaker:CreateTrainingJob' ? [i] : [],
    );
    expect(creates.map((i) => calls[i]!.made)).toEqual([
      'sfn.sagemaker.apis',
      'sfn.sagemaker.apis',
      'sfn.sagemaker.apis',
    ]);
    expect(creates.map((i) => calls[i]!.named)).toEqual([
      'sfn.context.retry-count',
      'sfn.context.retry-count',
      'sfn.context.retry-count',
    ]);
    // The role passed is not named by the count.
    const passRoles = p.calls.value.flatMap((call, i) => (call.action === 'iam:PassRole' ? [i] : []));
    expect(passRoles.length).toBeGreaterThan(0);
    expect(passRoles.map((i) => calls[i]!.named)).toEqual(passRoles.map(() => undefined));
    expect(p.undecided).toBeUndefined();
  });

  it('a job retried after it was created takes a new name, so it is not refused as a duplicate', () => {
    const p = predict(
      { ...numbered([{ errorEquals: ['States.ALL'], maxAttempts: 1 }]), pattern: 'sync' },
      {
        referencesExist: true,
        namesInUse: false,
        job: { outcome: 'Failed', polls: 1, durationSeconds: 60 },
      },
    );
    expect(created(p).map((arn) => arn.split('/').at(-1))).toEqual(['x-0', 'x-1']);
    // The second job runs and fails as the first did: no ResourceInUse for a name taken.
    expect(p.taskFailures?.value.map((f) => f.error)).toEqual(['States.TaskFailed', 'States.TaskFailed']);
  });

  it('retries by two retriers: what the count is then is not known, so undecided', () => {
    const twice = numbered([
      { errorEquals: ['SageMaker.AmazonSageMakerException'], maxAttempts: 1 },
      { errorEquals: ['States.ALL'], maxAttempts: 2 },
    ]);
    // Throttled once (the first retrier), then the job fails (the second).
    const p = predict(
      { ...twice, pattern: 'sync' },
      {
        referencesExist: true,
        createError: { error: 'ThrottlingException', times: 1 },
        job: { outcome: 'Failed', polls: 1, durationSeconds: 60 },
      },
    );
    expect(p.undecided?.provenance.rules.map((r) => r.id)).toEqual(['sfn.context.retry-count-retriers']);
    // One retrier alone: decided.
    const once = predict(
      { ...numbered([{ errorEquals: ['States.ALL'], maxAttempts: 2 }]), pattern: 'sync' },
      {
        referencesExist: true,
        createError: { error: 'ThrottlingException', times: 1 },
        job: { outcome: 'Failed', polls: 1, durationSeconds: 60 },
      },
    );
    expect(once.undecided).toBeUndefined();
    expect(created(once).map((arn) => arn.split('/').at(-1))).toEqual(['x-0', 'x-1', 'x-2']);
  });
});

describe("a Map over jobs and the account's job quota (sagemaker.quota.concurrent-jobs)", () => {
  // Each item names its training job: `$.value.name`.
  const named = (pattern: Pattern): TaskPlan => {
    const { TrainingJobName: _named, ...literal } = REQUESTS.CreateTrainingJob!;
    return task('CreateTrainingJob', pattern, {
      request: {
        literal,
        dynamic: [
          {
            at: ['TrainingJobName'],
            value: { given: 'path', source: { from: 'input', path: ['value', 'name'] } },
          },
        ],
      },
    });
  };
  const overJobs = (pattern: Pattern, maxConcurrency?: number): MachinePlan => ({
    shape: 'map',
    queryLanguage: 'JSONPath',
    flow: {
      steps: [
        {
          kind: 'map',
          name: 'Run',
          queryLanguage: 'JSONPath',
          itemsPath: ['items'],
          itemAs: 'value',
          ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
          iteration: { steps: [named(pattern)] },
        },
      ],
    },
  });
  const run = (plan: MachinePlan, jobQuota?: number) =>
    predictExecution({
      plan,
      input: { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      executionName: 'x',
      region: 'us-east-1',
      account: ACCOUNT,
      scenario: {
        referencesExist: true,
        job: { polls: 1, outcome: 'Completed', durationSeconds: 120 },
        ...(jobQuota === undefined ? {} : { jobQuota }),
      },
      policy: ALL,
    });

  it('one at a time, .sync: each job has ended before the next Create, so a quota of one is never met', () => {
    const p = run(overJobs('sync'), 1);
    expect(p.undecided).toBeUndefined();
    expect(p.status?.value).toBe('SUCCEEDED');
    expect(p.attempts?.value).toBe(3);
  });

  it('one at a time, request-response: the jobs run on, and the Create past the quota is refused', () => {
    const p = run(overJobs('requestResponse'), 2);
    expect(p.status?.value).toBe('FAILED');
    expect(p.error?.value).toBe('SageMaker.ResourceLimitExceededException');
    expect(p.cause?.value.includes).toEqual(['Error Code: ResourceLimitExceeded']);
    expect(p.error?.provenance.rules.map((r) => r.id)).toContain('sagemaker.quota.concurrent-jobs');
    expect(run(overJobs('requestResponse'), 3).status?.value).toBe('SUCCEEDED');
    expect(run(overJobs('requestResponse')).status?.value).toBe('SUCCEEDED');
  });

  it('retried past the quota with FULL jitter: whether a job has ended by then is not known: undecided', () => {
    const retried = (jitterStrategy?: 'FULL'): MachinePlan => {
      const plan = overJobs('requestResponse', 1);
      const map = plan.flow.steps[0] as Extract<MachinePlan['flow']['steps'][number], { kind: 'map' }>;
      const job = map.iteration.steps[0] as TaskPlan;
      const retry = [
        {
          errorEquals: ['SageMaker.ResourceLimitExceededException'],
          intervalSeconds: 60,
          maxAttempts: 3,
          backoffRate: 1,
          ...(jitterStrategy ? { jitterStrategy } : {}),
        },
      ];
      return {
        ...plan,
        flow: { steps: [{ ...map, iteration: { steps: [{ ...job, retry }] } }] },
      } as MachinePlan;
    };
    // Waited in full, the retries outlast the first job: the third Create is taken.
    const whole = run(retried(), 2);
    expect(whole.undecided).toBeUndefined();
    expect(whole.status?.value).toBe('SUCCEEDED');
    // Jittered, they may wait less, down to nothing: the job may still run.
    const jittered = run(retried('FULL'), 2);
    expect(jittered.undecided?.provenance.rules.map((r) => r.id)).toEqual([
      'sagemaker.quota.concurrent-jobs',
    ]);
    expect(jittered.undecided?.value).toMatch(/FULL-jittered retries/);
  });

  it('several at once: which Create the quota refuses, and the order of events, are not known: undecided', () => {
    for (const c of [2, 0]) {
      const p = run(overJobs('sync', c), 1);
      expect(p.undecided?.provenance.rules.map((r) => r.id)).toEqual(['sfn.map.concurrent-iterations']);
    }
    expect(run(overJobs('sync', 1), 1).undecided).toBeUndefined();
  });
});
