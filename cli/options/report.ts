/**
 * What a command writes: --report, --overwrite and --format. Each option is defined here once,
 * with one help text for every command.
 */
import { type Command, Option } from 'commander';

/** `--report`: the report directory. */
export const reportOption = () =>
  new Option(
    '--report <dir>',
    'report directory (run: default a new one under sfn-conformance-reports/; regress writes report.json, report.md and junit.xml)',
  );

/** `--overwrite`: replace a report. */
export const overwriteOption = () => new Option('--overwrite', 'replace a report already in the directory');

/** `--format`: how a command prints what it found (each command takes some of these). */
export const formatOption = () =>
  new Option(
    '--format <format>',
    'output format: text or json (check, exec, replay), text, json or markdown (run and merge: the summary on stdout; regress), jsonl or json (sample); the first is the default',
  );

/** --report and --overwrite. */
export const addReportOptions = (command: Command): Command =>
  command.addOption(reportOption()).addOption(overwriteOption());
