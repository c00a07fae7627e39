/** A CreateStateMachine or DescribeStateMachine shape around a definition: its fields checked as the APIs have them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { file } from './testing/commandLine.js';
import { expectOneLine, run } from './testing/runInProcess.js';

const definition = readFileSync(
  fileURLToPath(new URL('../examples/training-job.json', import.meta.url)),
  'utf8',
);
/** `aws stepfunctions describe-state-machine` as it prints an EXPRESS machine. */
const described = {
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  name: 'm',
  status: 'ACTIVE',
  definition,
  roleArn: 'arn:aws:iam::123456789012:role/R',
  type: 'EXPRESS',
  creationDate: '2024-05-01T10:00:00.000000+00:00',
  loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  tracingConfiguration: { enabled: false },
};

describe('a definition file holding DescribeStateMachine', () => {
  it('is read with its type, in any case', async () => {
    for (const type of ['EXPRESS', 'express']) {
      const result = await run('validate', file(`described-${type}.json`, { ...described, type }));
      expect(result.stdout, result.stderr).toMatch(/\.sync is not supported in Express state machines/);
    }
    const standard = await run(
      'validate',
      file('described-standard.json', { ...described, type: 'STANDARD' }),
    );
    expect(standard.code, standard.stdout).toBe(0);
  });

  it.each([
    [
      'a type that is none',
      { type: 'WHATEVER' },
      /"type" is "WHATEVER", not a state machine type; use STANDARD or EXPRESS/,
    ],
    ['a type that is not a string', { type: 1 }, /"type" must be a string \(got 1\)/],
    [
      'an unknown field',
      { tyep: 'EXPRESS' },
      /unknown field "tyep" beside "definition" \(a CreateStateMachine or DescribeStateMachine shape has definition, type, /,
    ],
    ['a name that is not a string', { name: {} }, /"name" must be a string/],
    ['tags that are not a list', { tags: 'a=b' }, /"tags" must be a list/],
  ])('%s is refused with one line', async (_, change, message) => {
    for (const command of ['validate', 'policy', 'exec'])
      expectOneLine(await run(command, file('described-bad.json', { ...described, ...change })), message);
  });
});
