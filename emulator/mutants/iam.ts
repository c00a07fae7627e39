/** Mutants of the calls made as the execution role and their decisions (emulator/mutants/index.ts). */
import type { PolicyDocument } from '../../contracts/iamPolicy.js';
import type { MutantName } from './index.js';
import type { Mutant } from './mutant.js';

/** A policy document with its Deny statements dropped. */
function withoutDenies(document: PolicyDocument): PolicyDocument {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return { ...document, Statement: statements.filter((s) => s.Effect !== 'Deny') };
}

/** The IAM mutants, each the rules it changes. */
export const IAM_MUTANTS = {
  'passrole-not-checked': () => ({ authorizesPassRole: false }),
  'passrole-without-service': () => ({ passRoleContext: {} }),
  'explicit-deny-ignored': (rules) => ({
    policyAsLoaded: (document) => rules.policyAsLoaded(withoutDenies(document)),
  }),
  'related-resource-not-checked': () => ({ relatedResources: () => [] }),
  'related-resource-wrong-type': (rules) => ({
    relatedResources: (related, createdType) =>
      rules
        .relatedResources(related, createdType)
        .map((resource) => ({ ...resource, arnResourceType: createdType })),
  }),
  'arn-name-not-lowercased': () => ({ resourceArnName: (name) => name }),
  'managed-rule-not-checked': () => ({ authorizesManagedRules: false }),
  'managed-rule-denial-invalid': () => ({
    managedRuleRefusal: (api) => ({ code: 'InvalidDefinition', message: `SCHEMA_VALIDATION_FAILED: ${api}` }),
  }),
  'addtags-not-checked': () => ({ authorizesAddTags: () => false }),
  'addtags-without-tags': () => ({ authorizesAddTags: () => true }),
  'listtags-not-checked': () => ({ authorizesListTags: false }),
  'describe-denied-fails-task': () => ({ deniedPollFailsTask: true }),
  'access-denied-cause-generic': () => ({ accessDeniedMessage: () => 'Access denied' }),
} satisfies Partial<Record<MutantName, Mutant>>;
