/**
 * Running a case's execution and observing it: started once IAM lets the new role be used,
 * followed through its history to the end (stopped where it runs too long or the run is
 * interrupted), and its history read into an Observation.
 */
import { DescribeExecutionCommand, type HistoryEvent, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Case } from '../../../contracts/case.js';
import type { Observation } from '../../../contracts/observation.js';
import { firstTaskAttempts, taskFailuresOf } from '../history.js';
import { stopExecution } from './cleanup.js';
import type { CaseResources, TargetContext } from './context.js';
import { predictedSeconds } from './prediction.js';
import { waitingForRole } from './provisioning.js';
import { readHistory } from './readHistory.js';
import { TERMINAL_EVENTS, terminalOutcome } from './terminalOutcome.js';

/**
 * Starts the case's execution on its state machine, follows it to its end and tells what it did.
 * The execution's ARN and final history are kept in `created` for the clean-up.
 */
export async function runExecution(
  context: TargetContext,
  stateMachineArn: string,
  theCase: Case,
  created: CaseResources,
): Promise<Observation> {
  const { executionArn } = await waitingForRole(context, 'StartExecution', () =>
    context.clients.sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: theCase.executionName,
        input: JSON.stringify(theCase.input),
      }),
    ),
  );
  context.running.add(executionArn!);
  created.executionArn = executionArn!;
  let followed = false;
  try {
    const waitMs = executionWaitMs(context.options, predictedSeconds(theCase));
    const { events, cutOff } = await follow(context, executionArn!, waitMs);
    followed = true;
    created.events = events;
    // Stopped by the harness, not ended by the target: what it would have done is not known.
    if (cutOff && !context.interrupted())
      return {
        created: true,
        executionArn: executionArn!,
        targetError: `the execution was still running after ${Math.round(waitMs / 1000)} s of wall clock and the harness stopped it (predicted: ${predictedSeconds(theCase)} s of virtual time); give it longer with --execution-timeout SECONDS`,
      };
    const observed = await observation(context, executionArn!, events);
    // `run --record DIR`: an execution that ended on its own, for its recording.
    if (!cutOff)
      await context.options.record?.({
        theCase,
        executionArn: executionArn!,
        events,
        observation: observed,
        runId: context.options.runId,
      });
    return observed;
  } finally {
    context.running.delete(executionArn!);
    // Following it failed: it may still run, and its state machine is about to be deleted.
    if (!followed) await stopExecution(context, executionArn!);
  }
}

/**
 * What an ended (or stopped) execution did, from its history. The terminal event says how it
 * ended; DescribeExecution is eventually consistent (moto writes the event before the status), so
 * it is read only where the history has no end. A history that leaves the output out (some
 * endpoints' does) has it read there too.
 */
async function observation(
  context: TargetContext,
  executionArn: string,
  events: HistoryEvent[],
): Promise<Observation> {
  const ended = terminalOutcome(events);
  const described =
    !ended || (ended.status === 'SUCCEEDED' && ended.output === undefined)
      ? await context.call('DescribeExecution', () =>
          context.clients.sfn.send(new DescribeExecutionCommand({ executionArn })),
        )
      : undefined;
  const outcome = ended
    ? {
        ...ended,
        ...(ended.output === undefined && described?.output !== undefined
          ? { output: described.output }
          : {}),
      }
    : described!;
  const status =
    outcome.status === 'RUNNING' || outcome.status === 'PENDING_REDRIVE' ? undefined : outcome.status;
  let output: unknown;
  if (outcome.output !== undefined) {
    try {
      output = JSON.parse(outcome.output);
    } catch {
      output = outcome.output;
    }
  }
  return {
    created: true,
    executionArn,
    ...(status ? { status } : {}),
    error: outcome.error ?? null,
    ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
    ...(output !== undefined ? { output } : {}),
    attempts: firstTaskAttempts(
      events.map((event) => ({ type: event.type!, name: event.stateEnteredEventDetails?.name })),
    ),
    historyTypes: events.map((event) => event.type!),
    taskFailures: taskFailuresOf(events),
  };
}

/** The least an execution is given where `--execution-timeout` is not: a minute on an endpoint, half an hour on AWS. */
export const DEFAULT_EXECUTION_WAIT_MS = { endpoint: 60_000, aws: 30 * 60_000 } as const;
/** How much longer than its predicted virtual time an execution is given (an endpoint is slower than virtual time). */
export const PREDICTION_MARGIN = 1.5;
/** And the fixed slack on top of it (calls, polling). */
export const PREDICTION_SLACK_MS = 10_000;

/**
 * How long an execution may run before the harness stops it. `--execution-timeout`, where given,
 * is the user's say (the longest any execution runs). Otherwise what the oracle predicts it takes
 * (virtual seconds: an endpoint such as moto waits Retry intervals in real time) times a margin
 * plus a slack, and never less than the target's default: a minute on an endpoint, half an hour
 * on AWS. The default is a floor, not a cap: an execution predicted to take 150 s is not stopped
 * at 60.
 */
export function executionWaitMs(
  options: { readonly kind: 'aws' | 'endpoint'; readonly executionTimeoutMs?: number | undefined },
  predictedVirtualSeconds: number,
): number {
  if (options.executionTimeoutMs !== undefined) return options.executionTimeoutMs;
  const fromPrediction = predictedVirtualSeconds * 1000 * PREDICTION_MARGIN + PREDICTION_SLACK_MS;
  return Math.max(DEFAULT_EXECUTION_WAIT_MS[options.kind], Math.ceil(fromPrediction));
}

/** Reads the history until its last event ends the execution (GetExecutionHistory's quota is the roomier one). */
async function follow(
  context: TargetContext,
  executionArn: string,
  timeout: number,
): Promise<{ events: HistoryEvent[]; cutOff: boolean }> {
  const { clock, options } = context;
  const started = clock.now();
  const poll = options.pollMs ?? (options.kind === 'aws' ? 2000 : 100);
  let stopped = false;
  for (;;) {
    const events = await readHistory(context, executionArn);
    const last = events.at(-1);
    if (last?.type && TERMINAL_EVENTS.has(last.type)) return { events, cutOff: stopped };
    // Stopped and read once more: the history as the target then tells it.
    if (stopped) return { events, cutOff: true };
    if (!stopped && (context.interrupted() || clock.now() - started > timeout)) {
      stopped = true;
      await stopExecution(context, executionArn);
      continue;
    }
    await clock.sleep(poll);
  }
}
