/**
 * Finds what the AWS target left behind (a crashed or killed run), on AWS or an endpoint: roles
 * under the tool's path and state machines with its name prefix, both tagged with a run id, and
 * the SageMaker resources the cases' executions created (every create request carries the run-id
 * tag): running training, processing, transform, tuning and labeling jobs are stopped (an ended
 * job bills nothing and stays), endpoints, endpoint configurations and models deleted.
 */
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import {
  DeleteStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListHyperParameterTuningJobsCommand,
  ListLabelingJobsCommand,
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  type SageMakerClient,
  StopHyperParameterTuningJobCommand,
  StopLabelingJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import type { AwsClients } from './clients.js';
import { isUnreadable } from './errors.js';
import { NAME_PREFIX, ROLE_PATH, TAG_KEY } from './naming.js';

/** What sweep finds, in the order it deletes: a role last, since state machines name it. */
export const LEFTOVER_KINDS = [
  'trainingJob',
  'processingJob',
  'transformJob',
  'tuningJob',
  'labelingJob',
  'endpoint',
  'endpointConfig',
  'model',
  'stateMachine',
  'role',
] as const;
/** What kind of resource a leftover is. */
export type LeftoverKind = (typeof LEFTOVER_KINDS)[number];

/** A resource a run left behind, found by its name or tag. */
export interface Leftover {
  readonly kind: LeftoverKind;
  readonly name: string;
  readonly arn: string;
  readonly runId: string;
  readonly createdAt: Date;
}

/** Which leftovers a sweep takes: one run's, or those created before an instant. */
export interface SweepFilter {
  readonly runId?: string;
  /** Only what was created before this instant. */
  readonly before?: Date;
}

/** Whether the filter selects the leftover. */
const matches = (leftover: Leftover, filter: SweepFilter) =>
  (filter.runId === undefined || leftover.runId === filter.runId) &&
  (filter.before === undefined || leftover.createdAt < filter.before);

/** A kind of resource the target could not list: the List call and its answer. */
export interface Unlisted {
  readonly kind: LeftoverKind;
  readonly call: string;
  readonly error: unknown;
}

/**
 * The tool's tagged roles, state machines and SageMaker resources that the filter selects. A
 * SageMaker kind whose List call the target answers with a page the SDK cannot read (an endpoint
 * that does not implement it, as moto's ListLabelingJobs: HTTP 500 and an HTML page) is passed to
 * `unlisted` and skipped, not the end of the sweep; any other error is.
 */
export async function findLeftovers(
  clients: AwsClients,
  filter: SweepFilter,
  unlisted: (what: Unlisted) => void = () => undefined,
): Promise<Leftover[]> {
  const out: Leftover[] = [];
  let marker: string | undefined;
  do {
    const page = await clients.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH, Marker: marker }));
    for (const role of page.Roles ?? []) {
      if (!role.RoleName?.startsWith(NAME_PREFIX)) continue;
      const tags = await clients.iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName }));
      const runId = tags.Tags?.find((tag) => tag.Key === TAG_KEY)?.Value;
      if (runId === undefined) continue;
      const leftover: Leftover = {
        kind: 'role',
        name: role.RoleName,
        arn: role.Arn!,
        runId,
        createdAt: role.CreateDate ?? new Date(0),
      };
      if (matches(leftover, filter)) out.push(leftover);
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  let token: string | undefined;
  do {
    const page = await clients.sfn.send(new ListStateMachinesCommand({ nextToken: token }));
    for (const machine of page.stateMachines ?? []) {
      if (!machine.name?.startsWith(NAME_PREFIX)) continue;
      const tags = await clients.sfn.send(
        new ListTagsForResourceCommand({ resourceArn: machine.stateMachineArn }),
      );
      const runId = tags.tags?.find((tag) => tag.key === TAG_KEY)?.value;
      if (runId === undefined) continue;
      const leftover: Leftover = {
        kind: 'stateMachine',
        name: machine.name,
        arn: machine.stateMachineArn!,
        runId,
        createdAt: machine.creationDate ?? new Date(0),
      };
      if (matches(leftover, filter)) out.push(leftover);
    }
    token = page.nextToken;
  } while (token);
  for (const kind of Object.keys(SAGEMAKER) as SageMakerKind[]) {
    try {
      out.push(...(await sageMakerLeftovers(clients.sagemaker, kind, filter)));
    } catch (e) {
      if (!isUnreadable(e)) throw e;
      unlisted({ kind, call: SAGEMAKER[kind].listCall, error: e });
    }
  }
  return out;
}

type Listed = { name?: string; arn?: string; createdAt?: Date };
type SageMakerKind = Exclude<LeftoverKind, 'role' | 'stateMachine'>;

/** A page of a SageMaker list answer, as name, ARN and creation time (the members' names differ). */
function listedPage(
  items: readonly object[] | undefined,
  noun: string,
  next: string | undefined,
): { items: Listed[]; next?: string | undefined } {
  return {
    items: (items ?? []).map((item) => {
      const fields = item as Record<string, unknown>;
      return {
        name: fields[`${noun}Name`] as string | undefined,
        arn: fields[`${noun}Arn`] as string | undefined,
        createdAt: fields.CreationTime as Date | undefined,
      };
    }),
    next,
  };
}

/** How each SageMaker kind is listed (jobs: only those still running) and cleaned up. */
const SAGEMAKER: Record<
  SageMakerKind,
  {
    /** The List call's name (what a note names where the target cannot answer it). */
    readonly listCall: string;
    list(
      sm: SageMakerClient,
      token: string | undefined,
    ): Promise<{ items: Listed[]; next?: string | undefined }>;
    remove(sm: SageMakerClient, name: string): Promise<unknown>;
  }
> = {
  trainingJob: {
    listCall: 'ListTrainingJobs',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListTrainingJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return listedPage(p.TrainingJobSummaries, 'TrainingJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopTrainingJobCommand({ TrainingJobName: n })),
  },
  processingJob: {
    listCall: 'ListProcessingJobs',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListProcessingJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return listedPage(p.ProcessingJobSummaries, 'ProcessingJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopProcessingJobCommand({ ProcessingJobName: n })),
  },
  transformJob: {
    listCall: 'ListTransformJobs',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListTransformJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return listedPage(p.TransformJobSummaries, 'TransformJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopTransformJobCommand({ TransformJobName: n })),
  },
  tuningJob: {
    listCall: 'ListHyperParameterTuningJobs',
    list: async (sm, NextToken) => {
      const p = await sm.send(
        new ListHyperParameterTuningJobsCommand({ NextToken, StatusEquals: 'InProgress' }),
      );
      return listedPage(p.HyperParameterTuningJobSummaries, 'HyperParameterTuningJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
  },
  labelingJob: {
    listCall: 'ListLabelingJobs',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListLabelingJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return listedPage(p.LabelingJobSummaryList, 'LabelingJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopLabelingJobCommand({ LabelingJobName: n })),
  },
  endpoint: {
    listCall: 'ListEndpoints',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListEndpointsCommand({ NextToken }));
      return listedPage(p.Endpoints, 'Endpoint', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteEndpointCommand({ EndpointName: n })),
  },
  endpointConfig: {
    listCall: 'ListEndpointConfigs',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListEndpointConfigsCommand({ NextToken }));
      return listedPage(p.EndpointConfigs, 'EndpointConfig', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: n })),
  },
  model: {
    listCall: 'ListModels',
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListModelsCommand({ NextToken }));
      return listedPage(p.Models, 'Model', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteModelCommand({ ModelName: n })),
  },
};

/** The SageMaker resources of one kind that carry the tool's run-id tag and that the filter selects. */
async function sageMakerLeftovers(
  sm: SageMakerClient,
  kind: SageMakerKind,
  filter: SweepFilter,
): Promise<Leftover[]> {
  const out: Leftover[] = [];
  let token: string | undefined;
  do {
    const listed = await SAGEMAKER[kind].list(sm, token);
    for (const item of listed.items) {
      if (!item.name || !item.arn) continue;
      if (filter.before !== undefined && item.createdAt !== undefined && item.createdAt >= filter.before)
        continue;
      const tags = await sm.send(new ListTagsCommand({ ResourceArn: item.arn }));
      const runId = tags.Tags?.find((tag) => tag.Key === TAG_KEY)?.Value;
      if (runId === undefined) continue;
      const leftover: Leftover = {
        kind,
        name: item.name,
        arn: item.arn,
        runId,
        createdAt: item.createdAt ?? new Date(0),
      };
      if (matches(leftover, filter)) out.push(leftover);
    }
    token = listed.next;
  } while (token);
  return out;
}

/** Deletes one leftover: a state machine after stopping its running executions; a role after its inline policies. */
export async function deleteLeftover(clients: AwsClients, leftover: Leftover): Promise<void> {
  if (leftover.kind !== 'role' && leftover.kind !== 'stateMachine') {
    await SAGEMAKER[leftover.kind].remove(clients.sagemaker, leftover.name);
    return;
  }
  if (leftover.kind === 'stateMachine') {
    const running = await clients.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: leftover.arn, statusFilter: 'RUNNING' }),
    );
    for (const execution of running.executions ?? [])
      await clients.sfn.send(
        new StopExecutionCommand({ executionArn: execution.executionArn, cause: 'sfn-conformance sweep' }),
      );
    await clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: leftover.arn }));
    return;
  }
  const policies = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: leftover.name }));
  for (const policy of policies.PolicyNames ?? [])
    await clients.iam.send(new DeleteRolePolicyCommand({ RoleName: leftover.name, PolicyName: policy }));
  await clients.iam.send(new DeleteRoleCommand({ RoleName: leftover.name }));
}
