/**
 * The pieces every drawn machine shape is made of: the options it is drawn for, the catcher
 * targets and state-machine timeout it may get, the execution input its tasks read, and the plan
 * assembled from its steps.
 */
import fc from 'fast-check';
import type { Api, Pattern, QueryLanguage } from '../../catalog/api.js';
import type { CatchTarget, MachinePlan, MachineShape, StepPlan, TaskPlan } from '../../contracts/casePlan.js';
import type { DrawnTask } from '../taskPlan.js';
import { sometimes } from '../values.js';
import { variableName } from './stateNames.js';

/** A drawn machine plan and the execution input its dynamic members read. */
export interface DrawnMachine {
  readonly plan: MachinePlan;
  readonly input: Record<string, unknown>;
}

/** What a machine is drawn for: a requested API, pattern, query language or shape, and the execution's name. */
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

/** Where a task's catcher may go: the guide's Fail state, or a Pass that recovers. */
export const CATCH_TARGETS: readonly CatchTarget[] = [TASK_FAILED, RECOVERED];

/** The machine's Comment: now and then one. */
export const commentArb = sometimes(
  fc.constantFrom('Train and deploy the churn model', 'Nightly batch scoring', 'Pipeline généré'),
  0.2,
);

/** The state machine's TimeoutSeconds: now and then, often short enough to cut a job or a retry. */
export const machineTimeoutArb = sometimes(
  fc.oneof(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 900, max: 36_000 })),
  0.2,
);

/** The query language of a machine's tasks: the requested one, else JSONPath two times in three. */
export const languageArb = (options: MachineOptions) =>
  options.queryLanguage
    ? fc.constant(options.queryLanguage)
    : fc.constantFrom<QueryLanguage>('JSONPath', 'JSONPath', 'JSONata');

/** The execution input the tasks read, merged. */
export const inputOf = (...tasks: DrawnTask[]): Record<string, unknown> =>
  Object.assign({}, ...tasks.flatMap((task) => [task.executionInput, task.stateInput])) as Record<
    string,
    unknown
  >;

/** Whether any task has a jittered retry (which makes the time of every later event uncertain). */
export const anyJitter = (tasks: readonly TaskPlan[]): boolean =>
  tasks.some((task) => task.retry.some((retrier) => retrier.jitterStrategy === 'FULL'));

/** A JSONPath machine plan of these steps, with its input and (where given) its TimeoutSeconds. */
export function assembleMachine(
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

/** Each task keeps its result under its own key (JSONPath ResultPath) or variable (JSONata Assign). */
export function keepsResult(task: TaskPlan): TaskPlan {
  return task.queryLanguage === 'JSONPath'
    ? { ...task, resultPath: [task.name] }
    : {
        ...task,
        assign: { [variableName(task.name)]: { ref: 'result', path: [] } },
        output: { ref: 'input', path: [] },
      };
}
