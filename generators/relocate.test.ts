/** Cases moved between accounts, regions and partitions name the new place everywhere, and only there. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCaseArb } from './case.js';
import { relocate } from './relocate.js';
import { plain } from './sampleCases.js';

const from = { account: '123456789012', region: 'us-east-1' };

describe('relocate', () => {
  const value = {
    Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
    RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
    TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    S3Uri: 'https://s3.us-east-1.amazonaws.com/amzn-s3-demo-bucket/train',
    Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
  };

  it('moves ARNs, registries and S3 hosts into China', () => {
    expect(relocate(value, from, { account: '111122223333', region: 'cn-north-1' })).toEqual({
      Resource: 'arn:aws-cn:states:::sagemaker:createTrainingJob.sync',
      RoleArn: 'arn:aws-cn:iam::111122223333:role/SageMakerRole',
      TrainingImage: '683313688378.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1',
      S3Uri: 'https://s3.cn-north-1.amazonaws.com.cn/amzn-s3-demo-bucket/train',
      // A service principal is not a regional host.
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });

  it('into GovCloud the hosts keep amazonaws.com; a move back gives the value again', () => {
    const gov = relocate(value, from, { ...from, region: 'us-gov-west-1' });
    expect(gov.RoleArn).toBe('arn:aws-us-gov:iam::123456789012:role/SageMakerRole');
    expect(gov.TrainingImage).toBe(
      '683313688378.dkr.ecr.us-gov-west-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    );
    const china = relocate(gov, { ...from, region: 'us-gov-west-1' }, { ...from, region: 'cn-northwest-1' });
    expect(relocate(china, { ...from, region: 'cn-northwest-1' }, from)).toEqual(value);
  });

  it('a generated case drawn in another partition names no other', () => {
    const cases = fc.sample(validCaseArb(), { numRuns: 150, seed: 9 }).map(plain);
    const elsewhere = cases.filter((c) => c.region !== 'us-east-1');
    expect(elsewhere.length).toBeGreaterThan(20);
    for (const c of elsewhere) {
      const text = JSON.stringify(c);
      expect(text).not.toContain('us-east-1');
      if (c.region.startsWith('cn-')) {
        expect(text).not.toMatch(/arn:aws:|arn:aws-us-gov:/);
        expect(text).toContain('arn:aws-cn:states:::sagemaker:');
      }
    }
  });
});
