/**
 * What the interpreter asks of the services its Task states call: the interpreter knows no service,
 * a TaskHandler (emulator/sagemaker/integration.ts, emulator/mock/mockedTasks.ts) runs each attempt.
 */
/** What a task handler is given to run one attempt of a Task state. */
export interface TaskInvocation {
  readonly stateName: string;
  readonly resource: string;
  readonly parameters: unknown;
  /** The state's Parameters or Arguments as the definition writes them (before evaluation). */
  readonly template: unknown;
  /** Arguments are JSONata's, Parameters JSONPath's. */
  readonly templateLanguage: 'JSONPath' | 'JSONata';
  /** The parameters as JSON (as the TaskScheduled event has them). */
  readonly parametersJson: string;
  readonly retryCount: number;
  readonly executionArn: string;
  /** Epoch milliseconds on the virtual clock. */
  now(): number;
  /** Uniform in [0, 1), from the execution's seed (request ids and the like). */
  random(): number;
  /** Waits in virtual time; throws States.Timeout at the task's deadline and TaskAborted when the execution is stopped. */
  sleep(seconds: number): Promise<void>;
  /** Resets the heartbeat clock. */
  heartbeat(): void;
  /** Records TaskSubmitted (the `.sync` job was started, the callback's request was sent), with the service's immediate response where known. */
  submitted(output?: unknown): void;
  /** Best-effort clean-up when the task is aborted (Step Functions' cancel on abort), told why ('aborted', 'timeout'). */
  onAbort(cleanup: (reason: string) => Promise<void> | void): void;
  /** The attempt's task token (`$$.Task.Token`), for the callback and job-run patterns. */
  readonly taskToken?: string;
  /**
   * Waits for the task's callback (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat), within
   * the state's TimeoutSeconds and HeartbeatSeconds: `connect` is handed what answers it. Resolves
   * with the output sent; throws the failure sent (a StatesError), States.Timeout when a limit
   * passes, TaskAborted when the execution is stopped.
   */
  waitForCallback(connect: (callback: Callback) => void): Promise<unknown>;
}

/** What answers a waiting callback task; each returns false once the task has ended. */
export interface Callback {
  /** SendTaskSuccess: the task's result. */
  succeed(output: unknown): boolean;
  /** SendTaskFailure: the state fails with this error (none: no error name) and cause. */
  fail(error: string | undefined, cause: string | undefined): boolean;
  /** SendTaskHeartbeat: restarts the HeartbeatSeconds clock. */
  heartbeat(): boolean;
}

/** What runs a Task state's attempts: the SageMaker integration, or mocked responses. */
export interface TaskHandler {
  /** `resourceType` and `resource` of the history events, e.g. `sagemaker` and `createTrainingJob.sync`; undefined when not handled. */
  describe(resource: string, stateName: string): { resourceType: string; resource: string } | undefined;
  /** Runs one attempt: its result, or a StatesError. */
  invoke(invocation: TaskInvocation): Promise<unknown>;
}
