import type { Partition } from '../../catalog/api.js';
import { inferred, type Provenance } from '../../catalog/provenance.js';
import { EVENTS_ACTIONS, PASSED_TO_SERVICE, TAGGING, type ApiFacts } from '../../catalog/sagemakerApis.js';
import { fieldValue, valuesAt, type FieldValue } from '../definition/requestFields.js';
import {
  findTasks,
  type DefinitionProblem,
  type SageMakerTask,
  type UnmodelledTask,
} from '../definition/sagemakerTasks.js';
import { DEFAULT_REGION, type PredictionOptions } from '../options.js';

/**
 * `required`: the execution (or the state machine's creation) fails without the permission.
 * `documented`: in the template; without it the integration degrades (completion seen only through
 * events, no cancel on abort, no Tags map in the output).
 */
export type RequirementLevel = 'required' | 'documented';

export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** One call Step Functions makes as the execution role for a SageMaker Task, and how it is granted. */
export interface PredictedCall {
  readonly state: string;
  readonly pointer: string;
  readonly action: string;
  /** The resource of the call; for a name given at run time a representative that only `<type>/*` grants match. */
  readonly resource: string;
  /** The resource the policy Step Functions generates names for it; undefined when the template has no statement for it. */
  readonly grant?: string;
  readonly condition?: PolicyCondition;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly level: RequirementLevel;
  readonly provenance: Provenance;
  readonly reason: string;
}

export interface TaskCalls {
  readonly calls: readonly PredictedCall[];
  readonly warnings: readonly string[];
}

const OBSERVED_MANAGED_RULE =
  'without events:PutRule/PutTargets/DescribeRule, creating or updating the state machine fails with ' +
  '"is not authorized to create managed-rule" (observed for other .sync integrations: nasa/cumulus#2693, ' +
  'terraform-aws-modules/terraform-aws-step-functions#11)';

/** Request `Tags` written literally, as `aws:RequestTag/<key>` and `aws:TagKeys` context keys. */
function tagContext(task: SageMakerTask): Record<string, string | string[]> {
  const request = task.request;
  if (!isObject(request) || !Array.isArray(request.Tags)) return {};
  const list = request.Tags as unknown[];
  const context: Record<string, string | string[]> = {};
  const keys: string[] = [];
  for (const tag of list) {
    if (typeof tag === 'object' && tag !== null && typeof (tag as { Key?: unknown }).Key === 'string') {
      const { Key, Value } = tag as { Key: string; Value?: unknown };
      keys.push(Key);
      if (typeof Value === 'string') context[`aws:RequestTag/${Key}`] = Value;
    }
  }
  if (keys.length > 0) context['aws:TagKeys'] = keys;
  return context;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether the request passes Tags (literally or at run time). */
const hasTags = (task: SageMakerTask): boolean =>
  isObject(task.request) && ('Tags' in task.request || 'Tags.$' in task.request);

/**
 * The calls Step Functions makes as the execution role for one SageMaker Task (spec §2, §3, §4.2),
 * each with its level, provenance and reason, and the grant the generated policy has for it.
 */
export function taskCalls(task: SageMakerTask, options: PredictionOptions): TaskCalls {
  const facts: ApiFacts = task.facts;
  const partition: Partition = options.partition ?? task.partition;
  const region = options.region ?? DEFAULT_REGION[partition];
  const { account } = options;
  const documentedApi = facts.policyTemplate.kind === 'documented';
  /** The seven APIs without a published template: every statement is inferred by analogy. */
  const p = (documentedSource: Provenance): Provenance =>
    documentedApi ? documentedSource : facts.policyTemplate;
  const warnings: string[] = [];
  const calls: PredictedCall[] = [];
  const base = { state: task.stateName, pointer: task.pointer };
  const baseContext = {
    'aws:RequestedRegion': region,
    'aws:PrincipalAccount': account,
    'aws:SecureTransport': 'true',
  };
  const sync = task.pattern === 'sync';
  const arn = (type: string, id: string) => `arn:${partition}:sagemaker:${region}:${account}:${type}/${id}`;

  const named = (type: string, field: string, value: FieldValue) => {
    if (value.kind === 'static')
      return { resource: arn(type, value.value), grant: arn(type, `${value.value}*`) };
    if (value.kind === 'absent') {
      warnings.push(
        `state "${task.stateName}": the request has no ${field} (SageMaker rejects it); the policy uses ${type}/*`,
      );
    }
    return { resource: arn(type, `\${${field}}`), grant: arn(type, '*') };
  };

  // 1. The Create/Update call on the resource it creates, and on the resources it names (SAR).
  const job = named(
    facts.arnResourceType.value,
    facts.nameField.value,
    fieldValue(task.request, facts.nameField.value, task.queryLanguage),
  );
  const tagCtx = tagContext(task);
  // Contexts are read-only: calls share one object unless the request adds tag keys.
  const createContext = Object.keys(tagCtx).length > 0 ? { ...baseContext, ...tagCtx } : baseContext;
  calls.push({
    ...base,
    action: facts.action.value,
    ...job,
    context: createContext,
    level: 'required',
    provenance: facts.action.provenance,
    reason: `the ${facts.api} call itself`,
  });
  for (const related of facts.relatedResources.value) {
    const r = named(
      related.arnResourceType,
      related.nameField,
      fieldValue(task.request, related.nameField, task.queryLanguage),
    );
    calls.push({
      ...base,
      action: facts.action.value,
      ...r,
      context: baseContext,
      level: 'required',
      provenance: inferred(
        `${facts.relatedResources.provenance.source}: ${facts.api} also authorizes the ${related.arnResourceType}`,
      ),
      reason: `${facts.api} is authorized on the ${related.arnResourceType} it names too`,
    });
  }

  // 2. Tagging: ListTags builds the Tags map of .sync outputs; AddTags (current revision) tags on create.
  calls.push({
    ...base,
    action: TAGGING.listTags.value,
    resource: job.resource,
    grant: '*',
    context: baseContext,
    level: 'documented',
    provenance: p(TAGGING.listTags.provenance),
    reason: sync
      ? 'reads the job tags for the Tags map of the .sync output (spec §1.4, observed)'
      : 'in the template; no call needs it for request-response (spec §1.4)',
  });
  if (options.docRevision === 'current') {
    const requiredTags = sync || hasTags(task);
    calls.push({
      ...base,
      action: TAGGING.addTags.value,
      resource: job.resource,
      grant: '*',
      context: createContext,
      level: requiredTags ? 'required' : 'documented',
      provenance: p(TAGGING.addTags.provenance),
      reason: sync
        ? 'Step Functions tags the job it starts; a .sync step failed without it (spec §1.4, observed)'
        : hasTags(task)
          ? 'the request has Tags: tagging on create needs sagemaker:AddTags'
          : 'in the current template; whether request-response needs it is unverified (spec §9 U10)',
    });
  }

  // 3. PassRole for the role SageMaker will assume.
  const rule = facts.passRole.value;
  if (rule !== 'never') {
    const roles = facts.roleFields.value.flatMap((f) => valuesAt(task.request, f.path, task.queryLanguage));
    const passRolePresent = roles.length > 0;
    if (rule === 'always' || passRolePresent) {
      const grants = new Set<string>();
      const resources: string[] = [];
      for (const role of roles) {
        if (role.kind === 'static') {
          grants.add(role.value);
          resources.push(role.value);
        }
      }
      const needsFallback = roles.length === 0 || roles.some((r) => r.kind === 'dynamic');
      if (needsFallback) {
        if (options.passRoleArn) {
          grants.add(options.passRoleArn);
          resources.push(options.passRoleArn);
        } else {
          grants.add('*');
          resources.push(`arn:${partition}:iam::${account}:role/\${RoleArn}`);
          warnings.push(
            `state "${task.stateName}": ${roles.length === 0 ? 'the request names no role' : 'the role is given at run time'}; ` +
              'iam:PassRole is granted on "*" (pass --pass-role-arn ARN to scope it)',
          );
        }
      }
      const passesRole = passRolePresent;
      for (const resource of resources) {
        calls.push({
          ...base,
          action: 'iam:PassRole',
          resource,
          grant: grants.has(resource) ? resource : '*',
          condition: { StringEquals: { 'iam:PassedToService': PASSED_TO_SERVICE.value } },
          context: { ...baseContext, 'iam:PassedToService': PASSED_TO_SERVICE.value },
          level: passesRole ? 'required' : 'documented',
          provenance: p(facts.passRole.provenance),
          reason: passesRole
            ? 'SageMaker checks that the caller may pass the role in the request'
            : `in the template; the ${facts.api} request passes no role itself (the model's role is used)`,
        });
      }
    }
  }

  // 4. .sync: polling, cancel on abort, and the EventBridge managed rule.
  if (sync && facts.job) {
    const { describeAction, stopAction, eventRule } = facts.job;
    calls.push({
      ...base,
      action: describeAction.value,
      ...job,
      context: baseContext,
      level: 'documented',
      provenance: p(describeAction.provenance),
      reason: 'polls the job; without it completion is seen only through EventBridge events (spec §3)',
    });
    calls.push({
      ...base,
      action: stopAction.value,
      ...job,
      context: baseContext,
      level: 'documented',
      provenance: p(stopAction.provenance),
      reason:
        'best-effort cancel when the execution is aborted; without it the job keeps running and billing (spec §3)',
    });
    const ruleArn = `arn:${partition}:events:${region}:${account}:rule/${eventRule.value}`;
    for (const action of EVENTS_ACTIONS.value) {
      calls.push({
        ...base,
        action,
        resource: ruleArn,
        grant: ruleArn,
        context: baseContext,
        level: 'required',
        provenance: documentedApi
          ? EVENTS_ACTIONS.provenance
          : inferred(
              `${facts.policyTemplate.source}; rule name: ${eventRule.provenance.kind} (${eventRule.provenance.source})`,
            ),
        reason: OBSERVED_MANAGED_RULE,
      });
    }
  }
  return { calls, warnings };
}

export type DefinitionCalls =
  | {
      readonly ok: true;
      readonly calls: readonly PredictedCall[];
      readonly warnings: readonly string[];
      readonly unmodelled: readonly UnmodelledTask[];
    }
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/** The calls of every SageMaker Task state of a definition, in document order. */
export function definitionCalls(definition: unknown, options: PredictionOptions): DefinitionCalls {
  const found = findTasks(definition, options.type);
  if (found.problems.length > 0) return { ok: false, problems: found.problems };
  const calls: PredictedCall[] = [];
  const warnings: string[] = [];
  for (const task of found.tasks) {
    const result = taskCalls(task, options);
    calls.push(...result.calls);
    warnings.push(...result.warnings);
  }
  return { ok: true, calls, warnings, unmodelled: found.unmodelled };
}
