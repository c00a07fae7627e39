/**
 * The rules of the evidence table (catalog/evidence.ts) the outcome oracle applies, Retry and Catch
 * error matching, and the set of rules a prediction rests on.
 */
import { rule, type Provenance } from '../../catalog/provenance.js';
import { MISSING_ENDPOINT_ON_UPDATE } from '../../catalog/sagemakerApis.js';

/** The rules of the evidence table the model applies (catalog/evidence.ts). */
export const RULES = {
  patterns: rule('sfn.sagemaker.patterns'),
  apis: rule('sfn.sagemaker.apis'),
  denied: rule('sfn.sagemaker.access-denied'),
  errorNames: rule('sfn.sagemaker.error-names'),
  causeFormat: rule('sfn.sagemaker.cause-format'),
  syncOutput: rule('sfn.sync.output-is-describe'),
  epochMs: rule('sfn.sync.epoch-milliseconds'),
  pollsDescribe: rule('sfn.sync.polls-describe'),
  tagsAdded: rule('sfn.sync.tags-added'),
  bestEffortStop: rule('sfn.sync.stop-on-abort'),
  jobTimes: rule('sfn.sync.job-times'),
  describeEcho: rule('sfn.sync.describe-echoes-request'),
  jobFailed: rule('sfn.sync.failed-job'),
  timeout: rule('asl.task-timeout'),
  noStopOnTaskTimeout: rule('sfn.sync.no-stop-on-task-timeout'),
  heartbeatError: rule('asl.heartbeat-timeout-error'),
  heartbeat: rule('sfn.sync.heartbeat'),
  machineTimeout: rule('asl.machine-timeout'),
  timedOutNoError: rule('sfn.timed-out-no-error'),
  retry: rule('asl.retry'),
  taskFailed: rule('asl.task-failed-wildcard'),
  dataFlow: rule('asl.data-flow'),
  choiceNumeric: rule('asl.choice-numeric'),
  retryCount: rule('sfn.context.retry-count'),
  retryCountRetriers: rule('sfn.context.retry-count-retriers'),
  format: rule('asl.intrinsic.format'),
  jobQuota: rule('sagemaker.quota.concurrent-jobs'),
  concurrentIterations: rule('sfn.map.concurrent-iterations'),
  formatNumber: rule('asl.intrinsic.format-number'),
  jsonata: rule('sfn.jsonata.evaluation'),
  abort: rule('sfn.stop-execution'),
  timeoutStop: rule('sfn.sync.stop-on-machine-timeout'),
  abortHistory: rule('sfn.history.aborted-task'),
  queryEvaluation: rule('sfn.jsonata-undefined'),
  rr: rule('sfn.sagemaker.request-response-result'),
  history: rule('sfn.history.events'),
  validation: rule('sagemaker.validation'),
  invalidDefinition: rule('sfn.create.invalid-definition'),
  fieldNames: rule('sfn.parameters.field-names-checked-at-creation'),
  unsupportedResource: rule('sfn.sagemaker.unsupported-resource-refused-at-creation'),
  pathUnresolved: rule('sfn.path-unresolved-runtime'),
  uncatchable: rule('asl.runtime-uncatchable'),
  namesUnique: rule('sagemaker.names.unique'),
  eventsWhenPollingDenied: rule('sfn.sync.events-when-polling-denied'),
  missingEndpoint: MISSING_ENDPOINT_ON_UPDATE.provenance,
} as const;

/** Retry and Catch matching (asl.retry, asl.task-failed-wildcard). */
export const matches = (errorEquals: readonly string[], error: string): boolean =>
  error !== 'States.Runtime' &&
  errorEquals.some(
    (name) =>
      name === error || name === 'States.ALL' || (name === 'States.TaskFailed' && error !== 'States.Timeout'),
  );

/** The rules a prediction rests on, each once (a retried task uses the same rules again). */
export class RulesUsed {
  private readonly rules = new Set<Provenance>();
  constructor(...first: Provenance[]) {
    this.push(...first);
  }
  /** Adds rules the prediction rests on (those already there stay where they are). */
  push(...rules: Provenance[]): void {
    for (const used of rules) this.rules.add(used);
  }
  /** The rules, in the order first used. */
  get list(): Provenance[] {
    return [...this.rules];
  }
}

/** What shapes a state's data: JSONPath's data-flow fields, or a JSONata state's expressions. */
export const flowRule = (queryLanguage: 'JSONPath' | 'JSONata'): Provenance =>
  queryLanguage === 'JSONata' ? RULES.jsonata : RULES.dataFlow;
