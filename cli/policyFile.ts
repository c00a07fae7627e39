/** Policy documents the user gives (`--policy`, `--old`, `--new`): parsed, and a problem named with the file. */
import { parsePolicy, type NormalizedPolicy, type PolicyDocument } from '../iam/policy.js';
import { UsageError } from '../contracts/usageError.js';
import { DATA_KEYS, readJsonFile } from './io.js';

/** A policy document read from `where` (a file, a git object): its first problem is one line naming it. */
export function checkedPolicy(
  raw: unknown,
  where: string,
): { doc: PolicyDocument; policy: NormalizedPolicy } {
  const parsed = parsePolicy(raw, where);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
    throw new UsageError('bad-policy', `${where}: ${first.path || '/'}: ${first.message}${more}`);
  }
  return { doc: raw as PolicyDocument, policy: parsed.policy };
}

/** A policy file (`--policy p.json`). */
export function readPolicyFile(path: string): { doc: PolicyDocument; policy: NormalizedPolicy } {
  return checkedPolicy(readJsonFile(path, 'policy file', DATA_KEYS), `policy file "${path}"`);
}
