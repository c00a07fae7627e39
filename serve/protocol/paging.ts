/**
 * Paging of List operations: a page size (absent or 0: the service's default) and an opaque token
 * bound to the listing it came from. A token of another listing, or not one of ours, is the
 * service's error for a bad token.
 */
import type { AwsError } from './json.js';

/** How a service pages: its default page size and its error for a token it did not give. */
export interface PagingRules {
  readonly defaultSize: number;
  readonly invalidToken: (token: string) => AwsError;
}

/** One page of `items` and the token of the next, if any. */
export function pageOf<T>(
  items: readonly T[],
  request: { size?: unknown; token?: unknown },
  /** What the listing is (the operation, its resource, its filters): a token only continues its own listing. */
  scope: string,
  rules: PagingRules,
): { items: T[]; nextToken?: string } {
  const size = typeof request.size === 'number' && request.size > 0 ? request.size : rules.defaultSize;
  let start = 0;
  if (typeof request.token === 'string') {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(request.token, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const { s, o } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as {
      s?: unknown;
      o?: unknown;
    };
    if (s !== scope || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > items.length)
      throw rules.invalidToken(request.token);
    start = o;
  }
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length
      ? { nextToken: Buffer.from(JSON.stringify({ s: scope, o: end })).toString('base64url') }
      : {}),
  };
}
