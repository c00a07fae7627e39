/**
 * Paging of the List and Get operations: `maxResults` (0 or absent: 100; at most 1000, which the
 * model's range enforces) and an opaque `nextToken` bound to the listing it came from. A token of
 * another listing, or not one of ours, is InvalidToken.
 */
import { AwsError } from '../protocol/json.js';

/** The page size when a request gives none (or 0). */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of `items` and the token of the next, if any. */
export function page<T>(
  items: readonly T[],
  request: { maxResults?: unknown; nextToken?: unknown },
  /** What the listing is (the operation and its resource): a token only continues its own listing. */
  scope: string,
): { items: T[]; nextToken?: string } {
  const size =
    typeof request.maxResults === 'number' && request.maxResults > 0 ? request.maxResults : DEFAULT_PAGE_SIZE;
  let start = 0;
  if (typeof request.nextToken === 'string') {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(request.nextToken, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const { s, o } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as {
      s?: unknown;
      o?: unknown;
    };
    if (s !== scope || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > items.length)
      throw new AwsError('InvalidToken', `Invalid Token: '${request.nextToken}'`);
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
