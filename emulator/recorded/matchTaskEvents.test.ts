import { describe, expect, it } from 'vitest';
import { detailsKey, type HistoryEvent } from '../engine/history.js';
import { recordedDifference, valueMatches } from './matchRecorded.js';
import { scheduledRequests, taskEventsDifference } from './matchTaskEvents.js';

const event = (id: number, previousEventId: number, type: string, details?: object): HistoryEvent => ({
  id,
  previousEventId,
  timestamp: 'date',
  type,
  ...(details ? { [detailsKey(type)]: details } : {}),
});

describe('matching a recording of Task states', () => {
  it("a file's loose words match any text, as whole words only", () => {
    expect(valueMatches('id sqs_queue_url', 'id https://q/1', '', ['sqs_queue_url'])).toBe(true);
    expect(valueMatches('id sqs_queue_url', 'id https://q/1')).toBe(false);
    expect(valueMatches('xsqs_queue_url', 'xhttps://q/1', '', ['sqs_queue_url'])).toBe(false);
  });

  it('a cause the recording parsed from JSON text is compared parsed', () => {
    const r = {
      definition: {},
      input: {},
      expected: { status: 'FAILED', error: 'E', cause: { errorMessage: 'm' }, eventTypes: [] },
    };
    const a = { status: 'FAILED', error: 'E', eventTypes: [] };
    expect(recordedDifference(r, { ...a, cause: '{"errorMessage": "m"}' })).toBeUndefined();
    expect(recordedDifference(r, { ...a, cause: '{"errorMessage": "n"}' })).toMatch(/^cause/);
  });

  it('reads each scheduled request with its state, and finds the first difference', () => {
    const history = [
      event(1, 0, 'ExecutionStarted'),
      event(2, 1, 'TaskStateEntered', { name: 'L' }),
      event(3, 2, 'LambdaFunctionScheduled', { resource: 'arn:f', input: '{"a":1}', timeoutInSeconds: 3 }),
      event(4, 3, 'LambdaFunctionFailed', { error: 'E' }),
      event(5, 4, 'LambdaFunctionScheduled', { resource: 'arn:f', input: '{"a":2}' }),
    ];
    const requests = scheduledRequests(history);
    expect(requests).toEqual([
      {
        state: 'L',
        eventType: 'LambdaFunctionScheduled',
        resource: 'arn:f',
        resourceType: 'lambda-function',
        parameters: { a: 1 },
        timeoutInSeconds: 3,
      },
      {
        state: 'L',
        eventType: 'LambdaFunctionScheduled',
        resource: 'arn:f',
        resourceType: 'lambda-function',
        parameters: { a: 2 },
      },
    ]);
    expect(taskEventsDifference(requests, requests)).toBeUndefined();
    const recorded = [{ ...requests[0]!, timeoutInSeconds: undefined }, requests[1]!];
    expect(taskEventsDifference(recorded, requests)).toMatch(/^task request 0 \(L\) timeoutInSeconds/);
    expect(taskEventsDifference(requests.slice(0, 1), requests)).toMatch(/^task request 1: recorded none/);
  });
});
