/**
 * A case moved to another account, region (and with it partition): every ARN, registry and S3
 * host it names, in the definition, the plan, the input and the policy alike. Generated cases are
 * drawn in one account and region and moved from there; a real account's target moves them to its
 * own.
 */
import { arnPrefix, DNS_SUFFIX, partitionOf } from '../catalog/regions.js';

/** Where a case runs: its account and region. */
export interface Place {
  readonly account: string;
  readonly region: string;
}

/** `value` (any JSON) with `from`'s account, region and partition replaced by `to`'s. */
export function relocate<T>(value: T, from: Place, to: Place): T {
  if (from.account === to.account && from.region === to.region) return value;
  const [a, b] = [partitionOf(from.region), partitionOf(to.region)];
  let text = JSON.stringify(value);
  // Regional hosts first (their suffix is the partition's), then ARNs, then the bare names.
  text = text.split(`.${from.region}.${DNS_SUFFIX.value[a]}`).join(`.${to.region}.${DNS_SUFFIX.value[b]}`);
  if (a !== b) text = text.split(arnPrefix(a)).join(arnPrefix(b));
  text = text.split(from.region).join(to.region).split(from.account).join(to.account);
  return JSON.parse(text) as T;
}
