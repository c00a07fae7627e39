/**
 * How the requests an emulated execution scheduled meet AWS's record of them
 * (testdata/aws-recorded-tasks/, README "taskEvents"): one scheduling event per Task attempt, in
 * history order, each with its state, resource, resource type, evaluated parameters and the
 * timeout, heartbeat and credentials it carries, matched with the recording's placeholders.
 */
import type { HistoryEvent } from '../engine/history.js';
import { detailsKey } from '../engine/history.js';
import { valueMatches } from './matchRecorded.js';

/** One scheduling event as the recording lists it. */
export interface RecordedTaskEvent {
  readonly state: string;
  readonly eventType: string;
  readonly resource: string;
  readonly resourceType: string;
  readonly parameters: unknown;
  readonly timeoutInSeconds?: number;
  readonly heartbeatInSeconds?: number;
  readonly taskCredentials?: unknown;
}

const SCHEDULED = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);

/** The state a history event belongs to: the `*StateEntered` event its previous ids lead back to. */
function stateOf(history: readonly HistoryEvent[], event: HistoryEvent): string {
  let e: HistoryEvent | undefined = event;
  while (e && !e.type.endsWith('StateEntered')) e = history[e.previousEventId - 1];
  return e ? String((e.stateEnteredEventDetails as { name?: unknown } | undefined)?.name) : '';
}

/** A JSON text as the recording holds it: parsed (README: every recorded JSON-text field). */
function parsed(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The scheduling events of an emulated history, in the recording's shape. */
export function scheduledRequests(history: readonly HistoryEvent[]): RecordedTaskEvent[] {
  return history
    .filter((e) => SCHEDULED.has(e.type))
    .map((e) => {
      const d = (e[detailsKey(e.type)] ?? {}) as Record<string, unknown>;
      const lambda = e.type === 'LambdaFunctionScheduled';
      const activity = e.type === 'ActivityScheduled';
      return {
        state: stateOf(history, e),
        eventType: e.type,
        resource: String(d.resource),
        resourceType: lambda ? 'lambda-function' : activity ? 'activity' : String(d.resourceType),
        parameters: parsed(lambda || activity ? d.input : d.parameters),
        ...(d.timeoutInSeconds !== undefined ? { timeoutInSeconds: d.timeoutInSeconds as number } : {}),
        ...(d.heartbeatInSeconds !== undefined ? { heartbeatInSeconds: d.heartbeatInSeconds as number } : {}),
        ...(d.taskCredentials !== undefined ? { taskCredentials: d.taskCredentials } : {}),
      };
    });
}

const FIELDS = [
  'state',
  'eventType',
  'resource',
  'resourceType',
  'parameters',
  'timeoutInSeconds',
  'heartbeatInSeconds',
  'taskCredentials',
] as const;

/** The first way the scheduled requests differ from AWS's, or undefined where they match. */
export function taskEventsDifference(
  recorded: readonly RecordedTaskEvent[],
  emulated: readonly RecordedTaskEvent[],
  loose: readonly string[] = [],
): string | undefined {
  for (let i = 0; i < Math.max(recorded.length, emulated.length); i++) {
    const r = recorded[i];
    const a = emulated[i];
    if (!r || !a)
      return `task request ${i}: recorded ${r ? `${r.state} ${r.resource}` : 'none'}, emulated ${a ? `${a.state} ${a.resource}` : 'none'}`;
    for (const f of FIELDS) {
      if (r[f] === undefined && a[f] === undefined) continue;
      if (r[f] === undefined || a[f] === undefined || !valueMatches(r[f], a[f], f, loose))
        return `task request ${i} (${r.state}) ${f}: recorded ${JSON.stringify(r[f])}, emulated ${JSON.stringify(a[f])}`;
    }
  }
  return undefined;
}
