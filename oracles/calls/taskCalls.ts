/**
 * The one model of the calls Step Functions makes as the execution role for a SageMaker Task:
 * each call typed (action, resource, request context, level, the rules it rests on, the world
 * scenarios that make it and what a denial costs), computed here once and read by `policy`,
 * `check`, `regress`, the outcome oracle and the AWS target.
 */
import type { Api, Partition, Pattern } from '../../catalog/api.js';
import { rule, weakest, type Provenance, type RuleId } from '../../catalog/provenance.js';
import {
  ARN_NAMES_LOWERCASED,
  EVENTS_ACTIONS,
  PASSED_TO_SERVICE,
  ROLE_OF_ACCOUNT,
  SAGEMAKER_APIS,
  TAGGING,
  type ApiFacts,
} from '../../catalog/sagemakerApis.js';
import type { RequestPlan } from '../../contracts/casePlan.js';
import {
  findTasks,
  type DefinitionProblem,
  type SageMakerTask,
  type UnmodelledTask,
} from '../definition/sagemakerTasks.js';
import { DEFAULT_REGION, type PredictionOptions } from '../options.js';
import {
  literalTags,
  tagsGiven,
  valueAt,
  valuesAt,
  type FieldValue,
  type RequestView,
} from './requestValues.js';

/**
 * `required`: the execution (or the state machine's creation) fails without the permission.
 * `documented`: in the template; without it the integration degrades (completion seen only through
 * events, no cancel on abort, no Tags map in the output), or no call needs it.
 */
export type RequirementLevel = 'required' | 'documented';

/** When in an execution the integration makes a call. */
export type CallPhase =
  /** CreateStateMachine (and UpdateStateMachine): the EventBridge managed rule of `.sync`. */
  | 'creation'
  /** Every attempt's Create/Update call, in order: the action on each resource, PassRole, tag-on-create. */
  | 'create'
  /** Every poll of a `.sync` job. */
  | 'poll'
  /** Once a `.sync` job has ended: its tags, for the Tags map of the output. */
  | 'listTags'
  /** StopExecution while a `.sync` job runs: the best-effort cancel. */
  | 'abort'
  /** In the template only: no scenario makes the call. */
  | 'template';

/** The world scenarios of `regress`: in which of them a call is made. */
export type ScenarioName = 'creation' | 'success' | 'failure' | 'retry' | 'abort';

/** A statement's Condition block: operator, then condition key, then value. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** One call Step Functions makes as the execution role for a SageMaker Task, and how it is granted. */
export interface Call {
  readonly state: string;
  readonly pointer: string;
  readonly action: string;
  /** The resource of the call; for a name given at run time a representative that only `<type>/*` grants match. */
  readonly resource: string;
  /** The resource a grant for the call names (the template's, where the template has the statement). */
  readonly grant: string;
  /** Whether the policy Step Functions generates has the statement (`--doc-revision`). */
  readonly inTemplate: boolean;
  readonly condition?: PolicyCondition;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly phase: CallPhase;
  readonly level: RequirementLevel;
  /** That the template has the grant (the statement, the managed rule's name): what `policy` shows. */
  readonly grantProvenance: Provenance;
  /** That the call is made, on this resource, and granted so (the grant's rules and those of the call). */
  readonly provenance: Provenance;
  /** That a denial costs what `consequence` says (a requirement is only as strong as this). */
  readonly necessity: Provenance;
  readonly reason: string;
  readonly scenarios: readonly ScenarioName[];
  /** What a denial of the call costs. */
  readonly consequence: string;
}

/** The task a call model reads: parsed from a user's definition, or a generated plan. */
export interface CallSubject {
  readonly state: string;
  readonly pointer: string;
  readonly api: Api;
  readonly pattern: Pattern;
  readonly partition: Partition;
  readonly request: RequestPlan;
}

/** The calls of one task, and warnings about its request (names lower-cased in ARNs, a missing name, a role given at run time). */
export interface TaskCalls {
  readonly calls: readonly Call[];
  readonly warnings: readonly string[];
}

/** The prediction options the call model reads. */
export type CallOptions = Pick<
  PredictionOptions,
  'region' | 'account' | 'partition' | 'docRevision' | 'passRoleArn'
>;

const OBSERVED_MANAGED_RULE =
  'without events:PutRule/PutTargets/DescribeRule, creating or updating the state machine fails with ' +
  '"is not authorized to create managed-rule" (sfn.managed-rule.needed-at-creation)';

const DENIED_CREATE =
  'the task fails with SageMaker.AmazonSageMakerException (AccessDenied): the execution FAILS unless a Catch handles it';

const EVERY_ATTEMPT: readonly ScenarioName[] = ['success', 'failure', 'retry', 'abort'];
const RELATED = rule('iam.sar.related-resources');
const SYNC_OUTPUT = rule('sfn.sync.output-is-describe');
const PASS_ROLE_CHECKED = rule('sagemaker.passrole-checked');
const ADDTAGS_NEEDED = rule('sfn.sync.addtags-needed');
const POLLS = rule('sfn.sync.polls-describe');
const STOP_ON_ABORT = rule('sfn.sync.stop-on-abort');
const MANAGED_RULE_NEEDED = rule('sfn.managed-rule.needed-at-creation');
const RETRY = rule('asl.retry');
const APIS = rule('sfn.sagemaker.apis');
const idOf = (p: Provenance): RuleId => p.rules[0]!.id;

/**
 * The rule of this model that says how often a call of `action` is made: for a call a target made
 * beyond the predicted ones (`predicted`: their actions), the rule it broke. Another attempt of a
 * create (Retry), another poll, a stop, tags, a role passed, the managed rule.
 */
export function howOftenRule(action: string, predicted: readonly string[]): RuleId {
  if (/^sagemaker:(Create|Update)/.test(action)) return idOf(predicted.includes(action) ? RETRY : APIS);
  if (action.startsWith('sagemaker:Describe')) return idOf(POLLS);
  if (action.startsWith('sagemaker:Stop')) return idOf(STOP_ON_ABORT);
  if (action === 'sagemaker:AddTags') return idOf(ADDTAGS_NEEDED);
  if (action === 'sagemaker:ListTags') return idOf(SYNC_OUTPUT);
  if (action === 'iam:PassRole') return idOf(PASS_ROLE_CHECKED);
  if (action.startsWith('events:')) return idOf(MANAGED_RULE_NEEDED);
  return idOf(APIS);
}

const PASS_ROLE_CONDITION: PolicyCondition = {
  StringEquals: { 'iam:PassedToService': PASSED_TO_SERVICE.value },
};

/** The SageMaker resource name as it stands in ARNs: lower-cased by SageMaker (sagemaker.arn.lower-case). */
export function arnName(name: string): string {
  return ARN_NAMES_LOWERCASED.value ? name.toLowerCase() : name;
}

/**
 * Whether a concrete resource is one a call's resource stands for: itself, or for a name given at
 * run time its representative (`training-job/${TrainingJobName}`, `role/${RoleArn}`) with any name.
 */
export function resourceMatches(representative: string, resource: string): boolean {
  if (!representative.includes('${')) return representative === resource;
  const pattern = representative
    .split(/\$\{[A-Za-z]+\}/)
    .map((part) => part.replace(/[.*+?^()|[\]\\{}$]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${pattern}$`).test(resource);
}

/** Whether a static name has capitals that its ARN loses (the grant `<type>/<Name>*` then misses it). */
export const losesCapitals = (name: string): boolean =>
  ARN_NAMES_LOWERCASED.value && name !== name.toLowerCase();

/**
 * The calls of one SageMaker Task, in the order the integration makes them within each phase (the
 * create phase: the action on its resource, on each related resource, PassRole, AddTags).
 * Without `resolved`, names given at run time are representatives (`training-job/${TrainingJobName}`);
 * with it (the request as Step Functions computed it), every resource is concrete.
 */
export function taskCalls(
  task: CallSubject,
  options: CallOptions,
  resolved?: Readonly<Record<string, unknown>>,
): TaskCalls {
  const facts: ApiFacts = SAGEMAKER_APIS[task.api];
  const partition: Partition = options.partition ?? task.partition;
  const region = options.region ?? DEFAULT_REGION[partition];
  const { account } = options;
  const request: RequestView = resolved ? { resolved } : { plan: task.request };
  const documentedApi = facts.policyTemplate.kind === 'documented';
  /** The seven APIs without a published template: every statement rests on the analogy too. */
  const p = (...sources: Provenance[]): Provenance =>
    weakest(documentedApi ? sources : [...sources, facts.policyTemplate]);
  const warnings: string[] = [];
  const calls: Call[] = [];
  const baseContext = {
    'aws:RequestedRegion': region,
    'aws:PrincipalAccount': account,
    'aws:SecureTransport': 'true',
  };
  const sync = task.pattern === 'sync' && facts.job !== undefined;
  const arn = (type: string, id: string) => `arn:${partition}:sagemaker:${region}:${account}:${type}/${id}`;

  /** A named resource: its ARN (the name as SageMaker writes it there), its grant, and the rules they rest on. */
  const named = (type: string, field: string, value: FieldValue) => {
    if (value.kind === 'static') {
      const lowered = losesCapitals(value.value);
      if (lowered)
        warnings.push(
          `state "${task.state}": SageMaker lower-cases names in ARNs (sagemaker.arn.lower-case, observed): the grant ` +
            `${type}/${value.value}* does not match ${type}/${arnName(value.value)}; use a lower-case ${field}`,
        );
      return {
        resource: arn(type, arnName(value.value)),
        grant: arn(type, `${value.value}*`),
        // What the ARN of a name with capitals is rests on the lower-casing rule.
        rests: lowered ? [ARN_NAMES_LOWERCASED.provenance] : [],
      };
    }
    if (value.kind === 'absent') {
      warnings.push(
        `state "${task.state}": the request has no ${field} (SageMaker rejects it); the policy uses ${type}/*`,
      );
      // Resolved: the call is made on the type with no name (SageMaker then rejects the request).
      if (resolved) return { resource: arn(type, ''), grant: arn(type, '*'), rests: [] };
    }
    return { resource: arn(type, `\${${field}}`), grant: arn(type, '*'), rests: [] };
  };

  // Tag keys of the create: the request's, and those Step Functions adds to the jobs it runs.
  const userTags = literalTags(request);
  const tagKeys = [...userTags.map((t) => t.Key), ...(sync ? TAGGING.stepFunctionsTags.value : [])];
  const tagContext: Record<string, string | string[]> = {};
  for (const t of userTags) if (t.Value !== undefined) tagContext[`aws:RequestTag/${t.Key}`] = t.Value;
  // The execution ARN tag's value is the target's to choose: only MANAGED_BY_AWS is known.
  if (sync) tagContext[`aws:RequestTag/${TAGGING.stepFunctionsTags.value[0]}`] = TAGGING.managedByValue.value;
  if (tagKeys.length > 0) tagContext['aws:TagKeys'] = tagKeys;
  const createContext = tagKeys.length > 0 ? { ...baseContext, ...tagContext } : baseContext;
  const tagged = sync || tagsGiven(request);

  // 1. The Create/Update call on the resource it creates, and on the resources it names (SAR).
  const job = named(
    facts.arnResourceType.value,
    facts.nameField.value,
    valueAt(request, facts.nameField.value),
  );
  const createProvenance = p(facts.action.provenance, ...job.rests);
  calls.push({
    state: task.state,
    pointer: task.pointer,
    action: facts.action.value,
    resource: job.resource,
    grant: job.grant,
    inTemplate: true,
    context: createContext,
    phase: 'create',
    level: 'required',
    grantProvenance: p(facts.action.provenance),
    provenance: createProvenance,
    necessity: createProvenance,
    reason: `the ${facts.api} call itself`,
    scenarios: EVERY_ATTEMPT,
    consequence: DENIED_CREATE,
  });
  for (const related of facts.relatedResources.value) {
    const value = valueAt(request, related.nameField);
    // A request that names no related resource is not authorized on one.
    if (resolved && value.kind === 'absent') continue;
    const r = named(related.arnResourceType, related.nameField, value);
    const relatedProvenance = p(RELATED, ...r.rests);
    calls.push({
      state: task.state,
      pointer: task.pointer,
      action: facts.action.value,
      resource: r.resource,
      grant: r.grant,
      inTemplate: true,
      context: baseContext,
      phase: 'create',
      level: 'required',
      grantProvenance: p(RELATED),
      provenance: relatedProvenance,
      necessity: relatedProvenance,
      reason: `${facts.api} is authorized on the ${related.arnResourceType} it names too`,
      scenarios: EVERY_ATTEMPT,
      consequence: DENIED_CREATE,
    });
  }

  // 1b. ListTags: once a .sync job has ended, for the Tags map of its output.
  calls.push({
    state: task.state,
    pointer: task.pointer,
    action: TAGGING.listTags.value,
    resource: job.resource,
    grant: '*',
    inTemplate: true,
    context: baseContext,
    phase: sync ? 'listTags' : 'template',
    level: 'documented',
    grantProvenance: p(TAGGING.listTags.provenance),
    provenance: sync
      ? p(TAGGING.listTags.provenance, SYNC_OUTPUT, ...job.rests)
      : p(TAGGING.listTags.provenance),
    necessity: SYNC_OUTPUT,
    reason: sync
      ? 'reads the job tags for the Tags map of the .sync output (sfn.sync.output-is-describe)'
      : 'in the template; no call needs it for request-response',
    scenarios: sync ? ['success', 'failure'] : [],
    consequence: sync
      ? 'degraded: the .sync output has no Tags map'
      : 'none: request-response makes no ListTags call',
  });

  // 2. PassRole for the role SageMaker will assume: a call is made for each role the request passes.
  const rule = facts.passRole.value;
  if (rule !== 'never') {
    // A role that is not an ARN is rejected by SageMaker's validation before it could be passed.
    const roles = facts.roleFields.value
      .flatMap((f) => valuesAt(request, f.path))
      .filter((r) => r.kind !== 'static' || r.value.startsWith('arn:'));
    const targets: { resource: string; grant: string; made: boolean }[] = [];
    for (const role of roles)
      if (role.kind === 'static') {
        targets.push({ resource: role.value, grant: role.value, made: true });
        const owner = role.value.split(':')[4];
        if (owner !== undefined && owner !== '' && !ROLE_OF_ACCOUNT.value(role.value, account))
          warnings.push(
            `state "${task.state}": the role ${role.value} is of account ${owner}, not ${account}: IAM lets a role be passed only to a service of its own account (iam.passrole.same-account), so SageMaker refuses the call`,
          );
      }
    if (roles.some((r) => r.kind === 'dynamic')) {
      // A role given at run time: the call is made on a role only the execution knows.
      if (options.passRoleArn)
        targets.push({ resource: options.passRoleArn, grant: options.passRoleArn, made: true });
      else {
        targets.push({
          resource: `arn:${partition}:iam::${account}:role/\${RoleArn}`,
          grant: '*',
          made: true,
        });
        warnings.push(
          `state "${task.state}": the role is given at run time; iam:PassRole is granted on "*" (pass --pass-role-arn ARN to scope it)`,
        );
      }
    }
    if (roles.length === 0 && rule === 'always') {
      if (facts.roleFields.value.length === 0) {
        // The template names a role the request has no field for (a transform's model's role): no
        // call needs it, so it is granted only on the role the user names, never widened.
        if (options.passRoleArn)
          targets.push({ resource: options.passRoleArn, grant: options.passRoleArn, made: false });
        else
          warnings.push(
            `state "${task.state}": the ${facts.api} request passes no role; the documented template grants iam:PassRole on the model's role, which no call of the integration needs (pass --pass-role-arn ARN to include it)`,
          );
      } else
        warnings.push(
          `state "${task.state}": the request names no role ARN (${facts.roleFields.value.map((f) => f.path.join('.')).join(' or ')}), which SageMaker requires; no iam:PassRole is granted`,
        );
    }
    const passRoleContext = { ...baseContext, 'iam:PassedToService': PASSED_TO_SERVICE.value };
    for (const target of targets) {
      calls.push({
        state: task.state,
        pointer: task.pointer,
        action: 'iam:PassRole',
        resource: target.resource,
        grant: target.grant,
        inTemplate: true,
        condition: PASS_ROLE_CONDITION,
        context: passRoleContext,
        phase: target.made ? 'create' : 'template',
        level: target.made ? 'required' : 'documented',
        grantProvenance: p(facts.passRole.provenance, PASSED_TO_SERVICE.provenance),
        provenance: p(facts.passRole.provenance, PASSED_TO_SERVICE.provenance),
        necessity: PASS_ROLE_CHECKED,
        reason: target.made
          ? 'SageMaker checks that the caller may pass the role in the request'
          : `in the template; the ${facts.api} request passes no role itself (the model's role is used)`,
        scenarios: target.made ? EVERY_ATTEMPT : [],
        consequence: target.made ? DENIED_CREATE : 'none: the request passes no role, so no call needs it',
      });
    }
  }

  // 3. Tagging on create (the current revision's template has AddTags): the last call of an attempt.
  calls.push({
    state: task.state,
    pointer: task.pointer,
    action: TAGGING.addTags.value,
    resource: job.resource,
    grant: '*',
    inTemplate: options.docRevision === 'current',
    context: createContext,
    phase: tagged ? 'create' : 'template',
    level: tagged ? 'required' : 'documented',
    grantProvenance: p(TAGGING.addTags.provenance),
    provenance: p(
      TAGGING.addTags.provenance,
      ...(sync ? [TAGGING.stepFunctionsTags.provenance] : []),
      ...job.rests,
    ),
    necessity: ADDTAGS_NEEDED,
    reason: sync
      ? 'Step Functions tags the job it starts; a .sync step failed without it (sfn.sync.addtags-needed, observed)'
      : tagged
        ? 'the request has Tags: tagging on create needs sagemaker:AddTags'
        : 'in the current template; no call needs it when the request has no tags',
    scenarios: tagged ? EVERY_ATTEMPT : [],
    consequence: tagged ? DENIED_CREATE : 'none: the request has no tags to add',
  });
  if (options.docRevision !== 'current' && tagged)
    warnings.push(
      `state "${task.state}": the legacy template has no sagemaker:AddTags, which tagging on create needs (sfn.sync.addtags-needed)`,
    );
  // 4. .sync: polling, cancel on abort, and the EventBridge managed rule.
  if (sync && facts.job) {
    const { describeAction, stopAction, eventRule } = facts.job;
    calls.push({
      state: task.state,
      pointer: task.pointer,
      action: describeAction.value,
      resource: job.resource,
      grant: job.grant,
      inTemplate: true,
      context: baseContext,
      phase: 'poll',
      level: 'documented',
      grantProvenance: p(describeAction.provenance),
      provenance: p(describeAction.provenance, POLLS, ...job.rests),
      necessity: POLLS,
      reason:
        'polls the job; without it completion is seen only through EventBridge events (sfn.sync.polls-describe)',
      scenarios: ['success', 'failure', 'abort'],
      consequence: 'degraded: completion is seen only through EventBridge events',
    });
    calls.push({
      state: task.state,
      pointer: task.pointer,
      action: stopAction.value,
      resource: job.resource,
      grant: job.grant,
      inTemplate: true,
      context: baseContext,
      phase: 'abort',
      level: 'documented',
      grantProvenance: p(stopAction.provenance),
      provenance: p(stopAction.provenance, STOP_ON_ABORT, ...job.rests),
      necessity: STOP_ON_ABORT,
      reason:
        'best-effort cancel when the execution is aborted; without it the job keeps running and billing (sfn.sync.stop-on-abort)',
      scenarios: ['abort'],
      consequence: 'degraded: no cancel on abort, the job keeps running and billing',
    });
    const ruleArn = `arn:${partition}:events:${region}:${account}:rule/${eventRule.value}`;
    for (const action of EVENTS_ACTIONS.value) {
      calls.push({
        state: task.state,
        pointer: task.pointer,
        action,
        resource: ruleArn,
        grant: ruleArn,
        inTemplate: true,
        context: baseContext,
        phase: 'creation',
        level: 'required',
        grantProvenance: p(EVENTS_ACTIONS.provenance, eventRule.provenance),
        provenance: p(EVENTS_ACTIONS.provenance, eventRule.provenance),
        necessity: MANAGED_RULE_NEEDED,
        reason: OBSERVED_MANAGED_RULE,
        scenarios: ['creation'],
        consequence:
          'CreateStateMachine / UpdateStateMachine fails: "is not authorized to create managed-rule"',
      });
    }
  }
  return { calls, warnings };
}

/** The calls of a definition's SageMaker tasks, or the problems that keep them from being known. */
export type DefinitionCalls =
  | {
      readonly ok: true;
      readonly calls: readonly Call[];
      readonly warnings: readonly string[];
      readonly unmodelled: readonly UnmodelledTask[];
      readonly tasks: readonly SageMakerTask[];
    }
  | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/**
 * The calls of every SageMaker Task state of a definition, in document order. With `resolved`
 * (a state's request as an execution computed it, by state name), that state's calls are on the
 * resources that execution names.
 */
export function definitionCalls(
  definition: unknown,
  options: PredictionOptions,
  resolved?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): DefinitionCalls {
  const found = findTasks(definition, options.type);
  if (found.problems.length > 0) return { ok: false, problems: found.problems };
  const calls: Call[] = [];
  const warnings: string[] = [];
  for (const task of found.tasks) {
    const result = taskCalls(task.subject, options, resolved?.get(task.stateName));
    calls.push(...result.calls);
    warnings.push(...result.warnings);
  }
  return { ok: true, calls, warnings, unmodelled: found.unmodelled, tasks: found.tasks };
}
