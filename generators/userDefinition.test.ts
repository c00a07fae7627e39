/** Cases around a user's definition: the input gives what its paths read, drawn again the same from seed and index. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MachinePlan } from '../contracts/casePlan.js';
import { definitionPlan } from '../oracles/definition/flowPlan.js';
import type { JsonObject } from '../syntax/json.js';
import { drawCase } from './sampleCases.js';
import { inputArb, userCaseArb, type UserDefinition } from './userDefinition.js';

const user = (file: string): UserDefinition => {
  const definition = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  return { file, definition, type: 'STANDARD', plan: definitionPlan(definition).plan };
};

describe('userCaseArb', () => {
  it('draws an input with every member the paths read: valid request values, JSON strings, flags, items', () => {
    const jsonata = user('examples/jsonata-pipeline.json');
    const c = drawCase(userCaseArb(jsonata, 'predicted'), 1, 0).value;
    expect(c.definition).toBe(jsonata.definition);
    expect(c.input.roleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect((c.input.dataUris as string[])[0]).toMatch(/^s3:\/\//);
    // $parse($states.input.environmentJson) feeds the model's Environment: a JSON object's text.
    expect(JSON.parse(c.input.environmentJson as string)).toBeTypeOf('object');
    const chooser = user('examples/create-or-update-endpoint.json');
    const flags = new Set(
      Array.from(
        { length: 20 },
        (_, i) => drawCase(userCaseArb(chooser, 'predicted'), 1, i).value.input.endpointExists,
      ),
    );
    expect(flags).toEqual(new Set([true, false]));
    const map: MachinePlan = definitionPlan({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.jobs',
          ItemSelector: { 'job.$': '$$.Map.Item.Value' },
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Resource: 'arn:aws:states:::sagemaker:createModel',
                Parameters: { 'ModelName.$': '$.job.model', 'ExecutionRoleArn.$': '$$.Execution.Input.role' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    }).plan;
    const [input] = fc.sample(inputArb(map), { seed: 3, numRuns: 1 });
    expect(input).toMatchObject({
      jobs: [{ model: expect.any(String) }],
      role: expect.stringMatching(/:role\//),
    });
  });

  it('case k is the same for the same seed and index', () => {
    const arb = userCaseArb(user('examples/processing-train-evaluate.json'), 'withoutOne');
    for (const i of [0, 5, 17]) expect(drawCase(arb, 9, i).value).toEqual(drawCase(arb, 9, i).value);
    expect(drawCase(arb, 9, 1).value).not.toEqual(drawCase(arb, 9, 2).value);
  });
});
