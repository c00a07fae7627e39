/**
 * A case whose SageMaker names are taken is not run: within a run, a job's name is claimed for
 * good and the others' while their case runs; on the target, a job of the name found by a List.
 */
import { ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import { beforeEach, describe, expect, it } from 'vitest';
import { allowedCreates } from './prediction.js';
import { NameClaims } from './namesTaken.js';
import { mockSucceedingAws, sagemaker, target, theCase } from './testing/mockedAws.js';

describe('NameClaims', () => {
  it('a job name is claimed for the run; the case again is not run, saying which', () => {
    // The case creates a training job (the oracle's allowed CreateTrainingJob).
    expect(allowedCreates(theCase).map((c) => c.action)).toEqual(['sagemaker:CreateTrainingJob']);
    const claims = new NameClaims();
    const first = claims.claim(theCase);
    if (!('names' in first)) throw new Error(`claimed nothing: ${first.taken}`);
    expect(first.names.map((n) => n.permanent)).toEqual([true]);
    first.release();
    expect(claims.claim(theCase)).toEqual({
      taken: expect.stringMatching(/^training job "demand-xsjd" is used by an earlier case of this run$/),
    });
  });
});

describe('AwsTarget: names taken on the target', () => {
  beforeEach(() => mockSucceedingAws());

  it('lists the job names first, and does not run a case whose job already exists', async () => {
    const jobs = allowedCreates(theCase).filter((c) => c.action === 'sagemaker:CreateTrainingJob');
    expect(jobs).toHaveLength(1);
    const name = jobs[0]!.resource.split('/').at(-1)!;
    sagemaker.on(ListTrainingJobsCommand).resolves({
      TrainingJobSummaries: [
        {
          TrainingJobName: name.toUpperCase(),
          TrainingJobArn: jobs[0]!.resource,
          CreationTime: new Date(),
          TrainingJobStatus: 'Completed',
        },
      ],
    });
    const o = await target().t.execute(theCase);
    expect(o).toEqual({
      created: false,
      notRun: `training job "${name}" already exists on the target, and a job's name is never freed`,
    });
  });
});
