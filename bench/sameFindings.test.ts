/** The findings comparison puts aside what differs from run to run by design, and nothing else. */
import { describe, expect, it } from 'vitest';
import { comparableCase } from './sameFindings.js';

const line = (runId: string, n: number, extra: object = {}) =>
  JSON.stringify({
    id: 'c1',
    verdict: 'diverged',
    replay: {
      command: `npx sfn-conformance replay --endpoint http://127.0.0.1:${5000 + n} /tmp/r${n}/report.json c1`,
    },
    observed: {
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:sfnc-${runId}-${n}:job`,
      cause: `... Request ID: ${n}abc-12; {"CreationTime":${1796817929635 + n},"Tags":{"sfn-conformance:run-id":"${runId}"}}`,
      startedAt: `2026-12-07T21:0${n}:00.000Z`,
    },
    durationMs: 100 + n,
    ...extra,
  });

describe('comparableCase', () => {
  it('is the same for two runs that differ in run id, names, times, request ids, ports and paths', () => {
    const ids = ['mxdr1h8hj7', 'mxdr3pvspe'];
    expect(comparableCase(line(ids[0]!, 1), ids)).toBe(comparableCase(line(ids[1]!, 7), ids));
  });

  it('tells a different verdict or output apart', () => {
    const ids = ['a1', 'b2'];
    expect(comparableCase(line('a1', 1), ids)).not.toBe(
      comparableCase(line('b2', 1, { verdict: 'match' }), ids),
    );
    expect(comparableCase(line('a1', 1), ids)).not.toBe(comparableCase(line('b2', 1, { output: 1 }), ids));
  });
});
