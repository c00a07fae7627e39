/**
 * Machines of one SageMaker task at the top level: the task alone, or as the connect-sagemaker
 * page's examples have it, followed by a Choice that checks the ARN in its output and a Succeed.
 */
import fc from 'fast-check';
import type { Api } from '../../catalog/api.js';
import type { MachinePlan, StepPlan, TaskPlan } from '../../contracts/casePlan.js';
import { taskPlanArb } from '../taskPlan.js';
import {
  anyJitter,
  assembleMachine,
  CATCH_TARGETS,
  type DrawnMachine,
  inputOf,
  machineTimeoutArb,
  type MachineOptions,
} from './drawnMachine.js';
import type { NameStyle } from './stateNames.js';

/** A state machine of one Task that ends it. */
export function singleTaskPlan(task: TaskPlan): MachinePlan {
  return { shape: 'single', queryLanguage: 'JSONPath', flow: { steps: [task] } };
}

/**
 * Task, a Choice that checks the ARN in its output (as the connect-sagemaker page's examples do),
 * Succeed; or the Task alone.
 */
export function topLevelTaskArb(
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
      return assembleMachine(shape, steps, inputOf(task), anyJitter([task.plan]) ? undefined : timeout);
    });
}
