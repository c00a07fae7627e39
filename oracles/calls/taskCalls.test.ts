import { describe, expect, it } from 'vitest';
import { howOftenRule } from './taskCalls.js';

describe('howOftenRule: the rule a call beyond the predicted ones breaks', () => {
  it('names Retry for another attempt of a predicted create, the API table for a create never predicted', () => {
    expect(howOftenRule('sagemaker:CreateTrainingJob', ['sagemaker:CreateTrainingJob'])).toBe('asl.retry');
    expect(howOftenRule('sagemaker:CreateModel', ['sagemaker:CreateTrainingJob'])).toBe('sfn.sagemaker.apis');
  });

  it('names the rule of each call the integration makes on its own', () => {
    expect(howOftenRule('sagemaker:DescribeTrainingJob', [])).toBe('sfn.sync.polls-describe');
    expect(howOftenRule('sagemaker:StopTransformJob', [])).toBe('sfn.sync.stop-on-abort');
    expect(howOftenRule('sagemaker:AddTags', [])).toBe('sfn.sync.addtags-needed');
    expect(howOftenRule('sagemaker:ListTags', [])).toBe('sfn.sync.output-is-describe');
    expect(howOftenRule('iam:PassRole', [])).toBe('sagemaker.passrole-checked');
    expect(howOftenRule('events:PutRule', [])).toBe('sfn.managed-rule.needed-at-creation');
  });
});
