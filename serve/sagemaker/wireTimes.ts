/**
 * Times between the emulated SageMaker and the wire: the service keeps epoch milliseconds (as a
 * `.sync` result has them); the JSON protocols carry a timestamp as epoch seconds (a request may
 * also give ISO 8601, which the SDKs' JSON serializers do not send but the model's timestamp allows).
 */
import { SAGEMAKER_MODEL } from '../../apimodel/sagemakerModel.generated.js';
import { isObject } from '../../syntax/json.js';

/** The value with every timestamp its shape has turned from epoch milliseconds into epoch seconds. */
export function toWire(shapeName: string, value: unknown): unknown {
  const shape = SAGEMAKER_MODEL.shapes[shapeName];
  if (!shape) return value;
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'number' ? value / 1000 : value;
    case 'structure':
      if (!isObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          const member = shape.members?.[k];
          return [k, member ? toWire(member, v) : v];
        }),
      );
    case 'list':
      return Array.isArray(value) ? value.map((v) => toWire(shape.member!, v)) : value;
    case 'map':
      return isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(shape.value!, v)]))
        : value;
    default:
      return value;
  }
}

/** A request's timestamp (epoch seconds, or ISO 8601) in epoch milliseconds; absent stays absent. */
export function fromWire(value: unknown): number | undefined {
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string') return Date.parse(value);
  return undefined;
}
