/**
 * Invalid cases for `sample --include-invalid`: a definition with exactly one problem, labelled
 * with the problem `validate` reports (`<code> at <pointer>`).
 */
import fc from 'fast-check';
import { API_NAMES } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import { problemLabel } from '../validation/validateDefinition.js';
import { caseId, validCaseArb, type Case, type CaseContent } from './case.js';
import { negativeRequestArb } from './negativeRequests.js';

type Mutation = (content: CaseContent) => fc.Arbitrary<CaseContent | undefined>;

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The single-task machine of the request mutations: `Task`, then End. */
function singleTask(resource: string, request: Record<string, unknown>): Record<string, unknown> {
  return {
    StartAt: 'Task',
    States: { Task: { Type: 'Task', Resource: resource, Parameters: request, End: true } },
  };
}

function labelled(
  content: CaseContent,
  definition: Record<string, unknown>,
  code: string,
  pointer: string,
): CaseContent {
  return { ...content, definition, validity: { valid: false, violation: problemLabel({ code, pointer }) } };
}

const requestMutation: Mutation = (content) =>
  negativeRequestArb(content.api).map((negative) => {
    const resource = `arn:aws:states:::sagemaker:${SAGEMAKER_APIS[content.api].resourceName.value}`;
    const code = negative.breaks.rule ? `semantic:${negative.breaks.rule}` : negative.breaks.constraint;
    return labelled(
      {
        ...content,
        pattern: 'requestResponse',
        resourceMode: 'static',
        queryLanguage: 'JSONPath',
        shape: 'single',
        wrappers: [],
        input: {},
      },
      singleTask(resource, negative.request),
      code,
      `/States/Task/Parameters${negative.breaks.path}`,
    );
  });

/** `.waitForTaskToken` on sagemaker:*, `.sync` on an API without it, an unknown API name. */
const NON_JOB_APIS = API_NAMES.filter((a) => !SAGEMAKER_APIS[a].job);
const resourceMutation: Mutation = (content) =>
  fc.constantFrom('waitForTaskToken', 'syncOnNonJob', 'unknownApi').chain((kind) =>
    (kind === 'syncOnNonJob' ? fc.constantFrom(...NON_JOB_APIS) : fc.constant(content.api)).chain((api) => {
      const name = SAGEMAKER_APIS[api].resourceName.value;
      const resource =
        kind === 'syncOnNonJob'
          ? `arn:aws:states:::sagemaker:${name}.sync`
          : kind === 'waitForTaskToken'
            ? `arn:aws:states:::sagemaker:${name}.waitForTaskToken`
            : `arn:aws:states:::sagemaker:${name}s`;
      // The request itself is valid: it comes from a valid single-task case of the same API.
      return validCaseArb({ api, shape: 'single', queryLanguage: 'JSONPath' }).map((valid) => {
        const { Catch: _catch, ...task } = (
          valid.definition.States as Record<string, Record<string, unknown>>
        ).Task!;
        const definition = { StartAt: 'Task', States: { Task: { ...task, Resource: resource } } };
        const pattern =
          kind === 'waitForTaskToken' ? 'waitForTaskToken' : kind === 'syncOnNonJob' ? 'sync' : valid.pattern;
        return labelled(
          { ...valid, pattern, wrappers: valid.wrappers.filter((w) => w !== 'Catch') },
          definition,
          'integration',
          '/States/Task/Resource',
        );
      });
    }),
  );

/** Retry and timeout rules asl-validator misses (spec §5.2, §5.3). */
const aslMutation: Mutation = (content) =>
  fc.constantFrom('retry-backoff-rate', 'retry-interval', 'states-all', 'heartbeat-timeout').map((code) => {
    const definition = structuredClone(content.definition);
    const states = definition.States as Record<string, Record<string, unknown>>;
    const [name, task] = Object.entries(states).find(([, s]) => s.Type === 'Task') ?? [];
    if (!name || !task) return undefined;
    const at = `/States/${escape(name)}`;
    delete task.Retry;
    delete task.HeartbeatSeconds;
    delete task.TimeoutSeconds;
    if (code === 'retry-backoff-rate') {
      task.Retry = [{ ErrorEquals: ['States.TaskFailed'], BackoffRate: 0.5 }];
      return labelled(content, definition, code, `${at}/Retry/0/BackoffRate`);
    }
    if (code === 'retry-interval') {
      task.Retry = [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 0 }];
      return labelled(content, definition, code, `${at}/Retry/0/IntervalSeconds`);
    }
    if (code === 'states-all') {
      task.Retry = [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }];
      return labelled(content, definition, code, `${at}/Retry/0/ErrorEquals`);
    }
    task.TimeoutSeconds = 60;
    task.HeartbeatSeconds = 60;
    return labelled(content, definition, code, `${at}/HeartbeatSeconds`);
  });

/** The kinds of invalid case: a request value, the integration's resource, an ASL rule. */
export type InvalidKind = 'request' | 'resource' | 'asl';

/** An invalid case: a valid one with one labelled mutation. */
export function invalidCaseArb(
  filter: Parameters<typeof validCaseArb>[0] = {},
  kinds: readonly InvalidKind[] = ['request', 'resource', 'asl'],
): fc.Arbitrary<CaseContent> {
  const weights: Record<InvalidKind, [number, Mutation]> = {
    request: [3, requestMutation],
    resource: [1, resourceMutation],
    asl: [1, aslMutation],
  };
  return validCaseArb({ ...filter, shape: filter.shape ?? 'single', variant: 'predicted' })
    .chain((content) =>
      fc.oneof(...kinds.map((k) => ({ weight: weights[k][0], arbitrary: weights[k][1](content) }))),
    )
    .filter((c): c is CaseContent => c !== undefined);
}

export function withId(content: CaseContent, replay: Case['replay']): Case {
  return { id: caseId(content), ...content, replay };
}
