/**
 * The shapes asl-validator 4.0.0 cannot read: on them it throws a TypeError (a stack trace for the
 * user) instead of reporting a problem. They are found first, with the library's own selectors, and
 * reported as schema problems, so that the library never sees them:
 *
 * - it takes every member named `States`, anywhere (`$..States`), as an object of states and writes
 *   `QueryLanguage` into each: a `States` that is null or a string, or a member of it that is not an
 *   object (null, a string, a number), cannot be written into;
 * - it reads the keys of every member named `Parameters` or `ResultSelector`, anywhere
 *   (`$..[Parameters,ResultSelector]`): null has none.
 *
 * A `States` that is a number, a boolean or a list is read without harm and left to the schema,
 * whose messages are kept.
 */
import { escapePointerSegment } from '../syntax/json.js';

/** One shape the library cannot read: where, and what it must be instead. */
export interface UnreadableShape {
  readonly pointer: string;
  readonly message: string;
}

const kind = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Every shape of the definition asl-validator would throw on, outermost first. */
export function unreadableShapes(definition: unknown): UnreadableShape[] {
  const out: UnreadableShape[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (!isContainer(value)) return;
    for (const [key, member] of Object.entries(value)) {
      const at = `${pointer}/${escapePointerSegment(key)}`;
      if (Array.isArray(value)) {
        visit(member, at);
        continue;
      }
      if (key === 'States') {
        if (member === null || typeof member === 'string') {
          out.push({ pointer: at, message: `States must be an object of named states, not ${kind(member)}` });
          continue;
        }
        if (isContainer(member))
          for (const [name, state] of Object.entries(member))
            if (!isContainer(state))
              out.push({
                pointer: `${at}/${escapePointerSegment(name)}`,
                message: `a state must be a JSON object, not ${kind(state)}`,
              });
      } else if ((key === 'Parameters' || key === 'ResultSelector') && member === null) {
        out.push({ pointer: at, message: `${key} must be a JSON object (a payload template), not null` });
        continue;
      }
      visit(member, at);
    }
  };
  visit(definition, '');
  return out;
}
