/** How predicted values that are patterns (a cause, a time of day) meet what a target reports. */
import { describe, expect, it } from 'vitest';
import { documented } from '../catalog/provenance.js';
import { CauseMatch, ClockTime, type Prediction } from '../oracles/outcome/predictExecution.js';
import { compare } from './compare.js';
import type { Observation } from '../suites/targets/target.js';

const P = documented('test');
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
