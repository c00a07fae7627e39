/**
 * ASL mutants that change what the interpreter computes, each against the rule as AWS has it: the
 * numeric comparisons of a Choice at the threshold, and the Context object's State.RetryCount.
 */
import { describe, expect, it } from 'vitest';
import { one, run } from '../testing/interpreterRun.js';
import { behaviourWith } from './index.js';

/** A Choice on `$.metric` with the operator against 0.9: Deploy when it holds, else Skip. */
const gate = (operator: string) => ({
  StartAt: 'Gate',
  States: {
    Gate: {
      Type: 'Choice',
      Choices: [{ Variable: '$.metric', [operator]: 0.9, Next: 'Deploy' }],
      Default: 'Skip',
    },
    Deploy: { Type: 'Pass', Result: 'deployed', End: true },
    Skip: { Type: 'Pass', Result: 'skipped', End: true },
  },
});

describe('choice-numeric-boundary', () => {
  const mutant = { behaviour: behaviourWith(['choice-numeric-boundary']) };

  it('as AWS has it, the Equals forms hold on the threshold (the ASL specification, Choice Rules)', async () => {
    for (const operator of ['NumericGreaterThanEquals', 'NumericLessThanEquals', 'NumericEquals'])
      expect((await run(gate(operator), { metric: 0.9 })).output, operator).toBe('deployed');
    for (const operator of ['NumericGreaterThan', 'NumericLessThan'])
      expect((await run(gate(operator), { metric: 0.9 })).output, operator).toBe('skipped');
  });

  it('the mutant leaves equality out of >= and <=, and nothing else', async () => {
    for (const operator of ['NumericGreaterThanEquals', 'NumericLessThanEquals'])
      expect((await run(gate(operator), { metric: 0.9 }, mutant)).output, operator).toBe('skipped');
    expect((await run(gate('NumericEquals'), { metric: 0.9 }, mutant)).output).toBe('deployed');
    expect((await run(gate('NumericGreaterThanEquals'), { metric: 0.95 }, mutant)).output).toBe('deployed');
    expect((await run(gate('NumericLessThanEquals'), { metric: 0.85 }, mutant)).output).toBe('deployed');
  });
});

describe('retry-count-not-advanced', () => {
  const retried = one({
    Type: 'Task',
    Resource: 'flaky:2',
    Parameters: { 'name.$': "States.Format('job-{}', $$.State.RetryCount)" },
    Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, BackoffRate: 1 }],
  });

  it("as AWS has it, each attempt's request reads its own retry count (sfn.context.retry-count)", async () => {
    expect((await run(retried)).output).toEqual({ echo: { name: 'job-2' }, retryCount: 2 });
  });

  it('the mutant keeps State.RetryCount at 0 while the retries go on', async () => {
    const o = await run(retried, {}, { behaviour: behaviourWith(['retry-count-not-advanced']) });
    expect(o.output).toEqual({ echo: { name: 'job-0' }, retryCount: 2 });
  });
});
