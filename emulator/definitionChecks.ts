/**
 * The checks CreateStateMachine makes (sfn.create.invalid-definition,
 * sfn.sagemaker.unsupported-resource-refused-at-creation,
 * sfn.parameters.field-names-checked-at-creation): ASL schema, the integration's resources and
 * patterns, and request field names against the API model (values are SageMaker's to check, at call
 * time: sagemaker.validation). Messages follow Step Functions' `SCHEMA_VALIDATION_FAILED: ... at
 * /States/...` style.
 */
import { aslValidate } from '../validation/aslSchema.js';
import type { QueryLanguage, StateMachineType } from '../catalog/api.js';
import { API_BY_RESOURCE_NAME } from '../catalog/sagemakerApis.js';
import { queryLanguageProblems } from '../validation/queryLanguageRules.js';
import { stateRuleProblems } from '../validation/stateRules.js';
import { fieldNameValidator } from '../validation/validateRequest.js';
import { isObject, unescapePointerSegment, type JsonObject } from '../syntax/json.js';
import { walkStates } from '../syntax/stateTree.js';

/** A `.sync` SageMaker task: its state and the managed rule its creation needs. */
export interface SyncTask {
  readonly pointer: string;
  readonly api: string;
}

/** What the creation checks found: the problems (none: accepted) and the `.sync` tasks. */
export interface DefinitionCheck {
  readonly problems: readonly string[];
  readonly syncTasks: readonly SyncTask[];
}

/** The checks of every state, in branches and Map processors too; a state of mixed languages is not walked into. */
function checkStates(
  definition: JsonObject,
  type: StateMachineType,
  out: DefinitionCheck & { problems: string[]; syncTasks: SyncTask[] },
): void {
  walkStates(definition, ({ state, pointer: at, queryLanguage }) => {
    for (const p of stateRuleProblems(state, at))
      out.problems.push(`SCHEMA_VALIDATION_FAILED: ${p.message} at ${p.pointer}`);
    const mixed = queryLanguageProblems(state, at, queryLanguage);
    for (const p of mixed) out.problems.push(`SCHEMA_VALIDATION_FAILED: ${p.message} at ${p.pointer}`);
    if (mixed.length > 0) return 'skip';
    if (state.Type === 'Task' && typeof state.Resource === 'string')
      checkTask(state, state.Resource, at, queryLanguage, type, out);
  });
}

/** A SageMaker Task's resource (its pattern, `.sync` in Express) and its request's field names. */
function checkTask(
  state: JsonObject,
  resource: string,
  at: string,
  language: QueryLanguage,
  type: StateMachineType,
  out: DefinitionCheck & { problems: string[]; syncTasks: SyncTask[] },
): void {
  const m = /^arn:[a-z-]+:states:[a-z0-9-]*:\d*:sagemaker:([A-Za-z]+)(?:\.(.+))?$/.exec(resource);
  if (!m) return;
  const facts = API_BY_RESOURCE_NAME.get(m[1]!);
  const suffix = m[2];
  const legal = facts && (suffix === undefined || (suffix === 'sync' && facts.job));
  if (!legal) {
    out.problems.push(
      `SCHEMA_VALIDATION_FAILED: The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. at ${at}/Resource`,
    );
  } else if (suffix === 'sync' && type === 'EXPRESS') {
    out.problems.push(
      `SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at ${at}/Resource`,
    );
  } else {
    if (suffix === 'sync') out.syncTasks.push({ pointer: at, api: facts!.api });
    const field = language === 'JSONata' ? 'Arguments' : 'Parameters';
    if (!(field in state)) return;
    for (const v of fieldNameValidator.validate(facts!.api, state[field], language)) {
      if (v.constraint !== 'unknown-field') continue;
      const key = unescapePointerSegment(v.path.split('/').pop()!);
      out.problems.push(
        `SCHEMA_VALIDATION_FAILED: The field "${key}" is not supported by Step Functions at ${at}/${field}`,
      );
    }
  }
}

/** What CreateStateMachine would say of a definition; no problems means it is accepted. */
export function checkDefinition(
  definition: unknown,
  type: StateMachineType,
  aslSchema = true,
): DefinitionCheck {
  const out = { problems: [] as string[], syncTasks: [] as SyncTask[] };
  if (!isObject(definition)) {
    out.problems.push('INVALID_JSON_DESCRIPTION: the definition must be a JSON object');
    return out;
  }
  const asl = aslSchema ? aslValidate(definition) : { isValid: true, errors: [] };
  if (!asl.isValid) {
    for (const e of asl.errors)
      out.problems.push(
        `SCHEMA_VALIDATION_FAILED: ${e.Message ?? e.message ?? 'invalid'} at ${e.schemaError?.instancePath || '/'}`,
      );
    return out;
  }
  checkStates(definition, type, out);
  return out;
}
