/**
 * Task states for the SageMaker integration: the Resource for (api, pattern), the request as
 * Parameters (JSONPath) or Arguments (JSONata) with a static or dynamic name, and optional wrappers
 * (Retry, Catch, timeouts, ResultSelector / ResultPath / OutputPath, Output).
 */
import fc from 'fast-check';
import {
  PATTERN_SUFFIX,
  type Api,
  type Pattern,
  type QueryLanguage,
  type ResourceMode,
} from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import { REQUEST_ARBITRARIES, type SageMakerRequest } from './requests.js';
import { resourceNameArb } from './values.js';

/** How a dynamic name is computed. */
export type DynamicName = 'inputPath' | 'format' | 'executionName';

export type Wrapper =
  | 'Retry'
  | 'Catch'
  | 'TimeoutSeconds'
  | 'HeartbeatSeconds'
  | 'ResultSelector'
  | 'ResultPath'
  | 'OutputPath'
  | 'Output';

export interface GeneratedTask {
  readonly api: Api;
  readonly pattern: Pattern;
  readonly resourceMode: ResourceMode;
  readonly queryLanguage: QueryLanguage;
  readonly dynamicName?: DynamicName;
  readonly wrappers: readonly Wrapper[];
  /** The Task state, without Next/End and without Catch targets resolved (see `catchTo`). */
  readonly state: Record<string, unknown>;
  /** The request as SageMaker receives it once Step Functions has resolved the dynamic values. */
  readonly request: SageMakerRequest;
  /** Execution input the dynamic values read. */
  readonly input: Record<string, unknown>;
  /** JSONPath (or JSONata expression) to the created resource's ARN in the state's output; undefined when the output drops it. */
  readonly arnPath?: string;
}

export interface TaskOptions {
  readonly api: Api;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  /** Name of the state errors are caught into, when a Catch is generated. */
  readonly catchTo?: string;
  /** Input field names are prefixed with this, so several tasks of one machine do not collide. */
  readonly inputPrefix?: string;
  /** The execution's name, for `$$.Execution.Name` names (must itself be a valid name then). */
  readonly executionName: string;
}

/** Errors a SageMaker task can raise (spec §4.4, §5.4). */
export const TASK_ERROR_NAMES = [
  'SageMaker.AmazonSageMakerException',
  'SageMaker.ResourceLimitExceededException',
  'SageMaker.ResourceInUseException',
  'SageMaker.ResourceNotFoundException',
  'States.TaskFailed',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.Permissions',
] as const;

/** Error lists of retriers and catchers: named errors, with `States.ALL` alone and last. */
function errorListsArb(maxLists: number): fc.Arbitrary<string[][]> {
  // `States.TaskFailed` alone is common in real definitions, and the error-matching rule that needs testing most.
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant([['States.TaskFailed']]).map((l) => l.map((x) => [...x])) },
    { weight: 3, arbitrary: namedErrorListsArb(maxLists) },
  );
}

function namedErrorListsArb(maxLists: number): fc.Arbitrary<string[][]> {
  return fc
    .tuple(
      fc.array(fc.uniqueArray(fc.constantFrom(...TASK_ERROR_NAMES), { minLength: 1, maxLength: 3 }), {
        minLength: 0,
        maxLength: maxLists,
      }),
      fc.boolean(),
    )
    .map(([lists, all]) => (all || lists.length === 0 ? [...lists, ['States.ALL']] : lists));
}

const retryArb = errorListsArb(2).chain((lists) =>
  fc.tuple(
    ...lists.map((ErrorEquals) =>
      fc
        .record({
          IntervalSeconds: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
          MaxAttempts: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          BackoffRate: fc.option(fc.constantFrom(1, 1.1, 1.5, 2, 3), { nil: undefined }),
          MaxDelaySeconds: fc.option(fc.integer({ min: 1, max: 3600 }), { freq: 4, nil: undefined }),
          JitterStrategy: fc.option(fc.constantFrom('FULL', 'NONE'), { freq: 4, nil: undefined }),
        })
        .map((fields) => {
          const retrier: Record<string, unknown> = { ErrorEquals };
          for (const [k, v] of Object.entries(fields)) if (v !== undefined) retrier[k] = v;
          return retrier;
        }),
    ),
  ),
);

function setDynamic(
  request: SageMakerRequest,
  field: string,
  language: QueryLanguage,
  kind: DynamicName,
  inputField: string,
): void {
  delete request[field];
  if (language === 'JSONPath') {
    const expression =
      kind === 'inputPath'
        ? `$.${inputField}`
        : kind === 'format'
          ? `States.Format('{}-run', $.${inputField})`
          : '$$.Execution.Name';
    request[`${field}.$`] = expression;
  } else {
    const expression =
      kind === 'inputPath'
        ? `{% $states.input.${inputField} %}`
        : kind === 'format'
          ? `{% $states.input.${inputField} & '-run' %}`
          : '{% $states.context.Execution.Name %}';
    request[field] = expression;
  }
}

/** A Task state for the API, with everything the case needs to know about it. */
export function taskStateArb(options: TaskOptions): fc.Arbitrary<GeneratedTask> {
  const facts = SAGEMAKER_APIS[options.api];
  const patterns = facts.patterns.value;
  return fc
    .record({
      request: REQUEST_ARBITRARIES[options.api],
      pattern: options.pattern ? fc.constant(options.pattern) : fc.constantFrom(...patterns),
      language: options.queryLanguage
        ? fc.constant(options.queryLanguage)
        : fc.constantFrom<QueryLanguage>('JSONPath', 'JSONata'),
      dynamic: fc.option(fc.constantFrom<DynamicName>('inputPath', 'inputPath', 'format', 'executionName'), {
        freq: 2,
        nil: undefined,
      }),
      // Short enough for every name field, HPO's 32 characters included, with the '-run' suffix.
      dynamicValue: resourceNameArb(27),
      retry: fc.option(retryArb, { freq: 2, nil: undefined }),
      catchLists: fc.option(errorListsArb(1), { freq: 2, nil: undefined }),
      catchResultPath: fc.boolean(),
      // Short timeouts too, so that jobs outlive them.
      timeout: fc.option(fc.oneof(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 60, max: 86_400 })), {
        freq: 3,
        nil: undefined,
      }),
      heartbeat: fc.boolean(),
      selector: fc.boolean(),
      resultPath: fc.constantFrom<string | null | undefined>(undefined, undefined, '$.result', null),
      output: fc.boolean(),
    })
    .map((g) => {
      const language = g.language;
      // Only top-level members change below: shallow copies keep fast-check's values intact.
      const request = { ...g.request };
      const prefix = options.inputPrefix ?? '';
      const nameField = facts.nameField.value;
      const input: Record<string, unknown> = {};
      let resolved = { ...g.request };
      if (g.dynamic) {
        const inputField = `${prefix}${g.dynamic === 'format' ? 'runId' : 'jobName'}`;
        setDynamic(request, nameField, language, g.dynamic, inputField);
        const value = g.dynamic === 'executionName' ? options.executionName : g.dynamicValue;
        if (g.dynamic !== 'executionName') input[inputField] = g.dynamicValue;
        resolved = { ...resolved, [nameField]: g.dynamic === 'format' ? `${value}-run` : value };
      }
      const wrappers: Wrapper[] = [];
      const state: Record<string, unknown> = {
        Type: 'Task',
        Resource: `arn:aws:states:::sagemaker:${facts.resourceName.value}${PATTERN_SUFFIX[g.pattern]}`,
      };
      if (language === 'JSONata') state.QueryLanguage = 'JSONata';
      state[language === 'JSONPath' ? 'Parameters' : 'Arguments'] = request;
      if (g.timeout !== undefined) {
        state.TimeoutSeconds = g.timeout;
        wrappers.push('TimeoutSeconds');
        if (g.heartbeat && g.pattern === 'sync') {
          state.HeartbeatSeconds = Math.max(1, Math.floor(g.timeout / 2));
          wrappers.push('HeartbeatSeconds');
        }
      }
      const resultField = facts.resultField.value;
      let arnPath: string | undefined;
      if (language === 'JSONPath') {
        let key = resultField;
        if (g.selector) {
          state.ResultSelector = { 'Arn.$': `$.${resultField}` };
          key = 'Arn';
          wrappers.push('ResultSelector');
        }
        if (g.resultPath !== undefined) {
          state.ResultPath = g.resultPath;
          wrappers.push('ResultPath');
        }
        if (g.resultPath === null) arnPath = undefined;
        else if (g.resultPath === '$.result') {
          if (g.output) {
            state.OutputPath = '$.result';
            wrappers.push('OutputPath');
            arnPath = `$.${key}`;
          } else arnPath = `$.result.${key}`;
        } else arnPath = `$.${key}`;
      } else {
        if (g.output) {
          state.Output = { arn: `{% $states.result.${resultField} %}` };
          wrappers.push('Output');
          arnPath = 'arn';
        } else arnPath = resultField;
      }
      if (g.retry) {
        state.Retry = g.retry;
        wrappers.push('Retry');
      }
      if (g.catchLists && options.catchTo) {
        state.Catch = g.catchLists.map((ErrorEquals) => {
          const catcher: Record<string, unknown> = { ErrorEquals, Next: options.catchTo };
          if (language === 'JSONPath' && g.catchResultPath) catcher.ResultPath = '$.error';
          return catcher;
        });
        wrappers.push('Catch');
      }
      const task: GeneratedTask = {
        api: options.api,
        pattern: g.pattern,
        resourceMode: g.dynamic ? 'dynamic' : 'static',
        queryLanguage: language,
        ...(g.dynamic ? { dynamicName: g.dynamic } : {}),
        wrappers,
        state,
        request: resolved,
        input,
        ...(arnPath === undefined ? {} : { arnPath }),
      };
      return task;
    });
}
