import { SAGEMAKER_MODEL } from './sagemakerModel.generated.js';
import type { Shape } from './shape.js';

/**
 * The shape reached from an operation's input by a member path (`[]` steps into a list's element,
 * `{}` into a map's value), e.g. `shapeAt('CreateTrainingJob', 'ResourceConfig', 'InstanceType')`.
 */
export function shapeAt(operation: string, ...path: string[]): Shape {
  const shape = findShape(operation, ...path);
  if (!shape) throw new Error(`${operation}: no member ${path.join('.')}`);
  return shape;
}

/** `shapeAt`, or undefined where the operation or the member does not exist. */
export function findShape(operation: string, ...path: string[]): Shape | undefined {
  const op = SAGEMAKER_MODEL.operations[operation];
  if (!op?.input) return undefined;
  let name = op.input;
  for (const step of path) {
    const shape = SAGEMAKER_MODEL.shapes[name]!;
    const next = step === '[]' ? shape.member : step === '{}' ? shape.value : shape.members?.[step];
    if (!next) return undefined;
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
