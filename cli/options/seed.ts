/**
 * Which cases a command draws: --seed, --runs, --suite, --path. Each option is defined here once; a
 * command says what it means for it (its default, what the option picks).
 */
import { Option } from 'commander';
import { SUITE_NAMES } from '../../suites/suiteNames.js';

/** `--seed`: every random choice flows from it; `byDefault` says what it is when not given. */
export const seedOption = (byDefault = 'drawn and printed') =>
  new Option('--seed <seed>', `seed of every random choice (default: ${byDefault})`);

/** `--runs`: how many cases the command draws. */
export const runsOption = (what = 'cases per suite') => new Option('--runs <n>', what).default('100');

/** `--suite`: one of the suites, `use` saying what the command does with it. */
export const suiteOption = (use: string) =>
  new Option('--suite <suite>', `${use}: ${SUITE_NAMES.join(', ')}`);

/** `--path`: a case's index in its suite, `use` saying what the command does with it. */
export const pathOption = (use: string) => new Option('--path <i>', `index of the case in its suite${use}`);
