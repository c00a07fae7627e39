/**
 * `--mock FILE --mock-case CASE` of `exec` and `check --input`: a Step Functions Local mock
 * configuration's test case; `serve --mock FILE`: the whole configuration, every test case checked.
 */
import {
  checkMockedStates,
  MockConfigError,
  parseMockConfig,
  selectMockCase,
  type MockCase,
  type MockConfig,
} from '../emulator/mock/mockConfig.js';
import { UsageError } from '../contracts/usageError.js';
import { readJsonFile } from './io.js';
import { checkExecutionName } from './values.js';

/** `--mock FILE --mock-case CASE`: the test case, checked against the definition it runs. */
export function readMock(
  raw: { readonly mock?: string; readonly mockCase?: string },
  definition: unknown,
): MockCase | undefined {
  if (raw.mock === undefined) {
    if (raw.mockCase !== undefined)
      throw new UsageError(
        'bad-option',
        '--mock-case needs --mock FILE (the mock configuration that defines it)',
      );
    return undefined;
  }
  const where = `mock file "${raw.mock}"`;
  try {
    const config = parseMockConfig(readJsonFile(raw.mock, 'mock file'), where);
    if (raw.mockCase === undefined) {
      const cases = Object.entries(config.StateMachines).flatMap(([m, c]) =>
        Object.keys(c.TestCases).map((t) => `${m}#${t}`),
      );
      throw new UsageError(
        'bad-option',
        `--mock needs --mock-case CASE, the test case to run (${where} has: ${cases.join(', ') || 'none'})`,
      );
    }
    const mock = selectMockCase(config, raw.mockCase, where);
    checkMockedStates(mock, definition, where);
    // The state machine is created with the test case's machine name.
    checkExecutionName(mock.machine, `${where}: the state machine name`);
    return mock;
  } catch (e) {
    if (e instanceof MockConfigError) throw new UsageError('bad-mock', e.message);
    throw e;
  }
}

/**
 * `serve --mock FILE`: the mock configuration, each of its test cases checked (the responses it
 * names exist and answer from invocation 0); its state names are checked when a test case runs.
 */
export function readMockConfig(path: string): { config: MockConfig; where: string } {
  const where = `mock file "${path}"`;
  try {
    const config = parseMockConfig(readJsonFile(path, 'mock file'), where);
    for (const [machine, { TestCases }] of Object.entries(config.StateMachines))
      for (const testCase of Object.keys(TestCases)) selectMockCase(config, `${machine}#${testCase}`, where);
    return { config, where };
  } catch (e) {
    if (e instanceof MockConfigError) throw new UsageError('bad-mock', e.message);
    throw e;
  }
}
