/**
 * Finds what the AWS target left behind (a crashed or killed run): roles under the tool's path and
 * state machines with its name prefix, both tagged with a run id, and deletes them.
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
import type { AwsClients } from './awsTarget.js';
import { NAME_PREFIX, ROLE_PATH, TAG_KEY } from './naming.js';

export interface Leftover {
  readonly kind: 'role' | 'stateMachine';
  readonly name: string;
  readonly arn: string;
  readonly runId: string;
  readonly createdAt: Date;
}

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
  return out;
}

/** Deletes one leftover: a state machine after stopping its running executions; a role after its inline policies. */
export async function deleteLeftover(c: AwsClients, l: Leftover): Promise<void> {
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
