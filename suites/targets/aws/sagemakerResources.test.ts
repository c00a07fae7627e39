/** What an execution created, read from its history: what the clean-up stops and deletes. */
import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createdResources } from './sagemakerResources.js';

/** A task's events: scheduled, started, then the given outcomes, chained by previousEventId. */
function task(
  first: number,
  resource: string,
  parameters: object,
  outcomes: HistoryEventType[],
): HistoryEvent[] {
  const events: HistoryEvent[] = [
    {
      id: first,
      type: 'TaskScheduled',
      timestamp: new Date(0),
      taskScheduledEventDetails: {
        resourceType: 'sagemaker',
        resource,
        region: 'us-east-1',
        parameters: JSON.stringify(parameters),
      },
    },
    { id: first + 1, previousEventId: first, type: 'TaskStarted', timestamp: new Date(0) },
  ];
  outcomes.forEach((type, i) =>
    events.push({ id: first + 2 + i, previousEventId: first + 1 + i, type, timestamp: new Date(0) }),
  );
  return events;
}

describe('createdResources', () => {
  it('stops a job a request-response task started, and one a `.sync` task left unfinished', () => {
    const events = [
      ...task(1, 'createTrainingJob', { TrainingJobName: 'started' }, ['TaskSucceeded']),
      ...task(10, 'createTrainingJob.sync', { TrainingJobName: 'failed' }, ['TaskSubmitted', 'TaskFailed']),
    ];
    expect(createdResources(events).map((r) => [r.cleanup, r.name])).toEqual([
      ['StopTrainingJob', 'started'],
      ['StopTrainingJob', 'failed'],
    ]);
  });

  it('leaves a job alone whose `.sync` task succeeded: it completed', () => {
    const events = task(1, 'createTrainingJob.sync', { TrainingJobName: 'done' }, [
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
    expect(createdResources(events)).toEqual([]);
  });

  it('deletes the models, configurations and endpoints created, endpoints first', () => {
    const events = [
      ...task(1, 'createModel', { ModelName: 'm' }, ['TaskSucceeded']),
      ...task(10, 'createEndpointConfig', { EndpointConfigName: 'c' }, ['TaskSucceeded']),
      ...task(20, 'createEndpoint', { EndpointName: 'e' }, ['TaskSucceeded']),
    ];
    expect(createdResources(events).map((r) => r.cleanup)).toEqual([
      'DeleteEndpoint',
      'DeleteEndpointConfig',
      'DeleteModel',
    ]);
  });
});
