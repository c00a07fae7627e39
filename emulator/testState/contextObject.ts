/**
 * The Context object (`$$`, `$states.context`) of a TestState call: the one the request gives
 * (`context`, only with a mock), checked, or one made for the call.
 *
 * Documented (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html):
 * `context` is a JSON Context object and may only be given with a mock; its members are the Context
 * object's (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html).
 * Observed (AWS's answers recorded in LocalStack's TestState snapshots,
 * github.com/localstack/localstack tests/aws/services/stepfunctions/v2/test_state/test_state_context_object.snapshot.json):
 * the given object replaces `$$` whole (`{}` is `{}`); a member it may not have is refused with
 * `Invalid Context object provided: Field '<name>' is not allowed`, `Map` with `'Map' field is not
 * supported when mocking a Context object`, a non-string `Execution.Id` with `Execution.Id must be
 * a string`, and `Task` on a state that is not a `.sync` or `.waitForTaskToken` Task with its own
 * message; the Context object made for a call names the state `StateName` (a single state) and an
 * Express execution. Inferred: the checks of the other members' types, the message for a context
 * without a mock, and the made object's names.
 */
import { contextObject, hasTaskToken, taskToken, type ContextObject } from '../engine/contextObject.js';
import type { StateDefinition } from '../engine/states/definitions.js';
import { isObject } from '../../syntax/json.js';
import { invalid } from './refusal.js';

/** The members a given Context object may have, and the JSON type of each. */
const MEMBERS: Readonly<Record<string, Readonly<Record<string, 'string' | 'number' | 'any'>>>> = {
  Execution: {
    Id: 'string',
    Input: 'any',
    Name: 'string',
    RoleArn: 'string',
    StartTime: 'string',
    RedriveCount: 'number',
    RedriveTime: 'string',
  },
  State: { EnteredTime: 'string', Name: 'string', RetryCount: 'number' },
  StateMachine: { Id: 'string', Name: 'string' },
  Task: { Token: 'string' },
};

const refused = (why: string) => invalid(`Invalid Context object provided: ${why}`);

/** The Context object a request gives, checked for the tested state. */
export function givenContext(text: string, state: StateDefinition): ContextObject {
  let given: unknown;
  try {
    given = JSON.parse(text);
  } catch (e) {
    throw refused(`it is not JSON: ${(e as Error).message}`);
  }
  if (!isObject(given)) throw refused('it must be a JSON object');
  for (const [part, value] of Object.entries(given)) {
    if (part === 'Map') throw refused("'Map' field is not supported when mocking a Context object");
    const members = MEMBERS[part];
    if (!members) throw refused(`Field '${part}' is not allowed`);
    if (part === 'Task' && !(state.Type === 'Task' && hasTaskToken(state.Resource)))
      throw refused(
        "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
      );
    if (!isObject(value)) throw refused(`${part} must be an object`);
    for (const [member, v] of Object.entries(value)) {
      const type = members[member];
      if (!type) throw refused(`Field '${member}' is not allowed`);
      if (type !== 'any' && typeof v !== type) throw refused(`${part}.${member} must be a ${type}`);
    }
  }
  // Checked member by member above: the object is a Context object, partial as it may be.
  return given as unknown as ContextObject;
}

/** The Express execution a TestState call stands for: its names and ARNs (inferred). */
export interface TestExecution {
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  /** Epoch ms of the call. */
  readonly startEpochMs: number;
}

/** The Express execution of a call, numbered by its serial. */
export function testExecution(env: {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly serial: number;
  readonly startEpochMs: number;
}): TestExecution {
  const stateMachineName = `TestState-${env.serial}`;
  const executionName = `test-${env.serial}`;
  const prefix = `arn:${env.partition}:states:${env.region}:${env.account}`;
  return {
    executionArn: `${prefix}:express:${stateMachineName}:${executionName}`,
    executionName,
    stateMachineArn: `${prefix}:stateMachine:${stateMachineName}`,
    stateMachineName,
    startEpochMs: env.startEpochMs,
  };
}

/** What a Context object made for a TestState call is made of. */
export interface MadeContext extends TestExecution {
  readonly input: unknown;
  readonly roleArn: string | undefined;
  readonly stateName: string;
  readonly state: StateDefinition;
  /** `State.RetryCount` of a state that retries: the retries the request says have been made. */
  readonly retryCount: number;
}

/** The Context object made for a call that gives none. */
export function madeContext(parts: MadeContext): ContextObject {
  const { state } = parts;
  const made = contextObject({
    ...parts,
    roleArn: parts.roleArn ?? '',
    enteredTime: new Date(parts.startEpochMs).toISOString(),
    retryCount: ['Task', 'Map', 'Parallel'].includes(state.Type) ? parts.retryCount : undefined,
    taskToken:
      state.Type === 'Task' && hasTaskToken(state.Resource)
        ? taskToken(parts.executionArn, parts.stateName, 0)
        : undefined,
  });
  if (parts.roleArn !== undefined) return made;
  // A call without a role (a mock makes it optional) has no role to name.
  const execution = Object.fromEntries(Object.entries(made.Execution).filter(([k]) => k !== 'RoleArn'));
  return { ...made, Execution: execution as ContextObject['Execution'] };
}
