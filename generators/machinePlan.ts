/**
 * Machine plans in the shapes people write around SageMaker tasks, with the execution input their
 * dynamic members read. The shapes are in machine/: single tasks (singleTask.ts), tasks in a Map
 * or Parallel (nested.ts), chains (chain.ts, chainReads.ts, preparation.ts), create-or-update
 * (createOrUpdate.ts); this module draws which one, and for which API.
 */
import fc from 'fast-check';
import { API_NAMES, type Api } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { MachineShape } from '../contracts/casePlan.js';
import { CHAINS, chainArb, type ChainShape } from './machine/chain.js';
import { createOrUpdateArb } from './machine/createOrUpdate.js';
import { commentArb, type DrawnMachine, type MachineOptions } from './machine/drawnMachine.js';
import { nestedTaskArb } from './machine/nested.js';
import { topLevelTaskArb } from './machine/singleTask.js';
import { nameStyleArb, type NameStyle } from './machine/stateNames.js';

/** The first API of a shape that is not a single task's: a requested API other than that gets a single task. */
const FIRST_API: Partial<Record<MachineShape, readonly Api[]>> = {
  'deploy-chain': ['CreateTrainingJob'],
  'transform-chain': ['CreateTrainingJob'],
  'tuning-chain': ['CreateHyperParameterTuningJob'],
  'processing-chain': ['CreateProcessingJob'],
  'create-or-update': ['CreateEndpoint'],
};

/** The shape of the machine: the requested one, else each as often as people write it. */
function shapeArb(options: MachineOptions): fc.Arbitrary<MachineShape> {
  return options.shape
    ? fc.constant(options.shape)
    : fc.constantFrom<MachineShape>(
        'documented',
        'documented',
        'single',
        'deploy-chain',
        'transform-chain',
        'tuning-chain',
        'processing-chain',
        'create-or-update',
        'map',
        'parallel',
      );
}

/** The API of a single or nested task: the requested one, else any that has the requested pattern. */
function apiArb(options: MachineOptions): fc.Arbitrary<Api> {
  const candidates = API_NAMES.filter(
    (api) => !options.pattern || SAGEMAKER_APIS[api].patterns.value.includes(options.pattern),
  );
  if (candidates.length === 0 || (options.api && !candidates.includes(options.api))) {
    throw new Error(
      `no SageMaker API has the pattern ${options.pattern}${options.api ? ` for ${options.api}` : ''}`,
    );
  }
  return options.api ? fc.constant(options.api) : fc.constantFrom(...candidates);
}

/** Whether the shape's own first task can be the requested API and pattern. */
function fits(shape: MachineShape, options: MachineOptions): boolean {
  const first = FIRST_API[shape];
  if (!first) return true;
  return (
    (options.api === undefined || first.includes(options.api)) &&
    (options.pattern === undefined || SAGEMAKER_APIS[first[0]!].patterns.value.includes(options.pattern))
  );
}

/** The machine of a shape, its tasks' API (where the shape does not fix it) and its style of names. */
function shapedMachineArb(
  options: MachineOptions,
  shape: MachineShape,
  api: Api,
  style: NameStyle,
): fc.Arbitrary<DrawnMachine> {
  if (shape === 'create-or-update') return createOrUpdateArb(options, style);
  if (shape in CHAINS) return chainArb(options, shape as ChainShape, style);
  if (shape === 'map' || shape === 'parallel') return nestedTaskArb(options, api, shape, style);
  return topLevelTaskArb(options, api, shape === 'single' ? 'single' : 'documented', style);
}

/** A state machine with at least one SageMaker task. */
export function machinePlanArb(options: MachineOptions): fc.Arbitrary<DrawnMachine> {
  return fc
    .tuple(shapeArb(options), apiArb(options), nameStyleArb, commentArb)
    .chain(([drawnShape, api, style, comment]) => {
      const shape = fits(drawnShape, options) ? drawnShape : 'documented';
      const drawn = shapedMachineArb(options, shape, api, style);
      return comment === undefined
        ? drawn
        : drawn.map((machine) => ({ ...machine, plan: { ...machine.plan, comment } }));
    });
}
