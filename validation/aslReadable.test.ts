/**
 * Shapes asl-validator throws on are reported as one problem each, before it sees them: through the
 * validator (validateDefinition, the emulator's creation checks) and through every command that
 * reads a definition.
 */
import { describe, expect, it } from 'vitest';
import { file } from '../cli/testing/commandLine.js';
import { expectOneLine, run } from '../cli/testing/runInProcess.js';
import { checkDefinition } from '../emulator/definitionChecks.js';
import { unreadableShapes } from './aslReadable.js';
import { validateDefinition } from './validateDefinition.js';

const LEGACY = new URL('../examples/training-policy-legacy.json', import.meta.url).pathname;

/** Each shape, the pointer it is reported at and a fragment of its message. */
const SHAPES: readonly [string, unknown, string, RegExp][] = [
  [
    'States null',
    { StartAt: 'A', States: null },
    '/States',
    /States must be an object of named states, not null/,
  ],
  [
    'States a string',
    { StartAt: 'A', States: 'A' },
    '/States',
    /States must be an object of named states, not a string/,
  ],
  [
    'a state that is a string',
    { StartAt: 'A', States: { A: 'Pass' } },
    '/States/A',
    /a state must be a JSON object, not a string/,
  ],
  [
    'a branch state that is null',
    {
      StartAt: 'A',
      States: { A: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: null } }], End: true } },
    },
    '/States/A/Branches/0/States/B',
    /a state must be a JSON object, not null/,
  ],
  [
    'Parameters null',
    { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: null, End: true } } },
    '/States/A/Parameters',
    /Parameters must be a JSON object \(a payload template\), not null/,
  ],
  [
    'ResultSelector null on a SageMaker task',
    {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { ModelName: 'm', PrimaryContainer: { Image: 'i' } },
          ResultSelector: null,
          End: true,
        },
      },
    },
    '/States/A/ResultSelector',
    /ResultSelector must be a JSON object/,
  ],
];

describe('shapes asl-validator cannot read', () => {
  it.each(SHAPES)(
    '%s: one problem, at its place, from validate and the creation checks',
    (_, definition, pointer, message) => {
      expect(unreadableShapes(definition)).toEqual([{ pointer, message: expect.stringMatching(message) }]);
      const problems = validateDefinition(definition);
      expect(problems[0]).toMatchObject({ pointer, code: 'asl', message: expect.stringMatching(message) });
      expect(checkDefinition(definition, 'STANDARD').problems).toEqual([
        expect.stringMatching(new RegExp(`^SCHEMA_VALIDATION_FAILED: .*${message.source}.* at ${pointer}$`)),
      ]);
    },
  );

  it.each(SHAPES)(
    '%s: exec, policy and check exit 2 with one line; validate lists the problem',
    async (name, definition, _, message) => {
      const path = file(`${name.replace(/\W+/g, '-')}.json`, definition);
      expectOneLine(await run('exec', path), message);
      expectOneLine(await run('policy', path), message);
      expectOneLine(await run('check', '--definition', path, '--policy', LEGACY), message);
      const validated = await run('validate', path);
      expect(validated.code).toBe(1);
      expect(validated.stdout).toMatch(message);
      expect(validated.stderr).toMatch(/^\d+ problem\(s\)\n$/);
    },
  );

  it('shapes the library reads are left to its schema, whose messages are kept', () => {
    expect(unreadableShapes({ StartAt: 'A', States: [] })).toEqual([]);
    expect(unreadableShapes({ StartAt: 'A', States: 5 })).toEqual([]);
    expect(validateDefinition({ StartAt: 'A', States: [] })).toEqual([
      { pointer: '/States', code: 'asl', message: '/States is invalid. must be object' },
    ]);
  });

  it('a payload template key named like an inherited member is no duplicate', () => {
    const definition = JSON.parse(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"constructor": 1, "toString.$": "$", "__proto__": {"valueOf": 2}}, "End": true}}}',
    ) as unknown;
    expect(validateDefinition(definition)).toEqual([]);
    expect(checkDefinition(definition, 'STANDARD').problems).toEqual([]);
    const duplicate = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Parameters: { a: 1, 'a.$': '$' }, End: true } },
    };
    expect(validateDefinition(duplicate).map((p) => p.message)).toEqual([
      'A duplicate field will exist after renaming to strip the ".$" suffix from: a.$.$',
    ]);
  });
});
