/**
 * How the AWS target tells apart the errors it waits out (throttling, IAM's eventual consistency,
 * an endpoint's transient failures) from the answers it records.
 */

interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly statusCode?: number };
}

const THROTTLES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
]);

export function isThrottle(e: unknown): boolean {
  const x = e as SdkError;
  return THROTTLES.has(x?.name ?? '') || x?.$metadata?.httpStatusCode === 429;
}

/**
 * A freshly created role that Step Functions cannot assume yet: CreateStateMachine answers
 * AccessDeniedException ("... is not authorized to assume the provided role") until IAM has
 * propagated it.
 */
export function isRolePropagation(e: unknown): boolean {
  const x = e as SdkError;
  return (
    (x?.name === 'AccessDeniedException' || x?.name === 'InvalidArn') &&
    /assume|not authorized to perform: sts:AssumeRole|role/i.test(x.message ?? '')
  );
}

/** Server errors and unreadable answers (an endpoint's HTML error page): worth a retry. */
export function isTransient(e: unknown): boolean {
  const x = e as SdkError;
  const status = x?.$metadata?.httpStatusCode ?? x?.$response?.statusCode ?? 0;
  if (status >= 500) return true;
  return x?.name === 'TimeoutError' || x?.name === 'ECONNRESET';
}

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
  if (isUnreadable(e)) return `unreadable answer${status ? ` (HTTP ${status})` : ''}`;
  const message = (x?.message ?? String(e)).split('\n')[0];
  return `${x?.name ?? 'Error'}${status && status >= 500 ? ` (HTTP ${status})` : ''}: ${message}`;
}
