/**
 * The generated test case (docs/architecture.md, "Core types"): a case plan rendered to a state machine with
 * its execution input, the execution role's policy (predicted, or a named variant), the world
 * scenario, the replay coordinates, and an id that is a stable hash of the content. Generators draw
 * cases (generators/case.ts); oracles predict them; targets run them.
 */
import type { Api, Pattern, QueryLanguage, ResourceMode, StateMachineType } from '../catalog/api.js';
import type { WorldScenario } from '../catalog/scenario.js';
import type { Breakage, MachinePlan, MachineShape } from './casePlan.js';
import type { PolicyDocument } from './iamPolicy.js';

/** The execution role's policy of a case: the predicted one, or a named mutation of it. */
export type PolicyVariant =
  | { readonly kind: 'predicted' }
  /** The predicted policy without one action (leave-one-out over the whole policy). */
  | { readonly kind: 'leaveOneOut'; readonly action: string }
  /** The grant of one action scoped to another resource name. */
  | { readonly kind: 'wrongResourceName'; readonly action: string }
  /** The PassRole statement without its iam:PassedToService condition. */
  | { readonly kind: 'missingPassRoleCondition' }
  /** The predicted policy plus a Deny of one action on every resource. */
  | { readonly kind: 'extraDeny'; readonly action: string };

/** The name of a policy variant. */
export type VariantKind = PolicyVariant['kind'];

/** Whether a case is valid, and if not, the one rule it breaks. */
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

/** Every wrapper a task may carry, in the order reports list them. */
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

/** One generated test: the state machine, its input, the role's policy, the world scenario and the replay coordinates. */
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

/** A case before it has an id and replay coordinates (what generators draw and shrinking changes). */
export type CaseContent = Omit<Case, 'id' | 'replay'>;
