/**
 * `run --record DIR` on the command line: the option checked (a real account or an endpoint only,
 * not with `--plan`), the hook the AWS target calls for each ended execution, and the directory
 * taken once the target is connected (recordDir.ts). What was recorded, and any recording that
 * could not be written, is said on stderr at the end.
 */
import { join } from 'node:path';
import { UsageError } from '../contracts/usageError.js';
import { replayById } from '../reports/replayCommand.js';
import type { AwsTarget } from '../suites/targets/aws/awsTarget.js';
import type { EndedExecution } from '../suites/targets/aws/options.js';
import { Recorder } from '../suites/targets/aws/record/recorder.js';
import type { Io } from './io.js';
import type { DirLock } from './reportDirLock.js';
import { takeRecordDir } from './recordDir.js';

/** The options `--record` reads. */
export interface RecordRaw {
  readonly record?: string;
  readonly overwrite?: boolean;
  readonly target?: string;
  readonly plan?: boolean;
}

/** Environment variables whose values are credentials (never written into a recording). */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
];

/** A run's recording: the target's hook, the start once the target is connected, the end. */
export class RunRecording {
  private recorder: Recorder | undefined;
  private lock: DirLock | undefined;

  private constructor(
    private readonly dir: string,
    private readonly overwrite: boolean,
  ) {}

  /**
   * The recording `--record` asks for, or none. Refused (one line, exit 2) with the built-in
   * emulator, whose executions are the replay's own, and with `--plan`, which runs nothing.
   */
  static of(raw: RecordRaw): RunRecording | undefined {
    if (raw.record === undefined) return undefined;
    if (raw.target !== 'aws' && raw.target !== 'endpoint')
      throw new UsageError(
        'bad-option',
        raw.target === 'teststate'
          ? '--record is for --target aws or endpoint: it records executions, and the TestState lane (--target teststate) runs none'
          : '--record is for --target aws or endpoint: it records what a real target did, for the built-in emulator to replay; the emulator (--target embedded) would only be replayed against itself',
      );
    if (raw.plan)
      throw new UsageError('bad-option', '--record does not go with --plan, which runs no execution');
    return new RunRecording(raw.record, raw.overwrite === true);
  }

  /** What the AWS target calls for each execution that ended (nothing until `start`). */
  readonly hook = (execution: EndedExecution): Promise<void> =>
    this.recorder ? this.recorder.record(execution) : Promise.resolve();

  /** Takes the directory, writes its README and starts recording (the report directory is taken already). */
  async start(target: AwsTarget, version: string, reportDir: string): Promise<void> {
    this.lock = takeRecordDir(this.dir, this.overwrite, reportDir);
    const literals = CREDENTIAL_VARIABLES.flatMap((v) => (process.env[v] ? [process.env[v]] : []));
    // The credentials the target signs with, wherever the provider chain found them.
    try {
      const resolved = await target.clients.sts.config.credentials();
      literals.push(
        ...[resolved.accessKeyId, resolved.secretAccessKey, resolved.sessionToken].filter(
          (c): c is string => typeof c === 'string' && c !== '',
        ),
      );
    } catch {
      // None resolved: none to keep out beyond the environment's.
    }
    this.recorder = new Recorder({
      dir: this.dir,
      toolVersion: version,
      kind: target.kind,
      region: target.region,
      replayLine: (caseId) => replayById(join(reportDir, 'report.json'), caseId),
      literals,
    });
    this.recorder.writeReadme();
  }

  /** Says what was recorded and where, and each recording that could not be written. */
  finish(io: Io): void {
    const recorder = this.recorder;
    if (!recorder) return;
    for (const problem of recorder.problems) io.stderr(`recording failed: ${problem}\n`);
    io.stderr(
      `recorded ${recorder.written} execution${recorder.written === 1 ? '' : 's'} in ${this.dir}; replay them with: npx sfn-conformance exec --recorded ${this.dir}\n`,
    );
  }

  /** Gives the directory back (on every way out of the run). */
  release(): void {
    this.lock?.release();
  }
}
