/**
 * The scheduler's clocks: virtual time jumps to the next timer and takes no real time; real time
 * wakes each timer once its time has passed; an external wait holds the virtual clock until it is
 * answered, or until its limit passes in real time, when the clock jumps by the limit.
 */
import { describe, expect, it } from 'vitest';
import { EmulatedStepFunctions } from '../stepFunctions.js';
import { AbortScope, type ExternalWait, VirtualScheduler } from './scheduler.js';

describe('the virtual clock', () => {
  it('a ten-hour sleep wakes at once, the clock at ten hours', async () => {
    const s = new VirtualScheduler();
    const began = performance.now();
    expect(await s.sleep(10 * 3600_000)).toBe('elapsed');
    expect(s.now).toBe(10 * 3600_000);
    expect(performance.now() - began).toBeLessThan(10 * 3600_000);
  });

  it('an external wait holds the clock: a sibling timer waits until it is answered', async () => {
    const s = new VirtualScheduler();
    const order: string[] = [];
    let wait: ExternalWait<string> | undefined;
    const both = s.all([
      async () => {
        wait = s.external<string>(new AbortScope(), { deadline: Infinity });
        const end = await wait.done;
        order.push(`${end.kind} at ${s.now}`);
      },
      async () => {
        await s.sleep(5000);
        order.push(`sibling at ${s.now}`);
      },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    expect(wait!.answer('yes')).toBe(true);
    expect(wait!.answer('again')).toBe(false);
    await both;
    expect(order).toEqual(['answered at 0', 'sibling at 5000']);
  });

  it("an external wait's idle limit passes in real time, then the clock jumps by it", async () => {
    const s = new VirtualScheduler();
    const wait = s.external<string>(new AbortScope(), { deadline: 60_000, idleMs: 50 });
    expect(await wait.done).toEqual({ kind: 'idle' });
    expect(s.now).toBe(50);
    expect(wait.touch()).toBe(false);
  });

  it('an aborted scope ends an external wait', async () => {
    const s = new VirtualScheduler();
    const scope = new AbortScope();
    const wait = s.external<string>(scope, { deadline: Infinity });
    scope.abort('aborted');
    expect(await wait.done).toEqual({ kind: 'aborted' });
  });
});

describe('the real clock', () => {
  it('a sleep takes its time', async () => {
    const s = new VirtualScheduler('real');
    const began = performance.now();
    expect(await s.sleep(100)).toBe('elapsed');
    expect(performance.now() - began).toBeGreaterThanOrEqual(99);
    expect(s.now).toBeGreaterThanOrEqual(100);
    s.close();
  });

  it("a retrier's interval takes real time", async () => {
    const sfn = new EmulatedStepFunctions({ clock: 'real' });
    const { stateMachineArn } = sfn.createStateMachine({
      name: 'M',
      definition: {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'f' },
            Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 }],
            End: true,
          },
        },
      },
    });
    const began = performance.now();
    const r = await sfn.awaitExecution(
      sfn.startExecution({
        stateMachineArn,
        mock: {
          machine: 'M',
          testCase: 'T',
          states: new Map([
            [
              'Call',
              {
                name: 'R',
                answers: [
                  { kind: 'throw', error: 'Boom' },
                  { kind: 'return', value: 'ok' },
                ],
              },
            ],
          ]),
        },
      }).executionArn,
    );
    expect(r).toMatchObject({ status: 'SUCCEEDED', output: 'ok' });
    expect(performance.now() - began).toBeGreaterThanOrEqual(990);
    expect(r.stopEpochMs - r.startEpochMs).toBeGreaterThanOrEqual(1000);
  });

  it('an external wait answered early is not held to its deadline', async () => {
    const s = new VirtualScheduler('real');
    const wait = s.external<number>(new AbortScope(), { deadline: 60_000 });
    setTimeout(() => wait.answer(1), 20);
    expect(await wait.done).toEqual({ kind: 'answered', value: 1 });
    expect(s.now).toBeLessThan(60_000);
    s.close();
  });
});
