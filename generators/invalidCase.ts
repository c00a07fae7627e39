/**
 * Invalid cases: a definition with exactly one problem, labelled with the problem `validate`
 * reports (`<code> at <pointer>`) and, for the oracles, what it breaks; or a valid definition
 * whose request breaks a constraint with a value given at run time, which `validate` cannot see,
 * labelled with the problem SageMaker finds at the member that gives the value.
 *
 * A request mutation is a case of its own: one Task with the broken request, the policy predicted
 * for it and a world without injected errors, so that the call reaches SageMaker's validation
 * (AccessDenied and ValidationException share an error name; only then does the cause tell them
 * apart).
 */
import fc from 'fast-check';
import { API_NAMES } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { Breakage, PlanValue, ValueSource } from '../contracts/casePlan.js';
import { problemLabel } from '../validation/validateDefinition.js';
import { caseId, caseFrame, predictedPolicy, primaryTask, validCaseArb, type CaseFilter } from './case.js';
import type { Case, CaseContent } from '../contracts/case.js';
import { singleTaskPlan } from './machine/singleTask.js';
import { lowerCaseNames, negativeRequestArb } from './negativeRequests.js';
import { REQUEST_ARBITRARIES } from './requests.js';
import { refusedNameArb, resourceNameArb } from './values.js';

type Mutation = (content: CaseContent) => fc.Arbitrary<CaseContent | undefined>;

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/a/0/b` as path segments. */
const segments = (pointer: string): (string | number)[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));

function labelled(
  content: CaseContent,
  definition: Record<string, unknown>,
  code: string,
  pointer: string,
  breaks: Breakage,
): CaseContent {
  return {
    ...content,
    definition,
    validity: { valid: false, violation: problemLabel({ code, pointer }), breaks },
  };
}

/** One Task with a request that breaks one SageMaker constraint. */
const requestMutation: Mutation = (content) =>
  negativeRequestArb(content.api, true).map((negative) => {
    const plan = singleTaskPlan({
      kind: 'task',
      name: 'Task',
      api: content.api,
      pattern: 'requestResponse',
      queryLanguage: 'JSONPath',
      request: { literal: negative.request, dynamic: [] },
      retry: [],
      catch: [],
    });
    const frame = caseFrame({ plan, input: {} }, content.executionName);
    const code = negative.breaks.rule ? `semantic:${negative.breaks.rule}` : negative.breaks.constraint;
    const policy = predictedPolicy(frame.definition);
    return labelled(
      {
        ...content,
        ...frame,
        scenario: { referencesExist: true },
        policyVariant: { kind: 'predicted' },
        policy,
      },
      frame.definition,
      code,
      `/States/Task/Parameters${negative.breaks.path}`,
      {
        kind: 'request',
        constraint: negative.breaks.constraint,
        ...(negative.breaks.rule ? { rule: negative.breaks.rule } : {}),
        ...(negative.breaks.form ? { form: negative.breaks.form } : {}),
        at: segments(negative.breaks.path),
      },
    );
  });

/** The form of a request whose name, given at run time, SageMaker's name pattern refuses. */
export const RUN_TIME_NAME_FORM = 'a name with an underscore, given at run time';

/**
 * One Task naming its resource at run time as pipelines build names from a date or a run id, with
 * an underscore: read from the input or the execution's name, or built with `States.Format` or
 * JSONata. The definition is valid (`validate` cannot see the value); SageMaker refuses the
 * request when the task runs. Labelled with what SageMaker finds, at the member that gives the name.
 */
const runTimeNameMutation: Mutation = (content) => {
  const api = content.api;
  const nameField = SAGEMAKER_APIS[api].nameField.value;
  return fc
    .record({
      request: REQUEST_ARBITRARIES[api],
      // Room for the '-run' suffix within HPO's 32 characters; an execution's name takes it too.
      name: refusedNameArb(28).map((name) => name.toLowerCase()),
      given: fc.constantFrom('input', 'executionName', 'format', 'jsonata'),
    })
    .map(({ request, name, given }) => {
      const { [nameField]: _literal, ...literal } = lowerCaseNames(api, { ...request });
      const source: ValueSource =
        given === 'executionName' ? { from: 'executionName' } : { from: 'input', path: ['jobName'] };
      const value: PlanValue =
        given === 'format'
          ? { given: 'format', template: '{}-run', args: [source] }
          : given === 'jsonata'
            ? { given: 'jsonata', parts: [source, { text: '-run' }] }
            : { given: 'path', source };
      const queryLanguage = given === 'jsonata' ? 'JSONata' : 'JSONPath';
      const plan = singleTaskPlan({
        kind: 'task',
        name: 'Task',
        api,
        pattern: 'requestResponse',
        queryLanguage,
        request: { literal, dynamic: [{ at: [nameField], value }] },
        retry: [],
        catch: [],
      });
      const executionName = given === 'executionName' ? name : content.executionName;
      const frame = caseFrame(
        { plan, input: given === 'executionName' ? {} : { jobName: name } },
        executionName,
      );
      const pointer =
        queryLanguage === 'JSONata'
          ? `/States/Task/Arguments/${nameField}`
          : `/States/Task/Parameters/${nameField}.$`;
      return labelled(
        {
          ...content,
          ...frame,
          scenario: { referencesExist: true },
          policyVariant: { kind: 'predicted' },
          policy: predictedPolicy(frame.definition),
        },
        frame.definition,
        'pattern',
        pointer,
        { kind: 'request', constraint: 'pattern', form: RUN_TIME_NAME_FORM, at: [nameField] },
      );
    });
};

/** `.waitForTaskToken` on sagemaker:*, `.sync` on an API without it, an unknown API name. */
const NON_JOB_APIS = API_NAMES.filter((a) => !SAGEMAKER_APIS[a].job);
const resourceMutation: Mutation = (content) =>
  fc.constantFrom('waitForTaskToken', 'syncOnNonJob', 'unknownApi' as const).chain((kind) =>
    (kind === 'syncOnNonJob' ? fc.constantFrom(...NON_JOB_APIS) : fc.constant(content.api)).chain((api) => {
      const name = SAGEMAKER_APIS[api].resourceName.value;
      const resource =
        kind === 'syncOnNonJob'
          ? `arn:aws:states:::sagemaker:${name}.sync`
          : kind === 'waitForTaskToken'
            ? `arn:aws:states:::sagemaker:${name}.waitForTaskToken`
            : `arn:aws:states:::sagemaker:${name}s`;
      // The request itself is valid: it comes from a valid single-task case of the same API.
      return validCaseArb({ api, shape: 'single', queryLanguage: 'JSONPath', policy: 'predicted' }).map(
        (valid) => {
          // The task as the plan names it (state names are as people write them).
          const stateName = primaryTask(valid.plan).name;
          const { Catch: _catch, ...task } = (
            valid.definition.States as Record<string, Record<string, unknown>>
          )[stateName]!;
          const definition = {
            StartAt: stateName,
            States: { [stateName]: { ...task, Resource: resource } },
          };
          const pattern =
            kind === 'waitForTaskToken'
              ? 'waitForTaskToken'
              : kind === 'syncOnNonJob'
                ? 'sync'
                : valid.pattern;
          return labelled(
            { ...valid, pattern, wrappers: valid.wrappers.filter((w) => w !== 'Catch') },
            definition,
            'integration',
            `/States/${escape(stateName)}/Resource`,
            { kind: 'resource', problem: kind },
          );
        },
      );
    }),
  );

/**
 * Retry and timeout rules asl-validator misses (sfn.create.invalid-definition), and the other query
 * language's fields: Arguments, Output or a Choice's Condition in a JSONPath state, a `.$` key in
 * JSONata.
 */
const aslMutation: Mutation = (content) =>
  fc
    .constantFrom(
      'retry-backoff-rate',
      'retry-interval',
      'states-all',
      'heartbeat-timeout',
      // The query-language mix-ups people make, more often (each needs one of the two languages).
      'jsonata-field',
      'jsonata-field',
      'jsonata-field',
      'jsonata-condition',
      'jsonata-condition',
      'jsonata-condition',
      'jsonpath-key',
      'jsonpath-key',
      'jsonpath-key',
    )
    .map((kind) => {
      const definition = structuredClone(content.definition);
      const states = definition.States as Record<string, Record<string, unknown>>;
      const [name, task] = Object.entries(states).find(([, s]) => s.Type === 'Task') ?? [];
      if (!name || !task) return undefined;
      const at = `/States/${escape(name)}`;
      const jsonata = (definition.QueryLanguage ?? task.QueryLanguage) === 'JSONata';
      if (kind === 'jsonpath-key') {
        // A JSONPath habit in JSONata: the first literal string member given as a `.$` path.
        if (!jsonata || typeof task.Arguments !== 'object' || task.Arguments === null) return undefined;
        const args = task.Arguments as Record<string, unknown>;
        const key = Object.keys(args).find(
          (k) => typeof args[k] === 'string' && !String(args[k]).startsWith('{%'),
        );
        if (!key) return undefined;
        task.Arguments = Object.fromEntries(
          Object.entries(args).map(([k, v]) => (k === key ? [`${k}.$`, `$.${k}`] : [k, v])),
        );
        return labelled(content, definition, kind, `${at}/Arguments/${escape(key)}.$`, {
          kind: 'asl',
          rule: kind,
        });
      }
      if (kind === 'jsonata-field' || kind === 'jsonata-condition') {
        if (jsonata) return undefined;
        if (kind === 'jsonata-field') {
          // JSONata's Arguments in a JSONPath state (the definition moved without its QueryLanguage).
          task.Arguments = task.Parameters;
          delete task.Parameters;
          return labelled(content, definition, 'jsonata-field', `${at}/Arguments`, {
            kind: 'asl',
            rule: kind,
          });
        }
        // A Choice before the task with a JSONata Condition.
        const check = name === 'Check flag' ? 'Check flag 2' : 'Check flag';
        states[check] = {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.run = true %}', Next: name }],
          Default: name,
        };
        definition.StartAt = check;
        return labelled(
          content,
          definition,
          'jsonata-field',
          `/States/${escape(check)}/Choices/0/Condition`,
          {
            kind: 'asl',
            rule: kind,
          },
        );
      }
      const code = kind;
      const breaks: Breakage = { kind: 'asl', rule: code };
      delete task.Retry;
      delete task.HeartbeatSeconds;
      delete task.TimeoutSeconds;
      if (code === 'retry-backoff-rate') {
        task.Retry = [{ ErrorEquals: ['States.TaskFailed'], BackoffRate: 0.5 }];
        return labelled(content, definition, code, `${at}/Retry/0/BackoffRate`, breaks);
      }
      if (code === 'retry-interval') {
        task.Retry = [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 0 }];
        return labelled(content, definition, code, `${at}/Retry/0/IntervalSeconds`, breaks);
      }
      if (code === 'states-all') {
        task.Retry = [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }];
        return labelled(content, definition, code, `${at}/Retry/0/ErrorEquals`, breaks);
      }
      task.TimeoutSeconds = 60;
      task.HeartbeatSeconds = 60;
      return labelled(content, definition, code, `${at}/HeartbeatSeconds`, breaks);
    });

/** The kinds of invalid case: a request value, the integration's resource, an ASL rule. */
export type InvalidKind = 'request' | 'resource' | 'asl';

/** An invalid case: a valid one with one labelled mutation. */
export function invalidCaseArb(
  filter: Omit<CaseFilter, 'policy'> = {},
  kinds: readonly InvalidKind[] = ['request', 'resource', 'asl'],
): fc.Arbitrary<CaseContent> {
  // A request's broken value is now and then one given at run time.
  const request: Mutation = (content) =>
    fc.oneof(
      { weight: 7, arbitrary: requestMutation(content) },
      { weight: 1, arbitrary: runTimeNameMutation(content) },
    );
  const weights: Record<InvalidKind, [number, Mutation]> = {
    request: [3, request],
    resource: [1, resourceMutation],
    asl: [1, aslMutation],
  };
  // A request mutation needs only the API and the names of the case; the others mutate a whole valid case.
  const onlyRequests = kinds.length === 1 && kinds[0] === 'request';
  const base: fc.Arbitrary<CaseContent> = onlyRequests
    ? fc
        .tuple(filter.api ? fc.constant(filter.api) : fc.constantFrom(...API_NAMES), resourceNameArb(32))
        .map(([api, executionName]) => ({ api, executionName }) as CaseContent)
    : validCaseArb({ ...filter, shape: filter.shape ?? 'single', policy: 'predicted' });
  return base
    .chain((content) =>
      fc.oneof(...kinds.map((k) => ({ weight: weights[k][0], arbitrary: weights[k][1](content) }))),
    )
    .filter((c): c is CaseContent => c !== undefined);
}

/** The case with its id (a hash of its content) and how to replay it. */
export function withId(content: CaseContent, replay: Case['replay']): Case {
  return { id: caseId(content), ...content, replay };
}
