/** The Context object (`$$`) of a state: the execution, the state, the machine, the Map item, the task token. */
import { TASK_TOKEN_RESOURCES } from '../../catalog/stepFunctionsLimits.js';
import type { MapItem } from './execution.js';

/** The Context object, in the order of its members as Step Functions gives them. */
export type ContextObject = {
  readonly Execution: {
    readonly Id: string;
    readonly Input: unknown;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
  };
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount?: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  /** In a Map state's ItemSelector (or Parameters) alone, not in its processor's states. */
  readonly Map?: { readonly Item: MapItem };
  readonly Task?: { readonly Token: string };
};

/** What the Context object is made of. */
export interface ContextParts {
  readonly executionArn: string;
  readonly executionName: string;
  readonly input: unknown;
  readonly roleArn: string;
  readonly startEpochMs: number;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly stateName: string;
  readonly enteredTime: string;
  /** Only where a state can retry (recorded on AWS: a Pass state's has none). */
  readonly retryCount: number | undefined;
  /** The task's token, where it has one. */
  readonly taskToken: string | undefined;
}

/** The Context object of a state. */
export function contextObject(parts: ContextParts): ContextObject {
  return {
    Execution: {
      Id: parts.executionArn,
      Input: parts.input,
      Name: parts.executionName,
      RoleArn: parts.roleArn,
      StartTime: new Date(parts.startEpochMs).toISOString(),
      RedriveCount: 0,
    },
    State: {
      EnteredTime: parts.enteredTime,
      Name: parts.stateName,
      ...(parts.retryCount === undefined ? {} : { RetryCount: parts.retryCount }),
    },
    StateMachine: { Id: parts.stateMachineArn, Name: parts.stateMachineName },
    ...(parts.taskToken === undefined ? {} : { Task: { Token: parts.taskToken } }),
  };
}

/**
 * Whether a Task's resource is of the callback pattern or the job-run pattern, whose Context object
 * has a token (sfn.sync.task-token): a new one for each attempt.
 */
export function hasTaskToken(resource: unknown): boolean {
  return typeof resource === 'string' && TASK_TOKEN_RESOURCES.value.test(resource);
}

/** A task token: opaque, one per task attempt of the execution (Map iterations too), no random draw. */
export function taskToken(executionArn: string, state: string, serial: number): string {
  return Buffer.from(`${executionArn}#${state}#${serial}`).toString('base64');
}

/** The execution a task token was given in; undefined for a string no execution gives as a token. */
export function taskTokenExecution(token: string): string | undefined {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const m = /^(arn:[^#]+)#.*#\d+$/s.exec(text);
  // Base64 decoding is lenient: only a token that encodes back to itself is one.
  return m && Buffer.from(text).toString('base64') === token ? m[1] : undefined;
}
