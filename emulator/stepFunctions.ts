/**
 * The emulator's programmatic API, shaped like the Step Functions API: create a state machine
 * (with its role's policy), start an execution (with a world scenario and a seed), describe it,
 * read its history, stop it. In-process, no network, virtual time.
 */
import { partitionOf } from '../catalog/regions.js';
import type { StateMachineType } from '../catalog/api.js';
import type { WorldScenario } from '../catalog/scenario.js';
import { SAGEMAKER_APIS, EVENTS_ACTIONS } from '../catalog/sagemakerApis.js';
import { PolicySet } from '../iam/evaluate.js';
import { parsePolicy, type PolicyDocument } from '../iam/policy.js';
import { CallbackTasks, CallbackTokens } from './callback/callbackTasks.js';
import { checkDefinition } from './definitionChecks.js';
import { taskTokenExecution } from './engine/contextObject.js';
import type { ExecutionOutcome } from './engine/execution.js';
import type { HistoryEvent } from './engine/history.js';
import { startExecution } from './engine/interpreter.js';
import { AbortScope, type ClockKind } from './engine/scheduler.js';
import type { Callback } from './engine/taskHandler.js';
import { Authorizer, type RecordedCall } from './iam/authorizer.js';
import type { RoleDirectory } from './iam/roles.js';
import { DEFINITION_MAX_CHARS, lengthViolation, PAYLOAD_MAX_BYTES } from '../catalog/stepFunctionsLimits.js';
import type { MockCase } from './mock/mockConfig.js';
import { MockedTasks } from './mock/mockedTasks.js';
import { SageMakerIntegration } from './sagemaker/integration.js';
import { SageMakerService } from './sagemaker/service.js';
import { runTestState, TestStateRefusal, type TestStateRequest, type TestStateResult } from './testState.js';
import type { EmulatorBehaviour } from './behaviour.js';
import { behaviourWith, type MutantName } from './mutants/index.js';

/** An API error of the emulated Step Functions (InvalidDefinition, AccessDeniedException, ...). */
export class StepFunctionsError extends Error {
  override readonly name = 'StepFunctionsError';
  constructor(
    readonly code: string,
    message: string,
    /** The calls made as the role before the refusal (CreateStateMachine's managed rule). */
    readonly calls: readonly RecordedCall[] = [],
  ) {
    super(message);
  }
}

/** The emulated account and region, and how the emulator runs. */
export interface EmulatorOptions {
  readonly region?: string;
  readonly account?: string;
  readonly partition?: string;
  /** Virtual epoch ms of the first execution's start. */
  readonly startEpochMs?: number;
  /** Run asl-validator's schema check on CreateStateMachine (about 1 ms a definition; compiled once, 0.4 s). */
  readonly aslSchemaCheck?: boolean;
  /** Finished executions kept for Describe/GetExecutionHistory; older ones are forgotten. */
  readonly retainExecutions?: number;
  /** Deliberate deviations (emulator/mutants/), applied in turn, to check that the harness catches them. */
  readonly mutants?: readonly MutantName[];
  /** The world scenario of an execution started without one (default: referenced resources exist). */
  readonly scenario?: WorldScenario;
  /**
   * One SageMaker world for every execution, whatever its scenario (a scenario then says how the
   * world is seen: references, names in use, the quota); by default each scenario has its own.
   */
  readonly oneWorld?: boolean;
  /**
   * The account's IAM roles. Given, a state machine's role must exist and trust Step Functions,
   * and its policies are the role's, read at creation (the managed rules) and again at each
   * StartExecution (a policy changed since applies to new executions). Absent, a role is taken as
   * named, with the policy the request gives (none: every call allowed).
   */
  readonly roles?: RoleDirectory;
  /**
   * `.waitForTaskToken` tasks of services the emulator does not run wait for SendTaskSuccess,
   * SendTaskFailure or SendTaskHeartbeat (a local endpoint); without it they are refused as any
   * resource the emulator does not run.
   */
  readonly callbacks?: boolean;
  /** The executions' clock: virtual (the default) or real time. */
  readonly clock?: ClockKind;
}

interface StateMachine {
  readonly arn: string;
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly type: StateMachineType;
  readonly roleArn: string;
  readonly policies?: PolicySet;
  readonly creationCalls: readonly RecordedCall[];
  /** The definition as the request sent it (DescribeStateMachine returns it). */
  readonly definitionText?: string;
  readonly creationEpochMs?: number;
  /** The role's policy as given (UpdateStateMachine checks a new definition with it). */
  readonly policy?: PolicyDocument | readonly PolicyDocument[];
}

interface Execution {
  readonly arn: string;
  readonly name: string;
  readonly stateMachine: StateMachine;
  readonly input: unknown;
  readonly stop: AbortScope;
  readonly done: Promise<ExecutionOutcome>;
  readonly authorizer: Authorizer;
  readonly startEpochMs?: number;
  /** The history so far (the outcome's, once it has ended). */
  readonly history: readonly HistoryEvent[];
  /** Its callback tasks' tokens, where callbacks are answered. */
  readonly tokens?: CallbackTokens;
  outcome?: ExecutionOutcome;
}

/** An execution's outcome with its ARN and the calls made as the role. */
export interface ExecutionResult extends ExecutionOutcome {
  readonly executionArn: string;
  /** Calls made as the role: the managed-rule calls of creation, then the execution's. */
  readonly calls: readonly RecordedCall[];
}

/** A state machine as a snapshot keeps it: the definition as sent, its role, type, creation time and tags. */
export interface StateMachineSnapshot {
  readonly arn: string;
  readonly name: string;
  readonly definition: string;
  readonly roleArn: string;
  readonly type: StateMachineType;
  readonly creationEpochMs: number;
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  /** The role's policy as the request gave it (none where the role directory has it). */
  readonly policy?: PolicyDocument | readonly PolicyDocument[];
}

/** A finished execution as a snapshot keeps it: one still running is kept as ABORTED. */
export interface ExecutionSnapshot {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  readonly input: unknown;
  readonly outcome: ExecutionOutcome;
}

/** Step Functions' account as plain JSON (`EmulatedStepFunctions.snapshot`, `restore`). */
export interface StepFunctionsSnapshot {
  /** The virtual clock (epoch ms). */
  readonly clock: number;
  /** The counter default names are drawn from. */
  readonly counter: number;
  readonly stateMachines: readonly StateMachineSnapshot[];
  /** In the order they started. */
  readonly executions: readonly ExecutionSnapshot[];
}

const DEFAULT_START = Date.UTC(2026, 0, 1);

/** The answer to a token whose task has ended (timed out, answered, aborted). */
const taskEnded = () =>
  new StepFunctionsError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");

/** The emulated Step Functions API of one account and region. */
export class EmulatedStepFunctions {
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  private clock: number;
  private readonly stateMachines = new Map<string, StateMachine>();
  private readonly executions = new Map<string, Execution>();
  private counter = 0;
  /** The rules asked by name: AWS's, with the options' deviations. */
  private readonly behaviour: EmulatorBehaviour;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.account = options.account ?? '123456789012';
    this.partition = options.partition ?? partitionOf(this.region);
    this.clock = options.startEpochMs ?? DEFAULT_START;
    this.behaviour = behaviourWith(options.mutants ?? []);
  }

  /**
   * The state machines, the executions retained and the clock as plain JSON, for `restore`. An
   * execution still running is kept as it would be if stopped now: ABORTED, its history so far and
   * an ExecutionAborted event (it is not stopped).
   */
  snapshot(): StepFunctionsSnapshot {
    return {
      clock: this.clock,
      counter: this.counter,
      stateMachines: [...this.stateMachines.values()].map((sm) => ({
        arn: sm.arn,
        name: sm.name,
        definition: sm.definitionText ?? JSON.stringify(sm.definition),
        roleArn: sm.roleArn,
        type: sm.type,
        creationEpochMs: sm.creationEpochMs ?? this.clock,
        tags: this.listTagsForResource(sm.arn),
        ...(sm.policy ? { policy: structuredClone(sm.policy) } : {}),
      })),
      executions: [...this.executions.values()].map((e) => ({
        arn: e.arn,
        name: e.name,
        stateMachineArn: e.stateMachine.arn,
        stateMachineName: e.stateMachine.name,
        roleArn: e.stateMachine.roleArn,
        input: structuredClone(e.input),
        outcome: structuredClone(e.outcome ?? this.abortedNow(e)),
      })),
    };
  }

  /** A running execution's outcome were it aborted now: its history so far, then ExecutionAborted. */
  private abortedNow(e: Execution): ExecutionOutcome {
    const startEpochMs = e.startEpochMs ?? this.clock;
    const last = e.history.at(-1);
    const stopEpochMs = Math.max(this.clock, last ? Date.parse(last.timestamp) : startEpochMs);
    const aborted: HistoryEvent = {
      id: e.history.length + 1,
      previousEventId: last?.id ?? 0,
      timestamp: new Date(stopEpochMs).toISOString(),
      type: 'ExecutionAborted',
      executionAbortedEventDetails: {},
    };
    return { status: 'ABORTED', history: [...e.history, aborted], startEpochMs, stopEpochMs };
  }

  /**
   * Replaces the state machines, executions and clock with a snapshot's (the role directory's roles
   * restored first, where there is one). A definition is taken as it was kept, not checked again.
   */
  restore(snapshot: StepFunctionsSnapshot): void {
    this.stateMachines.clear();
    this.executions.clear();
    this.tags.clear();
    this.clock = snapshot.clock;
    this.counter = snapshot.counter;
    for (const m of snapshot.stateMachines) {
      const policies = this.policySet(m.policy ?? this.directoryPolicies(m.roleArn));
      this.stateMachines.set(m.arn, {
        arn: m.arn,
        name: m.name,
        definition: JSON.parse(m.definition) as Record<string, unknown>,
        type: m.type,
        roleArn: m.roleArn,
        ...(policies ? { policies } : {}),
        creationCalls: [],
        definitionText: m.definition,
        creationEpochMs: m.creationEpochMs,
        ...(m.policy ? { policy: m.policy } : {}),
      });
      if (m.tags.length > 0) this.tags.set(m.arn, new Map(m.tags.map((t) => [t.key, t.value])));
    }
    for (const e of snapshot.executions) {
      const stateMachine = this.stateMachines.get(e.stateMachineArn) ?? {
        // Its state machine was deleted since; the execution stays describable.
        arn: e.stateMachineArn,
        name: e.stateMachineName,
        definition: {},
        type: 'STANDARD' as const,
        roleArn: e.roleArn,
        creationCalls: [],
      };
      this.executions.set(e.arn, {
        arn: e.arn,
        name: e.name,
        stateMachine,
        input: e.input,
        stop: new AbortScope(),
        done: Promise.resolve(e.outcome),
        authorizer: new Authorizer(e.roleArn, undefined, this.region, this.account),
        startEpochMs: e.outcome.startEpochMs,
        history: e.outcome.history,
        outcome: e.outcome,
      });
    }
  }

  createStateMachine(input: {
    name?: string;
    definition: string | Record<string, unknown>;
    roleArn?: string;
    policy?: PolicyDocument | readonly PolicyDocument[];
    type?: StateMachineType;
  }): { stateMachineArn: string; calls: readonly RecordedCall[] } {
    let definition: unknown = input.definition;
    // The request's constraints first, as AWS checks them: before the definition is read.
    const sentChars =
      typeof input.definition === 'string'
        ? input.definition.length
        : JSON.stringify(input.definition).length;
    if (sentChars > DEFINITION_MAX_CHARS.value)
      throw new StepFunctionsError(
        'ValidationException',
        lengthViolation('definition', DEFINITION_MAX_CHARS.value),
      );
    if (typeof definition === 'string') {
      try {
        definition = JSON.parse(definition);
      } catch (e) {
        throw new StepFunctionsError(
          'InvalidDefinition',
          `INVALID_JSON_DESCRIPTION: ${(e as Error).message}`,
        );
      }
    }
    const type = input.type ?? 'STANDARD';
    const check = checkDefinition(definition, type, this.options.aslSchemaCheck ?? true);
    if (check.problems.length > 0)
      throw new StepFunctionsError('InvalidDefinition', check.problems.join(', '));
    const roleArn =
      input.roleArn ?? `arn:${this.partition}:iam::${this.account}:role/StepFunctionsExecutionRole`;
    const policies = this.policySet(input.policy ?? this.directoryPolicies(roleArn));
    const name = input.name ?? `StateMachine-${++this.counter}`;
    const arn = `arn:${this.partition}:states:${this.region}:${this.account}:stateMachine:${name}`;
    this.checkAssumable(roleArn, arn);
    // The managed EventBridge rules of .sync tasks are created with the role
    // (sfn.managed-rule.needed-at-creation).
    const authorizer = new Authorizer(roleArn, policies, this.region, this.account);
    for (const sync of this.behaviour.authorizesManagedRules ? check.syncTasks : []) {
      const facts = SAGEMAKER_APIS[sync.api as keyof typeof SAGEMAKER_APIS];
      const rule = `arn:${this.partition}:events:${this.region}:${this.account}:rule/${facts.job!.eventRule.value}`;
      for (const action of EVENTS_ACTIONS.value) {
        if (authorizer.authorize(action, rule, {}, this.clock) !== 'allowed') {
          const refusal = this.behaviour.managedRuleRefusal(sync.api, roleArn);
          throw new StepFunctionsError(refusal.code, refusal.message, authorizer.calls);
        }
      }
    }
    if (this.stateMachines.has(arn))
      throw new StepFunctionsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    this.stateMachines.set(arn, {
      arn,
      name,
      definition: definition as Record<string, unknown>,
      type,
      roleArn,
      ...(policies ? { policies } : {}),
      creationCalls: authorizer.calls,
      definitionText: typeof input.definition === 'string' ? input.definition : JSON.stringify(definition),
      creationEpochMs: this.clock,
      ...(input.policy ? { policy: input.policy } : {}),
    });
    return { stateMachineArn: arn, calls: authorizer.calls };
  }

  /**
   * The policy of a role, where the emulator knows it: the one given, else the role directory's,
   * else that of the latest state machine created for the role with a policy; undefined (every
   * call allowed) where it knows none.
   */
  private rolePolicies(
    roleArn: string,
    given: PolicyDocument | readonly PolicyDocument[] | undefined,
  ): PolicySet | undefined {
    if (given) return this.policySet(given);
    if (this.options.roles) return this.policySet(this.directoryPolicies(roleArn));
    const known = [...this.stateMachines.values()].filter((sm) => sm.roleArn === roleArn && sm.policies);
    return known.at(-1)?.policies;
  }

  /**
   * TestState (emulator/testState.ts): one state run alone. A Task without a mock calls the
   * emulated SageMaker (the default scenario's world) as the role, its policy enforced where the
   * emulator knows it (`policy`, the role directory's, or a state machine's of the same role).
   */
  async testState(
    request: TestStateRequest,
    options: { policy?: PolicyDocument | readonly PolicyDocument[] } = {},
  ): Promise<TestStateResult> {
    const scenario = this.defaultScenario();
    try {
      return await runTestState(request, {
        region: this.region,
        account: this.account,
        partition: this.partition,
        startEpochMs: this.clock,
        serial: ++this.counter,
        behaviour: this.behaviour,
        ...(this.options.aslSchemaCheck !== undefined ? { aslSchemaCheck: this.options.aslSchemaCheck } : {}),
        tasksFor: (roleArn) =>
          new SageMakerIntegration({
            service: this.sagemakerFor(scenario),
            authorizer: new Authorizer(
              roleArn,
              this.rolePolicies(roleArn, options.policy),
              this.region,
              this.account,
            ),
            scenario,
            partition: this.partition,
            behaviour: this.behaviour,
          }),
      });
    } catch (e) {
      if (e instanceof TestStateRefusal) throw new StepFunctionsError(e.code, e.message);
      throw e;
    }
  }

  startExecution(input: {
    stateMachineArn: string;
    input?: unknown;
    name?: string;
    scenario?: WorldScenario;
    seed?: number;
    /** A Step Functions Local test case: its states answered by their mocked responses. */
    mock?: MockCase;
  }): { executionArn: string } {
    if (Buffer.byteLength(JSON.stringify(input.input ?? {}), 'utf8') > PAYLOAD_MAX_BYTES.value)
      throw new StepFunctionsError('ValidationException', lengthViolation('input', PAYLOAD_MAX_BYTES.value));
    const sm = this.stateMachines.get(input.stateMachineArn);
    if (!sm)
      throw new StepFunctionsError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${input.stateMachineArn}'`,
      );
    const name = input.name ?? `execution-${++this.counter}`;
    const arn = `arn:${this.partition}:states:${this.region}:${this.account}:execution:${sm.name}:${name}`;
    if (this.executions.has(arn))
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    const scenario: WorldScenario = input.scenario ?? this.defaultScenario();
    const service = this.sagemakerFor(scenario);
    const stop = new AbortScope();
    let describes = 0;
    const abortAfter = scenario.abortAfterPolls;
    // With a role directory, the role's policies as they are now.
    const policies =
      sm.policy === undefined && this.options.roles
        ? this.policySet(this.directoryPolicies(sm.roleArn))
        : sm.policies;
    const authorizer = new Authorizer(sm.roleArn, policies, this.region, this.account, (call) => {
      // The scenario's StopExecution arrives once the job has been polled `abortAfterPolls` times.
      if (
        abortAfter !== undefined &&
        call.action.startsWith('sagemaker:Describe') &&
        ++describes > abortAfter
      )
        stop.abort('aborted');
    });
    const integration = new SageMakerIntegration({
      service,
      authorizer,
      scenario,
      partition: this.partition,
      behaviour: this.behaviour,
    });
    // On the real clock an execution starts now; on the virtual one, where the account's clock is.
    this.now();
    const startEpochMs = this.clock;
    const tokens = this.options.callbacks ? new CallbackTokens() : undefined;
    const tasks = tokens ? new CallbackTasks(integration, tokens) : integration;
    const { done, history } = startExecution({
      definition: sm.definition,
      input: input.input ?? {},
      executionArn: arn,
      executionName: name,
      stateMachineArn: sm.arn,
      stateMachineName: sm.name,
      roleArn: sm.roleArn,
      region: this.region,
      startEpochMs,
      seed: input.seed ?? 0,
      tasks: input.mock ? new MockedTasks(input.mock, tasks) : tasks,
      stop,
      behaviour: this.behaviour,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
    });
    const execution: Execution = {
      arn,
      name,
      stateMachine: sm,
      input: input.input ?? {},
      stop,
      done,
      authorizer,
      startEpochMs,
      history,
      ...(tokens ? { tokens } : {}),
    };
    done.then((outcome) => {
      execution.outcome = outcome;
      this.clock = Math.max(this.clock, outcome.stopEpochMs);
      this.forgetOld();
    });
    this.executions.set(arn, execution);
    return { executionArn: arn };
  }

  /** A role's policies, compiled; MalformedPolicyDocument for one the parser refuses. */
  private policySet(policy: PolicyDocument | readonly PolicyDocument[] | undefined): PolicySet | undefined {
    if (!policy) return undefined;
    const docs = Array.isArray(policy) ? policy : [policy as PolicyDocument];
    return new PolicySet(
      docs.map((doc, i) => {
        const parsed = parsePolicy(
          this.behaviour.policyAsLoaded(doc),
          `policy${docs.length > 1 ? i + 1 : ''}`,
        );
        if (!parsed.ok)
          throw new StepFunctionsError(
            'MalformedPolicyDocument',
            `${parsed.problems[0]!.path}: ${parsed.problems[0]!.message}`,
          );
        return parsed.policy;
      }),
    );
  }

  /** The role's policies in the role directory (none for a role it lacks), or undefined without one. */
  private directoryPolicies(roleArn: string): readonly PolicyDocument[] | undefined {
    return this.options.roles ? (this.options.roles.policiesOf(roleArn) ?? []) : undefined;
  }

  /**
   * With a role directory: AccessDeniedException unless the role exists and its trust policy lets
   * Step Functions (its global or regional principal) assume it, for this account and state machine
   * (`aws:SourceAccount`, `aws:SourceArn`). The message is AWS's (observed: lumigo-io/lumigo-CLI#83).
   */
  private checkAssumable(roleArn: string, stateMachineArn: string): void {
    const roles = this.options.roles;
    if (!roles) return;
    const principals = ['states.amazonaws.com', `states.${this.region}.amazonaws.com`];
    const context = { 'aws:SourceAccount': this.account, 'aws:SourceArn': stateMachineArn };
    if (!roles.assumableBy(roleArn, principals, context))
      throw new StepFunctionsError(
        'AccessDeniedException',
        'Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.',
      );
  }

  private sagemakerServices = new Map<string, SageMakerService>();

  private defaultScenario(): WorldScenario {
    return this.options.scenario ?? { referencesExist: true };
  }

  /** The SageMaker service of the default scenario's world: what executions started without a scenario call. */
  sagemaker(): SageMakerService {
    return this.sagemakerFor(this.defaultScenario());
  }

  /**
   * One SageMaker world per account and region, for each way the scenario says the world was before
   * the execution: whether the resources a request names exist, whether the names it creates are in use.
   */
  private sagemakerFor(scenario: WorldScenario): SageMakerService {
    const key = `${scenario.referencesExist}/${scenario.namesInUse === true}/${scenario.jobQuota}`;
    let s = this.sagemakerServices.get(key);
    const world = this.options.oneWorld ? this.sagemakerServices.values().next().value : undefined;
    if (!s && world) this.sagemakerServices.set(key, (s = world.view(scenario)));
    if (!s) {
      s = new SageMakerService({
        region: this.region,
        account: this.account,
        partition: this.partition,
        referencesExist: scenario.referencesExist,
        ...(scenario.namesInUse ? { namesInUse: true } : {}),
        ...(scenario.jobQuota !== undefined ? { jobQuota: scenario.jobQuota } : {}),
        behaviour: this.behaviour,
      });
      this.sagemakerServices.set(key, s);
    }
    return s;
  }

  private forgetOld(): void {
    const keep = this.options.retainExecutions ?? 1000;
    if (this.executions.size <= keep) return;
    for (const [arn, e] of this.executions) {
      if (this.executions.size <= keep) break;
      if (e.outcome) this.executions.delete(arn);
    }
  }

  private execution(arn: string): Execution {
    const e = this.executions.get(arn);
    if (!e) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return e;
  }

  /** Waits for the execution's end (virtual time makes that immediate). */
  async awaitExecution(executionArn: string): Promise<ExecutionResult> {
    const e = this.execution(executionArn);
    const outcome = await e.done;
    return { ...outcome, executionArn, calls: [...e.stateMachine.creationCalls, ...e.authorizer.calls] };
  }

  /** The status of every SageMaker job of the account at a time (epoch ms), by ARN. */
  jobStatuses(atEpochMs: number): Record<string, string> {
    return Object.assign(
      {},
      ...[...this.sagemakerServices.values()].map((s) => s.jobStatuses(atEpochMs)),
    ) as Record<string, string>;
  }

  describeExecution(executionArn: string): Record<string, unknown> {
    const execution = this.execution(executionArn);
    const outcome = execution.outcome;
    return {
      executionArn,
      stateMachineArn: execution.stateMachine.arn,
      name: execution.name,
      status: outcome ? outcome.status : 'RUNNING',
      input: JSON.stringify(execution.input),
      ...(outcome?.output !== undefined ? { output: JSON.stringify(outcome.output) } : {}),
      // DescribeExecution has no error or cause for a timed-out execution (sfn.timed-out-no-error).
      ...(outcome && outcome.status !== 'TIMED_OUT' && outcome.error !== undefined
        ? { error: outcome.error }
        : {}),
      ...(outcome && outcome.status !== 'TIMED_OUT' && outcome.cause !== undefined
        ? { cause: outcome.cause }
        : {}),
      startDate: new Date(outcome?.startEpochMs ?? execution.startEpochMs ?? this.clock).toISOString(),
      ...(outcome ? { stopDate: new Date(outcome.stopEpochMs).toISOString() } : {}),
    };
  }

  /** GetExecutionHistory: the events so far of a running execution, all of an ended one. */
  getExecutionHistory(executionArn: string): { events: readonly unknown[] } {
    const e = this.execution(executionArn);
    return { events: e.outcome?.history ?? e.history };
  }

  /**
   * The waiting callback task of a token, or Step Functions' error: InvalidToken for a string that
   * is no token; TaskDoesNotExist for one no callback task of a retained execution was given
   * (inferred); TaskTimedOut for one whose task has ended (observed: "Provided task does not exist
   * anymore" for a token answered twice, aws-samples/amazon-mwaa-examples#61).
   */
  private callback(token: string): Callback {
    const arn = taskTokenExecution(token);
    if (arn === undefined) throw new StepFunctionsError('InvalidToken', 'Invalid token');
    const state = this.executions.get(arn)?.tokens?.state(token);
    if (state === undefined) throw new StepFunctionsError('TaskDoesNotExist', 'Provided task does not exist');
    if ('ended' in state) throw taskEnded();
    return state.waiting;
  }

  /** SendTaskSuccess: the waiting task succeeds with `output`. */
  sendTaskSuccess(token: string, output: unknown): void {
    if (!this.callback(token).succeed(output)) throw taskEnded();
  }

  /** SendTaskFailure: the waiting task fails with `error` and `cause`. */
  sendTaskFailure(token: string, error?: string, cause?: string): void {
    if (!this.callback(token).fail(error, cause)) throw taskEnded();
  }

  /** SendTaskHeartbeat: the waiting task's HeartbeatSeconds start again. */
  sendTaskHeartbeat(token: string): void {
    if (!this.callback(token).heartbeat()) throw taskEnded();
  }

  /**
   * Aborts every execution still running and waits for their ends: nothing of the account runs on
   * (no timer of a real clock or a callback's time-out keeps the process alive) once it is closed.
   */
  async abortAll(): Promise<void> {
    const running = [...this.executions.values()].filter((e) => !e.outcome);
    for (const e of running) e.stop.abort('aborted');
    await Promise.all(running.map((e) => e.done.catch(() => undefined)));
  }

  /** StopExecution: aborts a running execution; a running `.sync` job gets a best-effort Stop call. */
  stopExecution(executionArn: string): void {
    this.execution(executionArn).stop.abort('aborted');
  }

  /** The SageMaker resources the executions created. */
  sagemakerResources(): { api: string; name: string; arn: string }[] {
    const all = [...this.sagemakerServices.values()].flatMap((s) => s.list());
    return [...new Map(all.map((r) => [`${r.api} ${r.arn}`, r])).values()];
  }

  private readonly tags = new Map<string, Map<string, string>>();

  private stateMachine(stateMachineArn: string): StateMachine {
    const sm = this.stateMachines.get(stateMachineArn);
    if (!sm)
      throw new StepFunctionsError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    return sm;
  }

  /** The virtual clock now (epoch ms): where the next execution starts. */
  now(): number {
    // On the real clock, now is now: SageMaker's own calls and IAM see the time pass between executions.
    if (this.options.clock === 'real') this.clock = Math.max(this.clock, Date.now());
    return this.clock;
  }

  /** DescribeStateMachine: the definition as sent, the role, the type, the creation time (ISO). */
  describeStateMachine(stateMachineArn: string): Record<string, unknown> {
    const sm = this.stateMachine(stateMachineArn);
    return {
      stateMachineArn: sm.arn,
      name: sm.name,
      status: 'ACTIVE',
      definition: sm.definitionText ?? JSON.stringify(sm.definition),
      roleArn: sm.roleArn,
      type: sm.type,
      creationDate: new Date(sm.creationEpochMs ?? this.clock).toISOString(),
    };
  }

  /**
   * UpdateStateMachine: a new definition or role, checked as CreateStateMachine checks them (the
   * definition's rules; the managed rules of `.sync` tasks, as the role). Running executions keep
   * the definition they started with. Returns the update time (ISO).
   */
  updateStateMachine(input: {
    stateMachineArn: string;
    definition?: string | Record<string, unknown>;
    roleArn?: string;
  }): { updateDate: string } {
    const sm = this.stateMachine(input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined)
      throw new StepFunctionsError(
        'MissingRequiredParameter',
        'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified',
      );
    const definition = input.definition ?? sm.definitionText ?? sm.definition;
    const roleArn = input.roleArn ?? sm.roleArn;
    // The same checks as creation, in a scratch account of the same options.
    const scratch = new EmulatedStepFunctions({ ...this.options, startEpochMs: this.clock });
    const { calls } = scratch.createStateMachine({
      name: sm.name,
      definition,
      roleArn,
      type: sm.type,
      ...(sm.policy ? { policy: sm.policy } : {}),
    });
    this.stateMachines.set(sm.arn, {
      ...sm,
      definition: (typeof definition === 'string' ? JSON.parse(definition) : definition) as Record<
        string,
        unknown
      >,
      definitionText: typeof definition === 'string' ? definition : JSON.stringify(definition),
      roleArn,
      creationCalls: calls,
    });
    return { updateDate: new Date(this.clock).toISOString() };
  }

  /**
   * DeleteStateMachine: the machine is gone at once (its executions have ended or end on the
   * virtual clock, and stay describable); deleting one that does not exist succeeds.
   */
  deleteStateMachine(stateMachineArn: string): void {
    this.stateMachines.delete(stateMachineArn);
    this.tags.delete(stateMachineArn);
  }

  /** ListStateMachines: every state machine, in the order of creation. */
  listStateMachines(): {
    stateMachineArn: string;
    name: string;
    type: StateMachineType;
    creationDate: string;
  }[] {
    return [...this.stateMachines.values()].map((sm) => ({
      stateMachineArn: sm.arn,
      name: sm.name,
      type: sm.type,
      creationDate: new Date(sm.creationEpochMs ?? this.clock).toISOString(),
    }));
  }

  /** ListExecutions: a state machine's executions (those still retained), the newest first. */
  listExecutions(stateMachineArn: string, statusFilter?: string): Record<string, unknown>[] {
    const sm = this.stateMachine(stateMachineArn);
    return [...this.executions.values()]
      .filter((e) => e.stateMachine.arn === sm.arn)
      .reverse()
      .map((e) => this.describeExecution(e.arn))
      .filter((d) => statusFilter === undefined || d.status === statusFilter)
      .map((d) => ({
        executionArn: d.executionArn,
        stateMachineArn: d.stateMachineArn,
        name: d.name,
        status: d.status,
        startDate: d.startDate,
        ...(d.stopDate !== undefined ? { stopDate: d.stopDate } : {}),
      }));
  }

  /** TagResource: adds or replaces tags of a state machine. */
  tagResource(resourceArn: string, tags: readonly { key: string; value: string }[]): void {
    if (!this.stateMachines.has(resourceArn))
      throw new StepFunctionsError('ResourceNotFound', `Resource not found: '${resourceArn}'`);
    let own = this.tags.get(resourceArn);
    if (!own) this.tags.set(resourceArn, (own = new Map()));
    for (const { key, value } of tags) own.set(key, value);
  }

  /** ListTagsForResource: a state machine's tags. */
  listTagsForResource(resourceArn: string): { key: string; value: string }[] {
    if (!this.stateMachines.has(resourceArn))
      throw new StepFunctionsError('ResourceNotFound', `Resource not found: '${resourceArn}'`);
    return [...(this.tags.get(resourceArn) ?? [])].map(([key, value]) => ({ key, value }));
  }
}
