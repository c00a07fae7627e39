/** How predicted values that are patterns (a cause, a time of day) meet what a target reports. */
import { describe, expect, it } from 'vitest';
import { rule } from '../catalog/provenance.js';
import { CauseMatch, ClockTime, type Prediction } from '../contracts/prediction.js';
import { aspectsOn, compare, undecidedBy } from './compare.js';
import type { Observation } from '../contracts/observation.js';

const P = rule('sfn.template.documented');
const START = Date.UTC(2026, 0, 1);

function prediction(output: Record<string, unknown>): Prediction {
  return {
    created: { value: true, provenance: P },
    calls: { value: [], provenance: P },
    status: { value: 'SUCCEEDED', provenance: P },
    output: { value: output, provenance: P },
    trace: { jobs: [], createErrors: 0, validated: false },
  };
}

const observed = (output: unknown, startEpochMs?: number): Observation => ({
  created: true,
  status: 'SUCCEEDED',
  output,
  ...(startEpochMs === undefined ? {} : { startEpochMs }),
});

describe('times of day in the output', () => {
  const p = prediction({
    '/CreationTime': new ClockTime(5_000),
    '/TrainingEndTime': new ClockTime(65_000, 3_000),
  });

  it('are compared on a virtual clock, against the execution start', () => {
    expect(
      compare(p, observed({ CreationTime: START + 5_000, TrainingEndTime: START + 65_000 }, START), [
        'output',
      ]),
    ).toEqual([]);
    // A FULL-jittered wait before may make a time earlier, never later.
    expect(
      compare(p, observed({ CreationTime: START + 5_000, TrainingEndTime: START + 62_500 }, START), [
        'output',
      ]),
    ).toEqual([]);
    const late = compare(
      p,
      observed({ CreationTime: START + 5_000, TrainingEndTime: START + 66_000 }, START),
      ['output'],
    );
    expect(late.map((d) => d.path)).toEqual(['output/TrainingEndTime']);
    const seconds = compare(
      p,
      observed({ CreationTime: (START + 5_000) / 1000, TrainingEndTime: START + 65_000 }, START),
      ['output'],
    );
    expect(seconds.map((d) => d.path)).toEqual(['output/CreationTime']);
    expect(JSON.stringify(seconds[0]!.predicted)).toBe('"${ExecutionStart}+5000ms"');
  });

  it('are not compared where the clock is real (a real account runs jobs as long as they take)', () => {
    expect(compare(p, observed({ CreationTime: 1, TrainingEndTime: 2 }), ['output'])).toEqual([]);
  });

  it('a cause in the output matches by what it contains', () => {
    const c = prediction({ '/Cause': new CauseMatch(['ValidationException', 'RoleArn']) });
    expect(compare(c, observed({ Cause: 'x ValidationException at RoleArn' }), ['output'])).toEqual([]);
    expect(compare(c, observed({ Cause: 'x ValidationException' }), ['output'])).toHaveLength(1);
  });
});

describe('on a target that shows no calls', () => {
  const denied = (action: string): Prediction => ({
    created: { value: true, provenance: P },
    calls: {
      value: [
        {
          action: 'sagemaker:CreateTrainingJob',
          resource: 'arn:aws:sagemaker:::training-job/a',
          decision: 'allowed',
        },
        { action, resource: 'arn:aws:sagemaker:::training-job/a', decision: 'implicitDeny' },
      ],
      provenance: P,
    },
    status: { value: 'FAILED', provenance: P },
    error: { value: 'SageMaker.AmazonSageMakerException', provenance: P },
    cause: { value: { includes: [`is not authorized to perform: ${action} on resource`] }, provenance: P },
    trace: { jobs: [], createErrors: 0, validated: false },
  });
  const failed = (error: string, cause: string): Observation => ({
    created: true,
    status: 'FAILED',
    error,
    cause,
  });

  it("the history's error and cause stand in for the calls", () => {
    expect(aspectsOn(['created', 'calls', 'status'], { seesCalls: false, scenarios: false })).toEqual([
      'created',
      'calls',
      'status',
      'error',
      'cause',
      'taskFailures',
    ]);
    expect(aspectsOn(['created', 'calls', 'status'], { seesCalls: true, scenarios: true })).toEqual([
      'created',
      'calls',
      'status',
    ]);
    // Status alone would match: the target failed, but for another reason than the denial.
    const aspects = aspectsOn(['created', 'calls', 'status'], { seesCalls: false, scenarios: false });
    const p = denied('sagemaker:AddTags');
    const other = compare(
      p,
      failed('States.Runtime', 'An error occurred while executing the state'),
      aspects,
    );
    expect(other.map((d) => d.path)).toEqual(['error', 'cause']);
    const same = failed(
      'SageMaker.AmazonSageMakerException',
      'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: sagemaker:AddTags on resource: arn (Service: SageMaker; Status Code: 400; Error Code: AccessDeniedException)',
    );
    expect(compare(p, same, aspects)).toEqual([]);
    expect(undecidedBy(p, same, aspects)).toBeUndefined();
  });

  it('a denial the history does not name leaves the case undecided, not matched', () => {
    const p: Prediction = {
      ...denied('sagemaker:StopTrainingJob'),
      status: { value: 'ABORTED', provenance: P },
      error: { value: null, provenance: P },
      cause: undefined,
      jobStates: { value: { 'arn:job': 'InProgress' }, provenance: P },
    };
    const aborted: Observation = { created: true, status: 'ABORTED' };
    const aspects = aspectsOn(['created', 'calls', 'status', 'error', 'cause', 'jobStates'], {
      seesCalls: false,
      scenarios: false,
    });
    expect(compare(p, aborted, aspects)).toEqual([]);
    expect(undecidedBy(p, aborted, aspects)).toMatch(/denial of sagemaker:StopTrainingJob/);
    // Seen calls decide it; unseen job states still leave it open.
    const seen = { ...aborted, calls: p.calls.value };
    expect(undecidedBy(p, seen, ['created', 'calls', 'status', 'jobStates'])).toMatch(/jobs' status/);
    expect(undecidedBy(p, { ...seen, jobStates: { 'arn:job': 'InProgress' } }, ['calls', 'jobStates'])).toBe(
      undefined,
    );
  });
});

describe('a definition refused at creation', () => {
  const refused: Prediction = {
    created: { value: false, provenance: P },
    createError: { value: { includes: ['AccessDeniedException', 'managed-rule'] }, provenance: P },
    calls: { value: [], provenance: P },
    trace: { jobs: [], createErrors: 0, validated: false },
  };

  it('is refused for the predicted reason', () => {
    const by = (createError: string): Observation => ({ created: false, createError });
    expect(
      compare(refused, by("AccessDeniedException: 'arn:role' is not authorized to create managed-rule."), [
        'created',
      ]),
    ).toEqual([]);
    const other = compare(refused, by('InvalidDefinition: SCHEMA_VALIDATION_FAILED'), ['created']);
    expect(other.map((d) => d.path)).toEqual(['createError']);
    expect(other[0]!.predicted).toBe('contains "AccessDeniedException", "managed-rule"');
    // Created where it should not be is the `created` difference alone.
    expect(compare(refused, { created: true, status: 'SUCCEEDED' }, ['created']).map((d) => d.path)).toEqual([
      'created',
    ]);
  });
});

describe("the history's failed attempts", () => {
  const p: Prediction = {
    created: { value: true, provenance: P },
    calls: { value: [], provenance: P },
    taskFailures: {
      value: [
        { error: 'SageMaker.AmazonSageMakerException', cause: { includes: ['ThrottlingException'] } },
        { error: 'States.TaskFailed', cause: { includes: ['Failed', 'ClientError'] } },
      ],
      provenance: P,
    },
    trace: { jobs: [], createErrors: 0, validated: false },
  };
  const seen = (...taskFailures: { error: string; cause?: string }[]): Observation => ({
    created: true,
    taskFailures,
  });
  const throttled = { error: 'SageMaker.AmazonSageMakerException', cause: 'Error Code: ThrottlingException' };
  const failed = { error: 'States.TaskFailed', cause: 'Failed: ClientError: no data' };

  it('match by error and cause, in any order (branches fail as their calls are answered)', () => {
    expect(compare(p, seen(throttled, failed), ['taskFailures'])).toEqual([]);
    expect(compare(p, seen(failed, throttled), ['taskFailures'])).toEqual([]);
  });

  it('a missing cause, a missing attempt or an extra one is a difference', () => {
    const noCause = compare(p, seen(throttled, { error: 'States.TaskFailed' }), ['taskFailures']);
    // The path names the predicted attempt: the second failure is the one whose cause is missing.
    expect(noCause.map((d) => [d.path, d.observed])).toEqual([['taskFailures/1', 'States.TaskFailed']]);
    expect(noCause[0]!.predicted).toBe('States.TaskFailed (cause contains "Failed", "ClientError")');
    expect(compare(p, seen(throttled), ['taskFailures'])[0]!.observed).toBe('(no such failure)');
    expect(compare(p, seen(throttled, failed, failed), ['taskFailures']).map((d) => d.path)).toEqual([
      'taskFailures/extra',
    ]);
    // Not compared where the target does not tell.
    expect(compare(p, { created: true }, ['taskFailures'])).toEqual([]);
  });
});

describe('an execution the harness had to stop', () => {
  it('is the target difference alone, not also a status the target never gave', () => {
    const p: Prediction = {
      created: { value: true, provenance: P },
      calls: { value: [], provenance: P },
      status: { value: 'SUCCEEDED', provenance: P },
      error: { value: null, provenance: P },
      trace: { jobs: [], createErrors: 0, validated: false },
    };
    const cut: Observation = { created: true, targetError: 'the execution was still running after 10 s' };
    expect(compare(p, cut, ['created', 'status', 'error']).map((d) => d.path)).toEqual(['target']);
  });
});
