/** An execution's whole history as GetExecutionHistory pages it out. */
import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import type { TargetContext } from './context.js';

/** The whole history, with its data (the requests of TaskScheduled name what was created). */
export async function readHistory(context: TargetContext, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.call('GetExecutionHistory', () =>
      context.clients.sfn.send(
        new GetExecutionHistoryCommand({
          executionArn,
          maxResults: 1000,
          nextToken,
          includeExecutionData: true,
        }),
      ),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
