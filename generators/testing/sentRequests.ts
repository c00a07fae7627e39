/**
 * The requests a case's SageMaker tasks send, as Step Functions resolves them at run time: every
 * literal member, every value read from the input, the execution's name or an earlier result,
 * every name built with `States.Format` or JSONata. Read from the TaskScheduled events of the
 * built-in emulator, in a world where each request goes through (SageMaker's request validation
 * off, every reference exists, every job completes at once, the role may do everything), so that
 * every task the flow reaches sends its request, whatever the requests before it carry.
 */
import { API_NAMES, type Api } from '../../catalog/api.js';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import type { CaseContent } from '../../contracts/case.js';
import type { PolicyDocument } from '../../contracts/iamPolicy.js';
import { EmulatedStepFunctions } from '../../emulator/stepFunctions.js';

/** One request a task sent: its state, its API and the request as SageMaker would receive it. */
export interface SentRequest {
  readonly state: string;
  readonly api: Api;
  readonly request: Record<string, unknown>;
}

/** The API of each integration resource name (`createTrainingJob`). */
const API_OF = new Map<string, Api>(API_NAMES.map((api) => [SAGEMAKER_APIS[api].resourceName.value, api]));

const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** Every SageMaker request the case's execution sends, in order (see the module's comment). */
export async function sentRequests(c: CaseContent): Promise<SentRequest[]> {
  const sfn = new EmulatedStepFunctions({
    region: c.region,
    account: c.account,
    aslSchemaCheck: false,
    mutants: ['request-validation-off'],
  });
  const { stateMachineArn } = sfn.createStateMachine({
    definition: c.definition,
    policy: ALLOW_ALL,
    type: c.stateMachineType,
  });
  const { executionArn } = sfn.startExecution({
    stateMachineArn,
    input: c.input,
    name: c.executionName,
    scenario: {
      referencesExist: true,
      job: { polls: 0, outcome: 'Completed', durationSeconds: 1 },
    },
    seed: 1,
  });
  const { history } = await sfn.awaitExecution(executionArn);
  const entered = new Map<number, string>();
  const out: SentRequest[] = [];
  for (const e of history) {
    if (e.type === 'TaskStateEntered')
      entered.set(e.id, (e.stateEnteredEventDetails as { name: string }).name);
    if (e.type !== 'TaskScheduled') continue;
    const details = e.taskScheduledEventDetails as {
      resourceType: string;
      resource: string;
      parameters: string;
    };
    const api = API_OF.get(details.resource.replace(/\..*$/, ''));
    if (details.resourceType !== 'sagemaker' || api === undefined) continue;
    out.push({
      state: entered.get(e.previousEventId) ?? '',
      api,
      request: JSON.parse(details.parameters) as Record<string, unknown>,
    });
  }
  return out;
}
