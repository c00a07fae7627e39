/**
 * Cases around a user's own definition (`run --definition`): the definition stays as written; the
 * execution input, the execution's name, the world scenario and the policy variant are drawn
 * around it, as for a drawn machine (generators/case.ts). The input gives every member the
 * definition's paths read (`$.x`, `$$.Execution.Input.x`, `$states.input.x`) a value: where the
 * member feeds a SageMaker request, a valid value of that member, taken from a valid request drawn
 * for the task's API.
 */
import fc from 'fast-check';
import type { Api, StateMachineType } from '../catalog/api.js';
import { findShape } from '../apimodel/lookup.js';
import { SAGEMAKER_APIS } from '../catalog/sagemakerApis.js';
import {
  planTasks,
  type FlowPlan,
  type JsonPath,
  type MachinePlan,
  type PlanValue,
  type TaskPlan,
  type ValueSource,
} from '../contracts/casePlan.js';
import type { CaseContent, PolicyVariant } from '../contracts/case.js';
import { predictExecution } from '../oracles/outcome/predictExecution.js';
import { planWrappers, predictedPolicy, primaryTask, type PolicyChoice } from './case.js';
import { applyPolicyVariant, policyVariantArb, TAKING_AWAY } from './policyVariant.js';
import { REQUEST_ARBITRARIES } from './requests.js';
import { scenarioArb } from './scenario.js';
import { ACCOUNT, REGION, resourceNameArb } from './values.js';

/** A user's definition as `run --definition` reads it: the file, the definition and its plan. */
export interface UserDefinition {
  /** The file it was read from, as the user named it (for replay commands). */
  readonly file: string;
  readonly definition: Record<string, unknown>;
  readonly type: StateMachineType;
  /** The plan the oracle reads; `plan.unmodelled` where some states are not modelled. */
  readonly plan: MachinePlan;
}

/** A value the execution input must hold at a path. */
interface Need {
  readonly path: JsonPath;
  readonly value: fc.Arbitrary<unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` put at `path` of `target` (in place), where nothing already there is in the way: a
 * number makes a list (its earlier places hold the same value), a name an object.
 */
function put(target: Record<string, unknown>, path: JsonPath, value: unknown): void {
  let node: Record<string | number, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    const nextIsIndex = typeof path[i + 1] === 'number';
    if (Array.isArray(node) !== (typeof key === 'number')) return;
    const holder = node as Record<string | number, unknown>;
    if (last) {
      if (holder[key] !== undefined) return;
      if (Array.isArray(node)) for (let k = node.length; k < (key as number); k++) node[k] = value;
      holder[key] = value;
      return;
    }
    let child = holder[key];
    if (child === undefined) {
      child = nextIsIndex ? [] : {};
      if (Array.isArray(node)) for (let k = node.length; k < (key as number); k++) node[k] = {};
      holder[key] = child;
    }
    if (nextIsIndex ? !Array.isArray(child) : !isPlainObject(child)) return;
    node = child as Record<string | number, unknown>;
  }
}

/** An object holding every need (the first need at a place wins; one in the way of another is left out). */
function objectArb(needs: readonly Need[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...needs.map((n) => n.value)).map((values) => {
    const out: Record<string, unknown> = {};
    needs.forEach((n, i) => {
      if (n.path.length > 0) put(out, n.path, values[i]);
    });
    return out;
  });
}

/** The member's value in a request (undefined where the request has none). */
function memberOf(request: unknown, at: JsonPath): unknown {
  let v = request;
  for (const k of at)
    v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

const tokenArb = resourceNameArb(16);

/**
 * A value of the member's type by the API model, for a member the drawn request does not have:
 * an object or list (empty), an enum's first value, a number in its bounds, an S3 URI or a role
 * ARN where the member's name says it is one, else a plain string.
 */
function modelValue(api: Api, at: JsonPath): unknown {
  const shape = findShape(api, ...at.map((k) => (typeof k === 'number' ? '[]' : k)));
  switch (shape?.type) {
    case 'structure':
    case 'map':
      return {};
    case 'list':
      return [];
    case 'boolean':
      return true;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Math.max(shape.min ?? 1, 1);
    case 'string': {
      if (shape.enum?.[0] !== undefined) return shape.enum[0];
      const member = String(at.filter((k) => typeof k === 'string').at(-1) ?? '');
      if (/(Uri|Url|Path)$/.test(member)) return 's3://amzn-s3-demo-bucket/input/data';
      if (/RoleArn$/.test(member)) return `arn:aws:iam::${ACCOUNT}:role/SageMakerRole`;
      return 'value';
    }
    default:
      return 'value';
  }
}

/** What one dynamic member needs of its sources: a value for each source it reads from the input. */
function memberNeeds(
  value: PlanValue,
  request: fc.Arbitrary<unknown>,
  api: Api,
  at: JsonPath,
  place: (source: ValueSource) => JsonPath | undefined,
): Need[] {
  const whole = request.map((r) => memberOf(r, at) ?? modelValue(api, at));
  const needOf = (source: ValueSource, arb: fc.Arbitrary<unknown>): Need[] => {
    const path = place(source);
    return path ? [{ path, value: arb }] : [];
  };
  switch (value.given) {
    case 'path':
      return needOf(value.source, whole);
    case 'parse':
      return needOf(
        value.source,
        whole.map((v) => JSON.stringify(v)),
      );
    case 'format':
      return value.args.flatMap((a) => needOf(a, tokenArb));
    case 'jsonata': {
      const sources = value.parts.filter((p): p is ValueSource => 'from' in p);
      if (sources.length === 1 && value.parts.length === 1) return needOf(sources[0]!, whole);
      return sources.flatMap((s) => needOf(s, tokenArb));
    }
    case 'opaque':
      return [];
  }
}

/** What a task reads of its input and of the execution input. */
function taskNeeds(task: TaskPlan, prefix: JsonPath, execution: Need[]): Need[] {
  const request = REQUEST_ARBITRARIES[task.api] as fc.Arbitrary<unknown>;
  const effective = [...prefix, ...(task.queryLanguage === 'JSONPath' ? (task.inputPath ?? []) : [])];
  const own: Need[] = [];
  for (const d of task.request.dynamic) {
    const needs = memberNeeds(d.value, request, task.api, d.at, (source) => {
      if (source.from === 'input') return [...effective, ...source.path];
      if (source.from === 'executionInput') {
        execution.push(...memberNeeds({ given: 'path', source }, request, task.api, d.at, () => source.path));
        return undefined;
      }
      return undefined;
    });
    own.push(...needs);
  }
  for (const c of task.catch)
    if (c.target.kind === 'task') own.push(...taskNeeds(c.target.task, prefix, execution));
  return own;
}

/** What a flow reads of its input (at `prefix` in it), and (into `execution`) of the execution input. */
function flowNeeds(flow: FlowPlan, prefix: JsonPath, execution: Need[]): Need[] {
  const out: Need[] = [];
  for (const step of flow.steps) {
    switch (step.kind) {
      case 'task':
        out.push(...taskNeeds(step, prefix, execution));
        break;
      case 'choose':
        out.push({ path: [...prefix, ...step.flag], value: fc.boolean() });
        out.push(
          ...flowNeeds(step.whenTrue, prefix, execution),
          ...flowNeeds(step.otherwise, prefix, execution),
        );
        break;
      case 'parallel':
        for (const b of step.branches) out.push(...flowNeeds(b, prefix, execution));
        break;
      case 'map': {
        if (step.queryLanguage === 'JSONata') {
          // The input is the only item.
          out.push(...flowNeeds(step.iteration, prefix, execution));
          break;
        }
        // One item: names are unique in an account, two iterations would collide.
        const inner = flowNeeds(step.iteration, [], execution).flatMap((n) => {
          if (step.itemAs === undefined) return [n];
          return n.path[0] === step.itemAs ? [{ ...n, path: n.path.slice(1) }] : [];
        });
        out.push({ path: [...prefix, ...(step.itemsPath ?? []), 0], value: objectArb(inner) });
        break;
      }
      case 'pass':
      case 'check':
      case 'succeed':
        break;
    }
  }
  return out;
}

/** An execution input that gives what the plan's paths read. */
export function inputArb(plan: MachinePlan): fc.Arbitrary<Record<string, unknown>> {
  const execution: Need[] = [];
  const needs = flowNeeds(plan.flow, [], execution);
  return objectArb([...needs, ...execution]);
}

/** The actions the case's execution calls and is allowed, under the predicted policy. */
function exercisedActions(content: Omit<CaseContent, 'policyVariant'>): string[] {
  const calls = predictExecution(content).calls.value;
  return [...new Set(calls.filter((x) => x.decision === 'allowed').map((x) => x.action))];
}

/**
 * The cases of one user's definition: its input, execution name, scenario and policy variant
 * drawn (`withoutOne`: a variant that takes away a permission the execution exercises, or any of
 * the policy where the outcome is not predicted).
 */
export function userCaseArb(user: UserDefinition, policy: PolicyChoice): fc.Arbitrary<CaseContent> {
  const primary = primaryTask(user.plan);
  const nameField = SAGEMAKER_APIS[primary.api].nameField.value;
  const predicted = predictedPolicy(user.definition, REGION);
  const apis = [...new Set(planTasks(user.plan.flow).map((t) => t.api))];
  const frame = {
    api: primary.api,
    pattern: primary.pattern,
    resourceMode: primary.request.dynamic.some((d) => d.at[0] === nameField)
      ? ('dynamic' as const)
      : ('static' as const),
    queryLanguage: primary.queryLanguage,
    shape: user.plan.shape,
    wrappers: planWrappers(user.plan),
    stateMachineType: user.type,
    plan: user.plan,
    definition: user.definition,
    region: REGION,
    account: ACCOUNT,
    policy: predicted,
    validity: { valid: true } as const,
  };
  // Execution names double as job names through $$.Execution.Name: at most 32 characters (HPO),
  // and names SageMaker takes (where the definition builds a name from it, nothing tells).
  return fc
    .tuple(
      resourceNameArb(32),
      inputArb(user.plan),
      scenarioArb(primary.pattern, primary.timeoutSeconds, apis),
    )
    .chain(([executionName, input, scenario]) => {
      const base = { ...frame, executionName, input, scenario };
      let variants: fc.Arbitrary<PolicyVariant>;
      if (policy === 'withoutOne') {
        const exercised = user.plan.unmodelled === undefined ? exercisedActions(base) : [];
        variants = policyVariantArb(predicted, TAKING_AWAY, exercised.length > 0 ? exercised : undefined);
      } else variants = policyVariantArb(predicted, ['predicted']);
      return variants.map((policyVariant): CaseContent => ({
        ...base,
        policyVariant,
        policy: applyPolicyVariant(predicted, policyVariant),
      }));
    });
}
