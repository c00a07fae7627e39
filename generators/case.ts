/**
 * The generated test case (docs/architecture.md, "Core types"): a case plan rendered to a state machine with
 * its execution input, the execution role's policy (predicted, or a named variant), the world
 * scenario, the replay coordinates, and an id that is a stable hash of the content.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Api, Pattern, QueryLanguage } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import { DEFAULT_OPTIONS } from '../oracles/options.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { taskCalls } from '../oracles/calls/taskCalls.js';
import { policyOfCalls, predictPolicy } from '../oracles/policy/predictPolicy.js';
import { planTasks, type MachinePlan, type MachineShape, type TaskPlan } from '../contracts/casePlan.js';
import type { DrawnMachine } from './machine/drawnMachine.js';
import { machinePlanArb } from './machinePlan.js';
import { applyPolicyVariant, policyVariantArb, TAKING_AWAY } from './policyVariant.js';
import { renderMachine } from './render.js';
import { scenarioArb } from './scenario.js';
import { relocate } from './relocate.js';
import { ACCOUNT, REGION, executionNameArb } from './values.js';
import { WRAPPERS, type CaseContent, type PolicyVariant, type Wrapper } from '../contracts/case.js';

/** The value with the keys of every object in sorted order (the value itself where they already are). */
function sortedKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const n = sortedKeys(v[i]);
      if (n !== v[i]) (out ??= v.slice())[i] = n;
    }
    return out ?? v;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) if (keys[i - 1]! > keys[i]!) sorted = false;
  if (!sorted) {
    const out: Record<string, unknown> = {};
    for (const k of keys.sort()) out[k] = sortedKeys(obj[k]);
    return out;
  }
  let out: Record<string, unknown> | undefined;
  for (const k of keys) {
    const n = sortedKeys(obj[k]);
    if (n !== obj[k]) (out ??= { ...obj })[k] = n;
  }
  return out ?? v;
}

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) ?? 'null';
}

/**
 * A case's id: a hash of what determines its execution: the definition, the input, the execution's
 * name, the world, the policy variant, the validity, where it runs. What is derived from these
 * (the plan the definition is rendered from, the policy of the variant, the labels) adds nothing
 * to tell cases apart and is left out.
 */
export function caseId(content: CaseContent): string {
  const { definition, input, executionName, scenario, policyVariant, validity } = content;
  const { stateMachineType, region, account } = content;
  const hashed = {
    definition,
    input,
    executionName,
    scenario,
    policyVariant,
    validity,
    stateMachineType,
    region,
    account,
  };
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex').slice(0, 16);
}

/** The policy a case's role gets. */
export type PolicyChoice =
  /** Exactly the predicted policy. */
  | 'predicted'
  /** The predicted policy with one permission the case exercises taken away. */
  | 'withoutOne';

/** What the cases are drawn for: an API, pattern, query language, machine shape or policy variant. */
export interface CaseFilter {
  readonly api?: Api;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  readonly shape?: MachineShape;
  /** Absent: a mix of every policy variant. */
  readonly policy?: PolicyChoice;
}

/** The wrappers of a plan. */
export function planWrappers(plan: MachinePlan): Wrapper[] {
  const found = new Set<Wrapper>();
  for (const t of planTasks(plan.flow)) {
    if (t.retry.length > 0) found.add('Retry');
    if (t.catch.length > 0) found.add('Catch');
    if (t.timeoutSeconds !== undefined) found.add('TimeoutSeconds');
    if (t.heartbeatSeconds !== undefined) found.add('HeartbeatSeconds');
    if (t.inputPath) found.add('InputPath');
    if (t.resultSelector) found.add('ResultSelector');
    if (t.resultPath !== undefined) found.add('ResultPath');
    if (t.outputPath) found.add('OutputPath');
    if (t.output) found.add('Output');
    if (t.assign) found.add('Assign');
  }
  if (plan.timeoutSeconds !== undefined) found.add('StateMachineTimeout');
  return WRAPPERS.filter((w) => found.has(w));
}

/** The case's first SageMaker task: its API, pattern and name mode label the case. */
export function primaryTask(plan: MachinePlan): TaskPlan {
  return planTasks(plan.flow)[0]!;
}

/** Everything of a case but its scenario, policy and validity. */
export function caseFrame(drawn: DrawnMachine, executionName: string) {
  const primary = primaryTask(drawn.plan);
  const nameField = SAGEMAKER_APIS[primary.api].nameField.value;
  return {
    api: primary.api,
    pattern: primary.pattern,
    resourceMode: primary.request.dynamic.some((d) => d.at[0] === nameField)
      ? ('dynamic' as const)
      : ('static' as const),
    queryLanguage: primary.queryLanguage,
    shape: drawn.plan.shape,
    wrappers: planWrappers(drawn.plan),
    stateMachineType: 'STANDARD' as const,
    plan: drawn.plan,
    definition: renderMachine(drawn.plan),
    input: drawn.input,
    executionName,
    region: REGION,
    account: ACCOUNT,
  };
}

const OPTIONS = { ...DEFAULT_OPTIONS, region: REGION, account: ACCOUNT };

/** The policy Step Functions would generate for the definition (what `policy` prints). */
export function predictedPolicy(definition: Record<string, unknown>, region = REGION): PolicyDocument {
  const predicted = predictPolicy(definition, { ...OPTIONS, region });
  if (!predicted.ok) throw new Error(`generated definition rejected: ${JSON.stringify(predicted.problems)}`);
  return predicted.document;
}

/**
 * The same, read from the plan the definition is rendered from (without parsing it back):
 * suites/suites.test.ts holds it equal to `predictedPolicy` of the definition.
 */
function planPolicy(plan: MachinePlan): PolicyDocument {
  const calls = planTasks(plan.flow).flatMap(
    (task, i) =>
      taskCalls(
        {
          state: task.name,
          pointer: String(i),
          api: task.api,
          pattern: task.pattern,
          partition: 'aws',
          request: task.request,
        },
        OPTIONS,
      ).calls,
  );
  return policyOfCalls(calls).document;
}

/** The share of a necessity case's `.sync` cases that StopExecution stops. */
const NECESSITY_ABORT_SHARE = 0.4;

/** The best-effort Stop<X>Job actions of the job APIs (sfn.sync.stop-on-abort). */
const STOP_ACTIONS: readonly string[] = Object.values(SAGEMAKER_APIS).flatMap((facts) =>
  facts.job ? [facts.job.stopAction.value] : [],
);

/** The actions the case's execution calls and is allowed, under the predicted policy: what a necessity case may take away. */
function exercisedActions(content: Omit<CaseContent, 'policyVariant'>): string[] {
  const calls = predictExecution(content).calls.value;
  return [...new Set(calls.filter((x) => x.decision === 'allowed').map((x) => x.action))];
}

/**
 * The region a case runs in: mostly the one it is drawn in, now and then another of its partition,
 * China's or GovCloud's (their ARNs, registries and S3 hosts differ).
 */
const regionArb = fc.oneof(
  { weight: 14, arbitrary: fc.constant(REGION) },
  { weight: 2, arbitrary: fc.constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2') },
  { weight: 2, arbitrary: fc.constantFrom('cn-north-1', 'cn-northwest-1') },
  { weight: 2, arbitrary: fc.constantFrom('us-gov-west-1', 'us-gov-east-1') },
);

/** Valid cases: every request passes the validator and every definition passes `validate`. */
export function validCaseArb(filter: CaseFilter = {}): fc.Arbitrary<CaseContent> {
  // Execution names double as job names through $$.Execution.Name: at most 32 characters (HPO).
  return executionNameArb(32)
    .chain((executionName) =>
      machinePlanArb({
        ...(filter.api ? { api: filter.api } : {}),
        ...(filter.pattern ? { pattern: filter.pattern } : {}),
        ...(filter.queryLanguage ? { queryLanguage: filter.queryLanguage } : {}),
        ...(filter.shape ? { shape: filter.shape } : {}),
        executionName,
      }).chain((drawn) => {
        const frame = caseFrame(drawn, executionName);
        const predicted = planPolicy(drawn.plan);
        const primary = primaryTask(drawn.plan);
        const apis = [...new Set(planTasks(drawn.plan.flow).map((t) => t.api))];
        // Taking a permission away, StopExecution is drawn more often: a denied best-effort
        // Stop<X>Job (the job runs on) shows only where an abort meets a running job.
        const abortShare = filter.policy === 'withoutOne' ? NECESSITY_ABORT_SHARE : undefined;
        const overJobs = drawn.plan.shape === 'map';
        return scenarioArb(primary.pattern, primary.timeoutSeconds, apis, abortShare, overJobs).chain(
          (scenario) => {
            const base = { ...frame, scenario, policy: predicted, validity: { valid: true } as const };
            let variants: fc.Arbitrary<PolicyVariant>;
            if (filter.policy === 'withoutOne') {
              const exercised = exercisedActions(base);
              // Nothing allowed to take away (the create itself is denied): drawn again.
              if (exercised.length === 0) return fc.constant(undefined);
              // A denied best-effort Stop<X>Job shows only where an abort meets a running job: favoured.
              variants = policyVariantArb(predicted, TAKING_AWAY, exercised, STOP_ACTIONS);
            } else
              variants = policyVariantArb(
                predicted,
                filter.policy === 'predicted' ? ['predicted'] : undefined,
              );
            return fc
              .tuple(variants, regionArb)
              .map(([policyVariant, region]): CaseContent =>
                relocate(
                  { ...base, policyVariant, policy: applyPolicyVariant(predicted, policyVariant) },
                  { account: ACCOUNT, region: REGION },
                  { account: ACCOUNT, region },
                ),
              );
          },
        );
      }),
    )
    .filter((c): c is CaseContent => c !== undefined);
}
