/**
 * A SageMaker task wrapped in a Map's iteration or a Parallel branch, with its catcher's Fail or
 * recovering Pass inside the wrapper.
 */
import type fc from 'fast-check';
import type { Api } from '../../catalog/api.js';
import { relocateSources, taskPlanArb } from '../taskPlan.js';
import {
  assembleMachine,
  CATCH_TARGETS,
  type DrawnMachine,
  inputOf,
  type MachineOptions,
} from './drawnMachine.js';
import type { NameStyle } from './stateNames.js';

/**
 * The Task inside a Map's iteration (one item: names are unique per account, iterations would
 * collide) or a Parallel branch; a catcher's Fail or recovering Pass sits in the iteration or branch.
 */
export function nestedTaskArb(
  options: MachineOptions,
  api: Api,
  shape: 'map' | 'parallel',
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  return taskPlanArb({ ...options, api, name: style.single, catchTargets: CATCH_TARGETS }).map((task) => {
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
    return assembleMachine(
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
