/**
 * What the predictions of the cases a run draws rest on: a prediction is as strong as the weakest
 * rule it rests on, so a case that calls an API without a published policy template (its calls rest
 * on the template's analogy) never has a documented expectation.
 */
import { describe, expect, it } from 'vitest';
import { SAGEMAKER_APIS } from '../../catalog/sagemakerApis.js';
import { EVIDENCE } from '../../catalog/evidence.js';
import { sampleCases } from '../../generators/sampleCases.js';
import { planTasks } from '../../contracts/casePlan.js';
import type { Prediction } from '../../contracts/prediction.js';
import { predictExecution } from './predictExecution.js';

const expectations = (p: Prediction) =>
  Object.entries(p).filter(([k]) => k !== 'trace') as [
    string,
    { provenance: { kind: string; rules: { id: string }[] } },
  ][];

describe('the provenance of the predictions of sample --count 1000 --seed 1', () => {
  const cases = [...sampleCases({ seed: 1 }, 1000)];
  const templateLess = (c: (typeof cases)[number]) =>
    planTasks(c.plan.flow).some((t) => SAGEMAKER_APIS[t.api].policyTemplate.kind !== 'documented');

  it('no expectation of a case with an API without a published template is documented', () => {
    const without = cases.filter(templateLess);
    expect(without.length).toBeGreaterThan(300);
    for (const c of without)
      for (const [aspect, e] of expectations(predictExecution(c)))
        expect(e.provenance.kind, `${c.id} ${aspect}`).not.toBe('documented');
  });

  it('every expectation names the rules it rests on, each of the table and of its kind', () => {
    for (const c of cases)
      for (const [aspect, e] of expectations(predictExecution(c))) {
        expect(e.provenance.rules.length, `${c.id} ${aspect}`).toBeGreaterThan(0);
        for (const r of e.provenance.rules)
          expect(EVIDENCE[r.id as keyof typeof EVIDENCE]?.kind, `${c.id} ${aspect} ${r.id}`).toBe(
            e.provenance.kind,
          );
      }
  });

  it('cases of the two APIs with published templates have documented predictions too (the test can tell)', () => {
    const documented = cases
      .filter((c) => !templateLess(c))
      .filter((c) => predictExecution(c).status?.provenance.kind === 'documented');
    expect(documented.length).toBeGreaterThan(10);
  });
});
