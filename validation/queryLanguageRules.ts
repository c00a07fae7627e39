/**
 * Fields of one query language written in a state of the other, as people write them when they
 * move a definition between JSONPath and JSONata (asl.data-flow): `Arguments`, `Output` or a Choice
 * rule's `Condition` in a JSONPath state, a `.$` key inside a JSONata state's `Arguments`. Step
 * Functions rejects them at CreateStateMachine; `validate` says which field and how to fix it.
 */
import { escapePointerSegment, isObject, unescapePointerSegment } from '../syntax/json.js';

type Obj = Record<string, unknown>;

/** A field of the other query language in a state, where it is. */
export interface QueryLanguageProblem {
  readonly pointer: string;
  readonly code: 'jsonata-field' | 'jsonpath-key';
  readonly message: string;
}

const JSONATA_FIELDS = ['Arguments', 'Output'] as const;

/** The first `.$` key in a value, as a pointer below `at`. */
function jsonPathKey(value: unknown, at: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = jsonPathKey(value[i], `${at}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('.$')) return `${at}/${escapePointerSegment(k)}`;
    const found = jsonPathKey(v, `${at}/${escapePointerSegment(k)}`);
    if (found) return found;
  }
  return undefined;
}

/** The fields of the other query language in a state whose language is `language`. */
export function queryLanguageProblems(
  state: Obj,
  pointer: string,
  language: 'JSONPath' | 'JSONata',
): QueryLanguageProblem[] {
  if (language === 'JSONata') {
    const at = jsonPathKey(state.Arguments, `${pointer}/Arguments`);
    if (!at) return [];
    const key = unescapePointerSegment(at.split('/').pop()!);
    return [
      {
        pointer: at,
        code: 'jsonpath-key',
        message: `"${key}" is a JSONPath key in a JSONata state: write "${key.slice(0, -2)}": "{% ... %}", or set "QueryLanguage": "JSONPath"`,
      },
    ];
  }
  const out: QueryLanguageProblem[] = [];
  for (const field of JSONATA_FIELDS)
    if (field in state)
      out.push({
        pointer: `${pointer}/${field}`,
        code: 'jsonata-field',
        message: `${field} is a JSONata field in a JSONPath state: set "QueryLanguage": "JSONata"${field === 'Arguments' ? ', or write Parameters' : ''}`,
      });
  if (state.Type === 'Choice' && Array.isArray(state.Choices))
    state.Choices.forEach((rule: unknown, i) => {
      if (isObject(rule) && 'Condition' in rule)
        out.push({
          pointer: `${pointer}/Choices/${i}/Condition`,
          code: 'jsonata-field',
          message: `Condition is a JSONata field in a JSONPath state: set "QueryLanguage": "JSONata", or write a Variable rule`,
        });
    });
  return out;
}
