import { describe, expect, it } from 'vitest';
import { parseCatch, parseJsonataValue, parseJsonPathValue, parseRequest } from './parseValues.js';

describe('reading dynamic values of a definition', () => {
  it('JSONPath: reference paths (dot and bracket notation), the context, States.Format; the rest opaque', () => {
    expect(parseJsonPathValue('$.a.b[0]')).toEqual({
      given: 'path',
      source: { from: 'input', path: ['a', 'b', 0] },
    });
    expect(parseJsonPathValue("$['Training Output']['x']")).toEqual({
      given: 'path',
      source: { from: 'input', path: ['Training Output', 'x'] },
      notation: 'bracket',
    });
    expect(parseJsonPathValue("$$.Execution.Input['Config']['name']")).toEqual({
      given: 'path',
      source: { from: 'executionInput', path: ['Config', 'name'] },
      notation: 'bracket',
    });
    // Mixed notation reads the same path; only all-bracket paths are marked.
    expect(parseJsonPathValue("$$.Execution.Input['Config'].name")).toEqual({
      given: 'path',
      source: { from: 'executionInput', path: ['Config', 'name'] },
    });
    expect(parseJsonPathValue('$$.Execution.Name')).toEqual({
      given: 'path',
      source: { from: 'executionName' },
    });
    expect(parseJsonPathValue('$$.Execution.Input.cfg.name')).toEqual({
      given: 'path',
      source: { from: 'executionInput', path: ['cfg', 'name'] },
    });
    expect(parseJsonPathValue("States.Format('{}-run', $.id)")).toEqual({
      given: 'format',
      template: '{}-run',
      args: [{ from: 'input', path: ['id'] }],
    });
    // The template as States.Format reads it: the quote unescaped, the escaped braces kept, so that
    // \{\} stays text and is not an argument's place (Developer Guide, Intrinsic functions,
    // "Reserved characters").
    expect(parseJsonPathValue("States.Format('s3://{}/runs/\\{{}\\}/team\\'s', $.b, $.n)")).toEqual({
      given: 'format',
      template: "s3://{}/runs/\\{{}\\}/team's",
      args: [
        { from: 'input', path: ['b'] },
        { from: 'input', path: ['n'] },
      ],
    });
    expect(parseJsonPathValue('States.UUID()').given).toBe('opaque');
    expect(parseJsonPathValue('$..name').given).toBe('opaque');
  });

  it('JSONata: member access with dots and backticks; a bracket with a name is a filter, not a member', () => {
    expect(parseJsonataValue('{% $states.input.a %}')).toEqual({
      given: 'jsonata',
      parts: [{ from: 'input', path: ['a'] }],
    });
    expect(parseJsonataValue("{% $states.input.`my-key` & '-run' %}")).toEqual({
      given: 'jsonata',
      parts: [{ from: 'input', path: ['my-key'] }, { text: '-run' }],
    });
    expect(parseJsonataValue("{% $states.input['my-key'] %}").given).toBe('opaque');
    expect(parseJsonataValue('{% $states.input.a-b %}').given).toBe('opaque');
  });

  it('a request: literal members, and `.$` keys (JSONPath) or `{% %}` strings (JSONata) at their places', () => {
    expect(parseRequest({ A: 1, 'B.$': '$.b', C: [{ 'D.$': '$.d' }] }, 'JSONPath')).toEqual({
      literal: { A: 1, C: [{}] },
      dynamic: [
        { at: ['B'], value: { given: 'path', source: { from: 'input', path: ['b'] } } },
        { at: ['C', 0, 'D'], value: { given: 'path', source: { from: 'input', path: ['d'] } } },
      ],
    });
    // In JSONata a `.$` key is a plain member name.
    expect(parseRequest({ 'B.$': '$.b' }, 'JSONata')).toEqual({ literal: { 'B.$': '$.b' }, dynamic: [] });
    expect(parseRequest('{% $states.input %}', 'JSONata').dynamic[0]!.at).toEqual([]);
  });

  it('catchers: error lists, targets and ResultPath', () => {
    expect(
      parseCatch([
        { ErrorEquals: ['States.ALL'], Next: 'F', ResultPath: '$.error' },
        { ErrorEquals: ['States.Timeout'], Next: 'G', ResultPath: null },
        { ErrorEquals: ['X'], Next: 'H' },
      ]),
    ).toEqual([
      { errorEquals: ['States.ALL'], target: { kind: 'state', state: 'F' }, resultPath: ['error'] },
      { errorEquals: ['States.Timeout'], target: { kind: 'state', state: 'G' }, resultPath: null },
      { errorEquals: ['X'], target: { kind: 'state', state: 'H' } },
    ]);
  });
});
