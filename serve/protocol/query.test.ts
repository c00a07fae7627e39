import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../apimodel/shape.js';
import { escapeXml, readInput, toXml } from './query.js';

/** A model with a structure, a list of structures, a map, numbers, booleans and a timestamp. */
const MODEL: ApiModel = {
  operations: { Put: { input: 'PutRequest', output: 'PutResponse', errors: [] } },
  shapes: {
    PutRequest: {
      type: 'structure',
      members: { Name: 'str', Tags: 'tags', Keys: 'keys', Attributes: 'attrs', Max: 'int', On: 'bool' },
    },
    PutResponse: {
      type: 'structure',
      members: { Name: 'str', Keys: 'keys', When: 'time', Attributes: 'attrs' },
    },
    tags: { type: 'list', member: 'Tag' },
    Tag: { type: 'structure', members: { Key: 'str', Value: 'str' } },
    keys: { type: 'list', member: 'str' },
    attrs: { type: 'map', key: 'str', value: 'str' },
    str: { type: 'string' },
    int: { type: 'integer' },
    bool: { type: 'boolean' },
    time: { type: 'timestamp' },
  },
};

describe('the query protocol: reading a form', () => {
  it('reads flattened members by the model: lists by index, maps by entry, numbers and booleans typed', () => {
    const form = new URLSearchParams(
      'Action=Put&Version=1&Name=a%26b&Tags.member.2.Key=k2&Tags.member.1.Key=k1&Tags.member.1.Value=v1' +
        '&Keys=&Attributes.entry.1.key=x&Attributes.entry.1.value=1&Max=10&On=true&Unknown=1',
    );
    expect(readInput(MODEL, 'Put', form)).toEqual({
      Name: 'a&b',
      Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2' }],
      Keys: [],
      Attributes: { x: '1' },
      Max: 10,
      On: true,
    });
    // A value its type cannot read stays text, for the model check to refuse.
    expect(readInput(MODEL, 'Put', new URLSearchParams('Max=ten&On=yes'))).toEqual({ Max: 'ten', On: 'yes' });
  });
});

describe('the query protocol: writing XML', () => {
  it("escapes XML's special characters, keeps a carriage return, and replaces what XML cannot carry", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('line\r\nnext\ttab')).toBe('line&#xD;\nnext\ttab');
    expect(escapeXml('bell\u0007 \uD800 ok \uD83D\uDE00')).toBe('bell\uFFFD \uFFFD ok \uD83D\uDE00');
  });

  it('writes members in the model order, lists as member elements, timestamps to the second', () => {
    const xml = toXml(
      MODEL,
      'PutResponse',
      {
        When: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)),
        Keys: ['a<b'],
        Name: 'n',
        Attributes: { k: 'v' },
      },
      'PutResult',
    );
    expect(xml).toBe(
      '<PutResult><Name>n</Name><Keys><member>a&lt;b</member></Keys><When>2026-01-02T03:04:05Z</When>' +
        '<Attributes><entry><key>k</key><value>v</value></entry></Attributes></PutResult>',
    );
  });
});
