/**
 * Small fast-check arbitraries of state machines with SageMaker tasks, for the oracle's own
 * property tests (the full generators are a module of their own). Test support: not in the build.
 */
import fc from 'fast-check';
import { API_NAMES, type Api, type Pattern } from '../../catalog/api.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

const nameArb = fc.stringMatching(/^[a-zA-Z0-9](-?[a-zA-Z0-9]){0,20}$/);
/** Names whose ARNs keep them as written (SageMaker lower-cases names in ARNs: sagemaker.arn.lower-case). */
const lowerNameArb = fc.stringMatching(/^[a-z0-9](-?[a-z0-9]){0,20}$/);

const valueArb = (jsonata: boolean, capitals = true) =>
  fc.oneof(
    (capitals ? nameArb : lowerNameArb).map((v) => ({ dynamic: false, value: v })),
    fc
      .constantFrom('$.name', '$$.Execution.Name', "States.Format('job-{}', $.id)")
      .map((path) => ({ dynamic: true, value: jsonata ? `{% $states.input.name %}` : path })),
  );

function setField(
  request: Record<string, unknown>,
  field: string,
  v: { dynamic: boolean; value: string },
  jsonata: boolean,
) {
  if (v.dynamic && !jsonata) request[`${field}.$`] = v.value;
  else request[field] = v.value;
}

/** A drawn SageMaker Task state, with the API and pattern it was drawn for. */
export interface GeneratedTask {
  readonly api: Api;
  readonly pattern: Pattern;
  readonly state: Record<string, unknown>;
}

const taskArbWith = (capitals: boolean): fc.Arbitrary<GeneratedTask> =>
  fc
    .record({
      api: fc.constantFrom(...API_NAMES),
      sync: fc.boolean(),
      jsonata: fc.boolean(),
      name: fc.boolean(),
    })
    .chain(({ api, sync, jsonata }) =>
      fc
        .record({
          name: valueArb(jsonata, capitals),
          role: valueArb(jsonata, capitals),
          related: valueArb(jsonata, capitals),
        })
        .map(({ name, role, related }) => {
          const facts = SAGEMAKER_APIS[api];
          const pattern: Pattern = sync && facts.job ? 'sync' : 'requestResponse';
          const request: Record<string, unknown> = {};
          setField(request, facts.nameField.value, name, jsonata);
          for (const r of facts.relatedResources.value) setField(request, r.nameField, related, jsonata);
          const roleField = facts.roleFields.value[0];
          if (roleField && roleField.path.length === 1) {
            setField(
              request,
              roleField.path[0]!,
              role.dynamic ? role : { dynamic: false, value: ROLE },
              jsonata,
            );
          } else if (roleField) {
            request[roleField.path[0]!] = { RoleArn: ROLE };
          }
          const resource = `arn:aws:states:::sagemaker:${facts.resourceName.value}${pattern === 'sync' ? '.sync' : ''}`;
          const state: Record<string, unknown> = jsonata
            ? { Type: 'Task', QueryLanguage: 'JSONata', Resource: resource, Arguments: request }
            : { Type: 'Task', Resource: resource, Parameters: request };
          return { api, pattern, state };
        }),
    );

/** A SageMaker Task state of any API and pattern, literal or dynamic members. */
export const taskArb = taskArbWith(true);

/** A definition with one to four SageMaker tasks, some inside Parallel or Map. */
export const definitionArb = definitionArbWith(true);

/** The same, with names in lower case only: their ARNs keep them as written. */
export const lowerCaseDefinitionArb = definitionArbWith(false);

function definitionArbWith(capitals: boolean) {
  return fc
    .array(fc.tuple(taskArbWith(capitals), fc.constantFrom('top', 'parallel', 'map')), {
      minLength: 1,
      maxLength: 4,
    })
    .map((tasks) => {
      const states: Record<string, unknown> = {};
      tasks.forEach(([task, where], i) => {
        const name = `S${i}`;
        const next = i + 1 < tasks.length ? { Next: `S${i + 1}` } : { End: true };
        const inner = { StartAt: 'T', States: { T: { ...task.state, End: true } } };
        if (where === 'top') states[name] = { ...task.state, ...next };
        else if (where === 'parallel') states[name] = { Type: 'Parallel', Branches: [inner], ...next };
        else states[name] = { Type: 'Map', ItemProcessor: inner, ...next };
      });
      return { StartAt: 'S0', States: states };
    });
}
