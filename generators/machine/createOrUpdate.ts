/**
 * Create or update an endpoint, as deployment pipelines do: a Choice on whether it exists goes to
 * UpdateEndpoint, else CreateEndpoint, whose catcher goes to the same UpdateEndpoint (the endpoint
 * was there after all). Now and then an endpoint configuration is created first, and both name it.
 */
import fc from 'fast-check';
import type { QueryLanguage } from '../../catalog/api.js';
import type { JsonPath, RequestPlan, StepPlan, TaskPlan } from '../../contracts/casePlan.js';
import { type DrawnTask, taskPlanArb } from '../taskPlan.js';
import { sometimes } from '../values.js';
import {
  anyJitter,
  assembleMachine,
  CATCH_TARGETS,
  type DrawnMachine,
  inputOf,
  keepsResult,
  languageArb,
  machineTimeoutArb,
  type MachineOptions,
} from './drawnMachine.js';
import { ROLE_API, type NameStyle } from './stateNames.js';

/** The request members the create and the update both name: the same endpoint and configuration. */
const SHARED_MEMBERS = ['EndpointName', 'EndpointConfigName'];

/** What a create-or-update machine is drawn from. */
interface CreateOrUpdateDraw {
  readonly config: DrawnTask | undefined;
  readonly create: DrawnTask;
  readonly update: DrawnTask;
  /** The execution input's `endpointExists`. */
  readonly exists: boolean;
  /** What CreateEndpoint's catcher catches. */
  readonly errorEquals: string[];
  /** Where the error goes in the input of UpdateEndpoint. */
  readonly resultPath: JsonPath | undefined;
  readonly timeout: number | undefined;
}

/** A create-or-update machine (see the module's comment). */
export function createOrUpdateArb(options: MachineOptions, style: NameStyle): fc.Arbitrary<DrawnMachine> {
  return languageArb(options)
    .chain((queryLanguage) => createOrUpdateDrawArb(options, style, queryLanguage))
    .map((draw) => createOrUpdateMachine(draw, style));
}

/** The tasks (a configuration now and then, the create, the update) and how the catcher and input join them. */
function createOrUpdateDrawArb(
  options: MachineOptions,
  style: NameStyle,
  queryLanguage: QueryLanguage,
): fc.Arbitrary<CreateOrUpdateDraw> {
  const task = (role: 'config' | 'endpoint' | 'update', step: number) =>
    taskPlanArb({
      api: ROLE_API[role],
      name: style[role],
      executionName: options.executionName,
      inputPrefix: `step${step}`,
      resultWrappers: false,
      references: false,
      ...(role === 'update' ? { catchTargets: CATCH_TARGETS } : {}),
      ...(role === 'endpoint' && options.pattern ? { pattern: options.pattern } : {}),
      queryLanguage,
    });
  return fc.record({
    // A requested API is the first task's: no configuration before it then.
    config: options.api ? fc.constant(undefined) : sometimes(task('config', 1), 0.5),
    create: task('endpoint', 2),
    update: task('update', 3),
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
  });
}

/** The machine: the configuration (if any), then the Choice between the update and the create that falls back to it. */
function createOrUpdateMachine(draw: CreateOrUpdateDraw, style: NameStyle): DrawnMachine {
  const { config, create, update, exists, errorEquals, resultPath, timeout } = draw;
  const createRequest = config
    ? namingConfiguration(create.plan.request, config.resourceName)
    : create.plan.request;
  const updateTask: TaskPlan = {
    ...update.plan,
    request: namingAsCreate(update.plan.request, createRequest),
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
  return assembleMachine(
    'create-or-update',
    steps,
    { ...inputOf(...drawn), endpointExists: exists },
    anyJitter(drawn.map((task) => task.plan)) ? undefined : timeout,
  );
}

/** The create request naming the configuration created first (a literal name, no longer a dynamic one). */
function namingConfiguration(request: RequestPlan, configName: string): RequestPlan {
  return {
    literal: { ...request.literal, EndpointConfigName: configName },
    dynamic: request.dynamic.filter((member) => member.at[0] !== 'EndpointConfigName'),
  };
}

/** The update request naming the endpoint and configuration as the create request does. */
function namingAsCreate(update: RequestPlan, create: RequestPlan): RequestPlan {
  const literal: Record<string, unknown> = { ...update.literal };
  for (const member of SHARED_MEMBERS) {
    delete literal[member];
    if (member in create.literal) literal[member] = create.literal[member];
  }
  return {
    literal,
    dynamic: [
      ...update.dynamic.filter((member) => !SHARED_MEMBERS.includes(String(member.at[0]))),
      ...create.dynamic.filter((member) => SHARED_MEMBERS.includes(String(member.at[0]))),
    ],
  };
}
