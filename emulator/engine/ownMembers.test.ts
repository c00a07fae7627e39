/**
 * Names that JavaScript objects inherit (`__proto__`, `constructor`, `toString`) are ordinary JSON
 * keys to Step Functions: a path, a template key, a variable or an intrinsic's result that names one
 * reads and writes a member of that name, never an object's prototype (syntax/json.ts: ownValue,
 * setOwn). Definitions are written as JSON text: a `__proto__` key in a TypeScript object literal
 * would itself set the prototype.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dir } from '../../cli/testing/commandLine.js';
import { run as runCli } from '../../cli/testing/runInProcess.js';
import { run } from '../testing/interpreterRun.js';

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** Whether anything was set on Object.prototype: a fresh object then has members. */
const prototypeTouched = () =>
  ['End', 'x', 'Next', 'Type'].some((k) => k in {}) || Object.keys(Object.prototype).length > 0;

afterEach(() => {
  // Leave the process clean for the next test even when one fails.
  for (const key of ['End', 'x', 'Next', 'Type']) delete (Object.prototype as Record<string, unknown>)[key];
});

/** Pass states that try to reach the prototype, then a Pass with Next, then a Fail. */
const POLLUTING = `{
  "StartAt": "Write",
  "States": {
    "Write": { "Type": "Pass", "Result": true, "ResultPath": "$.__proto__.End", "Next": "Between" },
    "Between": { "Type": "Pass", "Next": "Last" },
    "Last": { "Type": "Fail", "Error": "Expected", "Cause": "the last state fails" }
  }
}`;

describe('a path that names __proto__ writes an ordinary member', () => {
  it('ResultPath "$.__proto__.End": the Fail-last definition stays FAILED, Object.prototype untouched', async () => {
    const o = await run(json(POLLUTING));
    expect(o).toMatchObject({ status: 'FAILED', error: 'Expected' });
    expect(prototypeTouched()).toBe(false);
  });

  it('the member written is an own field named __proto__, and a path reads it back', async () => {
    const o = await run(
      json(`{
        "StartAt": "Write",
        "States": {
          "Write": { "Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.__proto__", "Next": "Read" },
          "Read": { "Type": "Pass", "Parameters": { "read.$": "$.__proto__.x", "quoted.$": "$['__proto__']" },
                    "ResultPath": "$.out", "End": true }
        }
      }`),
      { keep: true },
    );
    expect(o.status).toBe('SUCCEEDED');
    expect(JSON.stringify(o.output)).toBe(
      '{"keep":true,"__proto__":{"x":1},"out":{"read":1,"quoted":{"x":1}}}',
    );
    expect(Object.hasOwn(o.output as object, '__proto__')).toBe(true);
    expect(prototypeTouched()).toBe(false);
  });

  it('inherited names are not found on the way: constructor and toString are missing members', async () => {
    const o = await run(
      json(
        `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"c.$": "$.constructor"}, "End": true}}}`,
      ),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    const written = await run(
      json(
        `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.constructor.prototype.x", "End": true}}}`,
      ),
    );
    expect(written).toMatchObject({ status: 'SUCCEEDED', output: { constructor: { prototype: { x: 1 } } } });
    expect(prototypeTouched()).toBe(false);
  });

  it('a Catch ResultPath through __proto__ writes a member', async () => {
    const o = await run(
      json(`{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "fail:Boom", "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.__proto__.End", "Next": "Between"}]},
        "Between": {"Type": "Pass", "Next": "Last"},
        "Last": {"Type": "Fail", "Error": "Expected"}}}`),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'Expected' });
    expect(prototypeTouched()).toBe(false);
  });
});

describe('template keys, variables and intrinsic results named __proto__ are members', () => {
  it('Parameters, ResultSelector and Assign keep a __proto__ key as a member', async () => {
    const o = await run(
      json(`{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "echo",
              "Parameters": {"__proto__": {"End": true}, "x.$": "$.a"},
              "ResultSelector": {"__proto__": {"Next": "Nowhere"}, "echoed.$": "$.echo"},
              "Assign": {"__proto__": {"Type": "Succeed"}},
              "Next": "Read"},
        "Read": {"Type": "Pass", "Parameters": {"variable.$": "$__proto__", "result.$": "$"}, "Next": "Last"},
        "Last": {"Type": "Fail", "Error": "Expected"}}}`),
      { a: 1 },
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'Expected' });
    const read = o.history.find((e) => e.type === 'PassStateExited') as unknown as {
      stateExitedEventDetails: { output: string };
    };
    expect(JSON.parse(read.stateExitedEventDetails.output)).toEqual(
      json(`{"variable": {"Type": "Succeed"},
             "result": {"__proto__": {"Next": "Nowhere"}, "echoed": {"__proto__": {"End": true}, "x": 1}}}`),
    );
    expect(prototypeTouched()).toBe(false);
  });

  it('States.StringToJson and States.JsonMerge results with __proto__ keep it as a member', async () => {
    const o = await run(
      json(`{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
        "merged.$": "States.JsonMerge(States.StringToJson($.text), $.more, false)"},
        "ResultPath": "$.__proto__", "Next": "Between"},
        "Between": {"Type": "Pass", "Next": "Last"},
        "Last": {"Type": "Fail", "Error": "Expected"}}}`),
      json(`{"text": "{\\"__proto__\\": {\\"End\\": true}}", "more": {"__proto__": {"Next": "X"}, "b": 2}}`),
    );
    const exited = o.history.find((e) => e.type === 'PassStateExited') as unknown as {
      stateExitedEventDetails: { output: string };
    };
    expect(JSON.parse(exited.stateExitedEventDetails.output).__proto__).toEqual(
      json(`{"merged": {"__proto__": {"Next": "X"}, "b": 2}}`),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'Expected' });
    expect(prototypeTouched()).toBe(false);
  });

  it('JSONata Output and Assign with __proto__ keys make members', async () => {
    const o = await run(
      json(`{"QueryLanguage": "JSONata", "StartAt": "P", "States": {
        "P": {"Type": "Pass", "Output": {"__proto__": "{% {'End': true} %}", "kept": "{% $merge([$states.input, {'__proto__': {'Next': 'X'}}]) %}"},
              "Assign": {"__proto__": {"End": true}}, "Next": "Read"},
        "Read": {"Type": "Pass", "Output": "{% $states.input %}", "Next": "Last"},
        "Last": {"Type": "Fail", "Error": "Expected"}}}`),
      { a: 1 },
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'Expected' });
    const exited = o.history.find((e) => e.type === 'PassStateExited') as unknown as {
      stateExitedEventDetails: { output: string };
    };
    expect(JSON.parse(exited.stateExitedEventDetails.output)).toEqual(
      json(`{"__proto__": {"End": true}, "kept": {"a": 1, "__proto__": {"Next": "X"}}}`),
    );
    expect(prototypeTouched()).toBe(false);
  });

  it('a Next that names an inherited member is no state', async () => {
    const o = await run(json(`{"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "constructor"}}}`));
    expect(o.status).toBe('FAILED');
    expect(prototypeTouched()).toBe(false);
  });
});

describe('exec: the pollution attempt through the command line', () => {
  it('the Fail-last definition is reported FAILED (exit 1), and {}.End stays undefined', async () => {
    const path = join(dir, 'proto-pollution.json');
    writeFileSync(path, POLLUTING);
    const result = await runCli('exec', path, '--format', 'json');
    expect(result.code, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as { status: string }).status).toBe('FAILED');
    expect(({} as Record<string, unknown>).End).toBeUndefined();
    expect(prototypeTouched()).toBe(false);
  });

  it('validate: a Parameters key named like an inherited member is an unknown field, not a crash', async () => {
    const path = join(dir, 'constructor-key.json');
    writeFileSync(
      path,
      `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel",
        "Parameters": {"ModelName": "m", "PrimaryContainer": {"Image": "i"}, "constructor": 1, "toString": 2},
        "End": true}}}`,
    );
    const result = await runCli('validate', path);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const key of ['constructor', 'toString']) expect(result.stdout).toContain(`unknown field "${key}"`);
    // Not a duplicate of a member of Object.prototype once `.$` is stripped.
    expect(result.stdout).not.toContain('duplicate field');
  });
});
