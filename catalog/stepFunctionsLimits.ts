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

/** CreateStateMachine takes a definition of 1 to 1,048,576 characters (the API's `Definition` shape). */
export const DEFINITION_MAX_CHARS = fact(
  1_048_576,
  documented('Step Functions API, CreateStateMachine: definition, length 1 to 1,048,576'),
);

/**
 * A payload (an execution's input or output, a state's or task's input or output) is at most
 * 256 KiB of UTF-8 (spec §7.2); StartExecution refuses a larger input.
 */
export const PAYLOAD_MAX_BYTES = fact(
  262_144,
  documented(
    'Step Functions quotas: maximum input or output size for a task, state or execution, 256 KiB of UTF-8',
  ),
);

/** AWS's wording when a request field is longer than the API allows (a sensitive field: no value shown). */
export const lengthViolation = (field: string, max: number): string =>
  `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
