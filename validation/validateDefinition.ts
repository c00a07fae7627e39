/**
 * `validate`: is a definition valid ASL, and valid for the SageMaker integration? asl-validator
 * checks the ASL schema; on top come the rules it misses (sfn.create.invalid-definition) and the
 * integration's: known `sagemaker:` APIs and suffixes, and each request checked against the
 * SageMaker API model.
 */
import { aslValidate } from './aslSchema.js';
import type { StateMachineType } from '../catalog/api.js';
import { analyzeTaskResource } from '../oracles/definition/sagemakerTasks.js';
import { queryLanguageProblems } from './queryLanguageRules.js';
import { stateRuleProblems } from './stateRules.js';
import { validateRequest } from './validateRequest.js';
import { isObject } from '../syntax/json.js';

export interface DefinitionProblem {
  /** JSON pointer into the definition. */
  readonly pointer: string;
  /** Stable code: `asl`, `retry-backoff-rate`, `states-all`, ..., a request constraint (`pattern`, `enum`, ...) or `semantic:<rule>`. */
  readonly code: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

const VALUE_CONSTRAINTS = new Set(['required', 'type', 'length', 'pattern', 'enum', 'range', 'size']);

/**
 * Whether CreateStateMachine rejects the definition for this problem: all but a request value
 * SageMaker checks when it is called (sagemaker.validation; at creation only the field names are:
 * sfn.parameters.field-names-checked-at-creation).
 */
export const rejectedAtCreation = (p: Pick<DefinitionProblem, 'code'>): boolean =>
  !VALUE_CONSTRAINTS.has(p.code) && !p.code.startsWith('semantic:');

/** The label of a problem, as negative cases name the reason they are invalid. */
export const problemLabel = (p: Pick<DefinitionProblem, 'code' | 'pointer'>): string =>
  `${p.code} at ${p.pointer}`;

function walk(
  machine: Obj,
  pointer: string,
  language: 'JSONPath' | 'JSONata',
  type: StateMachineType,
  out: DefinitionProblem[],
  suppressed: string[],
): void {
  const states = machine.States;
  if (!isObject(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const at = `${pointer}/States/${escape(name)}`;
    const stateLanguage =
      state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath'
        ? state.QueryLanguage
        : language;
    out.push(...stateRuleProblems(state, at));
    const mixed = queryLanguageProblems(state, at, stateLanguage);
    if (mixed.length > 0) {
      // One clear problem each, in place of the schema's messages about the same state.
      out.push(...mixed);
      suppressed.push(at);
      continue;
    }
    if (state.Type === 'Task') {
      if (typeof state.Resource !== 'string') continue;
      const analysis = analyzeTaskResource(state.Resource, type);
      if (analysis.kind === 'problem') {
        out.push({ pointer: `${at}/Resource`, code: 'integration', message: analysis.message });
      } else if (analysis.kind === 'sagemaker') {
        const field = stateLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
        if (field in state) {
          for (const v of validateRequest(analysis.facts.api, state[field], stateLanguage)) {
            out.push({
              pointer: `${at}/${field}${v.path === '/' ? '' : v.path}`,
              code: v.rule ? `semantic:${v.rule}` : v.constraint,
              message: v.message,
            });
          }
        }
      }
    } else if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      state.Branches.forEach(
        (b, i) => isObject(b) && walk(b, `${at}/Branches/${i}`, stateLanguage, type, out, suppressed),
      );
    } else if (state.Type === 'Map') {
      const key = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
      if (isObject(state[key])) walk(state[key] as Obj, `${at}/${key}`, stateLanguage, type, out, suppressed);
    }
  }
}

/** Every problem of the definition; none means valid. */
export function validateDefinition(
  definition: unknown,
  type: StateMachineType = 'STANDARD',
): DefinitionProblem[] {
  if (!isObject(definition))
    return [{ pointer: '/', code: 'asl', message: 'a state machine definition must be a JSON object' }];
  const asl = aslValidate(definition);
  const out: DefinitionProblem[] = asl.isValid
    ? []
    : asl.errors.map((e) => ({
        pointer: e.schemaError?.instancePath || '/',
        code: 'asl',
        message: e.Message ?? e.message ?? 'invalid ASL',
      }));
  const suppressed: string[] = [];
  walk(
    definition,
    '',
    definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath',
    type,
    out,
    suppressed,
  );
  return out.filter(
    (p) => p.code !== 'asl' || !suppressed.some((at) => p.pointer === at || p.pointer.startsWith(`${at}/`)),
  );
}
