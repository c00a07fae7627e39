/**
 * A TaskHandler that answers the states of a mock test case from their mocked responses and hands
 * every other state to the integration it wraps (Step Functions Local's mocked service
 * integrations). A mocked `.sync` or `.waitForTaskToken` state records TaskSubmitted before its
 * answer, which stands for the job's or the callback's outcome. A mocked state makes no call as the execution role: nothing is authorized or
 * recorded for it, and any resource may be mocked (Lambda, Glue, SNS, `aws-sdk:*`, SageMaker).
 */
import type { TaskHandler, TaskInvocation } from '../engine/taskHandler.js';
import { StatesError } from '../engine/statesError.js';
import { describeResource } from '../engine/taskResource.js';
import { hasTaskToken } from '../engine/contextObject.js';
import type { MockCase } from './mockConfig.js';

/** Runs a test case's mocked states with their responses; other states go to the real handler. */
export class MockedTasks implements TaskHandler {
  /** Invocations so far, per mocked state (one counter per state and execution). */
  private readonly invocations = new Map<string, number>();

  constructor(
    private readonly mock: MockCase,
    private readonly integration: TaskHandler,
  ) {}

  describe(resource: string, stateName: string): { resourceType: string; resource: string } | undefined {
    return this.mock.states.has(stateName)
      ? describeResource(resource)
      : this.integration.describe(resource, stateName);
  }

  invoke(invocation: TaskInvocation): Promise<unknown> {
    const response = this.mock.states.get(invocation.stateName);
    if (!response) return this.integration.invoke(invocation);
    const n = this.invocations.get(invocation.stateName) ?? 0;
    this.invocations.set(invocation.stateName, n + 1);
    const answer = response.answers[n];
    if (!answer)
      return Promise.reject(
        new StatesError(
          'States.Runtime',
          `The mocked response '${response.name}' of test case '${this.mock.machine}#${this.mock.testCase}' has no answer for invocation ${n} of the state '${invocation.stateName}' (it answers ${response.answers.length === 1 ? 'invocation 0' : `invocations 0-${response.answers.length - 1}`})`,
        ),
      );
    // A `.sync` job or a `.waitForTaskToken` request is submitted before its outcome arrives
    // (recorded on AWS: TaskSubmitted precedes it); the mock gives the outcome, not the service's
    // immediate response, so TaskSubmitted carries no output.
    if (hasTaskToken(invocation.resource)) invocation.submitted();
    if (answer.kind === 'throw') return Promise.reject(new StatesError(answer.error, answer.cause ?? ''));
    return Promise.resolve(structuredClone(answer.value));
  }
}
