/**
 * What a command writes: --report, --overwrite and --format. Each option is defined here once; a
 * command says what it means for it (its default, the formats it takes).
 */
import { type Command, Option } from 'commander';
import { UsageError } from '../../contracts/usageError.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../contracts/summaryFormat.js';

/** `--report`: the report directory, with what the command writes there. */
export const reportOption = (what: string) => new Option('--report <dir>', `report directory${what}`);

/** `--overwrite`: replace a report. */
export const overwriteOption = () => new Option('--overwrite', 'replace a report already in the directory');

/** The formats a command prints in. */
export interface Formats<F extends string = string> {
  readonly names: readonly F[];
  /** The format when none is given (default: the first). */
  readonly byDefault?: F;
  /** What is printed in them (default: the command's output). */
  readonly what?: string;
}

/** `text` or `json`: check, exec and replay. */
export const TEXT_OR_JSON: Formats<'text' | 'json'> = { names: ['text', 'json'] };

/** The formats of regress's report on stdout. */
export const REGRESS_FORMATS: Formats<'text' | 'json' | 'markdown'> = { names: ['text', 'json', 'markdown'] };

/** The formats sample prints cases in: one JSON line each, or one JSON array. */
export const SAMPLE_FORMATS: Formats<'json' | 'jsonl'> = { names: ['json', 'jsonl'], byDefault: 'jsonl' };

/** The formats of `run`'s and `merge`'s summary on stdout. */
export const SUMMARY: Formats<SummaryFormat> = {
  names: SUMMARY_FORMATS,
  what: 'format of the summary on stdout',
};

/** `a`, `a or b`, `a, b or c`. */
const orList = (names: readonly string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;

/** `--format`: how the command prints what it found. */
export const formatOption = (formats: Formats) =>
  new Option(
    '--format <format>',
    `${formats.what ?? 'output format'}: ${orList(formats.names)} (default: ${formats.byDefault ?? formats.names[0]!})`,
  );

/** The format `--format` names, checked against the command's (its first when not given). */
export function chosenFormat<F extends string>(given: string | undefined, formats: Formats<F>): F {
  const format = given ?? formats.byDefault ?? formats.names[0]!;
  if (!(formats.names as readonly string[]).includes(format))
    throw new UsageError('bad-option', `--format "${format}" is unknown; use ${orList(formats.names)}`);
  return format as F;
}

/** --report and --overwrite. */
export const addReportOptions = (command: Command, what: string): Command =>
  command.addOption(reportOption(what)).addOption(overwriteOption());
