/**
 * The generated test case (design.md, "Core types"): a case plan rendered to a state machine with
 * its execution input, the execution role's policy (predicted, or a named variant), the world
 * scenario, the replay coordinates, and an id that is a stable hash of the content.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Api, Pattern, QueryLanguage, ResourceMode, StateMachineType } from '../catalog/api.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import type { PolicyDocument } from '../iam/policy.js';
import { DEFAULT_OPTIONS } from '../oracles/options.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { predictPolicy } from '../oracles/policy/predictPolicy.js';
import {
  planTasks,
  type Breakage,
  type MachinePlan,
  type MachineShape,
  type TaskPlan,
} from '../plan/casePlan.js';
import { machinePlanArb, type DrawnMachine } from './machinePlan.js';
import { applyPolicyVariant, policyVariantArb, TAKING_AWAY, type PolicyVariant } from './policyVariant.js';
import { renderMachine } from './render.js';
import { scenarioArb, type WorldScenario } from './scenario.js';
import { ACCOUNT, REGION, resourceNameArb } from './values.js';

export type Validity =
  { readonly valid: true } | { readonly valid: false; readonly violation: string; readonly breaks: Breakage };

/** The wrappers a case's tasks carry (for `sample --stats` and the report). */
export type Wrapper =
  | 'Retry'
  | 'Catch'
  | 'TimeoutSeconds'
  | 'HeartbeatSeconds'
  | 'InputPath'
  | 'ResultSelector'
  | 'ResultPath'
  | 'OutputPath'
  | 'Output'
  | 'Assign'
  | 'StateMachineTimeout';

export const WRAPPERS: readonly Wrapper[] = [
  'Retry',
  'Catch',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'InputPath',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'StateMachineTimeout',
];

export interface Case {
  /** A stable hash of everything below but the replay coordinates. */
  readonly id: string;
  readonly api: Api;
  readonly pattern: Pattern;
  readonly resourceMode: ResourceMode;
  readonly queryLanguage: QueryLanguage;
  readonly shape: MachineShape;
  readonly wrappers: readonly Wrapper[];
  readonly stateMachineType: StateMachineType;
  /** What the oracles read. */
  readonly plan: MachinePlan;
  /** The plan rendered (an invalid case: with its one problem). */
  readonly definition: Record<string, unknown>;
  readonly input: Record<string, unknown>;
  /** The execution's name (a valid SageMaker name, since `$$.Execution.Name` may name a job). */
  readonly executionName: string;
  readonly region: string;
  readonly account: string;
  readonly scenario: WorldScenario;
  readonly policyVariant: PolicyVariant;
  readonly policy: PolicyDocument;
  readonly validity: Validity;
  readonly replay: { readonly seed: number; readonly path: string };
}

export type CaseContent = Omit<Case, 'id' | 'replay'>;

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++)
      out += (i ? ',' : '') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
    first = false;
  }
  return `${out}}`;
}

export function caseId(content: CaseContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16);
}

/** The policy a case's role gets. */
export type PolicyChoice =
  /** Exactly the predicted policy. */
  | 'predicted'
  /** The predicted policy with one permission the case exercises taken away. */
  | 'withoutOne';

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

/** The policy Step Functions would generate for the definition. */
export function predictedPolicy(definition: Record<string, unknown>): PolicyDocument {
  const predicted = predictPolicy(definition, { ...DEFAULT_OPTIONS, region: REGION, account: ACCOUNT });
  if (!predicted.ok) throw new Error(`generated definition rejected: ${JSON.stringify(predicted.problems)}`);
  return predicted.document;
}

/** The actions the case's execution calls and is allowed, under the predicted policy: what a necessity case may take away. */
function exercisedActions(content: Omit<CaseContent, 'policyVariant'>): string[] {
  const calls = predictExecution(content).calls.value;
  return [...new Set(calls.filter((x) => x.decision === 'allowed').map((x) => x.action))];
}

/** Valid cases: every request passes the validator and every definition passes `validate`. */
export function validCaseArb(filter: CaseFilter = {}): fc.Arbitrary<CaseContent> {
  // Execution names double as job names through $$.Execution.Name: at most 32 characters (HPO).
  return resourceNameArb(32)
    .chain((executionName) =>
      machinePlanArb({
        ...(filter.api ? { api: filter.api } : {}),
        ...(filter.pattern ? { pattern: filter.pattern } : {}),
        ...(filter.queryLanguage ? { queryLanguage: filter.queryLanguage } : {}),
        ...(filter.shape ? { shape: filter.shape } : {}),
        executionName,
      }).chain((drawn) => {
        const frame = caseFrame(drawn, executionName);
        const predicted = predictedPolicy(frame.definition);
        const primary = primaryTask(drawn.plan);
        return scenarioArb(primary.pattern, primary.timeoutSeconds).chain((scenario) => {
          const base = { ...frame, scenario, policy: predicted, validity: { valid: true } as const };
          let variants: fc.Arbitrary<PolicyVariant>;
          if (filter.policy === 'withoutOne') {
            const exercised = exercisedActions(base);
            // Nothing allowed to take away (the create itself is denied): drawn again.
            if (exercised.length === 0) return fc.constant(undefined);
            variants = policyVariantArb(predicted, TAKING_AWAY, exercised);
          } else
            variants = policyVariantArb(predicted, filter.policy === 'predicted' ? ['predicted'] : undefined);
          return variants.map((policyVariant): CaseContent => ({
            ...base,
            policyVariant,
            policy: applyPolicyVariant(predicted, policyVariant),
          }));
        });
      }),
    )
    .filter((c): c is CaseContent => c !== undefined);
}
