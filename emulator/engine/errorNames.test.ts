/**
 * The predefined error names of the Amazon States Language (https://states-language.net/spec.html,
 * Appendix A "Predefined Error Codes"; the Developer Guide's error-handling.html, "Error names"),
 * each where the interpreter raises it. Where AWS, as recorded, raises another name than the table
 * suggests, the recording wins and is named.
 */
import { describe, expect, it } from 'vitest';
import { one, run } from '../testing/interpreterRun.js';

type Obj = Record<string, unknown>;
const SPEC = 'https://states-language.net/spec.html#appendix-a';
const end = (state: Obj): Obj => ({ ...state, End: true });

describe(`predefined error names (${SPEC})`, () => {
  it('States.NoChoiceMatched: a Choice state matched no rule and has no Default', async () => {
    const r = await run(
      {
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, Next: 'E' }] },
          E: { Type: 'Succeed' },
        },
      },
      { x: 2 },
    );
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('States.ResultPathMatchFailure: a ResultPath cannot be applied to the input; States.ALL catches it', async () => {
    const r = await run(one({ Type: 'Pass', Result: 1, ResultPath: '$.a.b' }), { a: 'text' });
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.ResultPathMatchFailure' });
    const caught = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'echo',
            ResultPath: '$.a.b',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
            End: true,
          },
          Handled: end({ Type: 'Pass' }),
        },
      },
      { a: 'text' },
    );
    expect(caught.status).toBe('SUCCEEDED');
    expect(caught.output).toMatchObject({ Error: 'States.ResultPathMatchFailure' });
  });

  it('States.ParameterPathFailure is what the table names for a Parameters path that fails; AWS records States.Runtime (testdata/aws-recorded/459-...)', async () => {
    const r = await run(one({ Type: 'Pass', Parameters: { 'v.$': '$.missing' } }), {});
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(r.cause).toContain(
      "The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input",
    );
  });

  it('States.IntrinsicFailure: an intrinsic function failed to evaluate', async () => {
    const r = await run(one({ Type: 'Pass', Parameters: { 'v.$': 'States.ArrayGetItem($.a, 5)' } }), {
      a: [1],
    });
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
  });

  it('States.ExceedToleratedFailureThreshold: a Map failed more items than it tolerates', async () => {
    const r = await run(
      one({
        Type: 'Map',
        ToleratedFailureCount: 0,
        ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E1' } } },
      }),
      [1, 2],
    );
    expect(r).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  });

  it("States.BranchFailed names a branch's failure; a Parallel state fails with the branch's own error and cause", async () => {
    const r = await run(
      one({
        Type: 'Parallel',
        Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E1', Cause: 'c' } } }],
      }),
      {},
    );
    expect(r).toMatchObject({ status: 'FAILED', error: 'E1', cause: 'c' });
  });

  it('States.Timeout: a Task ran past TimeoutSeconds, or sent no heartbeat within HeartbeatSeconds', async () => {
    const timedOut = await run(one({ Type: 'Task', Resource: 'sleep:10', TimeoutSeconds: 2 }), {});
    expect(timedOut).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const silent = await run(one({ Type: 'Task', Resource: 'sleep:10', HeartbeatSeconds: 2 }), {});
    expect(silent).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('States.TaskFailed: a Task failed; States.TaskFailed in ErrorEquals matches its errors but States.Timeout', async () => {
    const r = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'fail:Custom.Error',
            Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Handled' }],
            End: true,
          },
          Handled: end({ Type: 'Pass' }),
        },
      },
      {},
    );
    expect(r.status).toBe('SUCCEEDED');
    const timeout = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'sleep:10',
            TimeoutSeconds: 1,
            Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Handled' }],
            End: true,
          },
          Handled: end({ Type: 'Pass' }),
        },
      },
      {},
    );
    expect(timeout).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });
});
