import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../catalog/api.js';
import { validateRequest } from '../validation/validateRequest.js';
import { NEGATIVE_EDIT_COUNT, negativeRequestArb } from './negativeRequests.js';
import { REQUEST_ARBITRARIES } from './requests.js';

describe.each(API_NAMES)('%s requests', (api) => {
  it('are valid by construction: every generated request passes the validator', () => {
    fc.assert(
      fc.property(REQUEST_ARBITRARIES[api], (request) => {
        expect(validateRequest(api, request)).toEqual([]);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('negative requests break exactly their labelled constraint, and every kind of edit occurs', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(negativeRequestArb(api), (negative) => {
        const violations = validateRequest(api, negative.request);
        expect(violations.map((v) => ({ constraint: v.constraint, path: v.path, rule: v.rule }))).toEqual([
          { constraint: negative.breaks.constraint, path: negative.breaks.path, rule: negative.breaks.rule },
        ]);
        kinds.add(`${negative.breaks.constraint}${negative.breaks.path}`);
      }),
      { numRuns: 300, seed: 2 },
    );
    expect(kinds.size).toBe(NEGATIVE_EDIT_COUNT[api]);
  });
});

describe('realistic values', () => {
  it('uses the instance-type enum of each API (ml.t3.* trains but does not transform)', () => {
    const transforms = fc.sample(REQUEST_ARBITRARIES.CreateTransformJob, { numRuns: 300, seed: 3 });
    expect(
      transforms.some((r) =>
        String((r.TransformResources as { InstanceType: string }).InstanceType).startsWith('ml.t3.'),
      ),
    ).toBe(false);
  });

  it('keeps HPO names within 32 characters and other job names within 63', () => {
    for (const r of fc.sample(REQUEST_ARBITRARIES.CreateHyperParameterTuningJob, { numRuns: 200, seed: 4 })) {
      expect(String(r.HyperParameterTuningJobName).length).toBeLessThanOrEqual(32);
    }
  });

  it('MaxConcurrentTransforms x MaxPayloadInMB stays within 100', () => {
    for (const r of fc.sample(REQUEST_ARBITRARIES.CreateTransformJob, { numRuns: 300, seed: 5 })) {
      if (typeof r.MaxConcurrentTransforms === 'number')
        expect(r.MaxConcurrentTransforms * (r.MaxPayloadInMB as number)).toBeLessThanOrEqual(100);
    }
  });
});
