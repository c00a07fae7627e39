/**
 * One recording with Task states replayed as `exec --mock FILE --mock-case Recorded` runs it: its
 * `mocks` read as a Step Functions Local mock configuration, test case `Recorded` chosen and
 * checked against the definition, the state machine created under the test case's machine name,
 * in account 111111111111 and the recording's region, the execution run under the recording's
 * `executionName` where it has one; then compared by status, output, error,
 * cause and event types (matchRecorded.ts) and each scheduled request against its `taskEvents`
 * (matchTaskEvents.ts). The corpus's test and `exec --recorded DIR` share it.
 */
import { checkMockedStates, parseMockConfig, selectMockCase } from '../mock/mockConfig.js';
import { recordedDifference, type Recording } from './matchRecorded.js';
import { type RecordedTaskEvent, scheduledRequests, taskEventsDifference } from './matchTaskEvents.js';
import { emulateRecording } from './runRecorded.js';

/** A recording with Task states: its mock configuration and the scheduled requests recorded. */
export interface TaskRecording extends Recording {
  readonly mocks: unknown;
  readonly taskEvents: readonly RecordedTaskEvent[];
  /** The execution's name, where the recording gives it (`run --record`'s do): the replay runs under it. */
  readonly executionName?: string;
  /**
   * What a replay cannot do as the recorded run did (`run --record` names them; its README):
   * `submitted-before-failure` (the replay's extra TaskSubmitted events are not compared).
   */
  readonly replayLimits?: readonly string[];
  /** Where it came from; a recording of `run --record` names its target's region. */
  readonly source?: { readonly target?: { readonly region?: unknown } };
}

/** The account the recordings' resources name (the corpus's README "Source"). */
export const RECORDING_ACCOUNT = '111111111111';
/** The region of a recording that names none (the corpus's). */
export const RECORDING_REGION = 'us-east-1';

/** The region a recording ran in: its target's, else the corpus's. */
export function regionOfRecording(r: TaskRecording): string {
  const region = r.source?.target?.region;
  return typeof region === 'string' ? region : RECORDING_REGION;
}

/**
 * The first way the emulator's replay of a recording differs from it, or undefined where it
 * matches. A malformed mock configuration throws a UsageError naming `file`.
 */
export async function replayDifference(r: TaskRecording, file: string): Promise<string | undefined> {
  const where = `mock of ${file}`;
  const mock = selectMockCase(parseMockConfig(r.mocks, where), 'Recorded', where);
  checkMockedStates(mock, r.definition, where);
  const actual = await emulateRecording(
    r,
    { region: regionOfRecording(r), account: RECORDING_ACCOUNT },
    {
      name: mock.machine,
      mock,
      ...(typeof r.executionName === 'string' ? { executionName: r.executionName } : {}),
    },
  );
  // A mocked `.sync` state is submitted before any answer: where the recording says its target
  // failed one before submission, TaskSubmitted is left out of both sides (and nothing else).
  const unsubmitted = r.replayLimits?.includes('submitted-before-failure') === true;
  const withoutSubmitted = (types: readonly string[]) =>
    unsubmitted ? types.filter((t) => t !== 'TaskSubmitted') : types;
  const compared = { ...r, expected: { ...r.expected, eventTypes: withoutSubmitted(r.expected.eventTypes) } };
  return (
    recordedDifference(compared, { ...actual, eventTypes: withoutSubmitted(actual.eventTypes) }) ??
    taskEventsDifference(r.taskEvents, scheduledRequests(actual.history), r.looseWords ?? [])
  );
}
