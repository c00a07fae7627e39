/**
 * What the request arbitraries of every API share: the request type, optional members, and the
 * instance types people pick first.
 */
import type fc from 'fast-check';
import { sometimes } from '../values.js';

/** A SageMaker API request, as the task's Parameters or Arguments give it. */
export type SageMakerRequest = Record<string, unknown>;

/** An optional member, present with probability `p`. */
export const optional = <T>(arb: fc.Arbitrary<T>, p = 0.5) => sometimes(arb, p);

/** The instance types people pick first, where an API's enum has them. */
export const CHEAP_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.c5.xlarge',
  'ml.t3.medium',
  'ml.m4.xlarge',
  'ml.g4dn.xlarge',
];
