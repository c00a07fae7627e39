/**
 * The generated test case (design.md, "Core types"): a state machine with its execution input, the
 * execution role's policy (predicted, or a named variant), the world scenario, the replay
 * coordinates, and an id that is a stable hash of the content.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Api, Pattern, QueryLanguage, ResourceMode, StateMachineType } from '../catalog/api.js';
import type { PolicyDocument } from '../iam/policy.js';
import { DEFAULT_OPTIONS } from '../oracles/options.js';
import { predictPolicy } from '../oracles/policy/predictPolicy.js';
import { applyPolicyVariant, policyVariantArb, type PolicyVariant } from './policyVariant.js';
import { scenarioArb, type WorldScenario } from './scenario.js';
import { stateMachineArb, type MachineShape } from './stateMachine.js';
import type { Wrapper } from './taskState.js';
import { ACCOUNT, REGION, resourceNameArb } from './values.js';

export type Validity = { readonly valid: true } | { readonly valid: false; readonly violation: string };

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

export interface CaseFilter {
  readonly api?: Api;
  readonly pattern?: Pattern;
  readonly queryLanguage?: QueryLanguage;
  readonly shape?: MachineShape;
  /** Only this kind of policy variant. */
  readonly variant?: PolicyVariant['kind'];
}

/** Valid cases: every request passes the validator and every definition passes `validate`. */
export function validCaseArb(filter: CaseFilter = {}): fc.Arbitrary<CaseContent> {
  // Execution names double as job names through $$.Execution.Name: at most 32 characters (HPO).
  return resourceNameArb(32).chain((executionName) =>
    stateMachineArb({
      ...(filter.api ? { api: filter.api } : {}),
      ...(filter.pattern ? { pattern: filter.pattern } : {}),
      ...(filter.queryLanguage ? { queryLanguage: filter.queryLanguage } : {}),
      ...(filter.shape ? { shape: filter.shape } : {}),
      executionName,
    }).chain((machine) => {
      const primary = machine.tasks[0]!;
      const predicted = predictPolicy(machine.definition, {
        ...DEFAULT_OPTIONS,
        region: REGION,
        account: ACCOUNT,
      });
      if (!predicted.ok)
        throw new Error(`generated definition rejected: ${JSON.stringify(predicted.problems)}`);
      return fc
        .tuple(scenarioArb(primary.pattern), policyVariantArb(predicted.document))
        .map(([scenario, policyVariant]) => ({
          api: primary.api,
          pattern: primary.pattern,
          resourceMode: primary.resourceMode,
          queryLanguage: primary.queryLanguage,
          shape: machine.shape,
          wrappers: [...new Set(machine.tasks.flatMap((t) => t.wrappers))].sort(),
          stateMachineType: 'STANDARD' as const,
          definition: machine.definition,
          input: machine.input,
          executionName,
          region: REGION,
          account: ACCOUNT,
          scenario,
          policyVariant,
          policy: applyPolicyVariant(predicted.document, policyVariant),
          validity: { valid: true } as const,
        }));
    }),
  );
}
