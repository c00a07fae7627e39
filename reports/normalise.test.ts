/** The normaliser: numbered placeholders that keep the links between values and drop the values. */
import { describe, expect, it } from 'vitest';
import { diffLine, Placeholders } from './normalise.js';

describe('Placeholders', () => {
  it('numbers ARNs, request ids and times by first appearance, one number per value', () => {
    const p = new Placeholders();
    const a = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/a';
    const b = 'arn:aws-cn:iam::123456789012:role/b';
    expect(p.text(`${a} then ${b} then ${a}`)).toBe('<arn:1> then <arn:2> then <arn:1>');
    expect(p.text('0c7e6f3a-1b2c-4d5e-8f90-123456789abc at 2026-12-01T00:00:00.000Z')).toBe(
      '<uuid:1> at <time:1>',
    );
    expect(p.text('2026-12-01T00:00:01Z, 2026-12-01T00:00:00.000Z')).toBe('<time:2>, <time:1>');
  });

  it('ends an ARN at a quote, also a JSON-escaped one, and at a comma or parenthesis', () => {
    const p = new Placeholders();
    expect(p.value({ cause: 'on "arn:aws:s3:::bucket/key" (x)' })).toBe('{"cause":"on \\"<arn:1>\\" (x)"}');
    expect(p.text('(arn:aws:s3:::bucket/key), arn:aws:s3:::bucket/key')).toBe('(<arn:1>), <arn:1>');
  });
});

describe('diffLine', () => {
  it('marks what only one side has, and what differs', () => {
    const p = new Placeholders();
    expect(diffLine('output/a', 1, '(absent)', p)).toBe('(-) output/a 1');
    expect(diffLine('calls/3', '(no call)', 'x', p)).toBe('(+) calls/3 "x"');
    expect(diffLine('status', 'SUCCEEDED', 'FAILED', p)).toBe('(~) status "SUCCEEDED" -> "FAILED"');
  });
});
