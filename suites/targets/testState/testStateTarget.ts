/**
 * The TestState lane: each SageMaker Task state of a case tested alone through Step Functions'
 * TestState API, on a real account or an AWS-compatible endpoint, its SageMaker answer mocked: no
 * role, state machine, execution or job is created. The calls and their predicted answers are the
 * oracle's (oracles/testState/stateTests.ts); this target makes the calls with the AWS target's
 * clients and Caller (paced, throttles waited out, transient failures retried) and reports each
 * answer, payloads parsed, by state and kind, as the observation's output.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { TestStateCommand, type TestStateCommandOutput } from '@aws-sdk/client-sfn';
import type { Aspect } from '../../../contracts/aspect.js';
import type { Case } from '../../../contracts/case.js';
import type { Observation } from '../../../contracts/observation.js';
import type { Prediction } from '../../../contracts/prediction.js';
import type { Target } from '../../../contracts/target.js';
import { predictTestState, stateTestPlan, type StateTest } from '../../../oracles/testState/stateTests.js';
import { InterruptedError } from '../aws/awsTarget.js';
import { Caller, apiOf, maxAttemptsFromEnv } from '../aws/caller.js';
import type { AwsClients } from '../aws/clients.js';
import { describeError, isThrottle, isTransient, isUnreadable } from '../aws/errors.js';
import { type Clock, type Rate, realClock } from '../aws/tokenBucket.js';

/**
 * TestState's pace on AWS. The Step Functions quotas page lists no TestState row that this
 * project has found: a bucket of 100 refilled at 5 a second (as ListStateMachines) is inferred;
 * throttling past it is waited out.
 */
export const TEST_STATE_RATE: Rate = { burst: 100, perSecond: 5 };

/** The aspects the lane compares: every call answered (status, error), and the answers (output). */
export const TEST_STATE_ASPECTS: readonly Aspect[] = ['status', 'error', 'output'];

/** The TestState target's settings. */
export interface TestStateTargetOptions {
  /** `aws`: a real account (calls paced at TEST_STATE_RATE); `endpoint`: an AWS-compatible one. */
  readonly on: 'aws' | 'endpoint';
  readonly region: string;
  readonly clients: AwsClients;
  /** The endpoint every service is called at, where one is set. */
  readonly endpoint?: string;
  /** Whether the endpoint's credentials fell back to test ones (the description says so). */
  readonly testCredentials?: { readonly usedTest: boolean };
  readonly clock?: Clock;
  readonly maxAttempts?: number;
  readonly throttleTimeoutMs?: number;
}

/** What the lane counts (the report's target figures). */
export interface TestStateStats {
  testStateCalls: number;
  statesTested: number;
  throttles: number;
  transientRetries: number;
}

/** An answer's JSON payload parsed, or the text where it is not JSON. */
function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A TestState answer as the lane reports it: its members, payloads parsed. */
function answerOf(out: TestStateCommandOutput): Record<string, unknown> {
  const answer: Record<string, unknown> = { status: out.status };
  if (out.output !== undefined) answer.output = parsed(out.output);
  if (out.error !== undefined) answer.error = out.error;
  if (out.cause !== undefined) answer.cause = out.cause;
  if (out.nextState !== undefined) answer.nextState = out.nextState;
  const data = out.inspectionData ?? {};
  for (const [member, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (member === 'errorDetails') answer.errorDetails = { ...(value as object) };
    else if (typeof value === 'string') answer[member] = parsed(value);
  }
  return answer;
}

/** The target that tests a case's SageMaker states one at a time through TestState. */
export class TestStateTarget implements Target {
  readonly kind = 'teststate' as const;
  readonly capabilities = { seesCalls: false, scenarios: false };
  readonly aspects = TEST_STATE_ASPECTS;
  readonly stats: TestStateStats = { testStateCalls: 0, statesTested: 0, throttles: 0, transientRetries: 0 };
  readonly region: string;
  readonly endpoint: string | undefined;
  private readonly caller: Caller;
  private account?: string;
  private interrupted = false;

  constructor(private readonly options: TestStateTargetOptions) {
    this.region = options.region;
    this.endpoint = options.endpoint;
    const onAws = options.on === 'aws';
    this.caller = new Caller(
      onAws ? { TestState: TEST_STATE_RATE } : {},
      options.clock ?? realClock,
      options.maxAttempts ?? maxAttemptsFromEnv() ?? (onAws ? 8 : 3),
      options.throttleTimeoutMs ?? (onAws ? 15 * 60_000 : 30_000),
      this.stats,
    );
  }

  /** What the run is on. */
  get description(): string {
    const { options } = this;
    const where =
      options.on === 'aws'
        ? `AWS account ${this.account ?? ''}${this.account ? ' ' : ''}(${options.region})`
        : `the endpoint ${options.endpoint ?? "the SDK's configuration names"} (${options.region}${options.testCredentials?.usedTest ? ', test credentials: none configured' : ''})`;
    return `TestState on ${where}: each SageMaker state alone, its answer mocked`;
  }

  /** The account the credentials belong to (sts:GetCallerIdentity): whether they work at all. */
  async identify(): Promise<string> {
    if (!this.account) {
      const identity = await this.caller.call('GetCallerIdentity', () =>
        this.options.clients.sts.send(new GetCallerIdentityCommand({})),
      );
      if (!identity.Account) throw new Error('sts:GetCallerIdentity returned no account');
      this.account = identity.Account;
    }
    return this.account;
  }

  /** The lane's prediction: each tested state's answers. */
  predict(theCase: Case): Prediction {
    return predictTestState(theCase);
  }

  /** Tests each of the case's SageMaker states the oracle knows the input of, one call at a time. */
  async execute(theCase: Case): Promise<Observation> {
    if (this.interrupted) throw new InterruptedError();
    const { tests } = stateTestPlan(theCase);
    const definition = JSON.stringify(theCase.definition);
    const answers: Record<string, Record<string, unknown>> = {};
    for (const test of tests) {
      if (this.interrupted) throw new InterruptedError();
      let out: TestStateCommandOutput;
      try {
        out = await this.caller.call('TestState', () =>
          this.options.clients.sfn.send(new TestStateCommand(requestOf(definition, test))),
        );
      } catch (e) {
        if (isThrottle(e)) throw e;
        const what = `TestState of state "${test.state}" (${test.kind} mocked)`;
        if (isTransient(e) || isUnreadable(e))
          return { created: true, output: answers, targetError: `${apiOf(e) ?? what}: ${describeError(e)}` };
        // A refusal (ValidationException, InvalidDefinition ...) where the oracle predicts an answer.
        return { created: true, status: 'FAILED', error: `${what}: ${describeError(e)}`, output: answers };
      }
      this.stats.testStateCalls++;
      if (test.kind === 'result') this.stats.statesTested++;
      (answers[test.state] ??= {})[test.kind] = answerOf(out);
    }
    return { created: true, status: 'SUCCEEDED', error: null, output: answers };
  }

  /** Start no new call. */
  interrupt(): Promise<void> {
    this.interrupted = true;
    return Promise.resolve();
  }

  /** The figures for the report. */
  summary(): Record<string, number> {
    return { ...this.stats, bucketWaitMs: this.caller.waitedMs };
  }
}

/** The TestState request of one of the lane's calls: the whole definition, the state named, DEBUG inspection. */
function requestOf(definition: string, test: StateTest): ConstructorParameters<typeof TestStateCommand>[0] {
  return {
    definition,
    stateName: test.state,
    input: JSON.stringify(test.input),
    inspectionLevel: 'DEBUG',
    context: JSON.stringify(test.context),
    ...(test.variables ? { variables: JSON.stringify(test.variables) } : {}),
    mock:
      'result' in test.mock
        ? { result: JSON.stringify(test.mock.result), fieldValidationMode: test.mock.fieldValidationMode }
        : { errorOutput: test.mock.errorOutput },
    ...(test.retrierRetryCount !== undefined
      ? { stateConfiguration: { retrierRetryCount: test.retrierRetryCount } }
      : {}),
  };
}
