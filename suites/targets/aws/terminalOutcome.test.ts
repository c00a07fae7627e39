/** The end of an execution, read from its history (DescribeExecution is eventually consistent). */
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { terminalOutcome } from './terminalOutcome.js';
import { taskFailuresOf } from '../history.js';

describe('terminalOutcome', () => {
  it('reads status, error, cause and output from the terminal event, as DescribeExecution tells them', () => {
    expect(
      terminalOutcome([
        { type: 'ExecutionStarted', id: 1, timestamp: new Date(0) },
        {
          type: 'ExecutionSucceeded',
          id: 2,
          timestamp: new Date(0),
          executionSucceededEventDetails: { output: '{"a":1}' },
        },
      ]),
    ).toEqual({ status: 'SUCCEEDED', output: '{"a":1}' });
    expect(
      terminalOutcome([
        {
          type: 'ExecutionFailed',
          id: 9,
          timestamp: new Date(0),
          executionFailedEventDetails: { error: 'States.TaskFailed', cause: 'x' },
        },
      ]),
    ).toEqual({ status: 'FAILED', error: 'States.TaskFailed', cause: 'x' });
    // DescribeExecution has no error or cause for a timed-out execution (sfn.timed-out-no-error).
    expect(
      terminalOutcome([
        {
          type: 'ExecutionTimedOut',
          id: 3,
          timestamp: new Date(0),
          executionTimedOutEventDetails: { error: 'States.Timeout' },
        },
      ]),
    ).toEqual({ status: 'TIMED_OUT' });
    expect(terminalOutcome([{ type: 'ExecutionAborted', id: 3, timestamp: new Date(0) }])).toEqual({
      status: 'ABORTED',
    });
  });

  it('is undefined while the history has no end', () => {
    expect(terminalOutcome([])).toBeUndefined();
    expect(terminalOutcome([{ type: 'TaskStateEntered', id: 2, timestamp: new Date(0) }])).toBeUndefined();
  });
});

describe('taskFailuresOf', () => {
  it("reads each failed attempt's error and cause from an AWS history", () => {
    const history: HistoryEvent[] = [
      { type: 'TaskScheduled', id: 1, timestamp: new Date(0) },
      {
        type: 'TaskFailed',
        id: 2,
        timestamp: new Date(0),
        taskFailedEventDetails: {
          resourceType: 'sagemaker',
          resource: 'createTrainingJob.sync',
          error: 'SageMaker.AmazonSageMakerException',
          cause: 'User: x is not authorized to perform: sagemaker:CreateTrainingJob on resource: y',
        },
      },
      {
        type: 'TaskSubmitFailed',
        id: 3,
        timestamp: new Date(0),
        taskSubmitFailedEventDetails: { resourceType: 'sagemaker', resource: 'r', error: 'E' },
      },
      {
        type: 'TaskTimedOut',
        id: 4,
        timestamp: new Date(0),
        taskTimedOutEventDetails: { resourceType: 'sagemaker', resource: 'r', error: 'States.Timeout' },
      },
    ];
    expect(taskFailuresOf(history)).toEqual([
      {
        error: 'SageMaker.AmazonSageMakerException',
        cause: 'User: x is not authorized to perform: sagemaker:CreateTrainingJob on resource: y',
      },
      { error: 'E' },
    ]);
  });
});
