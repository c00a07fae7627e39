/**
 * Which cases a command draws: --seed, --runs, --suite, --path. Each option is defined here once,
 * with one help text for every command.
 */
import { Option } from 'commander';
import { SUITE_NAMES } from '../../suites/suiteNames.js';

/** `--seed`: every random choice flows from it. */
export const seedOption = () =>
  new Option(
    '--seed <seed>',
    "seed of every random choice (default: drawn and printed; exec: 0; replay: the report's)",
  );

/** `--runs`: cases per suite. */
export const runsOption = () =>
  new Option('--runs <n>', 'cases per suite (regress: generated cases, without --definition)').default('100');

/** `--suite`: a suite of run (run takes several). */
export const suiteOption = () =>
  new Option(
    '--suite <suite>',
    `a suite: ${SUITE_NAMES.join(', ')} (run: repeat for several, default all; sample: the cases it draws, as run with its --seed; replay: which one a case is replayed from)`,
  );

/** `--path`: a case's index in its suite. */
export const pathOption = () =>
  new Option(
    '--path <i>',
    'index of the case in its suite (sample: print only that case; replay: without a report)',
  );
