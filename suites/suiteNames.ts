/** The suites, by name: a module of its own so that `--help` names them without loading them. */
export const SUITE_NAMES = ['sufficiency', 'necessity', 'outcome', 'patterns', 'validation'] as const;
/** A suite's name. */
export type SuiteName = (typeof SUITE_NAMES)[number];
