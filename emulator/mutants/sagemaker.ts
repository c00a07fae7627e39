/** Mutants of SageMaker: validation, names, references, errors (emulator/mutants/index.ts). */
import { validateRequest } from '../../validation/validateRequest.js';
import type { MutantName } from './index.js';
import type { Mutant } from './mutant.js';

/** The SageMaker mutants, each the rules it changes. */
export const SAGEMAKER_MUTANTS = {
  'request-validation-off': () => ({ requestViolations: () => [] }),
  'runtime-values-not-validated': () => ({
    requestViolations: (api, task) => validateRequest(api, task.template, task.templateLanguage),
  }),
  'references-not-checked': () => ({ checksReferences: false }),
  'missing-reference-not-found': () => ({ missingReferenceError: 'ResourceNotFound' }),
  'cross-account-role-passed': () => ({ refusesForeignRole: false }),
  'names-not-unique': () => ({ namesUnique: false }),
  'duplicate-resource-in-use': () => ({ duplicateError: () => 'ResourceInUse' }),
  'create-error-generic': () => ({ errorName: () => 'SageMaker.AmazonSageMakerException' }),
  'throttling-retried-internally': (rules) => ({
    retriesInternally: (code) => code === 'ThrottlingException' || rules.retriesInternally(code),
  }),
} satisfies Partial<Record<MutantName, Mutant>>;
