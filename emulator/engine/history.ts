/** Execution history in the shape of GetExecutionHistory (ids, previousEventId, virtual timestamps, details). */
import { StatesError } from './statesError.js';

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

/** The most events one execution may have (Step Functions quotas: maximum execution history size). */
export const HISTORY_LIMIT = 25_000;

export const HISTORY_LIMIT_CAUSE = `The execution reached the maximum number of history events (${HISTORY_LIMIT}).`;

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
