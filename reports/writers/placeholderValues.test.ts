import { describe, expect, it } from 'vitest';
import { diffLine, Placeholders } from '../normalise.js';
import { placeholderValues } from './placeholderValues.js';

describe('placeholderValues', () => {
  it("gives each placeholder of a diff its value, the normaliser's from the values it replaced", () => {
    const p = new Placeholders();
    const lines = [
      diffLine('calls/0', 'iam:PassRole arn:aws:iam::1:role/${RoleArn} allowed', '(no call)', p),
      diffLine('output/t', '${ExecutionStart}+250ms', 3, p),
    ];
    expect(placeholderValues(lines, p, { startEpochMs: 1000 })).toEqual([
      { placeholder: '<arn:1>', means: 'an ARN', value: 'arn:aws:iam::1:role/${RoleArn}' },
      {
        placeholder: '${ExecutionStart}+250ms',
        means: '250 ms after the execution started (epoch ms)',
        value: '1250 (1970-01-01T00:00:01.250Z)',
      },
      {
        placeholder: '${RoleArn}',
        means: 'the RoleArn the execution gives at run time (the prediction does not know it)',
      },
    ]);
  });

  it('leaves a value out where the case does not record it', () => {
    const p = new Placeholders();
    const lines = [
      diffLine('output/a', '${ExecutionArn}', 'x', p),
      diffLine('output/b', '${ExecutionStart}+0ms', 1, p),
    ];
    expect(placeholderValues(lines, p, undefined).map((v) => v.value)).toEqual([undefined, undefined]);
  });
});
