/**
 * Where a command's cases run (run, replay) or what it cleans up (sweep): --target, --endpoint,
 * --emulator-mutant. Each option is defined here once, with one help text for every command.
 */
import { Option } from 'commander';
import { repeatable } from './repeatable.js';

/** `--target`: embedded, aws or endpoint. */
export const targetOption = () =>
  new Option(
    '--target <target>',
    "embedded (the built-in emulator), aws (a real account) or endpoint (an AWS-compatible endpoint); default embedded (replay: the report's target; sweep takes aws or endpoint)",
  );

/** `--endpoint`: the URL of --target endpoint. */
export const endpointOption = () =>
  new Option(
    '--endpoint <url>',
    "AWS-compatible endpoint for --target endpoint (default: the SDK's configured endpoints; replay: the report's)",
  );

/** `--emulator-mutant`: a deliberate deviation of the built-in emulator, repeatable. */
export const emulatorMutantOption = () =>
  repeatable(
    new Option(
      '--emulator-mutant <name>',
      '--target embedded: run the emulator with a deliberate deviation (repeat for several; run --list-mutants names them)',
    ),
  );
