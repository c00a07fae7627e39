/**
 * The SageMaker resources an execution created, read from its history, and their clean-up: a job a
 * request-response task started is stopped (it would run and bill to its MaxRuntimeInSeconds),
 * models, endpoint configurations and endpoints are deleted. Only what this execution's own calls
 * created is touched: a create call that succeeded proves the name was free before, so a resource
 * of the same name that already existed in the account is never a candidate.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { ResourceNotFound, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { API_BY_RESOURCE_NAME } from '../../../catalog/sagemakerApis.js';

/** A SageMaker resource an execution created, and how it is cleaned up. */
export interface CreatedResource {
  /** The SageMaker call that cleans it up: `StopTrainingJob`, `DeleteModel`, ... */
  readonly cleanup: string;
  /** The request member naming it. */
  readonly nameField: string;
  readonly name: string;
  /** For a job: the Describe call and the status member telling whether it still runs. */
  readonly describe?: { readonly call: string; readonly statusField: string };
}

/** Deletions of what is not a job; endpoints first, then what they use. */
const DELETES: Readonly<Record<string, string>> = {
  CreateEndpoint: 'DeleteEndpoint',
  CreateEndpointConfig: 'DeleteEndpointConfig',
  CreateModel: 'DeleteModel',
};
const ORDER = ['DeleteEndpoint', 'DeleteEndpointConfig', 'DeleteModel'];
const rank = (cleanup: string) => (cleanup.startsWith('Stop') ? -1 : ORDER.indexOf(cleanup));

/**
 * What the execution's SageMaker create calls created: every TaskScheduled of a Create whose task
 * was submitted or succeeded (events chain through `previousEventId` in every branch), but for a
 * `.sync` job task that succeeded: its job completed, and there is nothing to stop or describe.
 */
export function createdResources(events: readonly HistoryEvent[]): CreatedResource[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  // A `.sync` job task succeeds once its job has completed: that job has nothing left to stop.
  const completed = new Set(events.filter((e) => e.type === 'TaskSucceeded').map((e) => e.previousEventId));
  const out = new Map<string, CreatedResource>();
  for (const e of events) {
    if (e.type !== 'TaskSubmitted' && e.type !== 'TaskSucceeded') continue;
    const started = byId.get(e.previousEventId);
    const scheduled = started?.type === 'TaskStarted' ? byId.get(started.previousEventId) : undefined;
    const details = scheduled?.taskScheduledEventDetails;
    if (details?.resourceType !== 'sagemaker' || details.parameters === undefined) continue;
    const facts = API_BY_RESOURCE_NAME.get(details.resource?.split('.')[0] ?? '');
    if (!facts) continue;
    if (facts.job && e.type === 'TaskSubmitted' && completed.has(e.id)) continue;
    const cleanup = facts.job ? facts.job.stopAction.value.replace('sagemaker:', '') : DELETES[facts.api];
    if (!cleanup) continue;
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(details.parameters) as Record<string, unknown>;
    } catch {
      continue;
    }
    // The name the request gave; where it gave none a service still made something: the ARN it answered names it.
    const name =
      typeof request[facts.nameField.value] === 'string'
        ? (request[facts.nameField.value] as string)
        : nameInAnswer(e, facts.resultField.value);
    if (name === undefined) continue;
    const job = facts.job;
    out.set(`${cleanup}/${name}`, {
      cleanup,
      nameField: facts.nameField.value,
      name,
      ...(job
        ? {
            describe: {
              call: job.describeAction.value.replace('sagemaker:', ''),
              statusField: job.statusField.value,
            },
          }
        : {}),
    });
  }
  return [...out.values()].sort((a, b) => rank(a.cleanup) - rank(b.cleanup));
}

/** The resource name at the end of the ARN a create answered with (TaskSubmitted / TaskSucceeded output). */
function nameInAnswer(e: HistoryEvent, resultField: string): string | undefined {
  const output = (e.taskSubmittedEventDetails ?? e.taskSucceededEventDetails)?.output;
  if (output === undefined) return undefined;
  try {
    const arn = (JSON.parse(output) as Record<string, unknown>)[resultField];
    return typeof arn === 'string' && arn.includes('/') ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Job statuses in which a job still runs (and bills): only these are stopped. */
export const RUNNING_STATUSES = new Set(['InProgress']);

/** Answers that mean there is nothing left to clean up: gone, or a job no longer running. */
export function isAlreadyClean(e: unknown): boolean {
  if (e instanceof ResourceNotFound) return true;
  return (
    isValidationAnswer(e) &&
    /not found|could not find|does not exist|already|status (Completed|Failed|Stopped)|not in progress/i.test(
      e.message,
    )
  );
}

/** An endpoint still being created or updated: it can be deleted once that ends. */
export function isBusy(e: unknown): boolean {
  return isValidationAnswer(e) && /Creating|Updating|in progress/i.test(e.message);
}

/** SageMaker's ValidationException (its model has no class for it: the code names it). */
const isValidationAnswer = (e: unknown): e is SageMakerServiceException =>
  e instanceof SageMakerServiceException && e.name === 'ValidationException';
