/**
 * The library: what a user's own property tests import from `sfn-sagemaker-conformance`. The
 * package's `exports` name this file only; everything else is internal and may change between
 * versions (as fast-check keeps its `_internals` apart).
 *
 * - Case arbitraries: `validCaseArb`, `invalidCaseArb` (fast-check), and `withId` to give a drawn
 *   case the id and replay coordinates the runner and targets expect.
 * - Oracles: `predictExecution` (created, calls with IAM decisions, status, error, cause, output,
 *   history) and `predictPolicy` (the policy Step Functions would generate for a definition).
 * - The emulator: `EmulatedStepFunctions` (`createStateMachine`, `startExecution`, `awaitExecution`),
 *   with Step Functions Local mock configurations (`parseMockConfig`, `selectMockCase`) for the
 *   tasks of other services.
 * - The runner: `runSuites` with a `Target` of your own (or `EmbeddedTarget`), `SUITES`, `compare`;
 *   `streamSuites` gives each case as it is in, in the report's order, and holds none (a `Tally`
 *   counts them, keeping the divergences and errors whole).
 * - The schemas of what the tool writes: `ReportSchema`, `CaseResultSchema`, `CaseEntrySchema`,
 *   `RegressionReportSchema`, `ExpectationsSchema` (zod).
 */
export { validCaseArb, type CaseFilter } from './generators/case.js';
export type { Case, CaseContent } from './contracts/case.js';
export { invalidCaseArb, withId } from './generators/invalidCase.js';
export { predictExecution } from './oracles/outcome/predictExecution.js';
export type { Prediction, CallRecord } from './contracts/prediction.js';
export { predictPolicy } from './oracles/policy/predictPolicy.js';
export { EmulatedStepFunctions, StepFunctionsError } from './emulator/stepFunctions.js';
export {
  MockConfigError,
  parseMockConfig,
  selectMockCase,
  type MockCase,
  type MockConfig,
} from './emulator/mock/mockConfig.js';
export { evaluate } from './suites/caseRun.js';
export { runSuites, streamSuites, type RunHead, type RunOptions, type WholeReport } from './suites/runner.js';
export { SUITES, SUITE_NAMES, type Suite, type SuiteName } from './suites/suites.js';
export { EmbeddedTarget } from './suites/targets/embedded.js';
export type { Observation } from './contracts/observation.js';
export type { Target, TargetCapabilities } from './contracts/target.js';
export { compare, type Aspect, type Difference } from './reports/compare.js';
export {
  CaseEntrySchema,
  CaseResultSchema,
  ReportSchema,
  type CaseEntry,
  type CaseResult,
  type Report,
} from './reports/report.js';
export { Tally, type ReportSummary, type TallyData } from './reports/tally.js';
export { RegressionReportSchema, type RegressionReport } from './reports/regression/report.js';
export { ExpectationsSchema, type Expectations } from './reports/expectations.js';
