/** Retries as the SDK's standard strategy makes them: full jitter, AWS_MAX_ATTEMPTS honoured. */
import { describe, expect, it } from 'vitest';
import { familyOf } from './apiFamily.js';
import { backoffMs, Caller, maxAttemptsFromEnv } from './caller.js';

describe('backoff', () => {
  it('is full jitter under an exponential cap: anywhere from 0 to the cap, never above', () => {
    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.999)).toBe(199);
    expect(backoffMs(3, () => 0.5)).toBe(400);
    expect(backoffMs(20, () => 0.999)).toBe(19_980);
  });

  it('spreads the waits of calls throttled together', async () => {
    const waits: number[] = [];
    let t = 0;
    const clock = { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) };
    const counts = { throttles: 0, transientRetries: 0 };
    const caller = new Caller({}, clock, 3, 60_000, counts);
    const throttle = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    for (let i = 0; i < 20; i++) {
      let first = true;
      await caller.call('X', async () => {
        if (first) {
          first = false;
          throw throttle;
        }
        return 1;
      });
    }
    expect(counts.throttles).toBe(20);
    expect(new Set(waits).size).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(200);
  });
});

describe('AWS_MAX_ATTEMPTS', () => {
  it('is read as the SDK reads it', () => {
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: '5' })).toBe(5);
    expect(maxAttemptsFromEnv({})).toBeUndefined();
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: '0' })).toBeUndefined();
    expect(maxAttemptsFromEnv({ AWS_MAX_ATTEMPTS: 'many' })).toBeUndefined();
  });
});

describe('concurrency per API family', () => {
  const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  const clock = () => {
    let t = 0;
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  };

  it('a throttled IAM call halves the IAM calls in flight, and the executions keep theirs', async () => {
    const counts = { throttles: 0, transientRetries: 0 };
    const throttledApis: string[] = [];
    const caller = new Caller(
      {},
      clock(),
      3,
      60_000,
      counts,
      (api) => throttledApis.push(api),
      () => 0,
      8,
    );
    let first = true;
    await caller.call('CreateRole', async () => {
      if (first) {
        first = false;
        throw throttle();
      }
      return 1;
    });
    expect(throttledApis).toEqual(['CreateRole']);
    expect(caller.familyCuts()).toEqual({ iamConcurrencyCuts: 1, iamLowestConcurrency: 4 });
    // Eight executions' calls at once still go out together: their family was not cut.
    let inFlight = 0;
    let most = 0;
    const gate: (() => void)[] = [];
    const calls = Array.from({ length: 8 }, () =>
      caller.call('GetExecutionHistory', async () => {
        most = Math.max(most, ++inFlight);
        await new Promise<void>((go) => gate.push(go));
        inFlight--;
      }),
    );
    while (gate.length < 8) await new Promise((r) => setImmediate(r));
    expect(most).toBe(8);
    for (const go of gate) go();
    await Promise.all(calls);
    // And IAM's calls in flight are now four at most.
    const iamGate: (() => void)[] = [];
    let iamInFlight = 0;
    let iamMost = 0;
    const iamCalls = Array.from({ length: 8 }, () =>
      caller.call('PutRolePolicy', async () => {
        iamMost = Math.max(iamMost, ++iamInFlight);
        await new Promise<void>((go) => iamGate.push(go));
        iamInFlight--;
      }),
    );
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(iamMost).toBe(4);
    while (iamGate.length > 0) {
      for (const go of iamGate.splice(0)) go();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(iamCalls);
  });

  it('families: executions, state machines, IAM, SageMaker, STS', () => {
    expect(familyOf('StartExecution')).toBe('executions');
    expect(familyOf('GetExecutionHistory')).toBe('executions');
    expect(familyOf('CreateStateMachine')).toBe('stateMachines');
    expect(familyOf('TestState')).toBe('stateMachines');
    expect(familyOf('DeleteRolePolicy')).toBe('iam');
    expect(familyOf('ListTrainingJobs')).toBe('sagemaker');
    expect(familyOf('StopHyperParameterTuningJob')).toBe('sagemaker');
    expect(familyOf('DeleteEndpointConfig')).toBe('sagemaker');
    expect(familyOf('GetCallerIdentity')).toBe('sts');
  });
});
