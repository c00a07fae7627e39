/**
 * Workflow variables by the Developer Guide's page (workflow-variables.html): assigned by a state's
 * Assign, read by later states, every assignment of one Assign evaluated with the values the
 * variables had when the state was entered.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../testing/interpreterRun.js';

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html';

describe(`workflow variables (${DG})`, () => {
  it('an Assign reads the values the variables had when the state was entered (swap x and y)', async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { x: 1, y: 2 }, Next: 'Swap' },
        Swap: { Type: 'Pass', Assign: { x: '{% $y %}', y: '{% $x %}' }, Next: 'Read' },
        Read: { Type: 'Pass', Output: { x: '{% $x %}', y: '{% $y %}' }, End: true },
      },
    });
    expect(r.output).toEqual({ x: 2, y: 1 });
  });

  it("a state's Output reads the variables as they were before its own Assign", async () => {
    const r = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { n: 1 }, Next: 'Next' },
        Next: { Type: 'Pass', Assign: { n: 2 }, Output: { n: '{% $n %}' }, End: true },
      },
    });
    expect(r.output).toEqual({ n: 1 });
  });

  it('JSONPath: an Assign value with ".$" reads the state input, and later states read the variable', async () => {
    const r = await run(
      {
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { 'bucket.$': '$.bucket' }, Next: 'Read' },
          Read: { Type: 'Pass', Parameters: { 'b.$': '$bucket' }, End: true },
        },
      },
      { bucket: 'my-bucket' },
    );
    expect(r.output).toEqual({ b: 'my-bucket' });
  });
});
