/**
 * `run --record DIR`: each execution the AWS or endpoint target ran to its end, written to DIR as
 * one file of the recorded corpus's format (recording.ts), scrubbed (scrub.ts), with a `source`
 * that says which run and case it came from; and a README.md in DIR that says how the files
 * differ from the corpus's. A file is written whole (a part file renamed) and never where
 * anything of the secrets survives; a recording that fails is counted in `problems`, and the
 * case goes on.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { SAGEMAKER_APIS } from '../../../../catalog/sagemakerApis.js';
import type { EndedExecution } from '../options.js';
import { EXECUTION_WORD, featuresOf, MOCK_MACHINE, recordedRun, type RecordedRun } from './recording.js';
import { leaks, RUN_ID_WORD, Scrubber, type ScrubRule, type Secrets } from './scrub.js';
import { RECORD_README } from './readme.js';

/** The README the recorder writes into its directory. */
export const README_FILE = 'README.md';
/** The name of a recording file: a sequence number, the API and pattern, the case id. */
export const RECORDING_FILE = /^\d{4,}-[a-z0-9-]+\.json$/;

/** What the recorder says in each recording's `source`, and what it keeps secret. */
export interface RecorderSetting {
  readonly dir: string;
  readonly toolVersion: string;
  readonly kind: 'aws' | 'endpoint';
  readonly region: string;
  /** The command that replays a case of the run by its id. */
  readonly replayLine?: (caseId: string) => string;
  /** Exact strings that must never be written (the process's credentials). */
  readonly literals: readonly string[];
  /** The rules (tests weaken them); by default all. */
  readonly rules?: readonly ScrubRule[];
}

/** The shortest name replaced by a placeholder: shorter ones are too like words of a message. */
const SHORTEST_NAME = 4;

/** The placeholder stem of each SageMaker name field (short: a tuning job's name has 32 characters at most). */
const NAME_WORDS: Readonly<Record<string, string>> = {
  TrainingJobName: 'rec-training',
  TransformJobName: 'rec-transform',
  ProcessingJobName: 'rec-processing',
  LabelingJobName: 'rec-labeling',
  HyperParameterTuningJobName: 'rec-tuning',
  ModelName: 'rec-model',
  EndpointConfigName: 'rec-endpoint-config',
  EndpointName: 'rec-endpoint',
};
// Every name field of the catalog has a word.
for (const api of Object.values(SAGEMAKER_APIS))
  for (const field of [api.nameField.value, ...api.relatedResources.value.map((r) => r.nameField)])
    if (!(field in NAME_WORDS)) throw new Error(`no placeholder word for the name field ${field}`);

/** Writes each ended execution of a run into the directory as a recording. */
export class Recorder {
  /** Recordings written. */
  written = 0;
  /** The first recordings that could not be written, one line each. */
  readonly problems: string[] = [];
  private sequence = 0;

  constructor(private readonly setting: RecorderSetting) {}

  /** The hook the AWS target calls (`AwsTargetOptions.record`): never throws. */
  readonly record = (execution: EndedExecution): Promise<void> => {
    const n = ++this.sequence;
    const { theCase } = execution;
    const file = `${String(n).padStart(4, '0')}-${kebab(theCase.api)}-${kebab(theCase.pattern)}-${theCase.id}.json`;
    try {
      const { text, secrets } = this.recordingText(execution);
      const found = leaks(text, secrets);
      if (found.length > 0) throw new Error(`${found.join(', ')} would survive scrubbing; not written`);
      const part = join(this.setting.dir, `.${file}.part`);
      writeFileSync(part, text, { mode: 0o644, flag: 'wx' });
      renameSync(part, join(this.setting.dir, file));
      this.written++;
    } catch (e) {
      if (this.problems.length < 10) this.problems.push(`${file}: ${(e as Error).message}`);
    }
    return Promise.resolve();
  };

  /** The recording of an execution as the file's text, and what was kept out of it. */
  recordingText(execution: EndedExecution): { text: string; secrets: Secrets } {
    const { theCase, events, observation, executionArn, runId } = execution;
    const run = recordedRun(theCase, events, observation);
    const secrets: Secrets = {
      account: accountOf(executionArn),
      runId,
      literals: this.setting.literals,
      names: namesOf(executionArn, events, run),
    };
    const scrubber = new Scrubber(secrets, this.setting.rules);
    const compared = <T>(v: T) => scrubber.value(v, 'compared') as T;
    const looseWords = [...new Set([...secrets.names.values(), RUN_ID_WORD])];
    const recording = {
      source: {
        tool: { name: 'sfn-conformance', version: this.setting.toolVersion },
        runId: RUN_ID_WORD,
        seed: theCase.replay.seed,
        path: theCase.replay.path,
        caseId: theCase.id,
        ...(this.setting.replayLine ? { replay: this.setting.replayLine(theCase.id) } : {}),
        api: theCase.api,
        pattern: theCase.pattern,
        target: { kind: this.setting.kind, region: this.setting.region },
        recordedDate: (events.at(-1)?.timestamp ?? new Date()).toISOString().slice(0, 10),
      },
      features: featuresOf(theCase, run),
      definition: scrubber.value(run.definition, 'run'),
      input: scrubber.value(run.input, 'run'),
      executionName: scrubber.text(executionArn.split(':')[7] ?? '', 'run'),
      inputText: scrubber.text(run.inputText, 'run'),
      expected: compared(run.expected),
      mocks: compared(run.mocks),
      taskEvents: compared(run.taskEvents),
      looseWords,
      ...(run.replayLimits.length > 0 ? { replayLimits: run.replayLimits } : {}),
      notes: [
        `Recorded by sfn-conformance from a run on ${this.setting.kind === 'aws' ? 'a real AWS account' : 'an AWS-compatible endpoint'}; the account is 111111111111, the run id '${RUN_ID_WORD}', the names the run made are the loose words, times under time keys are <time:N> and date-times in text 'date' (README.md of this directory).`,
        ...run.notes,
      ].join(' '),
    };
    return { text: `${JSON.stringify(recording, null, 2)}\n`, secrets };
  }

  /** Writes the directory's README (what the files hold, and how they differ from the corpus's). */
  writeReadme(): void {
    writeFileSync(join(this.setting.dir, README_FILE), RECORD_README, { mode: 0o644, flag: 'wx' });
  }
}

/** `CreateTrainingJob` → `create-training-job`, `requestResponse` → `request-response`. */
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The account an execution ARN names (`arn:PARTITION:states:REGION:ACCOUNT:execution:...`). */
function accountOf(executionArn: string): string {
  return executionArn.split(':')[4] ?? '';
}

/**
 * The names the run made and their placeholder words: the state machine, the role and the
 * execution, then the SageMaker names of the scheduled requests, in the order they first appear.
 */
function namesOf(
  executionArn: string,
  events: readonly HistoryEvent[],
  run: RecordedRun,
): Map<string, string> {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  const add = (name: unknown, stem: string, numbered = true) => {
    if (typeof name !== 'string' || name.length < SHORTEST_NAME) return;
    if ([...names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) return;
    const n = (counts.get(stem) ?? 0) + 1;
    counts.set(stem, n);
    names.set(name, numbered ? `${stem}-${n}` : stem);
  };
  const [, , , , , , machine, execution] = executionArn.split(':');
  add(machine, MOCK_MACHINE, false);
  const roleArn = events.find((e) => e.type === 'ExecutionStarted')?.executionStartedEventDetails?.roleArn;
  add(roleArn?.split('/').at(-1), 'rec-role', false);
  add(execution, EXECUTION_WORD, false);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        const word = NAME_WORDS[k];
        if (word) add(v, word);
        visit(v);
      }
  };
  for (const e of run.taskEvents) visit(e.parameters);
  return names;
}
