/**
 * Finds what the AWS target left behind (a crashed or killed run): roles under the tool's path and
 * state machines with its name prefix, both tagged with a run id, and the SageMaker resources that
 * billable cases created (tagged with the run id too): running jobs are stopped, endpoints,
 * endpoint configurations and models deleted.
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
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  type SageMakerClient,
  StopHyperParameterTuningJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import type { AwsClients } from './clients.js';
import { NAME_PREFIX, ROLE_PATH, TAG_KEY } from './naming.js';

/** What sweep finds, in the order it deletes: a role last, since state machines name it. */
export const LEFTOVER_KINDS = [
  'trainingJob',
  'processingJob',
  'transformJob',
  'tuningJob',
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

const matches = (l: Leftover, f: SweepFilter) =>
  (f.runId === undefined || l.runId === f.runId) && (f.before === undefined || l.createdAt < f.before);

/** The tool's tagged roles and state machines that the filter selects. */
export async function findLeftovers(c: AwsClients, f: SweepFilter): Promise<Leftover[]> {
  const out: Leftover[] = [];
  let marker: string | undefined;
  do {
    const page = await c.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH, Marker: marker }));
    for (const r of page.Roles ?? []) {
      if (!r.RoleName?.startsWith(NAME_PREFIX)) continue;
      const tags = await c.iam.send(new ListRoleTagsCommand({ RoleName: r.RoleName }));
      const runId = tags.Tags?.find((t) => t.Key === TAG_KEY)?.Value;
      if (runId === undefined) continue;
      const l: Leftover = {
        kind: 'role',
        name: r.RoleName,
        arn: r.Arn!,
        runId,
        createdAt: r.CreateDate ?? new Date(0),
      };
      if (matches(l, f)) out.push(l);
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  let token: string | undefined;
  do {
    const page = await c.sfn.send(new ListStateMachinesCommand({ nextToken: token }));
    for (const m of page.stateMachines ?? []) {
      if (!m.name?.startsWith(NAME_PREFIX)) continue;
      const tags = await c.sfn.send(new ListTagsForResourceCommand({ resourceArn: m.stateMachineArn }));
      const runId = tags.tags?.find((t) => t.key === TAG_KEY)?.value;
      if (runId === undefined) continue;
      const l: Leftover = {
        kind: 'stateMachine',
        name: m.name,
        arn: m.stateMachineArn!,
        runId,
        createdAt: m.creationDate ?? new Date(0),
      };
      if (matches(l, f)) out.push(l);
    }
    token = page.nextToken;
  } while (token);
  for (const kind of Object.keys(SAGEMAKER) as SageMakerKind[])
    out.push(...(await sageMakerLeftovers(c.sagemaker, kind, f)));
  return out;
}

type Listed = { name?: string; arn?: string; createdAt?: Date };
type SageMakerKind = Exclude<LeftoverKind, 'role' | 'stateMachine'>;

/** A page of a SageMaker list answer, as name, ARN and creation time (the members' names differ). */
function page(
  items: readonly object[] | undefined,
  noun: string,
  next: string | undefined,
): { items: Listed[]; next?: string | undefined } {
  return {
    items: (items ?? []).map((item) => {
      const r = item as Record<string, unknown>;
      return {
        name: r[`${noun}Name`] as string | undefined,
        arn: r[`${noun}Arn`] as string | undefined,
        createdAt: r.CreationTime as Date | undefined,
      };
    }),
    next,
  };
}

/** How each SageMaker kind is listed (jobs: only those still running) and cleaned up. */
const SAGEMAKER: Record<
  SageMakerKind,
  {
    list(
      sm: SageMakerClient,
      token: string | undefined,
    ): Promise<{ items: Listed[]; next?: string | undefined }>;
    remove(sm: SageMakerClient, name: string): Promise<unknown>;
  }
> = {
  trainingJob: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListTrainingJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return page(p.TrainingJobSummaries, 'TrainingJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopTrainingJobCommand({ TrainingJobName: n })),
  },
  processingJob: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListProcessingJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return page(p.ProcessingJobSummaries, 'ProcessingJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopProcessingJobCommand({ ProcessingJobName: n })),
  },
  transformJob: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListTransformJobsCommand({ NextToken, StatusEquals: 'InProgress' }));
      return page(p.TransformJobSummaries, 'TransformJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopTransformJobCommand({ TransformJobName: n })),
  },
  tuningJob: {
    list: async (sm, NextToken) => {
      const p = await sm.send(
        new ListHyperParameterTuningJobsCommand({ NextToken, StatusEquals: 'InProgress' }),
      );
      return page(p.HyperParameterTuningJobSummaries, 'HyperParameterTuningJob', p.NextToken);
    },
    remove: (sm, n) => sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: n })),
  },
  endpoint: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListEndpointsCommand({ NextToken }));
      return page(p.Endpoints, 'Endpoint', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteEndpointCommand({ EndpointName: n })),
  },
  endpointConfig: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListEndpointConfigsCommand({ NextToken }));
      return page(p.EndpointConfigs, 'EndpointConfig', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: n })),
  },
  model: {
    list: async (sm, NextToken) => {
      const p = await sm.send(new ListModelsCommand({ NextToken }));
      return page(p.Models, 'Model', p.NextToken);
    },
    remove: (sm, n) => sm.send(new DeleteModelCommand({ ModelName: n })),
  },
};

/** The SageMaker resources of one kind that carry the tool's run-id tag and that the filter selects. */
async function sageMakerLeftovers(
  sm: SageMakerClient,
  kind: SageMakerKind,
  f: SweepFilter,
): Promise<Leftover[]> {
  const out: Leftover[] = [];
  let token: string | undefined;
  do {
    const page = await SAGEMAKER[kind].list(sm, token);
    for (const item of page.items) {
      if (!item.name || !item.arn) continue;
      if (f.before !== undefined && item.createdAt !== undefined && item.createdAt >= f.before) continue;
      const tags = await sm.send(new ListTagsCommand({ ResourceArn: item.arn }));
      const runId = tags.Tags?.find((t) => t.Key === TAG_KEY)?.Value;
      if (runId === undefined) continue;
      const l: Leftover = {
        kind,
        name: item.name,
        arn: item.arn,
        runId,
        createdAt: item.createdAt ?? new Date(0),
      };
      if (matches(l, f)) out.push(l);
    }
    token = page.next;
  } while (token);
  return out;
}

/** Deletes one leftover: a state machine after stopping its running executions; a role after its inline policies. */
export async function deleteLeftover(c: AwsClients, l: Leftover): Promise<void> {
  if (l.kind !== 'role' && l.kind !== 'stateMachine') {
    await SAGEMAKER[l.kind].remove(c.sagemaker, l.name);
    return;
  }
  if (l.kind === 'stateMachine') {
    const running = await c.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: l.arn, statusFilter: 'RUNNING' }),
    );
    for (const e of running.executions ?? [])
      await c.sfn.send(
        new StopExecutionCommand({ executionArn: e.executionArn, cause: 'sfn-conformance sweep' }),
      );
    await c.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: l.arn }));
    return;
  }
  const policies = await c.iam.send(new ListRolePoliciesCommand({ RoleName: l.name }));
  for (const p of policies.PolicyNames ?? [])
    await c.iam.send(new DeleteRolePolicyCommand({ RoleName: l.name, PolicyName: p }));
  await c.iam.send(new DeleteRoleCommand({ RoleName: l.name }));
}
