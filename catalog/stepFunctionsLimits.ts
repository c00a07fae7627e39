/**
 * Step Functions' own limits that shape an execution's outcome (Standard workflows).
 */
import { fact, rule } from './provenance.js';

/**
 * The longest a Standard execution runs: one year. Past it the execution times out as past its
 * TimeoutSeconds (States.Timeout, ExecutionsTimedOut): a Retry with thousands of growing waits ends there.
 */
export const MAX_EXECUTION_SECONDS = fact(365 * 24 * 3600, rule('sfn.limits.execution-year'));

/** CreateStateMachine takes a definition of 1 to 1,048,576 characters (the API's `Definition` shape). */
export const DEFINITION_MAX_CHARS = fact(1_048_576, rule('sfn.limits.definition-size'));

/**
 * A character Step Functions' names (state machines, executions) may not hold: whitespace, `? *`,
 * brackets `< > { } [ ]`, `" # % \ ^ | ~ \` $ & , ; : /` or control characters. A name has 1 to 80
 * characters.
 */
export const NAME_FORBIDDEN = fact(
  // eslint-disable-next-line no-control-regex
  /[\s?*<>{}[\]"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u,
  rule('sfn.limits.name-characters'),
);

/**
 * A payload (an execution's input or output, a state's or task's input or output) is at most
 * 256 KiB of UTF-8; StartExecution refuses a larger input.
 */
export const PAYLOAD_MAX_BYTES = fact(262_144, rule('sfn.limits.payload-size'));

/** AWS's wording when a request field is longer than the API allows (a sensitive field: no value shown). */
export const lengthViolation = (field: string, max: number): string =>
  `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;

/** The Resources of the callback and job-run patterns, whose tasks have `Task.Token` in the Context object. */
export const TASK_TOKEN_RESOURCES = fact(/\.(waitForTaskToken|sync(:\d+)?)$/, rule('sfn.sync.task-token'));

/** What a retrier's fields are when it leaves them out (States Language, Retry): one place for the oracle and the emulator. */
export const RETRY_DEFAULTS = fact(
  { intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 } as const,
  rule('asl.retry'),
);
