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
import { checkDefinition } from './definitionChecks.js';
import type { ExecutionOutcome } from './engine/execution.js';
import { runExecution } from './engine/interpreter.js';
import { AbortScope } from './engine/scheduler.js';
import { Authorizer, type RecordedCall } from './iam/authorizer.js';
import { DEFINITION_MAX_CHARS, lengthViolation, PAYLOAD_MAX_BYTES } from '../catalog/stepFunctionsLimits.js';
import type { MockCase } from './mock/mockConfig.js';
import { MockedTasks } from './mock/mockedTasks.js';
import { SageMakerIntegration } from './sagemaker/integration.js';
import { SageMakerService } from './sagemaker/service.js';
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
}

interface StateMachine {
  readonly arn: string;
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly type: StateMachineType;
  readonly roleArn: string;
  readonly policies?: PolicySet;
  readonly creationCalls: readonly RecordedCall[];
}

interface Execution {
  readonly arn: string;
  readonly name: string;
  readonly stateMachine: StateMachine;
  readonly input: unknown;
  readonly stop: AbortScope;
  readonly done: Promise<ExecutionOutcome>;
  readonly authorizer: Authorizer;
  outcome?: ExecutionOutcome;
}

/** An execution's outcome with its ARN and the calls made as the role. */
export interface ExecutionResult extends ExecutionOutcome {
  readonly executionArn: string;
  /** Calls made as the role: the managed-rule calls of creation, then the execution's. */
  readonly calls: readonly RecordedCall[];
}

const DEFAULT_START = Date.UTC(2026, 0, 1);

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
    let policies: PolicySet | undefined;
    if (input.policy) {
      const docs = Array.isArray(input.policy) ? input.policy : [input.policy as PolicyDocument];
      policies = new PolicySet(
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
    const name = input.name ?? `StateMachine-${++this.counter}`;
    const roleArn =
      input.roleArn ?? `arn:${this.partition}:iam::${this.account}:role/StepFunctionsExecutionRole`;
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
    const arn = `arn:${this.partition}:states:${this.region}:${this.account}:stateMachine:${name}`;
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
    });
    return { stateMachineArn: arn, calls: authorizer.calls };
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
    const scenario: WorldScenario = input.scenario ?? { referencesExist: true };
    const service = this.sagemakerFor(scenario);
    const stop = new AbortScope();
    let describes = 0;
    const abortAfter = scenario.abortAfterPolls;
    const authorizer = new Authorizer(sm.roleArn, sm.policies, this.region, this.account, (call) => {
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
    const startEpochMs = this.clock;
    const done = runExecution({
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
      tasks: input.mock ? new MockedTasks(input.mock, integration) : integration,
      stop,
      behaviour: this.behaviour,
    });
    const execution: Execution = {
      arn,
      name,
      stateMachine: sm,
      input: input.input ?? {},
      stop,
      done,
      authorizer,
    };
    done.then((outcome) => {
      execution.outcome = outcome;
      this.clock = Math.max(this.clock, outcome.stopEpochMs);
      this.forgetOld();
    });
    this.executions.set(arn, execution);
    return { executionArn: arn };
  }

  private sagemakerServices = new Map<string, SageMakerService>();

  /**
   * One SageMaker world per account and region, for each way the scenario says the world was before
   * the execution: whether the resources a request names exist, whether the names it creates are in use.
   */
  private sagemakerFor(scenario: WorldScenario): SageMakerService {
    const key = `${scenario.referencesExist}/${scenario.namesInUse === true}/${scenario.jobQuota}`;
    let s = this.sagemakerServices.get(key);
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
      startDate: new Date(outcome?.startEpochMs ?? this.clock).toISOString(),
      ...(outcome ? { stopDate: new Date(outcome.stopEpochMs).toISOString() } : {}),
    };
  }

  getExecutionHistory(executionArn: string): { events: readonly unknown[] } {
    return { events: this.execution(executionArn).outcome?.history ?? [] };
  }

  /** StopExecution: aborts a running execution; a running `.sync` job gets a best-effort Stop call. */
  stopExecution(executionArn: string): void {
    this.execution(executionArn).stop.abort('aborted');
  }

  /** The SageMaker resources the executions created. */
  sagemakerResources(): { api: string; name: string; arn: string }[] {
    return [...this.sagemakerServices.values()].flatMap((s) => s.list());
  }
}
