/**
 * How the AWS target tells apart the errors it waits out (throttling, IAM's eventual consistency,
 * an endpoint's transient failures) from the answers it records.
 */
import {
  EntityAlreadyExistsException,
  LimitExceededException,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { ExecutionDoesNotExist, InvalidArn, SFNServiceException } from '@aws-sdk/client-sfn';
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';

interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly statusCode?: number; readonly body?: unknown };
}

/** The text of error answers, kept by `keepErrorBodies` for answers the SDK cannot read. */
const bodies = new WeakMap<object, string>();

type Stack = {
  add(
    m: (
      next: (a: unknown) => Promise<{ response: unknown }>,
    ) => (a: unknown) => Promise<{ response: unknown }>,
    o: { step: 'deserialize'; priority: 'low'; name: string },
  ): void;
};

/**
 * A middleware under the SDK's deserializer that reads an error answer's body once and hands the
 * deserializer the bytes, so that an answer the SDK cannot parse (moto's errors without a code)
 * can still be quoted in the report.
 */
export function keepErrorBodies(client: { middlewareStack: unknown }): void {
  (client.middlewareStack as Stack).add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode?: number; body?: unknown };
      if ((response.statusCode ?? 0) >= 400 && isAsyncIterable(response.body)) {
        const chunks: Buffer[] = [];
        for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Uint8Array));
        const bytes = Buffer.concat(chunks);
        response.body = new Uint8Array(bytes);
        bodies.set(response, bytes.toString('utf8'));
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'sfnConformanceKeepErrorBodies' },
  );
}

const isAsyncIterable = (x: unknown): x is AsyncIterable<unknown> =>
  typeof x === 'object' && x !== null && Symbol.asyncIterator in x;

/** What an unreadable answer said: its `message` field, else its text, on one line and short. */
function answerText(e: unknown): string | undefined {
  const response = (e as SdkError)?.$response;
  const text = typeof response === 'object' && response !== null ? bodies.get(response) : undefined;
  if (!text) return undefined;
  let said = text;
  try {
    const json = JSON.parse(text) as { message?: unknown; Message?: unknown };
    const m = json.message ?? json.Message;
    if (typeof m === 'string') said = m;
  } catch {
    // not JSON: an HTML page or plain text
  }
  said = said
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return said.length > 160 ? `${said.slice(0, 157)}...` : said;
}

/**
 * Throttling, as the SDK's retry strategy classifies it (HTTP 429, the throttling codes), but for
 * IAM's LimitExceeded: a quota of roles or policies, which waiting does not lift.
 */
export function isThrottle(e: unknown): boolean {
  return isErrorLike(e) && isThrottlingError(e) && !(e instanceof LimitExceededException);
}

const isErrorLike = (e: unknown): e is SdkErrorShape =>
  typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string';
type SdkErrorShape = Parameters<typeof isThrottlingError>[0];

/** Step Functions may not assume the role yet: its trust policy is not in force. */
const CANNOT_ASSUME = /assume the provided role|not authorized to perform: sts:AssumeRole/i;
/** The role's policy does not grant the managed EventBridge rule of a `.sync` task (yet, or at all). */
const MANAGED_RULE_DENIED = /is not authorized to create managed-rule/i;

/**
 * A freshly created role IAM has not propagated yet: Step Functions cannot assume it
 * (AccessDeniedException "... is not authorized to assume the provided role", or InvalidArn for the
 * role), or its policy's managed-rule grant is not in force. `managedRuleGranted`: whether the
 * case's policy grants the managed rule; where it does not, the denial is the answer, not a wait.
 */
export function isRolePropagation(
  e: unknown,
  o: { managedRuleGranted: boolean } = { managedRuleGranted: true },
): boolean {
  if (e instanceof InvalidArn) return /role/i.test(e.message);
  // Step Functions' model has no class of its own for AccessDeniedException: its code names it.
  if (!(e instanceof SFNServiceException) || e.name !== 'AccessDeniedException') return false;
  if (CANNOT_ASSUME.test(e.message)) return true;
  return MANAGED_RULE_DENIED.test(e.message) && o.managedRuleGranted;
}

/**
 * Worth a retry, as the SDK's retry strategy classifies it: server errors (HTTP 5xx), time-outs,
 * connections reset or refused.
 */
export function isTransient(e: unknown): boolean {
  if (!isErrorLike(e)) return false;
  const status = (e as SdkError).$response?.statusCode ?? 0;
  return isTransientError(e) || isServerError(e) || status >= 500;
}

/** A new role still refused when the wait for IAM's propagation ran out (a harness error, not an answer). */
export class PropagationTimeout extends Error {
  override readonly name = 'PropagationTimeout';
}

/** IAM: the entity does not exist (a role already deleted). */
export const isNoSuchEntity = (e: unknown): boolean => e instanceof NoSuchEntityException;
/** IAM: the entity exists (a retried create that had gone through). */
export const isEntityAlreadyExists = (e: unknown): boolean => e instanceof EntityAlreadyExistsException;
/** Step Functions: no such execution (it ended and is gone, or never started). */
export const isNoSuchExecution = (e: unknown): boolean => e instanceof ExecutionDoesNotExist;

/** An answer the SDK could not read (an endpoint's HTML error page, an error without a code). */
export function isUnreadable(e: unknown): boolean {
  const x = e as SdkError;
  // The SDK rethrows parse failures of an error page with the parser's name and a note.
  return (
    x?.name === 'SyntaxError' ||
    /Deserialization error/.test(`${x?.message ?? ''}${(e as Error)?.stack ?? ''}`) ||
    (e instanceof TypeError && x.$response !== undefined)
  );
}

/** `Name: message` of an SDK error, one line. */
export function describeError(e: unknown): string {
  const x = e as SdkError;
  const status = x?.$metadata?.httpStatusCode ?? x?.$response?.statusCode;
  if (isUnreadable(e)) {
    const said = answerText(e);
    return `unreadable answer${status ? ` (HTTP ${status})` : ''}${said ? `: ${said}` : ''}`;
  }
  const message = (x?.message ?? String(e)).split('\n')[0];
  return `${x?.name ?? 'Error'}${status && status >= 500 ? ` (HTTP ${status})` : ''}: ${message}`;
}
