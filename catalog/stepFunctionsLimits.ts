/**
 * Step Functions' own limits that shape an execution's outcome (Standard workflows).
 */
import { documented, fact } from './provenance.js';

/**
 * The longest a Standard execution runs: one year. Past it the execution times out as past its
 * TimeoutSeconds (States.Timeout, ExecutionsTimedOut): a Retry with thousands of growing waits ends there.
 */
export const MAX_EXECUTION_SECONDS = fact(
  365 * 24 * 3600,
  documented(
    'Step Functions quotas: maximum execution time 1 year; past it the execution fails with States.Timeout (ExecutionsTimedOut)',
  ),
);
