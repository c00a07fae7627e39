/**
 * A SageMaker task wrapped in a Map's iteration or a Parallel branch, with its catcher's Fail or
 * recovering Pass inside the wrapper.
 */
import fc from 'fast-check';
import type { Api } from '../../catalog/api.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import type { PlanValue } from '../../contracts/casePlan.js';
import { relocateSources, taskPlanArb, type DrawnTask } from '../taskPlan.js';
import {
  assembleMachine,
  CATCH_TARGETS,
  type DrawnMachine,
  inputOf,
  type MachineOptions,
} from './drawnMachine.js';
import type { NameStyle } from './stateNames.js';

/** How a JSONPath Map runs over jobs: how many items, and how many iterations at once (0: all). */
const overJobsArb = fc.record({
  items: fc.integer({ min: 1, max: 3 }),
  maxConcurrency: fc.constantFrom(1, 1, 1, 2, 3, 0),
});

/**
 * The field of the state's input the task's name is read from (`$.jobName`, or an argument of its
 * States.Format), where it is one: each item of a Map over jobs names its own.
 */
function nameField(task: DrawnTask): string | undefined {
  const nameAt = SAGEMAKER_APIS[task.plan.api].nameField.value;
  const value: PlanValue | undefined = task.plan.request.dynamic.find(
    (d) => d.at.length === 1 && d.at[0] === nameAt,
  )?.value;
  const sources = value?.given === 'path' ? [value.source] : value?.given === 'format' ? value.args : [];
  const field = sources.find((s) => s.from === 'input' && s.path.length === 1);
  return field && field.from === 'input' ? String(field.path[0]) : undefined;
}

/**
 * The Task inside a Map's iteration or a Parallel branch; a catcher's Fail or recovering Pass sits
 * in the iteration or branch. A JSONPath Map whose task names its resource from the item runs
 * over up to three items (names are unique per account: each item names its own), MaxConcurrency
 * at a time, as pipelines Map over datasets or hyperparameter sets.
 */
export function nestedTaskArb(
  options: MachineOptions,
  api: Api,
  shape: 'map' | 'parallel',
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  return fc
    .tuple(
      taskPlanArb({
        ...options,
        api,
        name: style.single,
        catchTargets: CATCH_TARGETS,
        nameFromInput: shape === 'map',
      }),
      overJobsArb,
    )
    .map(([task, overJobs]) => {
      const language = task.plan.queryLanguage;
      if (shape === 'parallel')
        return assembleMachine(
          shape,
          [{ kind: 'parallel', name: 'Run', queryLanguage: language, branches: [{ steps: [task.plan] }] }],
          inputOf(task),
        );
      if (language === 'JSONata')
        return assembleMachine(
          shape,
          [{ kind: 'map', name: 'Run', queryLanguage: language, iteration: { steps: [task.plan] } }],
          inputOf(task),
        );
      // JSONPath: the items are `$.items`; each iteration reads `{ "value": item }`.
      const inner = relocateSources(task.plan, ['value'], ['items', 0]);
      const field = nameField(task);
      const name = field === undefined ? undefined : task.stateInput[field];
      // A digit more keeps every name within its field's length (HPO's 32 characters) and pattern.
      const count = typeof name === 'string' && task.resourceName.length < 32 ? overJobs.items : 1;
      const first = inputOf(task);
      const items = Array.from({ length: count }, (_, i) =>
        i === 0 ? first : { ...first, [field!]: `${String(name)}${i}` },
      );
      return assembleMachine(
        shape,
        [
          {
            kind: 'map',
            name: 'Run',
            queryLanguage: language,
            itemsPath: ['items'],
            itemAs: 'value',
            ...(count > 1 && overJobs.maxConcurrency !== 1
              ? { maxConcurrency: overJobs.maxConcurrency }
              : {}),
            iteration: { steps: [inner] },
          },
        ],
        { items },
      );
    });
}
