/**
 * Step Functions Local's mock configuration (`MockConfigFile`), read as Step Functions Local reads
 * it: `StateMachines.<machine>.TestCases.<case>.<state>` names a mocked response, and
 * `MockedResponses.<response>` answers each invocation of the state by number (`"0"`, `"1-2"`),
 * with `Return` (the service's answer) or `Throw` (`Error`, `Cause`). One counter per state and
 * execution advances on every invocation of the state, retries, loops and Map iterations included.
 */
import { z } from 'zod';
import { isObject } from '../../syntax/json.js';
import { walkStates } from '../../syntax/stateTree.js';

/** What one invocation of a mocked state gets. */
export type MockAnswer =
  | { readonly kind: 'return'; readonly value: unknown }
  | { readonly kind: 'throw'; readonly error: string; readonly cause?: string };

/** A mocked response: its answers by invocation number, 0 to `answers.length - 1`. */
export interface MockedResponse {
  readonly name: string;
  readonly answers: readonly MockAnswer[];
}

/** One test case of one state machine: its mocked states. */
export interface MockCase {
  readonly machine: string;
  readonly testCase: string;
  /** State name → the response that answers it. */
  readonly states: ReadonlyMap<string, MockedResponse>;
}

/** A mock configuration that does not hold together, said in one line (where, what, how to fix). */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
}

const AnswerSchema = z
  .object({
    Return: z.unknown().optional(),
    Throw: z
      .object({ Error: z.string().min(1).max(256), Cause: z.string().max(32_768).optional() })
      .strict()
      .optional(),
  })
  .strict();

const MockConfigSchema = z
  .object({
    StateMachines: z.record(
      z.string(),
      z.object({ TestCases: z.record(z.string(), z.record(z.string(), z.string().min(1))) }).strict(),
    ),
    MockedResponses: z.record(z.string(), z.record(z.string(), AnswerSchema)),
  })
  .strict();

/** A mock configuration file as read, its shape checked. */
export type MockConfig = z.infer<typeof MockConfigSchema>;

const place = (path: readonly PropertyKey[]) =>
  path.length > 0 ? `/${path.map(String).join('/')}` : '(top level)';

/** An invocation key: `"3"` or `"1-2"` (inclusive), as a range. */
function invocationRange(key: string): { from: number; to: number } | undefined {
  const m = /^(0|[1-9]\d{0,5})(?:-(0|[1-9]\d{0,5}))?$/.exec(key);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to >= from ? { from, to } : undefined;
}

/** The answers of one mocked response, in invocation order; its keys cover 0..n-1 once each. */
function answersOf(name: string, raw: MockConfig['MockedResponses'][string], where: string): MockAnswer[] {
  const at = `${where}: MockedResponses/${name}`;
  const answers: MockAnswer[] = [];
  const ranges = Object.entries(raw).map(([key, answer]) => {
    const range = invocationRange(key);
    if (!range)
      throw new MockConfigError(
        `${at}: "${key}" is not an invocation number or range; use "0", "1", "2-4" (from 0, inclusive)`,
      );
    return { key, ...range, answer };
  });
  if (ranges.length === 0) throw new MockConfigError(`${at} has no answers; give at least "0"`);
  ranges.sort((a, b) => a.from - b.from);
  for (const { key, from, to, answer } of ranges) {
    if (from !== answers.length)
      throw new MockConfigError(
        from < answers.length
          ? `${at}: "${key}" overlaps an earlier key; each invocation has one answer`
          : `${at}: no answer for invocation ${answers.length} (keys must run from 0 without gaps; "${key}" follows)`,
      );
    const hasReturn = 'Return' in answer;
    if (hasReturn === (answer.Throw !== undefined))
      throw new MockConfigError(`${at}/${key} must hold exactly one of "Return" and "Throw"`);
    const one: MockAnswer = hasReturn
      ? { kind: 'return', value: answer.Return }
      : {
          kind: 'throw',
          error: answer.Throw!.Error,
          ...(answer.Throw!.Cause !== undefined ? { cause: answer.Throw!.Cause } : {}),
        };
    for (let i = from; i <= to; i++) answers.push(one);
  }
  return answers;
}

/** Checks a mock configuration's shape; `where` names its file in messages. */
export function parseMockConfig(raw: unknown, where: string): MockConfig {
  const parsed = MockConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MockConfigError(
      `${where} is not a Step Functions Local mock configuration: at ${place(issue?.path ?? [])}: ${issue?.message ?? ''} (fields: StateMachines.<machine>.TestCases.<case>.<state>, MockedResponses.<response>.<n>.Return|Throw)`,
    );
  }
  return parsed.data;
}

/**
 * The test case `selector` names: `CASE` (when one state machine of the file has it),
 * `MACHINE#CASE`, or Step Functions Local's `stateMachineArn#CASE`. Every response it names is checked.
 */
export function selectMockCase(config: MockConfig, selector: string, where: string): MockCase {
  const hash = selector.lastIndexOf('#');
  const before = hash >= 0 ? selector.slice(0, hash) : undefined;
  // A state machine ARN names its machine after its last colon.
  const wantedMachine = before?.startsWith('arn:') ? before.slice(before.lastIndexOf(':') + 1) : before;
  const testCase = hash >= 0 ? selector.slice(hash + 1) : selector;
  const machines = Object.entries(config.StateMachines).filter(
    ([name, m]) =>
      (wantedMachine === undefined || name === wantedMachine) && Object.hasOwn(m.TestCases, testCase),
  );
  if (machines.length === 0) {
    const known = Object.entries(config.StateMachines).flatMap(([name, m]) =>
      Object.keys(m.TestCases).map((c) => `${name}#${c}`),
    );
    throw new MockConfigError(
      `${where} has no test case "${selector}"; give one of: ${known.length > 0 ? known.join(', ') : '(none: the file defines no test cases)'}`,
    );
  }
  if (machines.length > 1)
    throw new MockConfigError(
      `${where}: test case "${testCase}" is defined for ${machines.map(([n]) => n).join(' and ')}; name one as MACHINE#${testCase}`,
    );
  const [machine, { TestCases }] = machines[0]!;
  const states = new Map<string, MockedResponse>();
  for (const [state, response] of Object.entries(TestCases[testCase]!)) {
    const raw = Object.hasOwn(config.MockedResponses, response)
      ? config.MockedResponses[response]
      : undefined;
    if (raw === undefined)
      throw new MockConfigError(
        `${where}: test case ${machine}#${testCase} mocks the state "${state}" with "${response}", which MockedResponses does not define`,
      );
    states.set(state, { name: response, answers: answersOf(response, raw, where) });
  }
  return { machine, testCase, states };
}

/** The Task states of a definition, in branches and Map processors too. */
function taskStates(definition: unknown): Set<string> {
  const tasks = new Set<string>();
  if (isObject(definition))
    walkStates(definition, ({ name, state }) => {
      if (state.Type === 'Task') tasks.add(name);
    });
  return tasks;
}

/** A test case may mock only Task states of the definition it runs (a typo would go unnoticed). */
export function checkMockedStates(mock: MockCase, definition: unknown, where: string): void {
  const tasks = taskStates(definition);
  for (const state of mock.states.keys())
    if (!tasks.has(state))
      throw new MockConfigError(
        `${where}: test case ${mock.machine}#${mock.testCase} mocks "${state}", which is not a Task state of the definition (its Task states: ${[...tasks].join(', ') || 'none'})`,
      );
}
