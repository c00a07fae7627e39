/**
 * The Step Functions operations `serve` answers, each a function of the request's input to its
 * output, on one EmulatedStepFunctions. Every request is checked against the API model first
 * (requestCheck.ts), then its ARNs and names, then the emulator answers; its refusals keep their
 * codes (StateMachineDoesNotExist, InvalidDefinition, ...). Timestamps go out as epoch seconds,
 * as the JSON protocols carry them. StartExecution takes Step Functions Local's `ARN#TestCase`
 * (mockCases.ts); SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat answer callback tasks.
 */
import { randomUUID } from 'node:crypto';
import { NAME_FORBIDDEN } from '../../catalog/stepFunctionsLimits.js';
import type { StateMachineType } from '../../catalog/api.js';
import type { EmulatedStepFunctions } from '../../emulator/stepFunctions.js';
import { StepFunctionsError } from '../../emulator/stepFunctions.js';
import type { TestStateRequest } from '../../emulator/testState.js';
import { AwsError, checkedOperations, type Operation } from '../protocol/json.js';
import { checkArn } from './arns.js';
import { splitTestCase, testCaseFor, type LoadedMocks } from './mockCases.js';
import { page } from './paging.js';
import { checkRequest } from './requestCheck.js';
import { taggedScenario } from './scenarioTag.js';

/** An ISO time of the emulator as the JSON protocols send a timestamp: epoch seconds. */
const epoch = (iso: unknown): number => Date.parse(String(iso)) / 1000;

/** The members of a record that are timestamps, converted to epoch seconds. */
const TIMESTAMPS = ['creationDate', 'startDate', 'stopDate', 'updateDate', 'timestamp'];
function withEpochs(record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  for (const key of TIMESTAMPS) if (out[key] !== undefined) out[key] = epoch(out[key]);
  return out;
}

/** Throws InvalidName unless `name` is a name Step Functions takes (sfn.limits.name-characters). */
function checkName(name: string): string {
  if (NAME_FORBIDDEN.value.test(name)) throw new AwsError('InvalidName', `Invalid Name: '${name}'`);
  return name;
}

/** The emulator's refusal as the service's error; anything else is thrown on. */
function asAwsError(e: unknown): never {
  if (e instanceof StepFunctionsError) {
    const members = e.code === 'ResourceNotFound' ? { resourceName: /'(.*)'/.exec(e.message)?.[1] } : {};
    throw new AwsError(e.code, e.message, 400, members);
  }
  throw e;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What the operations take besides the account: a mock configuration's test cases. */
export interface OperationOptions {
  readonly mocks?: LoadedMocks;
}

/** The operations on one emulated account, by name. */
export function stepFunctionsOperations(
  sfn: EmulatedStepFunctions,
  options: OperationOptions = {},
): Readonly<Record<string, Operation>> {
  const ops: Record<
    string,
    (input: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>
  > = {
    CreateStateMachine(input) {
      const name = checkName(input.name as string);
      const roleArn = checkArn(input.roleArn as string, 'role');
      const type = (str(input.type) ?? 'STANDARD') as StateMachineType;
      const definition = input.definition as string;
      let stateMachineArn: string;
      try {
        ({ stateMachineArn } = sfn.createStateMachine({ name, definition, roleArn, type }));
      } catch (e) {
        // CreateStateMachine is idempotent: the same name, definition, role and type give the same machine.
        if (e instanceof StepFunctionsError && e.code === 'StateMachineAlreadyExists') {
          const arn = /'(.*)'/.exec(e.message)![1]!;
          const existing = sfn.describeStateMachine(arn);
          if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type)
            return { stateMachineArn: arn, creationDate: epoch(existing.creationDate) };
        }
        return asAwsError(e);
      }
      if (Array.isArray(input.tags) && input.tags.length > 0)
        sfn.tagResource(stateMachineArn, input.tags as { key: string; value: string }[]);
      return { stateMachineArn, creationDate: epoch(sfn.describeStateMachine(stateMachineArn).creationDate) };
    },
    DescribeStateMachine(input) {
      return withEpochs(sfn.describeStateMachine(checkArn(input.stateMachineArn as string, 'stateMachine')));
    },
    UpdateStateMachine(input) {
      const stateMachineArn = checkArn(input.stateMachineArn as string, 'stateMachine');
      const roleArn = str(input.roleArn);
      const definition = str(input.definition);
      return withEpochs(
        sfn.updateStateMachine({
          stateMachineArn,
          ...(roleArn !== undefined ? { roleArn: checkArn(roleArn, 'role') } : {}),
          ...(definition !== undefined ? { definition } : {}),
        }),
      );
    },
    DeleteStateMachine(input) {
      sfn.deleteStateMachine(checkArn(input.stateMachineArn as string, 'stateMachine'));
      return {};
    },
    ListStateMachines(input) {
      const { items, nextToken } = page(sfn.listStateMachines(), input, 'ListStateMachines');
      return { stateMachines: items.map(withEpochs), ...(nextToken ? { nextToken } : {}) };
    },
    StartExecution(input) {
      const { stateMachineArn, testCase } = splitTestCase(
        checkArn(input.stateMachineArn as string, 'stateMachine'),
      );
      const name = input.name === undefined ? randomUUID() : checkName(input.name as string);
      let parsed: unknown = {};
      if (input.input !== undefined) {
        try {
          parsed = JSON.parse(input.input as string);
        } catch (e) {
          throw new AwsError(
            'InvalidExecutionInput',
            `Invalid State Machine Execution Input: '${(e as Error).message}'`,
          );
        }
      }
      const scenario = taggedScenario(sfn, stateMachineArn);
      const mock =
        testCase === undefined
          ? undefined
          : testCaseFor(
              options.mocks,
              stateMachineArn,
              testCase,
              JSON.parse(sfn.describeStateMachine(stateMachineArn).definition as string),
            );
      const { executionArn } = sfn.startExecution({
        stateMachineArn,
        name,
        input: parsed,
        ...(scenario ? { scenario } : {}),
        ...(mock ? { mock } : {}),
      });
      return { executionArn, startDate: epoch(sfn.describeExecution(executionArn).startDate) };
    },
    DescribeExecution(input) {
      const d = sfn.describeExecution(checkArn(input.executionArn as string, 'execution'));
      return withEpochs({
        ...d,
        inputDetails: { included: true },
        ...(d.output !== undefined ? { outputDetails: { included: true } } : {}),
      });
    },
    async StopExecution(input) {
      const executionArn = checkArn(input.executionArn as string, 'execution');
      sfn.stopExecution(executionArn);
      // Virtual time: the execution's end (ABORTED, or how it had ended) is at hand.
      const result = await sfn.awaitExecution(executionArn);
      return { stopDate: result.stopEpochMs / 1000 };
    },
    ListExecutions(input) {
      const stateMachineArn = str(input.stateMachineArn);
      if (stateMachineArn === undefined)
        throw new AwsError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
      checkArn(stateMachineArn, 'stateMachine');
      const all = sfn.listExecutions(stateMachineArn, str(input.statusFilter));
      const { items, nextToken } = page(
        all,
        input,
        `ListExecutions ${stateMachineArn} ${str(input.statusFilter) ?? ''}`,
      );
      return { executions: items.map(withEpochs), ...(nextToken ? { nextToken } : {}) };
    },
    GetExecutionHistory(input) {
      const executionArn = checkArn(input.executionArn as string, 'execution');
      const events = sfn.getExecutionHistory(executionArn).events as Record<string, unknown>[];
      const ordered = input.reverseOrder === true ? [...events].reverse() : events;
      const scope = `GetExecutionHistory ${executionArn} ${input.reverseOrder === true}`;
      const { items, nextToken } = page(ordered, input, scope);
      return { events: items.map(withEpochs), ...(nextToken ? { nextToken } : {}) };
    },
    // The callback pattern (https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html):
    // an empty answer, or InvalidToken, TaskDoesNotExist, TaskTimedOut, InvalidOutput.
    SendTaskSuccess(input) {
      let output: unknown;
      try {
        output = JSON.parse(input.output as string);
      } catch (e) {
        // The message is inferred; the error is the API's (InvalidOutput: the output is not JSON).
        throw new AwsError('InvalidOutput', `Invalid Output: '${(e as Error).message}'`);
      }
      sfn.sendTaskSuccess(input.taskToken as string, output);
      return {};
    },
    SendTaskFailure(input) {
      sfn.sendTaskFailure(input.taskToken as string, str(input.error), str(input.cause));
      return {};
    },
    SendTaskHeartbeat(input) {
      sfn.sendTaskHeartbeat(input.taskToken as string);
      return {};
    },
    TagResource(input) {
      sfn.tagResource(
        checkArn(input.resourceArn as string, 'stateMachine'),
        input.tags as { key: string; value: string }[],
      );
      return {};
    },
    ListTagsForResource(input) {
      return { tags: sfn.listTagsForResource(checkArn(input.resourceArn as string, 'stateMachine')) };
    },
    async TestState(input) {
      // One state run alone (emulator/testState.ts); the request was checked against the model.
      if (str(input.roleArn) !== undefined) checkArn(input.roleArn as string, 'role');
      return { ...(await sfn.testState(input as unknown as TestStateRequest)) };
    },
  };
  return checkedOperations(ops, checkRequest, asAwsError);
}
