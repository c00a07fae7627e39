import { describe, expect, it } from 'vitest';
import { drawSuiteCase } from '../suites/suites.js';
import { withId } from './invalidCase.js';
import { featureCounts } from './pipelineFeatures.js';
import { plain, sampleCases } from './sampleCases.js';

/** The least share of the cases every feature must have, at `sample --count 1000 --seed 1`. */
const AT_LEAST = 0.02;

const below = (counts: ReturnType<typeof featureCounts>, invalid: boolean) =>
  counts
    .filter((s) => s.section.startsWith('invalid') === invalid)
    .flatMap((s) =>
      s.rows
        .filter(([, n, base]) => n < AT_LEAST * base)
        .map(([label, n, base]) => `${s.section}: ${label.trim()} ${n}/${base}`),
    );

describe('the generated cases look like the pipelines people run', () => {
  it('every data-flow, value, structure and request-content feature is in at least 2% of `sample --count 1000 --seed 1`', () => {
    const counts = featureCounts([...sampleCases({ seed: 1 }, 1000)]);
    expect(below(counts, false)).toEqual([]);
  });

  it('a Choice on a metric finds it on the threshold in at least a third of the cases that have one', () => {
    // The boundary is where a comparison goes wrong (>= taken for >): drawn on purpose, not by luck.
    const counts = featureCounts([...sampleCases({ seed: 1 }, 1000)]);
    const rows = new Map(counts.flatMap((s) => s.rows).map(([label, n]) => [label.trim(), n]));
    const gates = rows.get('a Choice on a metric against a threshold')!;
    expect(gates).toBeGreaterThanOrEqual(50);
    expect(rows.get('the metric on the threshold')!).toBeGreaterThanOrEqual(gates / 3);
  });

  it('every invalid form people hit is in at least 2% of the validation suite (seed 1, 1000 cases)', () => {
    const cases = Array.from({ length: 1000 }, (_, i) =>
      withId(plain(drawSuiteCase('validation', 1, i).value), { seed: 1, path: `validation:${i}` }),
    );
    const counts = featureCounts(cases);
    expect(counts.find((s) => s.section.startsWith('invalid'))!.rows[0]![2]).toBe(1000);
    expect(below(counts, true)).toEqual([]);
  });
});
