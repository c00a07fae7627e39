/**
 * Where a command's cases run (run, replay) or what it cleans up (sweep): --target, --endpoint,
 * --emulator-mutant. Each option is defined here once; a command says which targets it takes and
 * what they are when not given.
 */
import { Option } from 'commander';
import { repeatable } from './repeatable.js';

/** What each target kind is. */
const TARGET_KINDS = {
  embedded: 'embedded (the built-in emulator)',
  aws: 'aws (a real account)',
  endpoint: 'endpoint (an AWS-compatible endpoint)',
  teststate: 'teststate (each SageMaker state alone through TestState, mocked: on AWS, or on --endpoint)',
} as const;

/** `a, b or c` (the last joined by "or", whatever commas the items hold). */
const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;

/** `--target`: the kinds the command takes, and what it is when not given (none: required). */
export const targetOption = (kinds: readonly (keyof typeof TARGET_KINDS)[], byDefault?: string) =>
  new Option(
    '--target <target>',
    `${orList(kinds.map((k) => TARGET_KINDS[k]))}; ${byDefault ? `default ${byDefault}` : 'required'}`,
  );

/** `--endpoint`: the URL of --target endpoint, and what it is when not given. */
export const endpointOption = (byDefault = "the SDK's configured endpoints") =>
  new Option(
    '--endpoint <url>',
    `AWS-compatible endpoint for --target endpoint or teststate (default: ${byDefault})`,
  );

/** `--emulator-mutant`: a deliberate deviation of the built-in emulator, repeatable. */
export const emulatorMutantOption = (
  what = '--target embedded: run the emulator with a deliberate deviation',
) =>
  repeatable(
    new Option('--emulator-mutant <name>', `${what} (repeat for several; run --list-mutants names them)`),
  );
