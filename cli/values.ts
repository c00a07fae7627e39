/**
 * The kinds of value commands take, each checked one way wherever it is given: regions, account
 * ids, execution names, seeds and other bounded integers.
 */
import { NAME_FORBIDDEN } from '../catalog/stepFunctionsLimits.js';
import { UsageError } from '../contracts/usageError.js';

/** A region name: `us-east-1`, `us-gov-west-1`, `cn-north-1`. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** A region option, checked. */
export function checkRegion(value: string, option = '--region'): string {
  if (!REGION.test(value))
    throw new UsageError('bad-option', `${option} "${value}" is not a region name; use one like us-east-1`);
  return value;
}

/** An account option, checked: 12 digits. */
export function checkAccount(value: string, option = '--account'): string {
  if (!ACCOUNT.test(value))
    throw new UsageError('bad-option', `${option} "${value}" is not a 12-digit AWS account id`);
  return value;
}

/** An execution name option, checked as Step Functions checks names. */
export function checkExecutionName(value: string, option = '--name'): string {
  const length = [...value].length;
  if (length < 1 || length > 80)
    throw new UsageError(
      'bad-option',
      `${option} "${value}" has ${length} characters; an execution name has 1 to 80`,
    );
  const bad = NAME_FORBIDDEN.value.exec(value);
  if (bad)
    throw new UsageError(
      'bad-option',
      `${option} "${value}" contains ${JSON.stringify(bad[0])}, which Step Functions' names may not (no spaces, brackets, wildcards or any of " # % \\ ^ | ~ \` $ & , ; : /)`,
    );
  return value;
}

/** An integer option within bounds. */
export function integer(value: string, option: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError('bad-option', `${option} "${value}" must be an integer from ${min} to ${max}`);
  return n;
}

/** A seed: 0 to 2^32 - 1, what fast-check's generator takes. */
export const checkSeed = (value: string, option = '--seed'): number => integer(value, option, 0, 2 ** 32 - 1);

/** The most cases a suite of `run` draws (`--runs`); a case's index is below it. */
export const MAX_RUNS = 1_000_000;
