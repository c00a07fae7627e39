import { SAGEMAKER_MODEL } from './sagemakerModel.generated.js';
import type { Shape } from './shape.js';

/**
 * The shape reached from an operation's input by a member path (`[]` steps into a list's element,
 * `{}` into a map's value), e.g. `shapeAt('CreateTrainingJob', 'ResourceConfig', 'InstanceType')`.
 */
export function shapeAt(operation: string, ...path: string[]): Shape {
  const op = SAGEMAKER_MODEL.operations[operation];
  if (!op?.input) throw new Error(`no input shape for ${operation}`);
  let name = op.input;
  for (const step of path) {
    const shape = SAGEMAKER_MODEL.shapes[name]!;
    const next = step === '[]' ? shape.member : step === '{}' ? shape.value : shape.members?.[step];
    if (!next) throw new Error(`${operation}: no member ${path.join('.')} (at ${step})`);
    name = next;
  }
  return SAGEMAKER_MODEL.shapes[name]!;
}

/** The enum values of a member, from the model. */
export function enumAt(operation: string, ...path: string[]): readonly string[] {
  const values = shapeAt(operation, ...path).enum;
  if (!values) throw new Error(`${operation}.${path.join('.')} is not an enum`);
  return values;
}
