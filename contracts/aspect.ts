/**
 * The aspects of an execution a suite compares, and a difference between the prediction and the
 * observation in one of them, with the provenance of the expectation it breaks.
 */
import type { Provenance } from '../catalog/provenance.js';

/** One aspect where the observation differs from the prediction, with the provenance of the expectation it breaks. */
export interface Difference {
  readonly path: string;
  readonly predicted: unknown;
  readonly observed: unknown;
  readonly provenance: Provenance;
}

/** The aspects each suite compares. */
export type Aspect =
  | 'created'
  | 'calls'
  | 'status'
  | 'error'
  | 'cause'
  | 'output'
  | 'attempts'
  | 'durationSeconds'
  | 'historyTypes'
  | 'jobStates'
  | 'taskFailures';
