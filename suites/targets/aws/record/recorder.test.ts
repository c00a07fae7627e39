/**
 * What a recording keeps of a run: nothing of the account, the credentials or the run's names.
 * A history that carries the account id, an access key id, a secret key, a session token, an
 * Authorization header, a credential of the process and the run's names in many places (outputs,
 * causes, parameters, the definition and input, JSON text nested in strings, lower-cased in ARNs)
 * is recorded, and none of them survives; with any one scrubbing rule left out, one does. The
 * recording still replays in the emulator to its recorded outcome, and one where a secret would
 * survive is not written.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../contracts/case.js';
import { replayDifference, type TaskRecording } from '../../../../emulator/recorded/replayRecording.js';
import type { EndedExecution } from '../options.js';
import { Recorder } from './recorder.js';
import { SCRUB_RULES } from './scrub.js';

const ACCOUNT = '999988887777';
const RUN_ID = 'lz9q2x01';
const MACHINE = `sfnc-${RUN_ID}-3`;
const EXECUTION = 'Churn-Exec-77';
const JOB = 'Churn-Train-42';
const KEY_ID = 'AKIAZ3EXAMPLEKEY7Q2X';
const TEMP_KEY_ID = 'ASIAZ3EXAMPLE0TEMP9Z';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE1Y';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEtokenAbCdEf0123456789+/=';
const SIGNATURE = 'deadbeefcafe0123456789';
/** A credential of the process that looks like nothing in particular (from its environment). */
const ENV_SECRET = 'correct-horse-battery-staple';
/** Another, which a URL would carry encoded. */
const URL_SECRET = 'pa55/word+with=signs';

/** Everything that must not survive, compared case-insensitively (SageMaker lower-cases names in ARNs). */
const FORBIDDEN = [
  ACCOUNT,
  RUN_ID,
  MACHINE,
  EXECUTION,
  JOB,
  KEY_ID,
  TEMP_KEY_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  SIGNATURE,
  ENV_SECRET,
  URL_SECRET,
  encodeURIComponent(URL_SECRET),
];

const survivors = (text: string) => FORBIDDEN.filter((f) => text.toLowerCase().includes(f.toLowerCase()));

const roleArn = `arn:aws:iam::${ACCOUNT}:role/sfn-conformance/${MACHINE}`;
const executionArn = `arn:aws:states:us-east-1:${ACCOUNT}:execution:${MACHINE}:${EXECUTION}`;
const jobArn = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/${JOB.toLowerCase()}`;
const request = {
  TrainingJobName: JOB,
  AlgorithmSpecification: {
    TrainingImage: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/train:1`,
    TrainingInputMode: 'File',
  },
  RoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker`,
  OutputDataConfig: { S3OutputPath: `s3://sagemaker-us-east-1-${ACCOUNT}/out` },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
  StoppingCondition: { MaxRuntimeInSeconds: 60 },
  Tags: [{ Key: 'sfn-conformance:run-id', Value: RUN_ID }],
};
const definition = {
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob',
      Parameters: request,
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1, IntervalSeconds: 1 }],
      ResultPath: '$.train',
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};
const input = { owner: `arn:aws:iam::${ACCOUNT}:user/alice`, note: `signed by ${KEY_ID}` };
const cause = JSON.stringify({
  message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/${MACHINE}/abc is not authorized`,
  request: `Authorization: AWS4-HMAC-SHA256 Credential=${TEMP_KEY_ID}/20240101/us-east-1/sagemaker/aws4_request, Signature=${SIGNATURE}`,
  headers: JSON.stringify({ 'X-Amz-Security-Token': SESSION_TOKEN, job: JOB }),
  env: `aws_secret_access_key=${SECRET_KEY} ${ENV_SECRET}`,
  url: `https://example.com/hook?token=${encodeURIComponent(URL_SECRET)}&run=${RUN_ID.toUpperCase()}`,
});
const result = {
  TrainingJobArn: jobArn,
  Detail: JSON.stringify({
    RoleArn: roleArn,
    ExecutionArn: executionArn,
    CreationTime: 1700000000.5,
    // Bare, under no key that names a secret.
    Debug: `creds ${SESSION_TOKEN} ${SECRET_KEY}`,
  }),
  CreationTime: 1700000000.5,
  Started: '2024-01-01T10:00:00.000Z',
};
const output = { ...input, train: result };

let id = 0;
const event = (type: string, previous: number, details: Partial<HistoryEvent> = {}): HistoryEvent => ({
  id: ++id,
  previousEventId: previous,
  type: type as HistoryEvent['type'],
  timestamp: new Date('2024-01-01T10:00:00Z'),
  ...details,
});
const sagemaker = { resourceType: 'sagemaker', resource: 'createTrainingJob' };
const scheduled = {
  taskScheduledEventDetails: {
    resourceType: 'sagemaker',
    resource: 'createTrainingJob',
    region: 'us-east-1',
    parameters: JSON.stringify(request),
  },
};
const events: HistoryEvent[] = [
  event('ExecutionStarted', 0, { executionStartedEventDetails: { input: JSON.stringify(input), roleArn } }),
  event('TaskStateEntered', 1, { stateEnteredEventDetails: { name: 'Train', input: JSON.stringify(input) } }),
  event('TaskScheduled', 2, scheduled),
  event('TaskStarted', 3),
  event('TaskFailed', 4, {
    taskFailedEventDetails: { ...sagemaker, error: 'SageMaker.AmazonSageMakerException', cause },
  }),
  event('TaskScheduled', 5, scheduled),
  event('TaskStarted', 6),
  event('TaskSucceeded', 7, { taskSucceededEventDetails: { ...sagemaker, output: JSON.stringify(result) } }),
  event('TaskStateExited', 8, { stateExitedEventDetails: { name: 'Train', output: JSON.stringify(output) } }),
  event('PassStateEntered', 9, { stateEnteredEventDetails: { name: 'Done', input: JSON.stringify(output) } }),
  event('PassStateExited', 10, { stateExitedEventDetails: { name: 'Done', output: JSON.stringify(output) } }),
  event('ExecutionSucceeded', 11, { executionSucceededEventDetails: { output: JSON.stringify(output) } }),
];

const theCase = {
  id: 'c0ffee0123456789',
  api: 'CreateTrainingJob',
  pattern: 'requestResponse',
  queryLanguage: 'JSONPath',
  wrappers: ['Retry', 'ResultPath'],
  definition,
  input,
  replay: { seed: 7, path: 'outcome:3' },
} as unknown as Case;
const execution: EndedExecution = {
  theCase,
  executionArn,
  events,
  observation: { created: true, executionArn, status: 'SUCCEEDED', error: null, output },
  runId: RUN_ID,
};

const recorder = (dir: string, rules = SCRUB_RULES) =>
  new Recorder({
    dir,
    toolVersion: '0.0.0',
    kind: 'aws',
    region: 'us-east-1',
    literals: [ENV_SECRET, URL_SECRET],
    rules,
  });

describe('a recording of a run on an account', () => {
  it('keeps no account id, credential, run id or name of the run, anywhere', () => {
    const { text } = recorder(tmpdir()).recordingText(execution);
    // They were there to be found: the history carries each of them.
    expect(survivors(JSON.stringify(events) + JSON.stringify(definition) + ENV_SECRET + URL_SECRET)).toEqual(
      FORBIDDEN,
    );
    expect(survivors(text)).toEqual([]);
    expect(text).toContain('111111111111');
    expect(text).toContain('rec-training-1');
    expect(text).toContain('<time:1>');
  });

  it.each(SCRUB_RULES.map((r) => r.name))('leaves a secret in when the rule "%s" is left out', (name) => {
    const weakened = SCRUB_RULES.filter((r) => r.name !== name);
    const { text } = recorder(tmpdir(), weakened).recordingText(execution);
    expect(survivors(text)).not.toEqual([]);
  });

  it('replays in the emulator to its recorded outcome', async () => {
    const { text } = recorder(tmpdir()).recordingText(execution);
    const r = JSON.parse(text) as TaskRecording;
    expect(r.mocks).toMatchObject({
      StateMachines: { 'rec-state-machine': { TestCases: { Recorded: { Train: 'Train' } } } },
    });
    expect(await replayDifference(r, 'synthetic.json')).toBeUndefined();
  });

  it('writes the file, and none where a secret would survive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfnc-recorder-'));
    const good = recorder(dir);
    await good.record(execution);
    expect(good.written).toBe(1);
    expect(readdirSync(dir)).toEqual([`0001-create-training-job-request-response-${theCase.id}.json`]);
    const leaky = recorder(dir, []);
    await leaky.record(execution);
    expect(leaky.written).toBe(0);
    expect(leaky.problems[0]).toMatch(
      /the account id, the run id, a credential of the process, an access key id, a session token would survive scrubbing; not written$/,
    );
    expect(existsSync(join(dir, `0001-create-training-job-request-response-${theCase.id}.json`))).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
