/** Execution history in the shape of GetExecutionHistory (ids, previousEventId, virtual timestamps, details). */
import { StatesError } from './statesError.js';

/** One event of an execution's history, as GetExecutionHistory has it. */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: string;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** The details member of an event type: `TaskScheduled` has `taskScheduledEventDetails`. */
export function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

/** A value as an event's JSON text carries it (undefined as null). */
export const eventJson = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * Each Task state's first request, by state name, as its first TaskScheduled event records it (the
 * event after the state's TaskStateEntered): of one resource type (`sagemaker`), or of any.
 */
export function firstTaskRequests(
  history: readonly HistoryEvent[],
  resourceType?: string,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const entered = new Map<number, string>();
  for (const e of history) {
    if (e.type === 'TaskStateEntered')
      entered.set(e.id, String((e.stateEnteredEventDetails as { name: string }).name));
    if (e.type !== 'TaskScheduled') continue;
    const details = e.taskScheduledEventDetails as { resourceType: string; parameters: string };
    const state = entered.get(e.previousEventId);
    if ((resourceType !== undefined && details.resourceType !== resourceType) || state === undefined)
      continue;
    if (!out.has(state)) out.set(state, JSON.parse(details.parameters) as Record<string, unknown>);
  }
  return out;
}

/** The most events one execution may have (Step Functions quotas: maximum execution history size). */
export const HISTORY_LIMIT = 25_000;

/** The cause of an execution that reached HISTORY_LIMIT. */
export const HISTORY_LIMIT_CAUSE = `The execution reached the maximum number of history events (${HISTORY_LIMIT}).`;

/** An execution's history: events with ids, previous ids and virtual timestamps, up to HISTORY_LIMIT. */
export class History {
  readonly events: HistoryEvent[] = [];

  constructor(
    private readonly startEpochMs: number,
    private readonly clock: () => number,
  ) {}

  /** Records an event; returns its id. Past the limit, the execution fails with States.Runtime. */
  add(type: string, previousEventId: number, details?: Record<string, unknown>, force = false): number {
    if (!force && this.events.length >= HISTORY_LIMIT - 1)
      throw new StatesError('States.Runtime', HISTORY_LIMIT_CAUSE);
    const id = this.events.length + 1;
    const event: Record<string, unknown> = {
      id,
      previousEventId,
      timestamp: new Date(this.startEpochMs + this.clock()).toISOString(),
      type,
    };
    if (details) event[detailsKey(type)] = details;
    this.events.push(event as HistoryEvent);
    return id;
  }

  get lastId(): number {
    return this.events.length;
  }
}
