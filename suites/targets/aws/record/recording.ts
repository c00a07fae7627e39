/**
 * One execution a target ran, in the format of the recorded corpus the emulator is checked
 * against (testdata/aws-recorded-tasks/README.md): the definition and input as sent, the outcome
 * and history event types, a Step Functions Local mock of every Task attempt (from its outcome
 * event) and each scheduled request (from its TaskScheduled event). The values are as the target
 * gave them; scrubbing (scrub.ts) comes after.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Case } from '../../../../contracts/case.js';
import type { Observation } from '../../../../contracts/observation.js';
import type { Recording } from '../../../../emulator/recorded/matchRecorded.js';
import type { RecordedTaskEvent } from '../../../../emulator/recorded/matchTaskEvents.js';

/**
 * The mock configuration's state machine: the placeholder of the recorded machine's name, so that
 * a replay's machine (created under this name) has the name the recording shows.
 */
export const MOCK_MACHINE = 'rec-state-machine';
/** The placeholder of the recorded execution's name, under which a replay runs. */
export const EXECUTION_WORD = 'rec-execution';
/** The test case every recording's mock names. */
export const MOCK_CASE = 'Recorded';

/**
 * What a replay with the recording's mocks cannot do as the target did, by name (a closed set):
 * `submitted-before-failure`: a `.sync` attempt failed at its create call, before anything was
 * submitted, and a mocked `.sync` state always records TaskSubmitted before its answer;
 * `attempt-without-outcome`: an attempt has no outcome (the execution ended while it ran), which
 * a mock cannot express.
 */
export type ReplayLimit = 'submitted-before-failure' | 'attempt-without-outcome';

/** A mocked answer of one Task attempt. */
export type MockAnswer =
  { readonly Return: unknown } | { readonly Throw: { readonly Error: string; readonly Cause?: string } };

/** One scheduled request, as the corpus lists it (the shape the emulator's replay matches). */
export type TaskEvent = RecordedTaskEvent;

/** The parts of a recording read from the history (before `source`, scrubbing and notes). */
export interface RecordedRun {
  readonly definition: Record<string, unknown>;
  readonly input: unknown;
  readonly inputText: string;
  readonly expected: Recording['expected'];
  readonly mocks: {
    readonly StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>;
    readonly MockedResponses: Record<string, Record<string, MockAnswer>>;
  };
  readonly taskEvents: readonly TaskEvent[];
  /** What a mock cannot say about this run (an attempt without an outcome, ...), one sentence each. */
  readonly notes: readonly string[];
  /** Where a replay cannot do as the target did. */
  readonly replayLimits: readonly ReplayLimit[];
}

/** A JSON text parsed where it is JSON (the corpus keeps every JSON-text field parsed). */
export function parsedText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A cause as the corpus keeps it: parsed where it is JSON text of an object, else the text. */
function causeOf(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return text;
  const parsed = parsedText(text);
  return parsed !== null && typeof parsed === 'object' ? parsed : text;
}

/** The outcome events of a Task attempt, and how each becomes a mock answer. */
const OUTCOMES: Readonly<Record<string, (e: HistoryEvent) => MockAnswer>> = {
  TaskSucceeded: (e) => ({ Return: parsedText(e.taskSucceededEventDetails?.output) ?? null }),
  TaskFailed: (e) => throwOf(e.taskFailedEventDetails),
  TaskTimedOut: (e) => throwOf(e.taskTimedOutEventDetails, 'States.Timeout'),
  TaskStartFailed: (e) => throwOf(e.taskStartFailedEventDetails),
  TaskSubmitFailed: (e) => throwOf(e.taskSubmitFailedEventDetails),
};

function throwOf(
  details: { error?: string | undefined; cause?: string | undefined } | undefined,
  fallback = 'States.TaskFailed',
): MockAnswer {
  return {
    Throw: {
      Error: details?.error ?? fallback,
      ...(details?.cause !== undefined ? { Cause: details.cause } : {}),
    },
  };
}

/** The event `previousEventId` links lead back to from `event` that `found` accepts. */
function backTo(
  byId: ReadonlyMap<number, HistoryEvent>,
  event: HistoryEvent,
  found: (e: HistoryEvent) => boolean,
): HistoryEvent | undefined {
  let e: HistoryEvent | undefined = byId.get(event.previousEventId ?? 0);
  while (e && !found(e)) e = byId.get(e.previousEventId ?? 0);
  return e;
}

/** The recording of an ended execution, from the case as run and its final history. */
export function recordedRun(
  theCase: Case,
  events: readonly HistoryEvent[],
  observation: Observation,
): RecordedRun {
  const byId = new Map(events.map((e) => [e.id ?? 0, e]));
  const notes: string[] = [];
  const limits = new Set<ReplayLimit>();
  const scheduled = events.filter((e) => e.type === 'TaskScheduled');
  const stateOf = (e: HistoryEvent) =>
    backTo(byId, e, (p) => p.type?.endsWith('StateEntered') === true)?.stateEnteredEventDetails?.name ?? '';
  // Each attempt's outcome: the outcome event whose links lead back to it.
  const outcomeOf = new Map<HistoryEvent, HistoryEvent>();
  for (const e of events)
    if (e.type && e.type in OUTCOMES) {
      const attempt = backTo(byId, e, (p) => p.type === 'TaskScheduled');
      if (attempt) outcomeOf.set(attempt, e);
    }
  const testCase: Record<string, string> = {};
  const responses: Record<string, Record<string, MockAnswer>> = {};
  for (const attempt of scheduled) {
    const state = stateOf(attempt);
    testCase[state] = state;
    const answers = (responses[state] ??= {});
    const n = Object.keys(answers).length;
    const outcome = outcomeOf.get(attempt);
    if (outcome) {
      answers[String(n)] = OUTCOMES[outcome.type!]!(outcome);
      const submitted = backTo(byId, outcome, (p) => p === attempt || p.type === 'TaskSubmitted');
      if (
        /\.sync/.test(attempt.taskScheduledEventDetails?.resource ?? '') &&
        outcome.type !== 'TaskSucceeded' &&
        submitted === attempt
      ) {
        limits.add('submitted-before-failure');
        notes.push(
          `Attempt ${n} of the .sync state '${state}' failed before its job was submitted (no TaskSubmitted); a mocked .sync state records TaskSubmitted before its answer, so a replay has one TaskSubmitted more there (replayLimits: submitted-before-failure).`,
        );
      }
    } else {
      limits.add('attempt-without-outcome');
      notes.push(
        `Attempt ${n} of the state '${state}' has no outcome in the history (the execution ended while it ran); a MockConfigFile cannot express an attempt that never answers, so a replay differs from the recording (replayLimits: attempt-without-outcome).`,
      );
    }
  }
  const taskEvents: TaskEvent[] = scheduled.map((e) => {
    const d = e.taskScheduledEventDetails ?? { resourceType: '', resource: '', region: '', parameters: '' };
    return {
      state: stateOf(e),
      eventType: 'TaskScheduled',
      resource: d.resource ?? '',
      resourceType: d.resourceType ?? '',
      parameters: parsedText(d.parameters),
      ...(d.timeoutInSeconds !== undefined ? { timeoutInSeconds: d.timeoutInSeconds } : {}),
      ...(d.heartbeatInSeconds !== undefined ? { heartbeatInSeconds: d.heartbeatInSeconds } : {}),
      ...(d.taskCredentials !== undefined ? { taskCredentials: d.taskCredentials } : {}),
    };
  });
  const status = observation.status ?? 'RUNNING';
  return {
    definition: theCase.definition,
    input: theCase.input,
    inputText: JSON.stringify(theCase.input),
    expected: {
      status,
      ...(status === 'SUCCEEDED' ? { output: observation.output ?? null } : {}),
      ...(status === 'FAILED' && observation.error ? { error: observation.error } : {}),
      ...(status === 'FAILED' && observation.cause !== undefined
        ? { cause: causeOf(observation.cause) }
        : {}),
      eventTypes: events.map((e) => e.type ?? ''),
    },
    mocks: {
      StateMachines: { [MOCK_MACHINE]: { TestCases: { [MOCK_CASE]: testCase } } },
      MockedResponses: responses,
    },
    taskEvents,
    notes,
    replayLimits: [...limits],
  };
}

/** The corpus's feature words of a case (README "Counts"), as far as the case's plan says them. */
export function featuresOf(theCase: Case, run: RecordedRun): string[] {
  const wrapperWords: Readonly<Record<string, string>> = {
    Retry: 'retry',
    Catch: 'catch',
    TimeoutSeconds: 'timeout-seconds',
    HeartbeatSeconds: 'heartbeat-seconds',
    ResultSelector: 'result-selector',
    ResultPath: 'result-path',
    OutputPath: 'output-path',
    Output: 'output',
    Assign: 'variables',
  };
  const failed =
    run.expected.status !== 'SUCCEEDED' ||
    Object.values(run.mocks.MockedResponses).some((answers) =>
      Object.values(answers).some((a) => 'Throw' in a),
    );
  return [
    ...new Set([
      theCase.queryLanguage === 'JSONata' ? 'jsonata' : 'jsonpath',
      'task',
      'sagemaker',
      ...(theCase.pattern === 'sync' ? ['sync'] : []),
      ...theCase.wrappers.flatMap((w) => (wrapperWords[w] ? [wrapperWords[w]] : [])),
      ...(failed ? ['errors'] : []),
    ]),
  ];
}
