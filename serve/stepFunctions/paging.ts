/**
 * Paging of the Step Functions List and Get operations (serve/protocol/paging.ts): `maxResults`
 * (0 or absent: 100; at most 1000, which the model's range enforces) and an opaque `nextToken`
 * bound to the listing it came from. A token of another listing, or not one of ours, is InvalidToken.
 */
import { AwsError } from '../protocol/json.js';
import { pageOf } from '../protocol/paging.js';

/** The page size when a request gives none (or 0). */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of `items` and the token of the next, if any. */
export function page<T>(
  items: readonly T[],
  request: { maxResults?: unknown; nextToken?: unknown },
  /** What the listing is (the operation and its resource): a token only continues its own listing. */
  scope: string,
): { items: T[]; nextToken?: string } {
  return pageOf(items, { size: request.maxResults, token: request.nextToken }, scope, {
    defaultSize: DEFAULT_PAGE_SIZE,
    invalidToken: (token) => new AwsError('InvalidToken', `Invalid Token: '${token}'`),
  });
}
