/**
 * `validate`: is a definition valid ASL, and valid for the SageMaker integration? asl-validator
 * checks the ASL schema; on top come the rules it misses (sfn.create.invalid-definition) and the
 * integration's: known `sagemaker:` APIs and suffixes, and each request checked against the
 * SageMaker API model.
 */
import { aslValidate } from './aslSchema.js';
import type { QueryLanguage, StateMachineType } from '../catalog/api.js';
import { analyzeTaskResource } from '../oracles/definition/sagemakerTasks.js';
import { queryLanguageProblems } from './queryLanguageRules.js';
import { stateRuleProblems } from './stateRules.js';
import { validateRequest } from './validateRequest.js';
import { isObject, type JsonObject } from '../syntax/json.js';
import { queryLanguageOf, walkStates } from '../syntax/stateTree.js';

/** One thing `validate` finds wrong with a definition. */
export interface DefinitionProblem {
  /** JSON pointer into the definition. */
  readonly pointer: string;
  /** Stable code: `asl`, `retry-backoff-rate`, `states-all`, ..., a request constraint (`pattern`, `enum`, ...) or `semantic:<rule>`. */
  readonly code: string;
  readonly message: string;
}

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

/**
 * The problems of each state: its own rules, fields of the other query language (which take the
 * place of anything else about the state and what it holds), and a SageMaker task's resource and
 * request. A state's query language is its own, else that of the state it sits in (a Parallel
 * branch's or Map processor's own QueryLanguage is not read). `suppressed` gets the states whose
 * schema messages give way to the query-language problems.
 */
function stateProblems(
  definition: JsonObject,
  type: StateMachineType,
  out: DefinitionProblem[],
  suppressed: string[],
): void {
  const topLanguage = queryLanguageOf(definition, 'JSONPath');
  /** The states the walk is inside, outermost first, each with its query language. */
  const enclosing: { readonly pointer: string; readonly language: QueryLanguage }[] = [];
  // Malformed parts are the schema's to report.
  walkStates(definition, ({ state, pointer: at }) => {
    while (enclosing.length > 0 && !at.startsWith(`${enclosing[enclosing.length - 1]!.pointer}/`))
      enclosing.pop();
    const stateLanguage = queryLanguageOf(state, enclosing[enclosing.length - 1]?.language ?? topLanguage);
    enclosing.push({ pointer: at, language: stateLanguage });
    out.push(...stateRuleProblems(state, at));
    const mixed = queryLanguageProblems(state, at, stateLanguage);
    if (mixed.length > 0) {
      // One clear problem each, in place of the schema's messages about the same state.
      out.push(...mixed);
      suppressed.push(at);
      return 'skip';
    }
    if (state.Type !== 'Task' || typeof state.Resource !== 'string') return;
    const analysis = analyzeTaskResource(state.Resource, type);
    if (analysis.kind === 'problem') {
      out.push({ pointer: `${at}/Resource`, code: 'integration', message: analysis.message });
    } else if (analysis.kind === 'sagemaker') {
      const field = stateLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
      if (!(field in state)) return;
      for (const violation of validateRequest(analysis.facts.api, state[field], stateLanguage)) {
        out.push({
          pointer: `${at}/${field}${violation.path === '/' ? '' : violation.path}`,
          code: violation.rule ? `semantic:${violation.rule}` : violation.constraint,
          message: violation.message,
        });
      }
    }
  });
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
  stateProblems(definition, type, out, suppressed);
  return out.filter(
    (p) => p.code !== 'asl' || !suppressed.some((at) => p.pointer === at || p.pointer.startsWith(`${at}/`)),
  );
}
