/**
 * The Parallel state by the Developer Guide: each expectation names the page and section it is
 * taken from, or the recording on AWS where the guide says nothing.
 */
import { describe, expect, it } from 'vitest';
import { run, one, seconds, types } from '../../testing/interpreterRun.js';

type Obj = Record<string, unknown>;

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg';

/** A branch of one state. */
const branch = (state: Obj) => ({ StartAt: 'B', States: { B: { End: true, ...state } } });

describe(`Parallel (${DG}/state-parallel.html)`, () => {
  it('every branch gets the effective input; the output has one element per branch, in the order of Branches (Parallel state output)', async () => {
    const o = await run(
      one({
        Type: 'Parallel',
        InputPath: '$.in',
        Parameters: { 'v.$': '$.v' },
        Branches: [
          {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', Seconds: 10, Next: 'B' },
              B: { Type: 'Pass', Result: 'slow', ResultPath: '$.r', End: true },
            },
          },
          branch({ Type: 'Pass', Result: 'fast', ResultPath: '$.r' }),
        ],
      }),
      { in: { v: 1 } },
    );
    expect(o).toMatchObject({
      status: 'SUCCEEDED',
      output: [
        { v: 1, r: 'slow' },
        { v: 1, r: 'fast' },
      ],
    });
    expect(seconds(o)).toBe(10);
  });

  it('a failed branch fails the state and stops the others (Error handling)', async () => {
    const o = await run(
      one({
        Type: 'Parallel',
        Branches: [branch({ Type: 'Wait', Seconds: 100 }), branch({ Type: 'Fail', Error: 'E', Cause: 'c' })],
      }),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'E', cause: 'c' });
    expect(seconds(o)).toBe(0);
    expect(types(o)).toContain('WaitStateAborted');
  });

  it('each branch is a scope of its own: it reads the variables around the state, and what it assigns stays in it (workflow-variables.html, Variable scope)', async () => {
    const o = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 42 }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'B1',
              States: {
                B1: { Type: 'Pass', Assign: { x: 1, mine: 'b1' }, Next: 'B2' },
                B2: { Type: 'Pass', Parameters: { 'x.$': '$x', 'mine.$': '$mine' }, End: true },
              },
            },
            branch({ Type: 'Pass', Parameters: { 'x.$': '$x' } }),
          ],
          // The state's own Assign is of the outer scope, over its result.
          Assign: { 'first.$': '$[0]' },
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'x.$': '$x', 'first.$': '$first' }, End: true },
      },
    });
    expect(o).toMatchObject({ status: 'SUCCEEDED', output: { x: 42, first: { x: 1, mine: 'b1' } } });
    const leaked = await run({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [branch({ Type: 'Pass', Assign: { mine: 1 } })], Next: 'After' },
        After: { Type: 'Pass', Parameters: { 'v.$': '$mine' }, End: true },
      },
    });
    expect(leaked).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('a retried Parallel runs every branch again and records ParallelStateFailed once, after its last attempt (as a retried Map: testdata/aws-recorded/397-map-state-retry-legacy.json)', async () => {
    const o = await run(
      one({
        Type: 'Parallel',
        Branches: [branch({ Type: 'Fail', Error: 'E' })],
        Retry: [{ ErrorEquals: ['E'], MaxAttempts: 2 }],
      }),
    );
    expect(o).toMatchObject({ status: 'FAILED', error: 'E' });
    expect(types(o)).toEqual([
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'FailStateEntered',
      'ParallelStateStarted',
      'FailStateEntered',
      'ParallelStateStarted',
      'FailStateEntered',
      'ParallelStateFailed',
      'ExecutionFailed',
    ]);
    // Caught without a retry: ParallelStateFailed, then the catcher's state (concepts-error-handling.html).
    const caught = await run({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [branch({ Type: 'Fail', Error: 'E', Cause: 'c' })],
          Catch: [{ ErrorEquals: ['E'], ResultPath: '$.error', Next: 'H' }],
          End: true,
        },
        H: { Type: 'Pass', End: true },
      },
    });
    expect(caught).toMatchObject({ status: 'SUCCEEDED', output: { error: { Error: 'E', Cause: 'c' } } });
    const events = types(caught);
    expect(events.filter((t) => t === 'ParallelStateFailed')).toHaveLength(1);
    expect(events.indexOf('ParallelStateFailed')).toBeLessThan(events.indexOf('PassStateEntered'));
  });

  it('$$.State.RetryCount in Parameters counts the attempts (input-output-contextobject.html, Context object contents)', async () => {
    const o = await run(
      one({
        Type: 'Parallel',
        Parameters: { 'retry.$': '$$.State.RetryCount' },
        Branches: [
          {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.retry', NumericLessThan: 2, Next: 'F' }],
                Default: 'Done',
              },
              F: { Type: 'Fail', Error: 'E' },
              Done: { Type: 'Pass', End: true },
            },
          },
        ],
        Retry: [{ ErrorEquals: ['E'], MaxAttempts: 2 }],
      }),
    );
    expect(o).toMatchObject({ status: 'SUCCEEDED', output: [{ retry: 2 }] });
  });
});
