/**
 * Reading a definition's Task states: which are SageMaker optimized-integration tasks (their API,
 * pattern and partition from the Resource ARN, their request, Retry, Catch and timeouts), which
 * are other services, and what the service would reject.
 */
import {
  isPartition,
  type Pattern,
  type Partition,
  type QueryLanguage,
  type StateMachineType,
} from '../../catalog/api.js';
import { API_BY_RESOURCE_NAME, type ApiFacts } from '../../catalog/sagemakerApis.js';
import type { TaskPlan } from '../../contracts/casePlan.js';
import type { CallSubject } from '../calls/taskCalls.js';
import { optionalNumber, parseCatch, parseRequest, parseRetry } from './parseValues.js';
import { isObject, type JsonObject } from '../../syntax/json.js';
import { walkStates } from '../../syntax/stateTree.js';

/** A SageMaker optimized-integration Task state found in a definition. */
export interface SageMakerTask {
  readonly stateName: string;
  /** JSON pointer of the state in the definition, e.g. `/States/Par/Branches/0/States/Train`. */
  readonly pointer: string;
  readonly facts: ApiFacts;
  readonly pattern: Pattern;
  readonly partition: Partition;
  readonly queryLanguage: QueryLanguage;
  /**
   * The task in the plan's terms, as far as a definition tells them: the request (`Parameters` or
   * `Arguments`, literal and dynamic members), Retry, Catch and timeouts. The data-flow fields are
   * not read back.
   */
  readonly plan: TaskPlan;
  /** What the call model reads. */
  readonly subject: CallSubject;
  /** The Task state itself, as it stands in the definition (the object at `pointer`). */
  readonly state: Readonly<Record<string, unknown>>;
}

/** A Task state the oracles do not model (another service, or the AWS SDK integration). */
export interface UnmodelledTask {
  readonly stateName: string;
  readonly pointer: string;
  readonly resource: string;
}

/** Something in the definition that makes a prediction impossible; the CLI exits 2 with it. */
export interface DefinitionProblem {
  readonly pointer: string;
  readonly message: string;
}

/** The Task states of a definition: the SageMaker ones, the others, and what is wrong. */
export interface DefinitionTasks {
  readonly tasks: readonly SageMakerTask[];
  readonly unmodelled: readonly UnmodelledTask[];
  readonly problems: readonly DefinitionProblem[];
}

function closestApi(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of API_BY_RESOURCE_NAME.keys()) if (key.toLowerCase() === lower) return key;
  return undefined;
}

type ResourceAnalysis =
  | { kind: 'sagemaker'; facts: ApiFacts; pattern: Pattern; partition: Partition }
  | { kind: 'other' }
  | { kind: 'problem'; message: string };

/** Reads `arn:<partition>:states:::sagemaker:<api>[.sync|.waitForTaskToken]`. */
export function analyzeTaskResource(resource: string, type: StateMachineType): ResourceAnalysis {
  const parts = resource.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'states' || parts[5] !== 'sagemaker')
    return { kind: 'other' };
  const partition = parts[1]!;
  const apiPart = parts.slice(6).join(':');
  const dot = apiPart.indexOf('.');
  const name = dot < 0 ? apiPart : apiPart.slice(0, dot);
  const suffix = dot < 0 ? '' : apiPart.slice(dot + 1);
  const facts = API_BY_RESOURCE_NAME.get(name);
  if (!facts) {
    const hint = closestApi(name);
    const list = [...API_BY_RESOURCE_NAME.keys()].join(', ');
    return {
      kind: 'problem',
      message: hint
        ? `unknown SageMaker API "sagemaker:${name}": API names are case-sensitive; did you mean "sagemaker:${hint}"?`
        : `unknown SageMaker API "sagemaker:${name}": the optimized integration has ${list} (use arn:aws:states:::aws-sdk:sagemaker:... for other actions)`,
    };
  }
  let pattern: Pattern;
  if (suffix === '') pattern = 'requestResponse';
  else if (suffix === 'sync') pattern = 'sync';
  else if (suffix === 'waitForTaskToken') {
    return {
      kind: 'problem',
      message: `.waitForTaskToken is not supported by the SageMaker integration (sfn.sagemaker.patterns): use "${resource.slice(0, resource.length - suffix.length - 1)}" or .sync`,
    };
  } else {
    return {
      kind: 'problem',
      message: `unknown integration pattern ".${suffix}" on sagemaker:${name}: use no suffix or .sync`,
    };
  }
  if (!facts.patterns.value.includes(pattern)) {
    return {
      kind: 'problem',
      message: `.sync is not available for sagemaker:${name} (only the five job APIs have it, sfn.sagemaker.patterns): remove the .sync suffix`,
    };
  }
  if (type === 'EXPRESS' && !facts.expressPatterns.value.includes(pattern)) {
    return {
      kind: 'problem',
      message: `.sync is not supported in Express state machines (sfn.express.request-response-only): use a Standard state machine or request-response`,
    };
  }
  if (!isPartition(partition)) {
    return {
      kind: 'problem',
      message: `unsupported partition "${partition}" in ${resource}: use aws, aws-cn or aws-us-gov`,
    };
  }
  return { kind: 'sagemaker', facts, pattern, partition };
}

/**
 * Finds every Task state of a definition, wherever it sits: top level, Parallel branches, Map
 * `Iterator` / `ItemProcessor`. SageMaker optimized-integration tasks are returned with their
 * facts; other tasks are listed as not modelled; a SageMaker task the service would reject is a
 * problem.
 */
export function findTasks(definition: unknown, type: StateMachineType = 'STANDARD'): DefinitionTasks {
  const tasks: SageMakerTask[] = [];
  const unmodelled: UnmodelledTask[] = [];
  const problems: DefinitionProblem[] = [];

  const readTask = (name: string, state: JsonObject, pointer: string, queryLanguage: QueryLanguage): void => {
    if (typeof state.Resource !== 'string') {
      problems.push({ pointer: `${pointer}/Resource`, message: 'a Task state needs a Resource string' });
      return;
    }
    const analysis = analyzeTaskResource(state.Resource, type);
    if (analysis.kind === 'other') {
      unmodelled.push({ stateName: name, pointer, resource: state.Resource });
      return;
    }
    if (analysis.kind === 'problem') {
      problems.push({ pointer: `${pointer}/Resource`, message: analysis.message });
      return;
    }
    const template =
      queryLanguage === 'JSONata'
        ? (state.Arguments ?? state.Parameters)
        : (state.Parameters ?? state.Arguments);
    const timeout = optionalNumber(state.TimeoutSeconds);
    const heartbeat = optionalNumber(state.HeartbeatSeconds);
    const plan: TaskPlan = {
      kind: 'task',
      name,
      api: analysis.facts.api,
      pattern: analysis.pattern,
      queryLanguage,
      request: parseRequest(template, queryLanguage),
      retry: parseRetry(state.Retry),
      catch: parseCatch(state.Catch),
      ...(timeout === undefined ? {} : { timeoutSeconds: timeout }),
      ...(heartbeat === undefined ? {} : { heartbeatSeconds: heartbeat }),
    };
    tasks.push({
      stateName: name,
      pointer,
      facts: analysis.facts,
      pattern: analysis.pattern,
      partition: analysis.partition,
      queryLanguage,
      plan,
      subject: {
        state: name,
        pointer,
        api: plan.api,
        pattern: plan.pattern,
        partition: analysis.partition,
        request: plan.request,
      },
      state,
    });
  };

  if (!isObject(definition)) {
    return {
      tasks,
      unmodelled,
      problems: [{ pointer: '/', message: 'a state machine definition must be a JSON object' }],
    };
  }
  walkStates(
    definition,
    ({ name, state, pointer, queryLanguage }) => {
      if (state.Type === 'Task') readTask(name, state, pointer, queryLanguage);
    },
    (malformed) => problems.push(malformed),
  );
  return { tasks, unmodelled, problems };
}
