/** The suites, by name: a module of its own so that `--help` names them without loading them. */
export const SUITE_NAMES = ['sufficiency', 'necessity', 'outcome', 'patterns', 'validation'] as const;
/** A suite's name. */
export type SuiteName = (typeof SUITE_NAMES)[number];
/**
 * The suites `run --target teststate` decides: TestState runs one state with its SageMaker answer
 * mocked, so it decides data flow, Retry and Catch (outcome); the IAM suites (sufficiency,
 * necessity), the integration's own output (patterns) and SageMaker's request checks (validation)
 * need the calls made, which only a full execution makes.
 */
export const TEST_STATE_SUITES: readonly SuiteName[] = ['outcome'];
