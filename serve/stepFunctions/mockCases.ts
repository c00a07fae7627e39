/**
 * Step Functions Local's mocked service integrations on the local endpoint: `serve --mock FILE`
 * loads a MockConfigFile, and StartExecution picks a test case by the state machine ARN with
 * `#TestCaseName` appended, as Step Functions Local does
 * (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html, step 2:
 * `--state-machine arn:aws:states:...:stateMachine:LambdaSQSIntegration#HappyPath`). The execution
 * is the state machine's (its ARN names no test case); the test case's states answer from the file.
 */
import {
  checkMockedStates,
  MockConfigError,
  selectMockCase,
  type MockCase,
  type MockConfig,
} from '../../emulator/mock/mockConfig.js';
import { AwsError } from '../protocol/json.js';

/** A loaded mock configuration, and how messages name its file. */
export interface LoadedMocks {
  readonly config: MockConfig;
  /** `mock file "path"`. */
  readonly where: string;
}

/** A StartExecution ARN split into the state machine's ARN and the test case it names, if any. */
export function splitTestCase(arn: string): { stateMachineArn: string; testCase?: string } {
  // A state machine's name has no `#` (sfn.limits.name-characters): the first one starts the test case.
  const hash = arn.indexOf('#');
  return hash < 0
    ? { stateMachineArn: arn }
    : { stateMachineArn: arn.slice(0, hash), testCase: arn.slice(hash + 1) };
}

/**
 * The test case `testCase` of the state machine, checked against its definition. A test case the
 * file does not define, or one named with no file loaded, is a ValidationException naming it
 * (inferred: Step Functions Local's own answer is not documented).
 */
export function testCaseFor(
  mocks: LoadedMocks | undefined,
  stateMachineArn: string,
  testCase: string,
  definition: unknown,
): MockCase {
  if (mocks === undefined)
    throw new AwsError(
      'ValidationException',
      `The state machine ARN names the test case '${testCase}', and no mock configuration is loaded (start serve with --mock FILE)`,
    );
  try {
    const mock = selectMockCase(mocks.config, `${stateMachineArn}#${testCase}`, mocks.where);
    checkMockedStates(mock, definition, mocks.where);
    return mock;
  } catch (e) {
    if (e instanceof MockConfigError) throw new AwsError('ValidationException', e.message);
    throw e;
  }
}
