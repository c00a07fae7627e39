/**
 * The callback pattern (`.waitForTaskToken`) of the services the emulator does not run (Lambda,
 * SQS, SNS, ...): the task's request is taken as sent (TaskSubmitted), and the task waits for its
 * token to be answered with SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token).
 * A TaskHandler that wraps the one that runs the other tasks; the tokens of one execution are kept
 * in its CallbackTokens, which the Send operations reach.
 */
import { describeResource } from '../engine/taskResource.js';
import type { Callback, TaskHandler, TaskInvocation } from '../engine/taskHandler.js';

/** Whether a Task's resource is of the callback pattern. */
export const isCallbackResource = (resource: string): boolean => resource.endsWith('.waitForTaskToken');

/** Where a token stands: its task waits for an answer, or has ended (answered, timed out, aborted). */
export type TokenState = { readonly waiting: Callback } | { readonly ended: true };

/** The callback tokens of one execution: the tasks waiting, and those that have ended. */
export class CallbackTokens {
  private readonly tokens = new Map<string, TokenState>();

  /** A task's token, from its wait's start. */
  open(token: string, callback: Callback): void {
    this.tokens.set(token, { waiting: callback });
  }

  /** The task of a token has ended: an answer now is too late. */
  close(token: string): void {
    this.tokens.set(token, { ended: true });
  }

  /** Where a token stands; undefined for one no callback task of the execution was given. */
  state(token: string): TokenState | undefined {
    return this.tokens.get(token);
  }
}

/**
 * Runs the callback tasks of the resources the wrapped handler does not run; every other task is
 * the wrapped handler's (the SageMaker integration: its `.waitForTaskToken` is refused at creation).
 */
export class CallbackTasks implements TaskHandler {
  constructor(
    private readonly handler: TaskHandler,
    private readonly tokens: CallbackTokens,
  ) {}

  private own(resource: string, stateName: string): boolean {
    return isCallbackResource(resource) && this.handler.describe(resource, stateName) === undefined;
  }

  describe(resource: string, stateName: string): { resourceType: string; resource: string } | undefined {
    return this.own(resource, stateName)
      ? describeResource(resource)
      : this.handler.describe(resource, stateName);
  }

  async invoke(invocation: TaskInvocation): Promise<unknown> {
    if (!this.own(invocation.resource, invocation.stateName)) return this.handler.invoke(invocation);
    const token = invocation.taskToken!;
    // The request is taken as sent; no service answers it here, so TaskSubmitted has no output
    // (recorded on AWS: TaskSubmitted, then TaskSucceeded, TaskFailed or TaskTimedOut).
    invocation.submitted();
    try {
      return await invocation.waitForCallback((callback) => this.tokens.open(token, callback));
    } finally {
      this.tokens.close(token);
    }
  }
}
