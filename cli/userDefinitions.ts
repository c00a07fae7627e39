/**
 * The definitions `run --definition` and `replay --definition` hold to the oracle: each file read
 * safely (cli/userFile.ts, through readDefinition), checked as CreateStateMachine checks it, and
 * read into the plan the oracle predicts from (or the states it cannot model). A file's problem is
 * one line naming the file.
 */
import { printable } from '../contracts/printable.js';
import { UsageError } from '../contracts/usageError.js';
import type { UserDefinition } from '../generators/userDefinition.js';
import { definitionPlan } from '../oracles/definition/flowPlan.js';
import { findTasks } from '../oracles/definition/sagemakerTasks.js';
import { isObject } from '../syntax/json.js';
import { definitionProblem, readValidDefinition } from './definitionFile.js';

/** One definition file, read and checked, with its plan. */
export function readUserDefinition(path: string): UserDefinition {
  const read = readValidDefinition(path);
  const type = read.type ?? 'STANDARD';
  const definition = read.definition;
  if (!isObject(definition))
    throw new UsageError(
      'bad-definition',
      `definition file "${path}" must hold a JSON object with StartAt and States`,
    );
  const tasks = findTasks(definition, type);
  if (tasks.problems.length > 0) throw definitionProblem(path, tasks.problems);
  if (tasks.tasks.length === 0)
    throw new UsageError(
      'bad-definition',
      printable(
        `definition file "${path}" has no SageMaker optimized-integration Task state (arn:aws:states:::sagemaker:...): the suites have nothing to hold to the oracle; give a definition with one`,
      ),
    );
  return { file: path, definition, type, plan: definitionPlan(definition, type).plan };
}

/** Every file given, in order; the first file with a problem stops the command. */
export function readUserDefinitions(paths: readonly string[]): UserDefinition[] {
  return paths.map(readUserDefinition);
}

/** A note for each definition the oracle predicts only in part: its states and why. */
export function unmodelledNotes(definitions: readonly UserDefinition[]): string[] {
  return definitions
    .filter((d) => d.plan.unmodelled !== undefined)
    .map(
      (d) =>
        `note: ${printable(d.file)}: the outcome of its cases is undecided (only creation is predicted): ${d.plan.unmodelled}\n`,
    );
}
