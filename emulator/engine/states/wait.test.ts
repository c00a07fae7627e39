/**
 * The Wait state by the Developer Guide's page (state-wait.html): Seconds, Timestamp, SecondsPath,
 * TimestampPath, each on the virtual clock; the recordings settle the timestamp's form.
 */
import { describe, expect, it } from 'vitest';
import { one, run, seconds } from '../../testing/interpreterRun.js';

const DG = 'https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html';
/** The interpreter's executions start here (emulator/testing/interpreterRun.ts). */
const START = '2026-01-01T00:00:00Z';

describe(`Wait (${DG})`, () => {
  it('Seconds waits that many seconds, and passes its input on', async () => {
    const r = await run(one({ Type: 'Wait', Seconds: 10 }), { keep: 1 });
    expect(r).toMatchObject({ status: 'SUCCEEDED', output: { keep: 1 } });
    expect(seconds(r)).toBe(10);
  });

  it('Timestamp waits until an absolute time; one in the past does not wait', async () => {
    expect(seconds(await run(one({ Type: 'Wait', Timestamp: '2026-01-01T00:01:00Z' })))).toBe(60);
    expect(seconds(await run(one({ Type: 'Wait', Timestamp: '2016-03-14T01:59:00Z' })))).toBe(0);
  });

  it('SecondsPath and TimestampPath read the wait from the input', async () => {
    expect(seconds(await run(one({ Type: 'Wait', SecondsPath: '$.expirydate' }), { expirydate: 30 }))).toBe(
      30,
    );
    expect(
      seconds(
        await run(one({ Type: 'Wait', TimestampPath: '$.expirydate' }), {
          expirydate: '2026-01-01T00:00:05Z',
        }),
      ),
    ).toBe(5);
  });

  it('a timestamp without a time zone is refused at run time (it must be ISO-8601 with one)', async () => {
    const r = await run(one({ Type: 'Wait', TimestampPath: '$.t' }), { t: '2026-01-01T00:00:05' });
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.Runtime');
  });

  it(`the execution starts at ${START}`, async () => {
    const r = await run(one({ Type: 'Pass', Parameters: { 'start.$': '$$.Execution.StartTime' } }));
    expect(r.output).toEqual({ start: expect.stringMatching(/^2026-01-01T00:00:00/) });
  });
});
