/**
 * The options of the policy and call predictions: account, region, partition, template revision.
 */
import type { DocRevision, Partition, StateMachineType } from '../catalog/api.js';

/** Where the state machine runs and which template revision to follow. */
export interface PredictionOptions {
  /** Region of the state machine; by default the partition's first region (us-east-1, cn-north-1, us-gov-west-1). */
  readonly region?: string;
  readonly account: string;
  /** Overrides the partition read from each Task's Resource ARN. */
  readonly partition?: Partition;
  readonly docRevision: DocRevision;
  /** Role for `iam:PassRole` when the request does not name one literally. */
  readonly passRoleArn?: string;
  readonly type: StateMachineType;
}

/** The region a partition's state machine is taken to run in when none is given. */
export const DEFAULT_REGION: Readonly<Record<Partition, string>> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

/** The documentation's example account, used when none is given. */
export const EXAMPLE_ACCOUNT = '123456789012';

/** The options where none are given: the example account, the current template, a Standard machine. */
export const DEFAULT_OPTIONS: PredictionOptions = {
  account: EXAMPLE_ACCOUNT,
  docRevision: 'current',
  type: 'STANDARD',
};
