/**
 * The emulator's rules that a deliberate deviation (emulator/mutants/) may change, by name: those
 * of the Step Functions API (this file), of the SageMaker integration and service
 * (sagemaker/behaviour.ts) and of ASL (engine/behaviour.ts). EMULATOR_BEHAVIOUR, the default, is
 * every rule as AWS has it.
 */
import type { PolicyDocument } from '../contracts/iamPolicy.js';
import { ASL_BEHAVIOUR, type AslBehaviour } from './engine/behaviour.js';
import { SAGEMAKER_BEHAVIOUR, type SageMakerBehaviour } from './sagemaker/behaviour.js';

/** An API error's code and message. */
export interface ApiRefusal {
  readonly code: string;
  readonly message: string;
}

/** What CreateStateMachine asks. */
export interface StepFunctionsBehaviour {
  /** The role's policy document as it is loaded for the execution's calls. */
  policyAsLoaded(document: PolicyDocument): PolicyDocument;
  /** Whether creation authorizes the EventBridge managed rule of each `.sync` task (sfn.managed-rule.needed-at-creation). */
  readonly authorizesManagedRules: boolean;
  /** The refusal of a creation whose role may not create the managed rule of an API's `.sync`. */
  managedRuleRefusal(api: string, roleArn: string): ApiRefusal;
}

/** Every rule the emulator asks by name. */
export type EmulatorBehaviour = StepFunctionsBehaviour & SageMakerBehaviour & AslBehaviour;

/** The Step Functions API as AWS has it. */
export const STEP_FUNCTIONS_BEHAVIOUR: StepFunctionsBehaviour = {
  policyAsLoaded: (document) => document,
  authorizesManagedRules: true,
  managedRuleRefusal: (_api, roleArn) => ({
    code: 'AccessDeniedException',
    message: `'${roleArn}' is not authorized to create managed-rule.`,
  }),
};

/** Every rule as AWS has it: the emulator without deviations. */
export const EMULATOR_BEHAVIOUR: EmulatorBehaviour = {
  ...STEP_FUNCTIONS_BEHAVIOUR,
  ...SAGEMAKER_BEHAVIOUR,
  ...ASL_BEHAVIOUR,
};
