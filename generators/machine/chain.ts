/**
 * Chains of SageMaker tasks as pipelines have them (train, model, endpoint configuration,
 * endpoint; or a transform, a tuning job, a processing and evaluation job): each task keeps its
 * result so the next sees the input, the later ones name and read what the earlier ones created.
 */
import fc from 'fast-check';
import type { QueryLanguage } from '../../catalog/api.js';
import type { StepPlan, TaskPlan } from '../../contracts/casePlan.js';
import { type DrawnTask, taskPlanArb } from '../taskPlan.js';
import { sometimes } from '../values.js';
import { type ChainReads, readResults } from './chainReads.js';
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
import { withPreparation } from './preparation.js';
import { type DrawnGate, GATE_INPUT, gateArb, withGate } from './qualityGate.js';
import { type NameStyle, type Role, ROLE_API, type TaskRole } from './stateNames.js';

/** The chains people write, by what each state does. */
export const CHAINS = {
  'deploy-chain': ['train', 'model', 'config', 'endpoint'],
  'transform-chain': ['train', 'model', 'transform'],
  'tuning-chain': ['tune', 'model', 'transform'],
  'processing-chain': ['process', 'train', 'evaluate'],
} as const satisfies Record<string, readonly TaskRole[]>;

/** The shape of a chain. */
export type ChainShape = keyof typeof CHAINS;

/** How the later steps of a chain read what the earlier ones produced, and what comes before and after. */
interface ChainFlow extends ChainReads {
  /** A Lambda step first (a Pass with the shape it returns) that names the job and gives its hyperparameters. */
  readonly prepare?: boolean;
  /** The version the Lambda step returns, which the training task's output location is built with. */
  readonly version: number;
  /** JSONPath: the last step's OutputPath makes its result the execution's output. */
  readonly lastOnly?: boolean;
  /** A Choice on the model's metric before the model is created: deploy only if it is good enough. */
  readonly gate?: DrawnGate;
}

/**
 * A chain of tasks; each keeps its result under its own key (or variable) so the next sees the
 * input. A step's catcher ends the chain: in the Fail state, or in a Pass that recovers.
 */
export function chainArb(
  options: MachineOptions,
  shape: ChainShape,
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  const roles = CHAINS[shape];
  const flowArb = chainFlowArb(roles);
  return languageArb(options)
    .chain((queryLanguage) =>
      fc.tuple(fc.tuple(...chainTaskArbs(options, roles, style, queryLanguage)), machineTimeoutArb, flowArb),
    )
    .map(([drawn, timeout, flow]) => {
      const read = readResults(namingEarlierResources(drawn, roles), roles, flow);
      const flowing = flow.lastOnly ? lastResultOnly(read) : read;
      const prepared: StepPlan[] = flow.prepare
        ? withPreparation(flowing, drawn[0]!.resourceName, drawn[0]!.stateInput, flow.version)
        : flowing;
      const gated = flow.gate && (roles as readonly TaskRole[]).includes('model');
      const steps = gated ? withGate(prepared, style.model, flow.gate!, flowing[0]!.queryLanguage) : prepared;
      const input = inputOf(...drawn);
      if (gated) input[GATE_INPUT] = { [flow.gate!.metric]: flow.gate!.value };
      return assembleMachine(shape, steps, input, anyJitter(flowing) ? undefined : timeout);
    });
}

/** The chain's tasks, one per role, each reading its own part of the input (`step1`, `step2`, ...). */
function chainTaskArbs(
  options: MachineOptions,
  roles: readonly TaskRole[],
  style: NameStyle,
  queryLanguage: QueryLanguage,
): fc.Arbitrary<DrawnTask>[] {
  return roles.map((role, index) =>
    taskPlanArb({
      api: ROLE_API[role],
      name: style[role],
      executionName: options.executionName,
      inputPrefix: `step${index + 1}`,
      resultWrappers: false,
      references: false,
      catchTargets: CATCH_TARGETS,
      ...(index === 0 && options.pattern ? { pattern: options.pattern } : {}),
      queryLanguage,
    }),
  );
}

/** How the later steps read what the earlier ones produced, as the Data Science SDK's pipelines do. */
function chainFlowArb(roles: readonly TaskRole[]): fc.Arbitrary<ChainFlow> {
  return fc.record({
    nameFromTraining: fc.boolean(),
    dataFromTraining: fc.boolean(),
    bracket: fc.boolean(),
    readAnyway: sometimes(fc.constant(true), 0.2),
    prepare: sometimes(fc.constant(true), roles[0] === 'train' ? 0.3 : 0),
    version: fc.integer({ min: 1, max: 40 }),
    select: sometimes(fc.constant(true), 0.5),
    lastOnly: sometimes(fc.constant(true), 0.25),
    gate: sometimes(gateArb, roles.includes('model') ? 0.5 : 0),
  });
}

/**
 * The tasks keeping their results, the later ones naming what the earlier ones created: the model,
 * then its endpoint configuration.
 */
function namingEarlierResources(drawn: readonly DrawnTask[], roles: readonly Role[]): TaskPlan[] {
  const model = roles.indexOf('model');
  const config = roles.indexOf('config');
  return drawn.map((task, index): TaskPlan => {
    const literal: Record<string, unknown> = { ...task.plan.request.literal };
    if (model >= 0 && index > model) {
      const modelName = drawn[model]!.resourceName;
      if ('ModelName' in literal) literal.ModelName = modelName;
      if (Array.isArray(literal.ProductionVariants))
        literal.ProductionVariants = (literal.ProductionVariants as Record<string, unknown>[]).map(
          (variant) => ({
            ...variant,
            ModelName: modelName,
          }),
        );
    }
    if (config >= 0 && index > config && 'EndpointConfigName' in literal)
      literal.EndpointConfigName = drawn[config]!.resourceName;
    return keepsResult({ ...task.plan, request: { ...task.plan.request, literal } });
  });
}

/** The execution's output the last step's result alone (JSONPath OutputPath), where it keeps one. */
function lastResultOnly(tasks: TaskPlan[]): TaskPlan[] {
  const last = tasks.at(-1)!;
  return last.queryLanguage === 'JSONPath' && last.resultPath
    ? [...tasks.slice(0, -1), { ...last, outputPath: last.resultPath }]
    : tasks;
}
