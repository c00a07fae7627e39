/**
 * A `"__proto__"` key in a file the user gives: JSON has no prototypes, so it is an ordinary key
 * where the file holds data (a definition, an input, a policy, as AWS reads them), and refused with
 * one line where the file is one of the tool's own formats (a scenario, a mock configuration, a
 * config file, a baseline), whose schemas would drop it unread. Never does it become an object's
 * prototype, hiding its members or lending it others.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonText } from './io.js';
import { dir, file } from './testing/commandLine.js';
import { expectOneLine, run } from './testing/runInProcess.js';

const example = fileURLToPath(new URL('../examples/training-job.json', import.meta.url));
const passThrough = file('pass.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

/** A policy that allows everything, under a condition written as `condition` (raw JSON text). */
const allowAllUnder = (name: string, condition: string) =>
  file(
    name,
    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":${condition}}]}`,
  );

afterAll(() => {
  // Nothing read reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).StringEquals).toBeUndefined();
});

describe('parseJsonText', () => {
  it('keeps "__proto__" as an own member, where jsonc-parser would set the prototype', () => {
    const value = parseJsonText('{"a":{"__proto__":{"polluted":1},"b":2}}', 'test', {
      protoKeys: 'ordinary',
    }) as { a: Record<string, unknown> };
    expect(Object.getPrototypeOf(value.a)).toBe(Object.prototype);
    expect(Object.keys(value.a)).toEqual(['__proto__', 'b']);
    expect(value.a.polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"a":{"__proto__":{"polluted":1},"b":2}}');
    // An escaped key is the same key.
    const escaped = parseJsonText('{"\\u005f_proto__":{"polluted":1}}', 'test', { protoKeys: 'ordinary' });
    expect(Object.keys(escaped as object)).toEqual(['__proto__']);
  });

  it("refuses it, naming its JSON pointer, in the tool's own formats (the default)", () => {
    expect(() => parseJsonText('{"x":[{"a~/b":{"__proto__":{}}}]}', 'scenario file "s.json"')).toThrow(
      'scenario file "s.json": /x/0/a~0~1b/__proto__: no field of this file is named "__proto__"',
    );
  });
});

describe('a policy', () => {
  it('a "__proto__" condition operator is refused as IAM refuses an unknown one, not dropped', async () => {
    // jsonc-parser made it the Condition's prototype: the Condition had no operator, the
    // statement allowed everything unconditionally, and check said "Sufficient".
    const policy = allowAllUnder(
      'proto-operator.json',
      '{"__proto__":{"StringEquals":{"aws:RequestedRegion":"nowhere"}}}',
    );
    expectOneLine(
      await run('check', '--definition', example, '--policy', policy, '--account', '123456789012'),
      /\/Statement\/0\/Condition\/__proto__: unknown condition operator "__proto__"/,
    );
    expectOneLine(await run('exec', example, '--policy', policy), /unknown condition operator "__proto__"/);
  });

  it('a "__proto__" condition key is a key the request does not have: the statement does not apply', async () => {
    const policy = allowAllUnder('proto-key.json', '{"StringEquals":{"__proto__":"x"}}');
    const result = await run(
      'check',
      '--definition',
      example,
      '--policy',
      policy,
      '--account',
      '123456789012',
    );
    expect(result.stderr).not.toMatch(/sfn-conformance:/);
    expect(result.stdout).toMatch(/Insufficient/);
    expect(result.code).toBe(1);
  });
});

describe('data: a definition and an input', () => {
  it('"__proto__" is an ordinary key of an input and of a Pass state\'s Result', async () => {
    const input = await run(
      'exec',
      passThrough,
      '--input',
      '{"__proto__":{"polluted":1},"a":2}',
      '--format',
      'json',
    );
    expect(input.code, input.stderr).toBe(0);
    expect(JSON.stringify((JSON.parse(input.stdout) as { output: unknown }).output)).toBe(
      '{"__proto__":{"polluted":1},"a":2}',
    );
    const withResult = file(
      'result.json',
      '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"__proto__":{"polluted":1}},"End":true}}}',
    );
    const result = await run('exec', withResult, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.stringify((JSON.parse(result.stdout) as { output: unknown }).output)).toBe(
      '{"__proto__":{"polluted":1}}',
    );
  });
});

describe("the tool's own formats", () => {
  it('a scenario with a "__proto__" key is refused, naming where', async () => {
    // It lent the scenario its fields: a createError that no field of the file showed.
    const scenario = file(
      'proto-scenario.json',
      '{"__proto__":{"createError":{"error":"ResourceLimitExceeded","times":100}}}',
    );
    expectOneLine(
      await run('exec', example, '--scenario', scenario),
      /scenario file ".*proto-scenario\.json": \/__proto__: no field of this file is named "__proto__"/,
    );
    const nested = file('proto-job.json', '{"job":{"outcome":"Completed","__proto__":{"polls":5}}}');
    expectOneLine(await run('exec', example, '--scenario', nested), /\/job\/__proto__/);
  });

  it('a mock configuration with a "__proto__" key is refused, naming where', async () => {
    const definition = fileURLToPath(new URL('../examples/lambda-train-notify.json', import.meta.url));
    const mocks = JSON.parse(
      readFileSync(new URL('../examples/lambda-train-notify.mocks.json', import.meta.url), 'utf8'),
    ) as { StateMachines: Record<string, unknown> };
    const [machine, body] = Object.entries(mocks.StateMachines)[0]!;
    const text = JSON.stringify(mocks).replace(`"${machine}":`, '"__proto__":');
    expect(JSON.stringify(body)).not.toBe('');
    const path = file('proto-mocks.json', text);
    expectOneLine(
      await run('exec', definition, '--mock', path, '--mock-case', 'x'),
      /mock file ".*proto-mocks\.json": \/StateMachines\/__proto__: no field/,
    );
  });

  it('a baseline and a config file with a "__proto__" key are refused', async () => {
    expectOneLine(
      await run(
        'run',
        '--runs',
        '1',
        '--expect',
        file('proto-expect.json', '{"__proto__":{}}'),
        '--report',
        `${dir}/r`,
      ),
      /--expect file ".*": \/__proto__: no field/,
    );
    expectOneLine(
      await run(
        'run',
        '--target',
        'endpoint',
        '--endpoint',
        'http://127.0.0.1:9',
        '--config',
        file('proto-config.json', '{"billableJobs":{"hyperParameters":{"__proto__":"x"}}}'),
      ),
      /config file ".*": \/billableJobs\/hyperParameters\/__proto__: no field/,
    );
  });
});
