/**
 * Step Functions' optimized SageMaker integration, as the emulator runs it: the calls made as the
 * execution role (each authorized and recorded), request-response and `.sync` (poll Describe, fall
 * back to the job's end event when polling is denied: sfn.sync.polls-describe; Tags map and epoch-ms
 * times in the output: sfn.sync.output-is-describe, sfn.sync.epoch-milliseconds), best-effort Stop
 * on abort (sfn.sync.stop-on-abort), and SageMaker errors as Step Functions errors
 * (sfn.sagemaker.error-names).
 */
import { isApi, type Api } from '../../catalog/api.js';
import type { WorldScenario } from '../../catalog/scenario.js';
import {
  API_BY_RESOURCE_NAME,
  CROSS_ACCOUNT_ROLE,
  ROLE_OF_ACCOUNT,
  UNKNOWN_FIELD_AT_RUN_TIME,
  SAGEMAKER_APIS,
  TAGGING,
} from '../../catalog/sagemakerApis.js';
import type { Violation } from '../../validation/validateRequest.js';
import type { TaskHandler, TaskInvocation } from '../engine/taskHandler.js';
import { StatesError } from '../engine/statesError.js';
import { describeResource } from '../engine/taskResource.js';
import type { Authorizer } from '../iam/authorizer.js';
import { SAGEMAKER_BEHAVIOUR, type IntegrationBehaviour } from './behaviour.js';
import { jobTiming, SageMakerError, type SageMakerErrorCode, type SageMakerService } from './service.js';
import { isObject } from '../../syntax/json.js';

const SCENARIO_MESSAGES: Readonly<Record<string, string>> = {
  ResourceLimitExceeded: 'The account-level service limit for the instance type is exceeded.',
  ResourceInUse: 'The resource is in use.',
  ResourceNotFound: 'Could not find the resource.',
  ValidationException: 'The request is not valid.',
  ThrottlingException: 'Rate exceeded',
};

function requestId(random: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A SageMaker error as the Task error Step Functions raises, cause in the AWS SDK's format. */
export function toStatesError(
  e: SageMakerError,
  random: () => number,
  rules: Pick<IntegrationBehaviour, 'errorName'> = SAGEMAKER_BEHAVIOUR,
): StatesError {
  return new StatesError(
    rules.errorName(e.code),
    `${e.message} (Service: AmazonSageMaker; Status Code: 400; Error Code: ${e.code}; Request ID: ${requestId(random)}; Proxy: null)`,
  );
}

/** What the integration works with: the service, the role's authorizer, the world scenario. */
export interface IntegrationOptions {
  readonly service: SageMakerService;
  readonly authorizer: Authorizer;
  readonly scenario: WorldScenario;
  readonly partition: string;
  /** Seconds between Describe polls when the scenario gives no job timing. */
  readonly pollIntervalSeconds?: number;
  /** The integration's rules asked by name (a deliberate deviation may change them); AWS's by default. */
  readonly behaviour?: IntegrationBehaviour;
}

type Obj = Record<string, unknown>;
/** Reads `arn:<partition>:states:::sagemaker:<api>[.sync]`. */
export function parseSageMakerResource(resource: string): { api: Api; sync: boolean } | undefined {
  const m = /^arn:[a-z-]+:states:[a-z0-9-]*:\d*:sagemaker:([A-Za-z]+)(\.sync)?$/.exec(resource);
  const facts = m ? API_BY_RESOURCE_NAME.get(m[1]!) : undefined;
  if (!m || !facts || !isApi(facts.api)) return undefined;
  if (m[2] && !facts.job) return undefined;
  return { api: facts.api, sync: m[2] !== undefined };
}

function rolesOf(api: Api, request: Obj): string[] {
  const roles: string[] = [];
  const walk = (value: unknown, path: readonly string[]): void => {
    if (path.length === 0) {
      // A role that is not an ARN fails validation before SageMaker would pass it.
      if (typeof value === 'string' && value.startsWith('arn:')) roles.push(value);
      return;
    }
    const [head, ...rest] = path as [string, ...string[]];
    if (head === '[]') {
      if (Array.isArray(value)) for (const v of value) walk(v, rest);
    } else if (isObject(value)) walk(value[head], rest);
  };
  for (const f of SAGEMAKER_APIS[api].roleFields.value) walk(request, f.path);
  return roles;
}

/** Runs SageMaker Task states as Step Functions' optimized integration does. */
export class SageMakerIntegration implements TaskHandler {
  private createCalls = 0;
  /** A retried attempt sends the same request: validated once. */
  private readonly validations = new Map<string, readonly Violation[]>();

  private validated(api: Api, inv: TaskInvocation): readonly Violation[] {
    const key = `${api}\u0000${inv.parametersJson}`;
    let violations = this.validations.get(key);
    if (!violations) {
      violations = this.rules.requestViolations(api, inv);
      this.validations.set(key, violations);
    }
    return violations;
  }

  private readonly rules: IntegrationBehaviour;

  constructor(private readonly options: IntegrationOptions) {
    this.rules = options.behaviour ?? SAGEMAKER_BEHAVIOUR;
  }

  describe(resource: string): { resourceType: string; resource: string } | undefined {
    return parseSageMakerResource(resource) ? describeResource(resource) : undefined;
  }

  private authorize(inv: TaskInvocation, action: string, resource: string, context: Obj = {}): void {
    const { authorizer } = this.options;
    const decision = authorizer.authorize(action, resource, context as Record<string, string>, inv.now());
    if (decision !== 'allowed') {
      const message = this.rules.accessDeniedMessage(authorizer.deniedMessage(action, resource, decision));
      throw toStatesError(new SageMakerError('AccessDeniedException', message), inv.random, this.rules);
    }
  }

  async invoke(inv: TaskInvocation): Promise<unknown> {
    const parsed = parseSageMakerResource(inv.resource)!;
    const { api, sync } = parsed;
    const facts = SAGEMAKER_APIS[api];
    const { service, scenario, authorizer } = this.options;
    const rules = this.rules;
    if (!isObject(inv.parameters))
      throw new StatesError(
        'States.Runtime',
        `The Parameters of the state '${inv.stateName}' must be an object`,
      );
    // Fields the API does not know, only visible now (from a whole-object path), fail the state
    // (sfn.parameters.unknown-field-at-run-time).
    const violations = this.validated(api, inv);
    const unknown = violations.filter((v) => v.constraint === 'unknown-field');
    if (unknown.length > 0) {
      const field = unknown[0]!.path.split('/').pop();
      throw new StatesError(
        UNKNOWN_FIELD_AT_RUN_TIME.value,
        `An error occurred while executing the state '${inv.stateName}'. The Parameters '${JSON.stringify(inv.parameters)}' could not be used to start the Task: [The field "${field}" is not supported by Step Functions]`,
      );
    }
    let request: Obj = inv.parameters;
    if (sync) {
      // Step Functions tags the jobs it starts and runs (sfn.sync.tags-added, observed).
      const userTags = Array.isArray(request.Tags) ? (request.Tags as unknown[]) : [];
      request = {
        ...request,
        Tags: [...userTags, ...rules.stepFunctionsTags(inv.executionArn)],
      };
    }
    const type = facts.arnResourceType.value;
    const name =
      typeof request[facts.nameField.value] === 'string' ? (request[facts.nameField.value] as string) : '';
    const arn = service.arn(type, name);
    // The calls the create makes as the role: the action on its resources, PassRole, tag-on-create
    // (with the tags in the request context: aws:TagKeys and aws:RequestTag/<key>).
    const tags = Array.isArray(request.Tags) ? (request.Tags as { Key?: unknown; Value?: unknown }[]) : [];
    const tagContext: Record<string, string | string[]> = {};
    for (const t of tags)
      if (typeof t.Value === 'string') tagContext[`aws:RequestTag/${String(t.Key)}`] = t.Value;
    if (tags.length > 0) tagContext['aws:TagKeys'] = tags.map((t) => String(t.Key));
    this.authorize(inv, facts.action.value, arn, tagContext);
    for (const related of rules.relatedResources(facts.relatedResources.value, type)) {
      const relatedName = request[related.nameField];
      if (typeof relatedName === 'string')
        this.authorize(inv, facts.action.value, service.arn(related.arnResourceType, relatedName));
    }
    if (rules.authorizesPassRole)
      for (const role of rolesOf(api, request))
        this.authorize(inv, 'iam:PassRole', role, { ...rules.passRoleContext });
    if (rules.authorizesAddTags(tags.length)) this.authorize(inv, TAGGING.addTags.value, arn, tagContext);
    // The world: create errors the scenario injects, then the service itself.
    if (scenario.createError && this.createCalls < scenario.createError.times) {
      this.createCalls++;
      const code = scenario.createError.error as SageMakerErrorCode;
      // An SDK-style retry of throttled calls, hidden from Step Functions' Retry.
      if (rules.retriesInternally(code)) {
        while (this.createCalls < scenario.createError.times) this.createCalls++;
      } else
        throw toStatesError(new SageMakerError(code, SCENARIO_MESSAGES[code] ?? code), inv.random, rules);
    }
    this.createCalls++;
    // Whole milliseconds, and the job ends exactly at its last poll: InProgress for `polls` polls.
    const { intervalMs, plan } = jobTiming(scenario, inv.now(), this.options.pollIntervalSeconds);
    const interval = intervalMs / 1000;
    let response: Record<string, string>;
    try {
      // A role of another account cannot be passed (iam.passrole.same-account): once the request is
      // valid, SageMaker refuses it (its wording is not known: sagemaker.cross-account-role).
      const foreign = rolesOf(api, request).find((role) => !ROLE_OF_ACCOUNT.value(role, service.account));
      if (violations.length === 0 && foreign && rules.refusesForeignRole)
        throw new SageMakerError(
          CROSS_ACCOUNT_ROLE.value,
          `Cross-account pass role is not allowed: ${foreign}.`,
        );
      // The Tags Step Functions adds are valid: the user's request was checked above.
      response = service.create(api, request, inv.now(), facts.job ? plan : undefined, violations);
    } catch (e) {
      if (e instanceof SageMakerError) throw toStatesError(e, inv.random, rules);
      throw e;
    }
    if (!sync || !facts.job) return response;
    const { describeAction, stopAction } = facts.job;
    inv.submitted(response);
    inv.onAbort((reason) => {
      if (!rules.stopsJobOn(reason)) return;
      // Best effort (sfn.sync.stop-on-abort): a denied or failed stop leaves the job running.
      if (!rules.stopsWith(authorizer.authorize(stopAction.value, arn, {}, inv.now()))) return;
      if (!rules.stopTakesEffect) return;
      try {
        service.stop(api, name, inv.now());
      } catch {
        // already ended
      }
    });
    let polling = rules.pollsDescribe;
    let previous = 'InProgress';
    for (;;) {
      if (polling) {
        await inv.sleep(interval);
        const decision = authorizer.authorize(describeAction.value, arn, {}, inv.now());
        if (decision !== 'allowed') {
          if (rules.deniedPollFailsTask)
            throw toStatesError(
              new SageMakerError(
                'AccessDeniedException',
                authorizer.deniedMessage(describeAction.value, arn, decision),
              ),
              inv.random,
              rules,
            );
          polling = false; // completion is now seen only through the EventBridge event
          continue;
        }
        // Whether AWS counts a poll as a heartbeat is not known (sfn.sync.heartbeat): the emulator does.
        inv.heartbeat();
        await inv.sleep(0); // a StopExecution that came with this poll takes effect now
        const status = service.status(api, name, inv.now());
        if (rules.statusSeen(status, previous) !== 'InProgress') break;
        previous = status;
      } else {
        await inv.sleep(Math.max(0, (service.endsAt(api, name) - inv.now()) / 1000));
        break;
      }
    }
    const result = service.describe(api, name, inv.now());
    const status = result[`${facts.job.statusField.value}`];
    if (
      !rules.authorizesListTags ||
      authorizer.authorize(TAGGING.listTags.value, arn, {}, inv.now()) === 'allowed'
    ) {
      result.Tags = Object.fromEntries(service.listTags(arn).map((t) => [t.Key, t.Value]));
    }
    if (rules.jobSucceeds(status)) return rules.syncOutput(result, response);
    // A job that ends Failed or Stopped fails the task (sfn.sync.failed-job: inferred from the Batch
    // integration, not verified).
    throw new StatesError(rules.failedJobError(status), rules.failedJobCause(result));
  }
}
